/**
 * <annals-embed-code>: the embed code of an indicator's chart, pinned to the version the reader
 * picks, or of a compare view as chosen. The versions to pick from are fetched when the reader
 * reaches the code (`data-versions`: /embed/versions.json), not with the page.
 */
import { useStrings } from '../i18n/index.ts';
import type { Locale } from '../lib/content/model.ts';
import { embedCode, pinKey, type EmbedVersion } from '../lib/embed.ts';
import { formatDate } from '../lib/format.ts';

class AnnalsEmbedCode extends HTMLElement {
	connectedCallback() {
		for (const hidden of this.querySelectorAll<HTMLElement>('[data-needs-js]')) hidden.hidden = false;
		const select = this.querySelector('select');
		const text = this.querySelector('textarea')!;
		const { src = '', title = '', origin = '', versions, locale = 'vi' } = this.dataset;
		// A chart's code: pinned to the version picked. A compare view's: the choice in the address, and the pin.
		const follows = this.hasAttribute('data-follow-query');
		const update = () => {
			// The compare view's whole choice, indicators included, even when the address leaves them to defaults.
			const choice = follows ? (document.querySelector<HTMLElement>('annals-compare')?.dataset['state'] ?? location.search) : '';
			const query = new URLSearchParams(choice);
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
		if (select && versions) {
			const observer = new IntersectionObserver(
				(entries) => {
					if (!entries.some((e) => e.isIntersecting)) return;
					observer.disconnect();
					void this.#versions(select, versions, locale as Locale);
				},
				{ rootMargin: '200px' },
			);
			observer.observe(this);
		}
	}

	/** The versions to pin to, newest first. */
	async #versions(select: HTMLSelectElement, from: string, locale: Locale) {
		const t = useStrings(locale);
		const versions = await fetch(from)
			.then((response) => (response.ok ? (response.json() as Promise<EmbedVersion[]>) : undefined))
			.catch(() => undefined);
		// Without the list, the code embeds the latest figures, and says why no pin is offered.
		if (!versions) {
			select.title = t['embed.versionsNotLoaded'];
			select.disabled = true;
			return;
		}
		select.append(
			...versions.reverse().map((v) => {
				const option = document.createElement('option');
				option.value = pinKey(v);
				option.textContent = t['embed.versionOption'](v.year, v.number, formatDate(v.date, locale));
				return option;
			}),
		);
		this.dataset['versionsLoaded'] = '';
	}
}

customElements.define('annals-embed-code', AnnalsEmbedCode);
