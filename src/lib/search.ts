/**
 * Vietnamese-aware search, shared by the index builder and the browser.
 *
 * Pagefind folds tone marks (ế → e) but not đ, which Unicode treats as a letter of its own rather
 * than d with a mark, so "dong" would never find "Đồng". Annals therefore indexes each page's text
 * as written, then after a marker, a folded tail: for each word that folding changes (đ → d, and a
 * decimal number in the other language's notation, so "13,85" and "13.85" both match), the word's
 * position written in symbols Pagefind does not index, then the folded word. A match in the tail
 * maps back to the word the page shows, so readers only ever see the original in excerpts. Queries
 * are folded the same way.
 */

/**
 * The two Pagefind bundles under the site's base: current reports and indicators, which every
 * search loads, and earlier versions, which a search merges in only when it gets to them.
 */
export const SEARCH_BUNDLES = { current: 'pagefind', versions: 'pagefind-versions' } as const;

/** The file in the earlier versions' folder that lists the folders of its parts, each a bundle (src/workers/search/indexer.ts). */
export const VERSION_PARTS_FILE = 'parts.json';

/** Separates the original text from its folded copy in the index. */
export const FOLD_MARKER = '⁂';

/** Text in NFC, so a decomposed "ế" typed on some keyboards equals the precomposed one. */
export function normalize(text: string): string {
	return text.normalize('NFC');
}

/** Removes tone and other marks and turns đ into d: "Đồng" → "Dong", "tăng trưởng" → "tang truong". */
export function foldVietnamese(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/**
 * The folded copy of a text for the index: đ → d (tone marks are left to Pagefind), and in numbers
 * "," and "." swapped, so a figure is found in either notation. Never changes the number of words.
 */
export function foldForIndex(text: string): string {
	return normalize(text)
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'D')
		.replace(/(\d)([.,])(?=\d)/g, (_, digit: string, separator: string) => `${digit}${separator === '.' ? ',' : '.'}`);
}

/** The query Pagefind receives: NFC, tone marks and đ folded away. */
export function foldQuery(query: string): string {
	return foldVietnamese(normalize(query)).trim();
}

/** Symbols for the sixteen hex digits of a word position: Pagefind counts them as a word but never indexes them. */
const POSITION_DIGITS = '←↑→↓↔↕↖↗↘↙⇐⇑⇒⇓⇔⇕';

/** A word position as a token of symbols. */
export function encodePosition(position: number): string {
	return [...position.toString(16)].map((d) => POSITION_DIGITS[parseInt(d, 16)]).join('');
}

/** The position a token of symbols encodes, or undefined if it is not one. */
export function decodePosition(token: string): number | undefined {
	if (!token || [...token].some((c) => !POSITION_DIGITS.includes(c))) return undefined;
	return parseInt([...token].map((c) => POSITION_DIGITS.indexOf(c).toString(16)).join(''), 16);
}

/**
 * The text Annals gives Pagefind for a page: its words as written, the marker, and for each word
 * that folding changes, its position and its folded form.
 */
export function indexText(text: string): string {
	const words = normalize(text).split(/\s+/).filter(Boolean);
	const tail: string[] = [];
	words.forEach((word, i) => {
		const folded = foldForIndex(word);
		if (folded !== word) tail.push(encodePosition(i), folded);
	});
	return `${words.join(' ')} ${FOLD_MARKER} ${tail.join(' ')}`.trim();
}

export interface ExcerptPart {
	text: string;
	mark: boolean;
}

/**
 * An excerpt of the original text around the matched words, as plain parts (no HTML): matches in the
 * folded copy are mapped back to the same word of the original.
 */
export function buildExcerpt(content: string, locations: readonly number[], length = 30, query = ''): ExcerptPart[] {
	const words = content.split(/\s+/).filter(Boolean);
	const marker = words.lastIndexOf(FOLD_MARKER);
	const original = marker === -1 ? words : words.slice(0, marker);
	// A match in the folded tail stands right after the position of the word it folds.
	const mapped = locations.map((l) => (marker !== -1 && l > marker ? decodePosition(words[l - 1] ?? '') : l));
	const found = [...new Set(mapped.filter((l): l is number => l !== undefined && l >= 0 && l < original.length))].sort((a, b) => a - b);
	if (original.length === 0) return [];
	// Pagefind matches the start of a word, so "hộ" finds "hội" and "hoạch" too: only the words that
	// are a word of the query are marked (the last one may still be being typed), and a word typed
	// with diacritics only where they agree.
	const hits = query ? found.filter((i) => isQueryWord(original[i]!, query)) : found;
	// The window with the most matches in it, words typed with their exact diacritics counting most,
	// starting a few words before the first of them.
	const typed = normalize(query).toLocaleLowerCase('vi').split(/\s+/).filter(Boolean);
	const weight = (i: number) => (typed.some((w) => normalize(original[i]!).toLocaleLowerCase('vi').includes(w)) ? 10 : 1);
	let start = 0;
	let best = -1;
	const lead = Math.min(5, Math.floor(length / 3));
	for (const hit of hits) {
		const from = Math.max(0, hit - lead);
		const count = hits.filter((h) => h >= from && h < from + length).reduce((sum, h) => sum + weight(h), 0);
		if (count > best) {
			best = count;
			start = from;
		}
	}
	const end = Math.min(original.length, start + length);
	const parts: ExcerptPart[] = [];
	if (start > 0) parts.push({ text: '… ', mark: false });
	for (let i = start; i < end; i++) {
		const mark = hits.includes(i);
		const text = `${original[i]}${i < end - 1 ? ' ' : ''}`;
		const last = parts.at(-1);
		if (last && last.mark === mark && !mark) last.text += text;
		else parts.push({ text: mark ? original[i]! : text, mark });
		if (mark && i < end - 1) parts.push({ text: ' ', mark: false });
	}
	if (end < original.length) parts.push({ text: ' …', mark: false });
	return parts;
}

