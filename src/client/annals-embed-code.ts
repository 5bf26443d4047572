/** <annals-embed-code>: the embed code of an indicator's chart, pinned to the version the reader picks. */
import { embedCode } from '../lib/embed.ts';

class AnnalsEmbedCode extends HTMLElement {
	connectedCallback() {
		for (const hidden of this.querySelectorAll<HTMLElement>('[data-needs-js]')) hidden.hidden = false;
		const select = this.querySelector('select')!;
		const text = this.querySelector('textarea')!;
		const { src = '', title = '', origin = '' } = this.dataset;
		select.addEventListener('change', () => {
			text.value = embedCode(select.value ? `${src}?v=${select.value}` : src, title, origin);
		});
		text.addEventListener('focus', () => text.select());
	}
}

customElements.define('annals-embed-code', AnnalsEmbedCode);
