/**
 * Builds the Pagefind index after Astro has written the site. Annals reads each page's text itself
 * and hands Pagefind a custom record: the words as written plus a folded tail for Vietnamese đ and
 * for numbers in the other notation (see src/lib/search.ts). Reading the text here, rather than
 * letting Pagefind read the HTML, is what lets a match in the tail be mapped back to the exact word
 * the page shows; the pages in dist/ stay as they are.
 */
import type { AstroIntegration } from 'astro';
import { Parser } from 'htmlparser2';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { indexText } from '../lib/search.ts';

/** Elements whose edges separate words, so "Đơn vị" and "tỷ đồng" in two cells never merge. */
const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul']);
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
				const skip = inBody > 0 && (SKIP.has(name) || 'data-pagefind-ignore' in attributes || 'hidden' in attributes);
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

async function htmlFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

export interface IndexStats {
	pages: number;
	bytes: number;
	files: number;
	fragmentBytesPerPage: number;
}

/** Indexes every page marked with data-pagefind-body under `dir` into `dir/pagefind/`. */
export async function buildSearchIndex(dir: string): Promise<IndexStats> {
	// One index for both languages: readers search across them and narrow with the language filter.
	const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
	if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
	let pages = 0;
	const pending: Promise<void>[] = [];
	for (const file of (await htmlFiles(dir)).sort()) {
		const record = readPage(await readFile(file, 'utf8'));
		if (!record) continue;
		const path = relative(dir, file).replace(/\\/g, '/');
		const url = `/${path.replace(/index\.html$/, '')}`;
		// Pagefind indexes in its own process: keep it busy while this one reads the next page.
		pending.push(
			index.addCustomRecord({ url, content: indexText(record.text), language: 'vi', meta: record.meta, filters: record.filters }).then((added) => {
				if (added.errors.length > 0) throw new Error(`Pagefind could not index ${path}: ${added.errors.join('; ')}`);
			}),
		);
		pages++;
	}
	await Promise.all(pending);
	const outputPath = join(dir, 'pagefind');
	const written = await index.writeFiles({ outputPath });
	if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
	await pagefind.close();
	// Annals has its own search interface; Pagefind's ready-made ones would only be dead weight.
	for (const name of await readdir(outputPath)) {
		if (/^pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:js|css)$/.test(name)) await rm(join(outputPath, name));
	}
	const files = (await readdir(outputPath, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
	let bytes = 0;
	let fragments = 0;
	for (const f of files) {
		const size = (await stat(join(f.parentPath, f.name))).size;
		bytes += size;
		if (f.name.endsWith('.pf_fragment')) fragments += size;
	}
	return { pages, bytes, files: files.length, fragmentBytesPerPage: pages ? Math.round(fragments / pages) : 0 };
}

export default function searchIndex(): AstroIntegration {
	return {
		name: 'annals-search-index',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const { pages, bytes, files, fragmentBytesPerPage } = await buildSearchIndex(fileURLToPath(dir));
				logger.info(`Indexed ${pages} pages for search in ${Math.round(performance.now() - started)} ms: ${files} files, ${(bytes / 1024).toFixed(0)} KiB in all, ${(fragmentBytesPerPage / 1024).toFixed(1)} KiB of fragment per page.`);
			},
		},
	};
}
