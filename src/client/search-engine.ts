/**
 * Loads the Pagefind index (only when a reader starts searching) and runs queries the Annals way:
 * folded for Vietnamese, ranked with exact diacritics and current pages first, excerpts built from
 * the original text.
 */
import { buildExcerpt, foldQuery, rankResults, type ExcerptPart } from '../lib/search.ts';

interface PagefindData {
	url: string;
	content: string;
	locations: number[];
	meta: Record<string, string | undefined>;
}
export interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	search(query: string, options?: { filters?: Record<string, string[] | { none: string[] }> }): Promise<{ results: PagefindResult[] } | null>;
	filters(): Promise<Record<string, Record<string, number>>>;
}

interface PagefindResult {
	id: string;
	score: number;
	data(): Promise<PagefindData>;
}

export interface SearchHit {
	url: string;
	title: string;
	kind: string;
	year: string | undefined;
	language: string | undefined;
	superseded: boolean;
	excerpt: ExcerptPart[];
}

let loading: Promise<Pagefind> | undefined;

/** Imports Pagefind from the site's own /pagefind/ folder, under the base path. */
export function loadPagefind(base: string): Promise<Pagefind> {
	loading ??= (async () => {
		const url = `${base}pagefind/pagefind.js`;
		const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
		await pagefind.options({ baseUrl: base });
		await pagefind.init();
		return pagefind;
	})();
	return loading;
}

/** Searches; returns the total and the first `limit` hits, ranked. */
export async function runSearch(base: string, query: string, filters: Record<string, string[]>, limit = 20): Promise<{ total: number; hits: SearchHit[] }> {
	return searchWith(await loadPagefind(base), query, filters, limit);
}

/**
 * The search itself, on a loaded Pagefind (the tests load one from disk in Node). Current pages come
 * first and earlier versions after them: each is searched on its own, so a short superseded page
 * that Pagefind scores higher never pushes the current page it was replaced by off the first page.
 */
export async function searchWith(pagefind: Pagefind, query: string, filters: Record<string, string[]>, limit = 20): Promise<{ total: number; hits: SearchHit[] }> {
	const folded = foldQuery(query);
	if (!folded) return { total: 0, hits: [] };
	const kinds = filters['kind'];
	const currentKinds = kinds?.filter((k) => k !== 'version');
	const [current, earlier] = await Promise.all([
		!kinds || currentKinds!.length > 0 ? pagefind.search(folded, { filters: { ...filters, kind: currentKinds ?? { none: ['version'] } } }) : null,
		!kinds || kinds.includes('version') ? pagefind.search(folded, { filters: { ...filters, kind: ['version'] } }) : null,
	]);
	const currentResults = current?.results ?? [];
	const earlierResults = earlier?.results ?? [];
	// Rank what is shown: each result's data is a download, so only those are fetched.
	const ranked = [...(await rankHead(currentResults, limit, query)), ...(await rankHead(earlierResults, limit - currentResults.length, query))];
	return {
		total: currentResults.length + earlierResults.length,
		hits: ranked.slice(0, limit).map(({ data }) => ({
			url: data.url,
			title: data.meta['title'] ?? data.url,
			kind: data.meta['kind'] ?? '',
			year: data.meta['year'],
			language: data.meta['language'],
			superseded: data.meta['kind'] === 'version',
			excerpt: buildExcerpt(data.content, data.locations, 30, query),
		})),
	};
}

/** The first `count` results with their data, in the Annals order. */
async function rankHead(results: readonly PagefindResult[], count: number, query: string) {
	if (count <= 0) return [];
	const head = await Promise.all(results.slice(0, count).map(async (r) => ({ score: r.score, data: await r.data() })));
	return rankResults(
		head.map((h) => ({ ...h, content: h.data.content, title: h.data.meta['title'] ?? '', superseded: h.data.meta['kind'] === 'version' })),
		query,
	);
}

/** The filters of the index with how many pages each value has. */
export async function searchFilters(base: string): Promise<Record<string, Record<string, number>>> {
	return (await loadPagefind(base)).filters();
}

/** Appends an excerpt to an element as text and <mark>s: nothing from the index is parsed as HTML. */
export function renderExcerpt(target: HTMLElement, parts: readonly ExcerptPart[]): void {
	for (const part of parts) {
		if (part.mark) {
			const mark = document.createElement('mark');
			mark.textContent = part.text;
			target.append(mark);
		} else {
			target.append(document.createTextNode(part.text));
		}
	}
}
