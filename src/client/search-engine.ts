/**
 * Loads the Pagefind index (only when a reader starts searching) and runs queries the Annals way:
 * folded for Vietnamese, ranked with exact diacritics and current pages first, excerpts built from
 * the original text. Earlier versions live in a bundle of their own, merged in only when a search
 * gets to them (see src/workers/search/indexer.ts).
 */
import { buildExcerpt, foldQuery, holdsQuery, rankResults, SEARCH_BUNDLES, VERSION_PARTS_FILE, type ExcerptPart } from '../lib/search.ts';

interface PagefindData {
	url: string;
	content: string;
	locations: number[];
	meta: Record<string, string | undefined>;
}
type Filters = Record<string, string[] | { none: string[] }>;
export interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	mergeIndex(indexPath: string, options?: Record<string, unknown>): Promise<void>;
	search(query: string, options?: { filters?: Filters }): Promise<{ results: PagefindResult[] } | null>;
	filters(): Promise<Record<string, Record<string, number>>>;
}

interface PagefindResult {
	id: string;
	score: number;
	data(): Promise<PagefindData>;
}

/** A loaded Pagefind, with where its earlier versions are and whether they have been merged in. */
export interface SearchIndex {
	pagefind: Pagefind;
	/** The address of the earlier versions' bundle folder. */
	versionsUrl: string;
	/** The site's base path, which the pages' addresses in the index leave out. */
	baseUrl: string;
	/** Set once merging the earlier versions has started; true once they are in. */
	versions?: Promise<boolean>;
}

export interface SearchHit {
	url: string;
	title: string;
	kind: string;
	year: string | undefined;
	entity: string | undefined;
	language: string | undefined;
	superseded: boolean;
	excerpt: ExcerptPart[];
}

export interface SearchOutcome {
	total: number;
	hits: SearchHit[];
	/** False when earlier versions were not searched yet: current pages filled the list, and versions come after them. */
	complete: boolean;
}

let loading: Promise<SearchIndex> | undefined;

/** Imports Pagefind from the site's own /pagefind/ folder, under the base path. */
export function loadSearchIndex(base: string): Promise<SearchIndex> {
	loading ??= (async () => {
		const pagefind = (await import(/* @vite-ignore */ `${base}${SEARCH_BUNDLES.current}/pagefind.js`)) as Pagefind;
		// Pagefind 1.5+ would otherwise fetch pagefind-worker.js (12 KB gzip, a second copy of its
		// code) to search off the main thread; a query here reads a few small chunks, and readers on
		// phones pay for every byte of a first search.
		await pagefind.options({ baseUrl: base, noWorker: true });
		await pagefind.init();
		return { pagefind, versionsUrl: `${base}${SEARCH_BUNDLES.versions}/`, baseUrl: base };
	})();
	return loading;
}

/** Searches; returns the total and the first `limit` hits, ranked, pages in the reader's language (`prefer`) first. */
export async function runSearch(base: string, query: string, filters: Record<string, string[]>, limit = 20, prefer?: string): Promise<SearchOutcome> {
	return searchWith(await loadSearchIndex(base), query, filters, limit, prefer);
}

/**
 * Merges the earlier versions' bundle into the index, once; false when the archive has none. Their
 * bundle is in parts (src/workers/search/indexer.ts), listed in its folder's parts.json: an archive
 * without earlier versions has no such list. The list is asked of the server every time (the
 * bundles may be cached for an hour, src/lib/headers.ts, and a list from before a deploy can name a
 * part that is gone), and a part is merged only once its entry file is there: Pagefind keeps a
 * bundle it failed to load, and every later search then fails.
 */
function mergeVersions(index: SearchIndex): Promise<boolean> {
	index.versions ??= (async () => {
		const fresh = { cache: 'no-cache' } as const;
		let parts: string[];
		try {
			const listed = await fetch(`${index.versionsUrl}${VERSION_PARTS_FILE}`, fresh);
			if (!listed.ok) return false;
			parts = ((await listed.json()) as { parts?: string[] }).parts ?? [];
		} catch {
			return false;
		}
		const there = await Promise.all(
			parts.map(async (part) => (await fetch(`${index.versionsUrl}${part}/pagefind-entry.json`, fresh).catch(() => undefined))?.ok === true),
		);
		const merged = parts.filter((_, i) => there[i]);
		for (const part of merged) await index.pagefind.mergeIndex(`${index.versionsUrl}${part}/`, { baseUrl: index.baseUrl });
		return merged.length > 0;
	})();
	return index.versions;
}

