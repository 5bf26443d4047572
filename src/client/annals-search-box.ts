/**
 * <annals-search-box>: the header search. The search code loads when the reader focuses the box or
 * presses "/"; typing shows the first results, Enter opens the full search page.
 */
import { useStrings } from '../i18n/index.ts';
import type { Locale } from '../lib/content/model.ts';

class AnnalsSearchBox extends HTMLElement {
	#timer: ReturnType<typeof setTimeout> | undefined;
	#engine: Promise<typeof import('./search-engine.ts')> | undefined;

	connectedCallback() {
		const input = this.querySelector('input')!;
		const load = () => (this.#engine ??= import('./search-engine.ts'));
		input.addEventListener('focus', () => void load().then((e) => e.loadSearchIndex(this.dataset['base'] ?? '/')), { once: true });
		input.addEventListener('input', () => {
			clearTimeout(this.#timer);
			this.#timer = setTimeout(() => void this.#show(input.value), 150);
		});
		input.addEventListener('keydown', (event) => {
			if (event.key === 'Escape') this.#close();
		});
		this.addEventListener('focusout', (event) => {
			if (!this.contains(event.relatedTarget as Node | null)) this.#close();
		});
		document.addEventListener('keydown', (event) => {
			const target = event.target as HTMLElement;
			if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
			if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
			event.preventDefault();
			input.focus();
		});
	}

	#close() {
		const box = this.querySelector<HTMLElement>('.search-dropdown')!;
		box.hidden = true;
		this.querySelector('input')!.setAttribute('aria-expanded', 'false');
	}

	async #show(query: string) {
		const box = this.querySelector<HTMLElement>('.search-dropdown')!;
		const input = this.querySelector('input')!;
		if (!query.trim()) return this.#close();
		const t = useStrings((this.dataset['locale'] ?? 'vi') as Locale);
		const engine = await (this.#engine ??= import('./search-engine.ts'));
		const { total, hits, complete } = await engine.runSearch(this.dataset['base'] ?? '/', query, {}, 5, this.dataset['locale']);
		if (input.value !== query) return; // a newer query is on its way
		box.replaceChildren();
		if (total === 0) {
			const p = document.createElement('p');
			p.textContent = `${t['search.none'](query)} ${t['search.suggest']}`;
			box.append(p);
		} else {
			const list = document.createElement('ul');
			for (const hit of hits) {
				const li = document.createElement('li');
				const a = document.createElement('a');
				a.href = hit.url;
				a.textContent = hit.title;
				const small = document.createElement('span');
				small.className = 'muted small';
				small.textContent = ` · ${t[`search.kind.${hit.kind as 'report'}`] ?? hit.kind}${hit.year ? ` · ${hit.year}` : ''}${hit.superseded ? ` · ${t['search.superseded']}` : ''}`;
				li.append(a, small);
				list.append(li);
			}
			const all = document.createElement('a');
			all.className = 'search-all';
			all.href = `${this.dataset['action']}?q=${encodeURIComponent(query)}`;
			// Earlier versions, not searched yet, may add to the total.
			all.textContent = complete ? t['search.all'](total) : t['search.allMore'];
			box.append(list, all);
		}
		box.hidden = false;
		input.setAttribute('aria-expanded', 'true');
	}
}

customElements.define('annals-search-box', AnnalsSearchBox);
