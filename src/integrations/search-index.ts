/**
 * Builds the Pagefind index after Astro has written the site, with a folded copy of each page's
 * text so Vietnamese words with đ and numbers in either notation are found (see src/lib/search.ts).
 * The pages in dist/ stay as they are: the copy exists only in the index.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { FOLD_MARKER, foldForIndex } from '../lib/search.ts';

const BODY = /<([a-z]+)([^>]*\sdata-pagefind-body[^>]*)>/;

/** The page with a folded copy of its indexed part appended inside it, after the marker. */
export function withFoldedCopy(html: string): string | undefined {
	const open = BODY.exec(html);
	if (!open) return undefined;
	const tag = open[1]!;
	const start = open.index + open[0].length;
	const close = html.lastIndexOf(`</${tag}>`);
	if (close < start) return undefined;
	const inner = html.slice(start, close);
	const copy = inner
		// Pagefind settings belong to the original only (inside tags, never in text). Everything else
		// stays, ids and data-pagefind-ignore included, since Pagefind separates words at them: the
		// copy must hold exactly the words the original does.
		.replace(/<[^>]+>/g, (tag) => tag.replace(/\s(?:data-pagefind-(?:body|meta|filter|sort|index-attrs))(?:="[^"]*")?(?=[\s/>])/g, ''))
		.replace(/>([^<]+)</g, (_, text: string) => `>${foldForIndex(text)}<`);
	return `${html.slice(0, close)}<p>${FOLD_MARKER}</p>${copy}${html.slice(close)}`;
}

async function htmlFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/** Indexes every page marked with data-pagefind-body under `dir` into `dir/pagefind/`. */
export async function buildSearchIndex(dir: string): Promise<{ pages: number; bytes: number; files: number; fragmentBytesPerPage: number }> {
	// One index for both languages: readers search across them and narrow with the language filter.
	const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
	if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
	let pages = 0;
	for (const file of (await htmlFiles(dir)).sort()) {
		const content = withFoldedCopy(await readFile(file, 'utf8'));
		if (!content) continue;
		const added = await index.addHTMLFile({ sourcePath: relative(dir, file), content });
		if (added.errors.length > 0) throw new Error(`Pagefind could not index ${relative(dir, file)}: ${added.errors.join('; ')}`);
		pages++;
	}
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
