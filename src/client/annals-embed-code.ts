/** <annals-embed-code>: the embed code of an indicator's chart, pinned to the version the reader picks, or of a compare view as chosen. */
import { embedCode } from '../lib/embed.ts';

class AnnalsEmbedCode extends HTMLElement {
	connectedCallback() {
		for (const hidden of this.querySelectorAll<HTMLElement>('[data-needs-js]')) hidden.hidden = false;
		const select = this.querySelector('select');
		const text = this.querySelector('textarea')!;
		const { src = '', title = '', origin = '' } = this.dataset;
		// A chart's code: pinned to the version picked. A compare view's: the choice in the address.
		select?.addEventListener('change', () => {
			text.value = embedCode(select.value ? `${src}?v=${select.value}` : src, title, origin);
		});
		if (this.hasAttribute('data-follow-query')) {
			const follow = () => (text.value = embedCode(`${src}${location.search}`, title, origin));
			window.addEventListener('annals:compare', follow);
			window.addEventListener('popstate', follow);
			follow();
		}
		text.addEventListener('focus', () => text.select());
	}
}

customElements.define('annals-embed-code', AnnalsEmbedCode);
