/**
 * The HTML of the reports' texts as the report loader rendered it (src/data/report-loader.ts), kept
 * on disk between processes. Astro keeps a build's content store in the build's cache folder and the
 * preview's in `.astro/` at the project's root, one for every content folder it is pointed at, so
 * without this the first `npm run dev` after a build renders every text again (7 s at 1,000
 * reports) before it answers. Kept per loader (a content folder and the files it reads there), one
 * file per text, each named by the code, the file's path and its contents: a change to any of them
 * is a different file, never a stale one.
 */
import type { LoaderContext } from 'astro/loaders';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheDir } from '../workers/cache-dir.ts';

export type RenderedText = Awaited<ReturnType<LoaderContext['renderMarkdown']>>;

export interface RenderedTexts {
	/** The name a text's HTML is kept under. */
	key(code: string, filePath: string, contents: string): string;
	/** The HTML kept under `key`, if any. */
	get(key: string): RenderedText | undefined;
	/**
	 * Keeps the HTML under `key`, written on libuv's threads while the caller goes on (a cold build at
	 * 1,000 reports spent 4.6 s of Astro's main thread writing the 2,000 files); a cache that cannot
	 * be written is only slower.
	 */
	set(key: string, rendered: RenderedText): void;
	/** Resolves once every text set so far is written (or failed to be). */
	settled(): Promise<void>;
	/** Once every text set so far is written, deletes every text but those under `keep`: what the loader's files hold now. */
	prune(keep: Set<string>): Promise<void>;
}

/** The texts one loader renders: `scope` names it (its folder and the pattern of its files). */
export function renderedTexts(scope: string): RenderedTexts {
	const folder = cacheDir(`texts/${createHash('sha256').update(scope).digest('hex').slice(0, 16)}`);
	const file = (key: string) => join(folder, `${key}.json`);
	/** The writes under way, and how many were begun (each writes its own partial file). */
	const pending = new Set<Promise<void>>();
	let written = 0;
	/** Whether the folder was made: once, not on the main thread for every text. */
	let made = false;
	return {
		key: (code, filePath, contents) => createHash('sha256').update(code).update('\0').update(filePath).update('\0').update(contents).digest('hex').slice(0, 40),
		get(key) {
			try {
				return JSON.parse(readFileSync(file(key), 'utf8')) as RenderedText;
			} catch {
				return undefined;
			}
		},
		set(key, rendered) {
			// Written whole, then renamed: a preview reading at the same time never sees half a file.
			const partial = `${file(key)}.${process.pid}.${++written}`;
			const writing = (async () => {
				try {
					if (!made) mkdirSync(folder, { recursive: true });
					made = true;
					await writeFile(partial, JSON.stringify(rendered));
					await rename(partial, file(key));
				} catch {
					// A read-only cache: the next process renders the text again.
					await rm(partial, { force: true }).catch(() => undefined);
				}
			})();
			pending.add(writing);
			void writing.finally(() => pending.delete(writing));
		},
		async settled() {
			while (pending.size > 0) await Promise.all(pending);
		},
		async prune(keep) {
			// A text still being written would be pruned as a half-written file.
			await this.settled();
			let names: string[];
			try {
				names = readdirSync(folder);
			} catch {
				return;
			}
			// Half-written files of a process that stopped go too.
			for (const name of names) if (!name.endsWith('.json') || !keep.has(name.slice(0, -'.json'.length))) rmSync(join(folder, name), { force: true });
		},
	};
}

/**
 * The HTML of every Markdown text the report loader holds in this process, by its entry's digest.
 * The content store is handed to the pages as one JavaScript module that Vite bundles and Node then
 * parses (`astro:data-layer-content`); with every text's HTML and Markdown in it, that module
 * weighed 31 MB at 1,000 reports, and bundling and loading it took about 400 MB of the build's
 * memory (rolldown 230 MB, kept until the build ends; V8 200 MB) and a second of every build. The
 * loader and the pages run in one process (`astro build`, `astro dev`), so the loader keeps the HTML
 * here instead and the store holds each text's data and digest only.
 */
const SLOT = Symbol.for('annals.rendered-texts');
/** The texts held, each with the count of holdings when it was last held: `clock` counts them. */
const held = ((globalThis as { [SLOT]?: { texts: Map<string, { rendered: RenderedText; at: number }>; clock: number; stored: Map<string, string> } })[SLOT] ??=
	{
		texts: new Map(),
		clock: 0,
		stored: new Map(),
	});

/** Notes that the store now holds the text of `filePath` under `digest` (undefined: no longer at all). */
export function textStored(filePath: string, digest: string | undefined): void {
	if (digest === undefined) held.stored.delete(filePath);
	else held.stored.set(filePath, digest);
}

/**
 * Whether an entry is older than what the loader has stored for its file since. The preview's pages
 * read the store as Astro last wrote it to disk, a moment behind the loader: pages made from an
 * entry read before that moment must be made again (src/data/archive.ts).
 */
export function staleEntry(entry: { filePath?: string | undefined; digest?: string | number | undefined }): boolean {
	const stored = entry.filePath === undefined ? undefined : held.stored.get(entry.filePath);
	return stored !== undefined && stored !== String(entry.digest);
}

/** Holds a text's HTML for the pages of this process, under its entry's digest. */
export function holdText(digest: string, rendered: RenderedText): void {
	held.texts.set(digest, { rendered, at: ++held.clock });
}

/** This moment, for releaseText: every holding after it is later. */
export function holdingMark(): number {
	return held.clock;
}

/**
 * Lets go of a text the loader no longer holds (the preview, after a file is changed or deleted),
 * unless it was held again after `mark`: a change undone, or the content loaded again meanwhile.
 */
export function releaseText(digest: string, mark: number): void {
	const text = held.texts.get(digest);
	if (text && text.at <= mark) held.texts.delete(digest);
}

/**
 * The HTML of a report text's entry when the loader held it in this process rather than in the
 * store. Undefined for an entry whose store holds its HTML (a text with images, which Astro resolves
 * from the entry) or its module (a text written in MDX): Astro's `render()` renders those.
 */
export function heldHtml(entry: {
	id: string;
	digest?: string | number | undefined;
	rendered?: unknown;
	deferredRender?: boolean | undefined;
}): RenderedText | undefined {
	if (entry.deferredRender || entry.rendered) return undefined;
	const rendered = entry.digest === undefined ? undefined : held.texts.get(String(entry.digest))?.rendered;
	// The loader holds every text it stores without its HTML, in the process that renders the pages.
	if (!rendered) throw new Error(`The HTML of the report text ${entry.id} is not held by this process, which did not load the content. Build again.`);
	return rendered;
}
