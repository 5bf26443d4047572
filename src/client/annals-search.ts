/**
 * <annals-search>: the /search/ page. The query and filters live in the address
 * (/search/?q=ho+ngheo&kind=report), so a search can be linked to and survives reload.
 */
import { categoryName, useStrings, type UiStrings } from '../i18n/index.ts';
import type { Locale } from '../lib/content/model.ts';
import { renderExcerpt, runSearch } from './search-engine.ts';

const FILTERS = ['kind', 'entity', 'year', 'category', 'language'] as const;
const PAGE = 10;

class AnnalsSearch extends HTMLElement {
	#t!: UiStrings;
	#locale!: Locale;
	#base = '/';
	#timer: ReturnType<typeof setTimeout> | undefined;
	#run = 0;
	/** How many results are shown; "Show more" adds a page. */
	#shown = PAGE;
	/** Entity ids to names in the reader's language (data-entity-names). */
	#entityNames: Record<string, string> = {};

	async connectedCallback() {
		this.#locale = (this.dataset['locale'] ?? 'vi') as Locale;
		this.#t = useStrings(this.#locale);
		this.#base = this.dataset['base'] ?? '/';
		this.#entityNames = JSON.parse(this.dataset['entityNames'] ?? '{}') as Record<string, string>;
		for (const el of this.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;
		for (const el of this.querySelectorAll<HTMLElement>('[data-no-js]')) el.hidden = true;
		const params = new URLSearchParams(location.search);
		const input = this.querySelector<HTMLInputElement>('input[name="q"]')!;
		input.value = params.get('q') ?? '';
		this.#renderFilters(params);
		// On a phone the filters start folded, so the first results show on the first screen.
		const fold = this.querySelector<HTMLDetailsElement>('[data-filters-fold]');
		if (fold && matchMedia('(max-width: 48rem)').matches) fold.open = false;
		input.addEventListener('input', () => {
			clearTimeout(this.#timer);
			this.#timer = setTimeout(() => void this.#update(), 200);
		});
		this.querySelector('form')!.addEventListener('submit', (event) => {
			event.preventDefault();
			void this.#update();
		});
		this.querySelector('[data-filters]')!.addEventListener('change', () => void this.#update());
		this.querySelector('[data-more]')!.addEventListener('click', () => {
			this.#shown += PAGE;
			void this.#update(true);
		});
		if (input.value) await this.#update();
		else input.focus();
	}

	/** The filters and their values come with the page (data-filters), so showing them downloads nothing. */
	#renderFilters(params: URLSearchParams) {
		const available = JSON.parse(this.dataset['filters'] ?? '{}') as Partial<Record<(typeof FILTERS)[number], string[]>>;
		const host = this.querySelector<HTMLElement>('[data-filters]')!;
		const t = this.#t;
		const names: Record<(typeof FILTERS)[number], string> = {
			kind: t['search.filter.kind'],
			entity: t['search.filter.entity'],
			year: t['search.filter.year'],
			category: t['search.filter.category'],
			language: t['search.filter.language'],
		};
		const label = (filter: string, value: string) =>
			filter === 'kind'
				? (t[`search.kind.${value as 'report'}`] ?? value)
				: filter === 'category'
					? categoryName(value, this.#locale)
					: filter === 'language'
						? useStrings(value as Locale)['lang.name']
						: filter === 'entity'
							? (this.#entityNames[value] ?? value)
							: value;
		host.replaceChildren(
			...FILTERS.filter((f) => (available[f]?.length ?? 0) > 0).map((filter) => {
				const fieldset = document.createElement('fieldset');
				const legend = document.createElement('legend');
				legend.textContent = names[filter];
				fieldset.append(legend);
				// Entities keep the archive's order (its line, newest first, then those beside it).
				const values =
					filter === 'entity'
						? [...available[filter]!]
						: [...available[filter]!].sort((a, b) => (filter === 'year' ? Number(b) - Number(a) : a.localeCompare(b)));
				const chosen = params.getAll(filter);
				for (const value of values) {
					const box = document.createElement('input');
					box.type = 'checkbox';
					box.name = filter;
					box.value = value;
					box.checked = chosen.includes(value);
					const text = document.createElement('label');
					text.append(box, ` ${label(filter, value)}`);
					fieldset.append(text);
				}
				return fieldset;
			}),
		);
	}

	async #update(more = false) {
		if (!more) this.#shown = PAGE;
		const run = ++this.#run;
		const t = this.#t;
		const query = this.querySelector<HTMLInputElement>('input[name="q"]')!.value;
		const filters: Record<string, string[]> = {};
		for (const filter of FILTERS) {
			const values = [...this.querySelectorAll<HTMLInputElement>(`input[name="${filter}"]:checked`)].map((b) => b.value);
			if (values.length) filters[filter] = values;
		}
		const params = new URLSearchParams();
		if (query) params.set('q', query);
		for (const [filter, values] of Object.entries(filters)) for (const v of values) params.append(filter, v);
		history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);

		const status = this.querySelector<HTMLElement>('[data-status]')!;
		const list = this.querySelector<HTMLElement>('[data-results]')!;
		this.querySelector<HTMLElement>('[data-more]')!.hidden = true;
		if (!query.trim()) {
			status.textContent = '';
			list.replaceChildren();
			return;
		}
		status.textContent = t['search.loading'];
		const { total, hits, complete } = await runSearch(this.#base, query, filters, this.#shown, this.dataset['locale']);
		if (run !== this.#run) return;
		if (total === 0) {
			status.textContent = `${t['search.none'](query)} ${t['search.suggest']}`;
			list.replaceChildren();
			this.dataset['count'] = '0';
			return;
		}
		// Earlier versions come after current pages, and are searched when the reader gets to them.
		status.textContent = complete ? t['search.results'](total, query) : `${t['search.results'](total, query)}. ${t['search.versionsLater']}`;
		this.dataset['count'] = String(total);
		const moreButton = this.querySelector<HTMLElement>('[data-more]')!;
		moreButton.hidden = complete && hits.length >= total;
		list.replaceChildren(
			...hits.map((hit) => {
				const li = document.createElement('li');
				li.className = 'result';
				if (hit.superseded) li.dataset['superseded'] = '';
				const a = document.createElement('a');
				a.href = hit.url;
				a.className = 'result-title';
				a.textContent = hit.title;
				const tags = document.createElement('p');
				tags.className = 'result-tags muted small';
				const parts = [
					t[`search.kind.${hit.kind as 'report'}`] ?? hit.kind,
					hit.year,
					hit.entity && this.#entityNames[hit.entity],
					hit.language ? useStrings(hit.language as Locale)['lang.name'] : undefined,
					hit.superseded ? t['search.superseded'] : undefined,
				];
				tags.textContent = parts.filter(Boolean).join(' · ');
				const excerpt = document.createElement('p');
				excerpt.className = 'result-excerpt';
				renderExcerpt(excerpt, hit.excerpt);
				li.append(a, tags, excerpt);
				return li;
			}),
		);
	}
}

customElements.define('annals-search', AnnalsSearch);
