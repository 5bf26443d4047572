/**
 * The Pagefind index of the built site (the integration that runs it: src/integrations/search-index.ts).
 * src/middleware.ts hands over each page as it is rendered,
 * and a worker thread turns it into a custom record (src/workers/search/page.ts), appended to a spool file,
 * while the main thread renders the next pages. Pagefind then indexes the spool, one way or another:
 *
 * - Under `npm run build` (scripts/build.ts), once Astro has exited. Pagefind holds every word of
 *   every page until it writes the index, and the two processes at once would need twice the memory.
 * - Under a plain `astro build`, in Astro's process when the build is done.
 *
 * Two bundles come out (SEARCH_BUNDLES): current reports and indicators in pagefind/, which every
 * search loads, and earlier versions in pagefind-versions/, which a search merges in only when it
 * reaches them (src/client/search-engine.ts). A reader's first search then downloads an index of
 * the pages it will show, not one three times that size; and each bundle is written by its own
 * Pagefind process, so only one of them is ever in memory.
 *
 * Pages the middleware did not see are read from disk at the end. The pages in dist/ stay as they are.
 */
import { ensureTrailingSlash } from '../../lib/paths.ts';
import { createReadStream, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import * as pagefind from 'pagefind';
import { SEARCH_BUNDLES, VERSION_PARTS_FILE } from '../../lib/search.ts';
import { startWorker, type WorkerService } from '../worker-service.ts';
import { cacheDir } from '../cache-dir.ts';
import { sourceVersion } from '../source-version.ts';
import { outputFiles } from '../output-files.ts';
import { joinFiles, splitFiles, syncFolder } from '../file-set.ts';
import { writerRunning } from '../processes.ts';
import type { SearchRecord } from './page.ts';
import type { SearchRequest } from './worker.ts';

/** The environment variable scripts/build.ts sets to the spool file it will index after the build. */
export const SPOOL_VARIABLE = 'ANNALS_SEARCH_SPOOL';

export interface IndexStats {
	pages: number;
	bytes: number;
	files: number;
	fragmentBytesPerPage: number;
	/** Each bundle's folder, pages, bytes and seconds, when there are several, and whether it was kept from the last build. */
	bundles?: { name: string; pages: number; bytes: number; seconds: number; kept?: boolean }[];
}

/** A Pagefind index in Pagefind's own process: records go in as they come, files come out at the end. */
class PagefindWriter {
	readonly #index = pagefind.createIndex({ forceLanguage: 'vi' }).then(({ index, errors }) => {
		if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
		return index;
	});
	readonly #added: Promise<void>[] = [];
	readonly #errors: string[] = [];
	#pages = 0;

	constructor() {
		// Reported by finish(); until then a failure must not stop the process.
		this.#index.catch(() => undefined);
	}

	add(record: SearchRecord): void {
		this.#added.push(
			this.#index
				.then((index) => index.addCustomRecord(record))
				.then((added) => {
					if (added.errors.length > 0) this.#errors.push(`${record.url}: ${added.errors.join('; ')}`);
					else this.#pages++;
				})
				.catch((error: unknown) => void this.#errors.push(`${record.url}: ${(error as Error).message}`)),
		);
	}

	/** The bundle's files, by their paths under its folder, and its figures; stops Pagefind, freeing its memory. */
	async finish(): Promise<{ files: Map<string, Uint8Array>; stats: IndexStats }> {
		try {
			await Promise.all(this.#added);
			if (this.#errors.length > 0) throw new Error(`Pagefind could not index ${this.#errors.length} pages:\n${this.#errors.slice(0, 10).join('\n')}`);
			// Taken rather than written: the folder is then brought to them, writing the files that changed.
			const made = await (await this.#index).getFiles();
			if (made.errors.length > 0) throw new Error(`Pagefind could not write the index: ${made.errors.join('; ')}`);
			const files = new Map<string, Uint8Array>();
			// Annals has its own search interface; Pagefind's ready-made ones would only be dead weight.
			for (const { path, content } of made.files) if (!/^pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:js|css)$/.test(path)) files.set(path, content);
			return { files, stats: bundleStats(files, this.#pages) };
		} finally {
			await pagefind.close();
		}
	}
}

/** A bundle's figures, from its files. */
function bundleStats(files: ReadonlyMap<string, Uint8Array>, pages: number): IndexStats {
	let bytes = 0;
	let fragments = 0;
	for (const [path, content] of files) {
		bytes += content.byteLength;
		if (path.endsWith('.pf_fragment')) fragments += content.byteLength;
	}
	return { pages, bytes, files: files.size, fragmentBytesPerPage: pages ? Math.round(fragments / pages) : 0 };
}

/**
 * Reads pages into search records on a worker thread, as the build renders them, and appends
 * them to a spool file: `spool`, which scripts/build.ts indexes after Astro, or a file of its own,
 * indexed by finish().
 */
export class SearchIndexer {
	readonly #base: string;
	readonly #spool: string;
	readonly #own: boolean;
	readonly #worker: WorkerService<SearchRequest, boolean>;
	readonly #done: Promise<void>[] = [];
	readonly #seen = new Set<string>();
	readonly #errors: string[] = [];
	#pages = 0;

	/** `base`: the site's base path, which index addresses leave out (Pagefind's client adds it back). */
	constructor(base: string, spool?: string) {
		this.#base = ensureTrailingSlash(base);
		this.#own = !spool;
		this.#spool = spool ?? join(tmpdir(), `annals-search-${process.pid}-${Date.now()}.jsonl`);
		// Its heap only holds the page at hand; a small one keeps the build's memory down. A failed
		// worker fails every call, and finish() reports them.
		mkdirSync(cacheDir('search'), { recursive: true });
		this.#worker = startWorker(new URL('./worker.ts', import.meta.url), 256, () => undefined, {
			workerData: { spool: this.#spool, records: join(cacheDir('search'), 'records.jsonl') },
		});
	}

	/** A rendered page, by its address with the base. */
	add(pathname: string, html: string): void {
		const path = decodeURI(pathname);
		this.#addPage(path.startsWith(this.#base) ? `/${path.slice(this.#base.length)}` : path, { html });
	}

	/** A page to read, given as its HTML or (a page the build copied rather than rendered) as its file. */
	#addPage(url: string, page: { html: string } | { file: string }): void {
		if (this.#seen.has(url)) return;
		this.#seen.add(url);
		this.#done.push(
			this.#worker.call({ url, ...page }).then(
				(indexed) => {
					if (indexed) this.#pages++;
				},
				(error: unknown) => void this.#errors.push(`${url}: ${(error as Error).message}`),
			),
		);
	}

	/**
	 * Reads the pages under `dir` the middleware did not hand over and closes the spool file. Then
	 * writes the index into `dir` (returning its figures), or, when scripts/build.ts gave the spool,
	 * leaves that to it (returning the number of pages in the spool).
	 */
	async finish(dir: string): Promise<IndexStats | { pages: number; spool: string }> {
		try {
			for (const file of htmlFiles(dir)) {
				const url = `/${relative(dir, file)
					.replace(/\\/g, '/')
					.replace(/index\.html$/, '')}`;
				// The worker reads the file itself: the main thread neither reads nor copies the pages
				// (at 1,000 reports, 350 MB after an edit that renders six).
				if (!this.#seen.has(url)) this.#addPage(url, { file });
				// A page handed over as HTML: its file, now written, is how the next build knows it.
				else
					this.#done.push(
						this.#worker.call({ url, written: file }).then(
							() => undefined,
							(error: unknown) => void this.#errors.push(`${url}: ${(error as Error).message}`),
						),
					);
			}
			await Promise.all(this.#done);
			if (this.#errors.length > 0) throw new Error(`Search could not read ${this.#errors.length} pages:\n${this.#errors.slice(0, 10).join('\n')}`);
			await this.#worker.call({ close: true }).catch((error: unknown) => {
				throw new Error(`Search could not write ${this.#spool}: ${(error as Error).message}`);
			});
		} finally {
			await this.#worker.stop();
		}
		if (!this.#own) {
			// Where scripts/build.ts is to write the index.
			await writeFile(`${this.#spool}.out`, dir);
			return { pages: this.#pages, spool: this.#spool };
		}
		try {
			return await indexSpool(this.#spool, dir);
		} finally {
			await rm(this.#spool, { force: true });
		}
	}
}

/** Whether a record is of an earlier version, which goes to the versions bundle. */
const isVersion = (record: SearchRecord) => record.filters['kind']?.includes('version') ?? false;

/** A bundle's figures, its folder's name, how long it took and whether it was kept from the last build. */
export type BundleStats = IndexStats & { name: string; seconds: number; kept?: boolean };

/**
 * Indexes the records of a spool file (one JSON record a line) into the bundles under `dir`,
 * current pages and earlier versions, each by its own Pagefind process, both at once: each holds
 * only its own pages' words, and the two processes use both cores.
 */
export async function indexSpool(spool: string, dir: string): Promise<IndexStats> {
	const bundles = (await Promise.all([false, true].map((versions) => indexBundleApart(spool, dir, versions)))).flat();
	const pages = bundles.reduce((sum, b) => sum + b.pages, 0);
	return {
		pages,
		bytes: bundles.reduce((sum, b) => sum + b.bytes, 0),
		files: bundles.reduce((sum, b) => sum + b.files, 0),
		fragmentBytesPerPage: pages ? Math.round(bundles.reduce((sum, b) => sum + b.fragmentBytesPerPage * b.pages, 0) / pages) : 0,
		bundles: bundles.map(({ name, pages, bytes, seconds, kept }) => ({ name, pages, bytes, seconds, ...(kept ? { kept } : {}) })),
	};
}

/** indexBundle in a process of its own (src/workers/search/bundle.ts): Pagefind's service is one per process. */
function indexBundleApart(spool: string, dir: string, versions: boolean): Promise<BundleStats[]> {
	return new Promise((done, fail) => {
		const child = spawn(process.execPath, [fileURLToPath(new URL('./bundle.ts', import.meta.url)), spool, dir, versions ? 'versions' : 'current'], {
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let out = '';
		let errors = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
		child.on('error', fail);
		child.on('exit', (code) => {
			if (code === 0) done(JSON.parse(out) as BundleStats[]);
			else fail(new Error(`Search could not index ${versions ? 'the earlier versions' : 'the current pages'}:\n${errors.trim()}`));
		});
	});
}

/**
 * About how many years' earlier versions each part of their bundle holds (a year's reports: the
 * archive's own, and any other entity's of that year). A figure correction adds
 * an earlier version, and Pagefind writes a bundle whole: at 1,000 reports the one bundle of 4,000
 * pages took 10–11 s after every correction, beside the current pages' 5 s. In parts, it writes the
 * one part that holds the corrected report's versions (the others are kept: their records are the
 * same). A reader's search merges every part in when it reaches the earlier versions
 * (src/client/search-engine.ts): an archive with earlier versions in up to 250 years has one.
 *
 * The parts are counted by years, not by pages: counted by pages (a thousand each), the correction
 * that made 4,002 pages of 4,000 made five parts of four, and every part was written again (5.2 s
 * instead of 1.3 at 1,000 reports). A year's versions are all in one part, so only a year's first
 * earlier version can change the count, once in 250 years. With two earlier versions of a report in
 * two languages, a part is about a thousand pages.
 */
export const VERSION_YEARS_PER_PART = 250;

/** How many parts the earlier versions at `places` go to: one for every VERSION_YEARS_PER_PART years of theirs, begun. */
function versionPartCount(places: readonly Place[]): number {
	return Math.max(1, Math.ceil(new Set(places.map((p) => p.year)).size / VERSION_YEARS_PER_PART));
}

/** Which of `count` parts an earlier version's record goes to: by its report's year, so a report's versions share a part, and keep it. */
export function versionPart(year: number | undefined, count: number): number {
	return year !== undefined && Number.isInteger(year) ? ((year % count) + count) % count : 0;
}

/** A record's place in the spool file, and its report's year, which says the part it goes to. */
interface Place {
	url: string;
	start: number;
	length: number;
	/** The year of the record's report (an earlier version's). */
	year: number | undefined;
}

/**
 * Indexes the spool's current pages into their bundle, or its earlier versions into the parts of
 * theirs (none when there are none: an archive without earlier versions gets no bundle for them;
 * src/client/search-engine.ts checks). Returns each bundle written or kept.
 */
export async function indexBundle(spool: string, dir: string, versions: boolean): Promise<BundleStats[]> {
	const started = performance.now();
	// Pages reach the spool in the order they render, which depends on timing: on a busy machine two
	// builds of one commit gave different index files. Records go to Pagefind in address order,
	// read back one at a time by their place in the file, so the spool is never all in memory.
	const places: Place[] = [];
	let offset = 0;
	for await (const line of createInterface({ input: createReadStream(spool, 'utf8'), crlfDelay: Infinity })) {
		const length = Buffer.byteLength(line);
		if (line) {
			const record = JSON.parse(line) as SearchRecord;
			if (isVersion(record) === versions) places.push({ url: record.url, start: offset, length, year: Number(record.meta['year']) });
		}
		offset += length + 1;
	}
	places.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
	const file = await open(spool, 'r');
	try {
		const read = async ({ start, length }: Place) => (await file.read(Buffer.alloc(length), 0, length, start)).buffer;
		if (!versions) return [await indexPart(places, read, dir, SEARCH_BUNDLES.current, started)];
		const folder = join(dir, SEARCH_BUNDLES.versions);
		// The list goes first, and comes back last: a folder cut short by a stopped build lists nothing.
		rmSync(join(folder, VERSION_PARTS_FILE), { force: true });
		const count = versionPartCount(places);
		const parts = new Map<number, Place[]>();
		for (const place of places) {
			const part = versionPart(place.year, count);
			const list = parts.get(part);
			if (list) list.push(place);
			else parts.set(part, [place]);
		}
		const names = [...parts.keys()].sort((a, b) => a - b).map(String);
		const written: BundleStats[] = [];
		for (const name of names) written.push(await indexPart(parts.get(Number(name))!, read, dir, `${SEARCH_BUNDLES.versions}/${name}`, performance.now()));
		// What else is there goes: the parts of another count, the bundle of an older layout.
		const listed = new Set(names);
		for (const entry of readdirSafe(folder)) if (!listed.has(entry)) rmSync(join(folder, entry), { recursive: true, force: true });
		forgetKeptParts(names);
		if (names.length > 0) writeFileSync(join(folder, VERSION_PARTS_FILE), `${JSON.stringify({ parts: names })}\n`);
		else rmSync(folder, { recursive: true, force: true });
		return written;
	} finally {
		await file.close();
	}
}

/** The entries of a folder, none when there is no such folder. */
function readdirSafe(folder: string): string[] {
	try {
		return readdirSync(folder);
	} catch {
		return [];
	}
}

/**
 * One bundle, `bundle` under `dir` (`pagefind`, `pagefind-versions/3`), of the records at `places`:
 * left in place, put back from the cache, or made by Pagefind; either of the last two writes only
 * the files that are not already there as they should be (syncFolder).
 */
async function indexPart(
	places: readonly Place[],
	read: (place: Place) => Promise<Buffer>,
	dir: string,
	bundle: string,
	started: number,
): Promise<BundleStats> {
	// The same records, in the same order, written by the same code and packages: the same bundle
	// as the last build's, which is kept (a rebuild whose pages all read as before keeps both).
	const key = createHash('sha256').update(sourceVersion());
	for (const place of places) key.update(await read(place)).update('\n');
	const kept = keptBundle(cacheName(bundle), key.digest('hex'));
	const output = join(dir, bundle);
	const done = (stats: IndexStats, kept?: boolean): BundleStats => ({
		...stats,
		name: bundle,
		seconds: (performance.now() - started) / 1000,
		...(kept ? { kept } : {}),
	});
	// Still in the output folder exactly as written there: the build left it (src/integrations/kept-output.ts).
	if (kept.stats && kept.inPlace(output)) return done(kept.stats, true);
	kept.forget();
	const cached = kept.stats && kept.files();
	if (kept.stats && cached) {
		syncFolder(output, cached);
		kept.placed(output);
		return done(kept.stats, true);
	}
	const writer = new PagefindWriter();
	for (const place of places) writer.add(JSON.parse((await read(place)).toString('utf8')) as SearchRecord);
	const { files, stats } = await writer.finish();
	syncFolder(output, files);
	kept.keep(files, stats);
	kept.placed(output);
	return done(stats);
}

/** A bundle's name in the cache: `pagefind-versions/3` is kept as `pagefind-versions.3`. */
const cacheName = (bundle: string) => bundle.replace(/\//g, '.');

/** Lets go of the cache's copies of the earlier versions' bundle but those of the parts `names` (and of its older, single layout). */
function forgetKeptParts(names: readonly string[]): void {
	const bundles = join(cacheDir('search'), 'bundles');
	const wanted = new Set(names.map((name) => cacheName(`${SEARCH_BUNDLES.versions}/${name}`)));
	for (const entry of readdirSafe(bundles)) {
		const owner = new RegExp(`^(${SEARCH_BUNDLES.versions}(?:\\.\\d+)?)(?:-[0-9a-f]{32}(?:\\.json|\\.files(?:\\.\\d+)?)?|\\.output\\.json)$`).exec(entry)?.[1];
		if (owner !== undefined && !wanted.has(owner)) rmSync(join(bundles, entry), { recursive: true, force: true });
	}
}

/**
 * The bundle the last build wrote from the records hashed as `key`, kept in the cache as one file
 * (src/workers/file-set.ts: 2,200 files for the current pages at 1,000 reports, which took seconds
 * to delete and copy on this machine's disk), named by its key so that two builds at once can never
 * pair one's figures with the other's files, with its figures; `files` reads it, `keep` keeps a
 * bundle just made in place of the last.
 *
 * And where the last build put it: the output folder, whose files it records with their sizes and
 * times (`placed`), as src/integrations/kept-output.ts does for the pages. A bundle of the same key
 * still there with every file as recorded and none added is left as it is (`inPlace`): after a text
 * edit, the earlier versions' 4,000 files at 1,000 reports, which were deleted and copied back
 * from the cache. `forget` drops the record before the folder is changed.
 */
function keptBundle(
	bundle: string,
	key: string,
): {
	stats: IndexStats | undefined;
	files: () => Map<string, Uint8Array> | undefined;
	keep: (files: ReadonlyMap<string, Uint8Array>, stats: IndexStats) => void;
	inPlace: (output: string) => boolean;
	placed: (output: string) => void;
	forget: () => void;
} {
	const bundles = join(cacheDir('search'), 'bundles');
	const kept = join(bundles, `${bundle}-${key.slice(0, 32)}`);
	const about = `${kept}.json`;
	const record = join(bundles, `${bundle}.output.json`);
	let stats: IndexStats | undefined;
	try {
		stats = JSON.parse(readFileSync(about, 'utf8')) as IndexStats;
	} catch {
		// None kept yet.
	}
	return {
		stats,
		files: () => {
			try {
				return splitFiles(readFileSync(`${kept}.files`));
			} catch {
				// Not there, or cut short: written anew.
				return undefined;
			}
		},
		keep: (files, stats) => {
			mkdirSync(bundles, { recursive: true });
			// The last one kept of this bundle (not of the other, whose name begins with this one's),
			// a file half written by a build that stopped (not one another build is writing), and a
			// folder of the layout before.
			const last = new RegExp(`^${bundle.replace(/\./g, '\\.')}-[0-9a-f]{32}(\\.json|\\.files(?:\\.(\\d+))?)?$`);
			for (const name of readdirSync(bundles)) {
				const match = last.exec(name);
				if (match && (match[2] === undefined || !writerRunning(Number(match[2])))) rmSync(join(bundles, name), { recursive: true, force: true });
			}
			// Whole or not at all, and the figures last: a bundle cut short by a stopped build is never taken for a whole one.
			const partial = `${kept}.files.${process.pid}`;
			writeFileSync(partial, joinFiles(files));
			renameSync(partial, `${kept}.files`);
			writeFileSync(about, JSON.stringify(stats));
		},
		inPlace: (output) => {
			let last: BundleInOutput;
			try {
				last = JSON.parse(readFileSync(record, 'utf8')) as BundleInOutput;
			} catch {
				return false;
			}
			if (last.key !== key || last.output !== output) return false;
			const now = bundleFiles(output);
			return (
				now !== undefined &&
				Object.keys(now).length === Object.keys(last.files).length &&
				Object.entries(now).every(([file, state]) => last.files[file] === state)
			);
		},
		placed: (output) => {
			const files = bundleFiles(output);
			if (!files) return;
			mkdirSync(bundles, { recursive: true });
			const partial = `${record}.${process.pid}`;
			writeFileSync(partial, JSON.stringify({ key, output, files } satisfies BundleInOutput));
			renameSync(partial, record);
		},
		forget: () => rmSync(record, { force: true }),
	};
}

/** A bundle as the last build left it in the output folder: its key, its folder, and each file's size and time. */
interface BundleInOutput {
	key: string;
	output: string;
	files: Record<string, string>;
}

/** Each file under `folder` with its size and time, or undefined when there is no such folder. */
function bundleFiles(folder: string): Record<string, string> | undefined {
	let entries;
	try {
		entries = readdirSync(folder, { recursive: true, withFileTypes: true });
	} catch {
		return undefined;
	}
	const files: Record<string, string> = {};
	for (const entry of entries) {
		if (!entry.isFile()) continue;
		const path = join(entry.parentPath, entry.name);
		const { size, mtimeMs } = statSync(path);
		files[relative(folder, path)] = `${size} ${mtimeMs}`;
	}
	return files;
}

function htmlFiles(dir: string): string[] {
	return outputFiles(dir)
		.filter((file) => file.endsWith('.html'))
		.map((file) => join(dir, file))
		.sort();
}

/** The line the build prints about the index; scripts/bench.ts reads it. */
export function describeIndex(stats: IndexStats, milliseconds: number, when: string): string {
	const bundles = stats.bundles
		?.map(
			(b) =>
				`${b.name}/ ${b.pages} pages, ${(b.bytes / 1024).toFixed(0)} KiB, ${b.seconds.toFixed(1)} s${b.kept ? ', kept: the same pages as the last build' : ''}`,
		)
		.join('; ');
	return `Indexed ${stats.pages} pages for search in ${Math.round(milliseconds)} ms ${when}: ${stats.files} files, ${(stats.bytes / 1024).toFixed(0)} KiB in all, ${(stats.fragmentBytesPerPage / 1024).toFixed(1)} KiB of fragment per page${bundles ? ` (${bundles})` : ''}.`;
}
