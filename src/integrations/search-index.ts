/**
 * Builds the Pagefind index while Astro renders the site. src/middleware.ts hands over each page as
 * it is rendered; a worker thread turns it into a custom record (search-page.ts) and Pagefind,
 * in its own process, indexes it, so both work on the second core while the main thread renders
 * the next pages. When the build is done, pages the middleware did not see are read from disk, and
 * Pagefind writes the index. The pages in dist/ stay as they are.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { setPageCollector, type PageCollector } from './page-collector.ts';
import type { SearchRecord } from './search-page.ts';
import type { SearchJob } from './search-worker.ts';

export { readPage, type PageRecord } from './search-page.ts';

export interface IndexStats {
	pages: number;
	bytes: number;
	files: number;
	fragmentBytesPerPage: number;
}

type Reply = { id: number; record: SearchRecord | undefined } | { id: number; error: string };

/** Reads pages into search records on a worker thread and adds them to a Pagefind index as they come. */
export class SearchIndexer implements PageCollector {
	readonly #base: string;
	readonly #index = pagefind.createIndex({ forceLanguage: 'vi' }).then(({ index, errors }) => {
		if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
		return index;
	});
	readonly #worker = new Worker(new URL('./search-worker.ts', import.meta.url));
	readonly #waiting = new Map<number, (reply: Reply) => void>();
	readonly #added: Promise<void>[] = [];
	readonly #seen = new Set<string>();
	readonly #errors: string[] = [];
	#next = 0;
	#pages = 0;

	/** `base`: the site's base path, which index addresses leave out (Pagefind's client adds it back). */
	constructor(base: string) {
		this.#base = base.endsWith('/') ? base : `${base}/`;
		// A failed build must not be kept alive by the worker.
		this.#worker.unref();
		this.#worker.on('message', (reply: Reply) => {
			this.#waiting.get(reply.id)?.(reply);
			this.#waiting.delete(reply.id);
		});
		this.#worker.on('error', (error) => {
			for (const [id, done] of this.#waiting) done({ id, error: error.message });
			this.#waiting.clear();
		});
		// Reported when the index is written; until then a failure must not stop the process.
		this.#index.catch(() => undefined);
	}

	/** A rendered page, by its address with the base. */
	add(pathname: string, html: string): void {
		const path = decodeURI(pathname);
		this.#addPage(path.startsWith(this.#base) ? `/${path.slice(this.#base.length)}` : path, html);
	}

	#addPage(url: string, html: string): void {
		if (this.#seen.has(url)) return;
		this.#seen.add(url);
		const id = this.#next++;
		const reply = new Promise<Reply>((done) => this.#waiting.set(id, done));
		this.#worker.postMessage({ id, url, html } satisfies SearchJob);
		this.#added.push(
			reply.then(async (r) => {
				if ('error' in r) return void this.#errors.push(`${url}: ${r.error}`);
				if (!r.record) return;
				const added = await (await this.#index).addCustomRecord(r.record);
				if (added.errors.length > 0) this.#errors.push(`${url}: ${added.errors.join('; ')}`);
				else this.#pages++;
			}).catch((error: unknown) => void this.#errors.push(`${url}: ${(error as Error).message}`)),
		);
	}

	/** Indexes the pages under `dir` the middleware did not hand over, then writes the index into `dir/pagefind/`. */
	async finish(dir: string): Promise<IndexStats> {
		try {
			for (const file of await htmlFiles(dir)) {
				const url = `/${relative(dir, file).replace(/\\/g, '/').replace(/index\.html$/, '')}`;
				if (!this.#seen.has(url)) this.#addPage(url, await readFile(file, 'utf8'));
			}
			await Promise.all(this.#added);
			if (this.#errors.length > 0) throw new Error(`Pagefind could not index ${this.#errors.length} pages:\n${this.#errors.slice(0, 10).join('\n')}`);
			const outputPath = join(dir, 'pagefind');
			const written = await (await this.#index).writeFiles({ outputPath });
			if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
			// Annals has its own search interface; Pagefind's ready-made ones would only be dead weight.
			for (const name of await readdir(outputPath)) {
				if (/^pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:js|css)$/.test(name)) await rm(join(outputPath, name));
			}
			const { bytes, files, fragments } = await indexSize(outputPath);
			return { pages: this.#pages, bytes, files, fragmentBytesPerPage: this.#pages ? Math.round(fragments / this.#pages) : 0 };
		} finally {
			await this.#worker.terminate();
			await pagefind.close();
		}
	}
}

async function htmlFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name)).sort();
}

async function indexSize(outputPath: string): Promise<{ bytes: number; files: number; fragments: number }> {
	const files = (await readdir(outputPath, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
	let bytes = 0;
	let fragments = 0;
	for (const f of files) {
		const size = (await stat(join(f.parentPath, f.name))).size;
		bytes += size;
		if (f.name.endsWith('.pf_fragment')) fragments += size;
	}
	return { bytes, files: files.length, fragments };
}

/** Indexes every page marked with data-pagefind-body under `dir` into `dir/pagefind/` (no build running). */
export async function buildSearchIndex(dir: string, base = '/'): Promise<IndexStats> {
	return new SearchIndexer(base).finish(dir);
}

export default function searchIndex(): AstroIntegration {
	let base = '/';
	let indexer: SearchIndexer | undefined;
	let started = 0;
	return {
		name: 'annals-search-index',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base;
			},
			'astro:build:start': () => {
				started = performance.now();
				indexer = new SearchIndexer(base);
				setPageCollector(indexer);
			},
			'astro:build:done': async ({ dir, logger }) => {
				setPageCollector(undefined);
				const waiting = performance.now();
				const { pages, bytes, files, fragmentBytesPerPage } = await (indexer ?? new SearchIndexer(base)).finish(fileURLToPath(dir));
				indexer = undefined;
				const now = performance.now();
				logger.info(
					`Indexed ${pages} pages for search in ${Math.round(now - waiting)} ms after the pages were built (${Math.round(now - started)} ms since the build started): ${files} files, ${(bytes / 1024).toFixed(0)} KiB in all, ${(fragmentBytesPerPage / 1024).toFixed(1)} KiB of fragment per page.`,
				);
			},
		},
	};
}
