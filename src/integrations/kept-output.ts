/**
 * Leaves the last build's pages in the output folder for Astro's incremental build to keep, instead
 * of letting Astro empty the folder and copy them back from its cache.
 *
 * Astro empties the output folder before a build, then copies from its cache every page whose key
 * is unchanged (src/data/page-keys.ts): at 1,000 reports, 8,500 pages and cards deleted and
 * written again for an edit that renders six, most of the time Astro spends on such a rebuild. A
 * page already in the folder it keeps as it is (`vite.build.emptyOutDir: false`), and that is only
 * right when the file is exactly the page the last build wrote there from the same cache. So each
 * build records, beside Astro's list of the pages it kept (its manifest), the size and time of
 * every page file; the next build leaves the folder as it is only when the record is of this
 * folder and of that very list and every page file is as recorded. It then removes every other
 * file first (scripts, public files, search bundles: each build writes them again), and after the
 * build the pages the last one wrote and this one no longer has. Anything else (no record, a page
 * changed or deleted by hand, a build that stopped half way, another folder built from the same
 * cache) leaves Astro to empty the folder, as it always did.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

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

/**
 * At the start of a build: the page files to leave in `outDir` for Astro to keep, having removed
 * every other file; or undefined, when the folder is not exactly as the last build from
 * `cacheDir` left it (Astro then empties it). Either way the record is gone until the build ends,
 * so a build that stops half way leaves none.
 */
export function keepLastOutput(cacheDir: string, outDir: string): { kept: KeptPages } | { why: string } {
	const recordFile = join(cacheDir, OUTPUT_RECORD);
	const text = readText(recordFile);
	rmSync(recordFile, { force: true });
	if (text === undefined) return { why: 'no record of the last build' };
	const record = JSON.parse(text) as OutputRecord;
	if (record.outDir !== outDir) return { why: `the last build from this cache was into ${record.outDir}` };
	const manifest = readText(join(cacheDir, INCREMENTAL_MANIFEST));
	if (manifest === undefined || sha256(manifest) !== record.manifest) return { why: "Astro's list of pages is not the one recorded" };
	for (const [file, state] of Object.entries(record.files)) if (fileState(join(outDir, file)) !== state) return { why: `${file} changed since the last build` };
	const pages = new Set(Object.keys(record.files));
	const entries = readdirSync(outDir, { recursive: true, withFileTypes: true });
	const folders: string[] = [];
	for (const entry of entries) {
		const path = join(entry.parentPath, entry.name);
		if (entry.isDirectory()) folders.push(path);
		else if (!pages.has(relative(outDir, path))) rmSync(path, { force: true });
	}
	removeEmptyFolders(folders, outDir);
	return { kept: new Map(Object.entries(record.files).filter(([, state]) => state !== '-')) };
}

/**
 * When the build is done: removes the pages the last build left (`kept`) that this one did not
 * build and did not write again, and records this build's pages for the next one.
 */
export function recordOutput(cacheDir: string, outDir: string, kept: KeptPages | undefined): void {
	const manifest = readText(join(cacheDir, INCREMENTAL_MANIFEST));
	if (manifest === undefined) return;
	const files = manifestFiles(manifest);
	if (kept) {
		const built = new Set(files);
		const gone = [...kept].filter(([file, state]) => !built.has(file) && fileState(join(outDir, file)) === state).map(([file]) => join(outDir, file));
		for (const path of gone) rmSync(path, { force: true });
		removeEmptyFolders(gone.map(dirname), outDir);
	}
	const record: OutputRecord = { outDir, manifest: sha256(manifest), files: Object.fromEntries(files.map((file) => [file, fileState(join(outDir, file))])) };
	writeFileSync(join(cacheDir, OUTPUT_RECORD), JSON.stringify(record));
}

/** Removes each of `folders` that is empty, deepest first, and then its parents up to `root` as they empty. */
function removeEmptyFolders(folders: string[], root: string): void {
	for (const folder of [...new Set(folders)].sort((a, b) => b.length - a.length)) {
		for (let current = folder; current.startsWith(`${root}/`); current = dirname(current)) {
			try {
				rmdirSync(current);
			} catch {
				break;
			}
		}
	}
}
