/**
 * Leaves the last build's pages in the output folder for Astro's incremental build to keep, instead
 * of letting Astro empty the folder and copy them back from its cache.
 *
 * Astro empties the output folder before a build, then copies from its cache every page whose key
 * is unchanged (src/data/page-keys.ts): at 1,000 reports, 8,500 pages and cards deleted and
 * written again for an edit that renders 30. A page already in the folder it keeps as it is
 * (`vite.build.emptyOutDir: false`), and that is only right when the file is exactly the page the
 * last build wrote there from the same cache. So each build records, beside Astro's list of the
 * pages it kept (its manifest), the size and time of every page file; the next build leaves the
 * folder as it is only when the record is of this folder and of that very list and every page file
 * is as recorded (lastOutput, when the build is set up). Just before Astro builds, it looks again
 * and removes every other file (pruneOutput: scripts and public files, which every build writes
 * again; the search bundles are the indexer's to keep or replace), and after the build the pages the last one wrote and this one no longer has
 * (recordOutput). Anything else (no record, a page changed or deleted by hand, a build that stopped
 * half way, another folder built from the same cache) leaves the folder to be emptied, as Astro
 * always did.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';

/** Astro's list of the pages it kept (astro/dist/core/build/incremental.js). */
export const INCREMENTAL_MANIFEST = 'incremental-build.json';
/** What the last build left in its output folder: its pages' files, with their sizes and times. */
export const OUTPUT_RECORD = 'annals-output.json';

interface OutputRecord {
	outDir: string;
	/** The manifest's hash, as it was when its pages were recorded. */
	manifest: string;
	/** Each page file of the manifest, relative to outDir: its size and time, or '-' when there was none. */
	files: Record<string, string>;
}

/** The page files the last build left in place, with their state as it recorded them. */
export type KeptPages = ReadonlyMap<string, string>;

function fileState(path: string): string {
	try {
		const { size, mtimeMs } = statSync(path);
		return `${size} ${mtimeMs}`;
	} catch {
		return '-';
	}
}

function readText(path: string): string | undefined {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return undefined;
	}
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The files of the pages an Astro manifest lists, relative to the output folder. */
function manifestFiles(manifest: string): string[] {
	const { routes } = JSON.parse(manifest) as { routes?: Record<string, { paths?: Record<string, { outputFile?: string }> }> };
	const files = new Set<string>();
	for (const route of Object.values(routes ?? {}))
		for (const { outputFile } of Object.values(route.paths ?? {})) if (outputFile) files.add(decodeURI(outputFile));
	return [...files].sort();
}

/** The first page file that is not as recorded, if any. */
function changedPage(outDir: string, pages: Iterable<[string, string]>): string | undefined {
	for (const [file, state] of pages) if (fileState(join(outDir, file)) !== state) return file;
	return undefined;
}

/**
 * When the build is set up: the page files the last build from `cacheDir` left in `outDir`, when
 * the folder is exactly as it left them; or why not (the folder is then emptied, as Astro does).
 * Either way the record is gone until the build ends, so a build that stops half way leaves none.
 */
export function lastOutput(cacheDir: string, outDir: string): { pages: KeptPages } | { why: string } {
	const recordFile = join(cacheDir, OUTPUT_RECORD);
	const text = readText(recordFile);
	rmSync(recordFile, { force: true });
	if (text === undefined) return { why: 'no record of the last build' };
	let record: OutputRecord;
	try {
		record = JSON.parse(text) as OutputRecord;
	} catch {
		return { why: 'the record of the last build cannot be read' };
	}
	if (record.outDir !== outDir) return { why: `the last build from this cache was into ${record.outDir}` };
	const manifest = readText(join(cacheDir, INCREMENTAL_MANIFEST));
	if (manifest === undefined || sha256(manifest) !== record.manifest) return { why: "Astro's list of pages is not the one recorded" };
	const changed = changedPage(outDir, Object.entries(record.files));
	if (changed !== undefined) return { why: `${changed} changed since the last build` };
	return { pages: new Map(Object.entries(record.files).filter(([, state]) => state !== '-')) };
}

/**
 * Just before Astro builds: removes every file of `outDir` but the kept `pages` and what is under the
 * folders `left` (relative to `outDir`: the search bundles, which the indexer keeps or replaces
 * itself, src/workers/search/indexer.ts), when the pages are still as recorded; when one changed
 * since the build was set up, empties the folder (Astro then copies from its cache, as when nothing
 * is kept) and returns that page.
 */
export function pruneOutput(outDir: string, pages: KeptPages, left: readonly string[] = []): string | undefined {
	const changed = changedPage(outDir, pages);
	// Not walked at all: the search bundles alone are 6,500 files at 1,000 reports.
	const leftAlone = new Set(changed === undefined ? left.map((folder) => folder.split(sep).join('/')) : []);
	const folders: string[] = [];
	// Folder by folder, each page's name made as it goes (as src/workers/output-files.ts lists them).
	const walk = (folder: string, prefix: string) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const name = `${prefix}${entry.name}`;
			if (leftAlone.has(name)) continue;
			const path = join(folder, entry.name);
			if (entry.isDirectory()) {
				folders.push(path);
				walk(path, `${name}/`);
			} else if (changed !== undefined || !pages.has(name)) rmSync(path, { force: true });
		}
	};
	walk(outDir, '');
	removeEmptyFolders(folders, outDir);
	return changed;
}

/**
 * When the build is done: removes the pages the last build left (`kept`) that this one did not
 * build and did not write again, and records this build's pages for the next one. A page file the
 * site's public folder also holds is not recorded: Astro keeps whatever file is at a page's place,
 * and that one is copied there by Vite, not written by the build.
 */
export function recordOutput(cacheDir: string, outDir: string, publicDir: string, kept: KeptPages | undefined): void {
	const manifest = readText(join(cacheDir, INCREMENTAL_MANIFEST));
	if (manifest === undefined) return;
	const files = manifestFiles(manifest);
	if (kept) {
		const built = new Set(files);
		const gone = [...kept].filter(([file, state]) => !built.has(file) && fileState(join(outDir, file)) === state).map(([file]) => join(outDir, file));
		for (const path of gone) rmSync(path, { force: true });
		removeEmptyFolders(gone.map(dirname), outDir);
	}
	const record: OutputRecord = {
		outDir,
		manifest: sha256(manifest),
		files: Object.fromEntries(files.filter((file) => !existsSync(join(publicDir, file))).map((file) => [file, fileState(join(outDir, file))])),
	};
	// Written whole, then renamed: a build stopped meanwhile never leaves half a record.
	const partial = join(cacheDir, `${OUTPUT_RECORD}.${process.pid}`);
	writeFileSync(partial, JSON.stringify(record));
	renameSync(partial, join(cacheDir, OUTPUT_RECORD));
}

/** Removes each of `folders` that is empty, deepest first, and then its parents up to `root` as they empty. */
function removeEmptyFolders(folders: string[], root: string): void {
	for (const folder of [...new Set(folders)].sort((a, b) => b.length - a.length)) {
		for (let current = folder; current.startsWith(`${root}${sep}`); current = dirname(current)) {
			try {
				rmdirSync(current);
			} catch {
				break;
			}
		}
	}
}
