/**
 * What the search index holds for a page: Annals reads each page's text itself and hands Pagefind a
 * custom record, the words as written plus a folded tail for Vietnamese đ and for numbers in the
 * other notation (see src/lib/search.ts). Reading the text here, rather than letting Pagefind read
 * the HTML, is what lets a match in the tail be mapped back to the exact word the page shows.
 * Runs in a worker thread during the build (worker.ts), so it has no Astro imports.
 */
import { Parser } from 'htmlparser2';
import { indexText } from '../../lib/search.ts';

/** Elements whose edges separate words, so "Đơn vị" and "tỷ đồng" in two cells never merge. */
const BLOCK = new Set([
	'address',
	'article',
	'aside',
	'blockquote',
	'br',
	'caption',
	'dd',
	'details',
	'div',
	'dl',
	'dt',
	'fieldset',
	'figcaption',
	'figure',
	'footer',
	'form',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'header',
	'hr',
	'li',
	'main',
	'nav',
	'ol',
	'p',
	'pre',
	'section',
	'summary',
	'table',
	'tbody',
	'td',
	'tfoot',
	'th',
	'thead',
	'tr',
	'ul',
]);
/** Elements whose text is not for reading. */
const SKIP = new Set(['script', 'style', 'template', 'svg', 'canvas', 'noscript', 'button', 'select', 'option']);

/** What a page gives the index: its readable text, and the meta and filters from its <meta name="annals:…"> tags. */
export interface PageRecord {
	text: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
}

/**
 * Reads the text of a page's element marked data-pagefind-body, leaving out data-pagefind-ignore
 * parts; undefined when the page is not to be indexed.
 */
export function readPage(html: string): PageRecord | undefined {
	const parts: string[] = [];
	const meta: Record<string, string> = {};
	const filters: Record<string, string[]> = {};
	const stack: { body: boolean; skip: boolean }[] = [];
	let inBody = 0;
	let skipping = 0;
	let found = false;
	const parser = new Parser(
		{
			onopentag(name, attributes) {
				if (name === 'meta' && attributes['name']?.startsWith('annals:')) {
					const key = attributes['name'].slice('annals:'.length);
					const value = attributes['content'] ?? '';
					if (key === 'category') (filters['category'] ??= []).push(value);
					else {
						meta[key] = value;
						if (key !== 'title') filters[key] = [value];
					}
				}
				const body = 'data-pagefind-body' in attributes;
				// A footnote's "↩" back link, and visually hidden words (the footnotes' heading), are interface, not text.
				const chrome = 'data-footnote-backref' in attributes || /(^|\s)(sr-only|visually-hidden)(\s|$)/.test(attributes['class'] ?? '');
				const skip = inBody > 0 && (SKIP.has(name) || 'data-pagefind-ignore' in attributes || 'hidden' in attributes || chrome);
				if (body) found = true;
				stack.push({ body, skip });
				if (body) inBody++;
				if (skip) skipping++;
				if (BLOCK.has(name)) parts.push(' ');
			},
			ontext(text) {
				if (inBody > 0 && skipping === 0) parts.push(text);
			},
			onclosetag(name) {
				const top = stack.pop();
				if (top?.body) inBody--;
				if (top?.skip) skipping--;
				if (BLOCK.has(name)) parts.push(' ');
			},
		},
		{ decodeEntities: true },
	);
	parser.write(html);
	parser.end();
	if (!found) return undefined;
	return { text: parts.join('').replace(/\s+/g, ' ').trim(), meta, filters };
}

/** A page's custom record for Pagefind, or undefined when the page is not to be indexed. */
export interface SearchRecord {
	url: string;
	content: string;
	language: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
}

/** The record of a page at `url` (under the site's base, starting with "/"). */
export function searchRecord(url: string, html: string): SearchRecord | undefined {
	// Most pages Pagefind should skip say so at once: no body marked for it.
	if (!html.includes('data-pagefind-body')) return undefined;
	const page = readPage(html);
	if (!page) return undefined;
	// One index for both languages: readers search across them and narrow with the language filter.
	return { url, content: indexText(page.text), language: 'vi', meta: page.meta, filters: page.filters };
}