/** Whether a word of a page is a word of the query: the same word folded, with the same diacritics where they were typed; the query's last word may be a beginning. */
export function isQueryWord(word: string, query: string): boolean {
	const typed = normalize(query).toLocaleLowerCase('vi').split(/\s+/).filter(Boolean);
	const plain = (w: string) =>
		normalize(w)
			.toLocaleLowerCase('vi')
			.replace(/[^\p{L}\p{N}]/gu, '');
	const asWritten = plain(word);
	const folded = squash(word);
	return typed.some((term, k) => {
		const last = k === typed.length - 1;
		const fits = (w: string, t: string) => (last ? w.startsWith(t) : w === t) && t.length > 0;
		const exactTerm = plain(term);
		// Typed without diacritics ("ho ngheo"): compare folded; typed with them ("hộ nghèo"): as written.
		return exactTerm === squash(term) ? fits(folded, squash(term)) : fits(asWritten, exactTerm);
	});
}

/** A search result as the ranking needs it. */
export interface RankedResult {
	/** Pagefind's own score. */
	score: number;
	/** The page's text as written (the part before the folded copy is enough). */
	content: string;
	title: string;
	/** Earlier versions rank below current pages. */
	superseded: boolean;
}

function exact(haystack: string, query: string): boolean {
	const q = normalize(query).toLocaleLowerCase('vi').trim();
	return q.length > 0 && normalize(haystack).toLocaleLowerCase('vi').includes(q);
}

/**
 * Orders results: pages whose title, then whose text, holds the query exactly as typed (with its
 * diacritics) first; then pages whose title holds every word of the query once folded ("xa dat
 * chuan nang cao" for "Số xã đạt chuẩn nông thôn mới nâng cao"); then pages holding it as a phrase
 * once folded ("dieu chinh" for "điều chỉnh"); then current pages before superseded versions; then
 * by Pagefind's score.
 */
export function rankResults<T extends RankedResult>(results: readonly T[], query: string): T[] {
	const folded = foldQuery(query).toLowerCase();
	const terms = folded.split(/\s+/).map(squash).filter(Boolean);
	const inTitle = (title: string) => {
		const words = new Set(title.split(/\s+/).map(squash));
		return terms.length > 0 && terms.every((term) => words.has(term));
	};
	const key = (r: T) => {
		const text = r.content.split(FOLD_MARKER)[0] ?? '';
		return [
			exact(r.title, query) ? 0 : 1,
			exact(text, query) ? 0 : 1,
			inTitle(r.title) ? 0 : 1,
			folded && foldVietnamese(text).toLowerCase().includes(folded) ? 0 : 1,
			r.superseded ? 1 : 0,
		];
	};
	return [...results]
		.map((r, i) => ({ r, i, k: key(r) }))
		.sort((a, b) => a.k.reduce((d, v, n) => d || v - b.k[n]!, 0) || b.r.score - a.r.score || a.i - b.i)
		.map((x) => x.r);
}

/** A word or query term reduced to folded letters and digits, so "13,85%" and "13.85" compare equal. */
function squash(word: string): string {
	return foldVietnamese(normalize(word))
		.toLocaleLowerCase('vi')
		.replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Whether the words Pagefind matched in a page hold every term of the query. When an index has no
 * word starting with a term, Pagefind quietly searches for the longest prefix of it that it does
 * have ("superseded" → "sup"): such results match the query in name only. With the earlier versions
 * in a bundle of their own, a word found only in them would otherwise bring back those stand-ins
 * from the current pages instead of the versions that hold it.
 */
export function holdsQuery(content: string, locations: readonly number[], query: string): boolean {
	const words = content.split(/\s+/).filter(Boolean);
	const matched = locations.map((l) => squash(words[l] ?? ''));
	const terms = foldQuery(query).split(/\s+/).map(squash).filter(Boolean);
	return terms.every((term) => matched.some((word) => word.includes(term)));
}