/**
 * The search itself, on a loaded index (the tests load one from disk in Node). Current pages come
 * first and earlier versions after them: each is searched on its own, so a short superseded page
 * that Pagefind scores higher never pushes the current page it was replaced by off the first page.
 * So earlier versions are only searched, and their bundle only downloaded, when current pages do not
 * fill the `limit` hits asked for, hold the query only by a stand-in prefix (see holdsQuery), or the
 * kind filter asks for versions alone.
 */
export async function searchWith(index: SearchIndex, query: string, filters: Record<string, string[]>, limit = 20, prefer?: string): Promise<SearchOutcome> {
	const folded = foldQuery(query);
	if (!folded) return { total: 0, hits: [], complete: true };
	const { pagefind } = index;
	const kinds = filters['kind'];
	const currentKinds = kinds?.filter((k) => k !== 'version');
	const wantVersions = !kinds || kinds.includes('version');
	const lists: Found[] = [];
	// Pages in the reader's language first, then the others: two searches, so a page in the other
	// language that Pagefind scores higher never pushes the reader's own down the list.
	const languages: Filters[] = prefer && !filters['language'] ? [{ language: [prefer] }, { language: { none: [prefer] } }] : [{}];
	if (!kinds || currentKinds!.length > 0) {
		// Until the versions are merged in, the current bundle holds nothing else: no kind filter to download.
		const kind: Filters = currentKinds ? { kind: currentKinds } : index.versions ? { kind: { none: ['version'] } } : {};
		for (const language of languages) {
			const shown = lists.reduce((sum, l) => sum + l.results.length, 0);
			lists.push(await found((await pagefind.search(folded, { filters: { ...filters, ...kind, ...language } }))?.results ?? [], limit - shown, query));
		}
	}
	const current = lists.filter((l) => l.results.length > 0);
	const currentCount = current.reduce((sum, l) => sum + l.results.length, 0);
	const complete = !wantVersions || current.length === 0 || !current.some((l) => l.holds) || currentCount < limit;
	if (wantVersions && complete && (await mergeVersions(index))) {
		const shown = current.filter((l) => l.holds).reduce((sum, l) => sum + l.results.length, 0);
		lists.push(await found((await pagefind.search(folded, { filters: { ...filters, kind: ['version'] } }))?.results ?? [], limit - shown, query));
	}
	// Stand-in matches only count when nothing holds the query itself.
	const kept = lists.some((l) => l.holds) ? lists.filter((l) => l.holds) : lists;
	const ranked = kept.flatMap((l) => l.head);
	return {
		total: kept.reduce((sum, l) => sum + l.results.length, 0),
		complete,
		hits: ranked.slice(0, limit).map(({ data }) => ({
			url: data.url,
			title: data.meta['title'] ?? data.url,
			kind: data.meta['kind'] ?? '',
			year: data.meta['year'],
			entity: data.meta['entity'],
			language: data.meta['language'],
			superseded: data.meta['kind'] === 'version',
			excerpt: buildExcerpt(data.content, data.locations, 30, query),
		})),
	};
}

/** One search's results, the first of them with their data in the Annals order, and whether they hold the query. */
interface Found {
	results: readonly PagefindResult[];
	head: { score: number; data: PagefindData }[];
	holds: boolean;
}

async function found(results: readonly PagefindResult[], count: number, query: string): Promise<Found> {
	// Each result's data is a download: only those shown are fetched, and the first of them says
	// whether Pagefind found the words themselves (it finds them everywhere, or nowhere, in a bundle).
	const head = await rankHead(results, Math.max(count, 1), query);
	const first = head[0]?.data;
	return { results, head: head.slice(0, Math.max(count, 0)), holds: !!first && holdsQuery(first.content, first.locations, query) };
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
