/** <annals-embed-code>: the embed code of an indicator's chart, pinned to the version the reader picks, or of a compare view as chosen. */
import { embedCode } from '../lib/embed.ts';

class AnnalsEmbedCode extends HTMLElement {
	connectedCallback() {
		for (const hidden of this.querySelectorAll<HTMLElement>('[data-needs-js]')) hidden.hidden = false;
		const select = this.querySelector('select');
		const text = this.querySelector('textarea')!;
		const { src = '', title = '', origin = '' } = this.dataset;
		// A chart's code: pinned to the version picked. A compare view's: the choice in the address, and the pin.
		const follows = this.hasAttribute('data-follow-query');
		const update = () => {
			const query = new URLSearchParams(follows ? location.search : '');
			query.delete('v');
			if (select?.value) query.set('v', select.value);
			const search = query.toString().replace(/%2C/g, ',');
			text.value = embedCode(search ? `${src}?${search}` : src, title, origin);
		};
		select?.addEventListener('change', update);
		if (follows) {
			window.addEventListener('annals:compare', update);
			window.addEventListener('popstate', update);
			update();
		}
		text.addEventListener('focus', () => text.select());
	}
}

customElements.define('annals-embed-code', AnnalsEmbedCode);
