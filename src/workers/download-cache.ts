/**
 * The heavy downloads, each data package's ZIP and workbook (at 1,000 reports, 15–20 s of the
 * build's main thread), kept between builds in node_modules/.cache/annals/downloads (or
 * $ANNALS_CACHE_DIR/downloads): one file for each package, keyed by its rows and description and
 * by the code and packages that write them. A rebuild whose figures did not change (an edited text, a
 * translation) finds them all; a figure correction, whose new version adds rows to every package,
 * and a changed catalogue or piece of that code make them all anew.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { dataDate, dataPackage, type PackageInput } from '../lib/data-package.ts';
import { joinFiles, splitFiles } from './file-set.ts';
import { workbook } from '../lib/workbook.ts';
import { cacheDir } from './cache-dir.ts';
import { removeLeftPartials } from './processes.ts';
import { sourceVersion } from './source-version.ts';

/** A package's two heavy files. */
export interface Packed {
	zip: Uint8Array;
	xlsx: Uint8Array;
}

/** Makes a package's ZIP and workbook. */
async function pack(input: PackageInput): Promise<Packed> {
	return { zip: dataPackage(input), xlsx: await workbook(input.current, input.all, dataDate(input.all)) };
}

/** Every package's files, made here. */
export async function packAll(packages: readonly PackageInput[]): Promise<Map<string, Packed>> {
	const files = new Map<string, Packed>();
	for (const input of packages) files.set(input.name, await pack(input));
	return files;
}

/**
 * The key of `packages` (src/data/download-inputs.ts): each package's description and rows, hashed
 * line by line rather than held as one string of a hundred megabytes.
 */
export function packagesKey(packages: readonly PackageInput[]): string {
	const hash = createHash('sha256');
	for (const { all, current, ...description } of packages) {
		hash.update(JSON.stringify(description)).update('\n');
		hash.update(`${all.length}\n`);
		for (const row of all) hash.update(JSON.stringify(row)).update('\n');
		hash.update(`${current.length}\n`);
		for (const row of current) hash.update(JSON.stringify(row)).update('\n');
	}
	return hash.digest('hex');
}

/** Every package's files in one buffer, as the cache keeps them (src/workers/file-set.ts): `NAME.zip` and `NAME.xlsx`. */
export function joinPacked(files: ReadonlyMap<string, Packed>): Uint8Array<ArrayBuffer> {
	return joinFiles(
		new Map(
			[...files].flatMap(([name, { zip, xlsx }]): [string, Uint8Array][] => [
				[`${name}.zip`, zip],
				[`${name}.xlsx`, xlsx],
			]),
		),
	);
}

/** The packages of a buffer joinPacked made; throws when it is cut short. */
export function splitPacked(bytes: Uint8Array): Map<string, Packed> {
	const files = splitFiles(bytes);
	const packed = new Map<string, Packed>();
	for (const [file, zip] of files) {
		const name = file.replace(/\.zip$/, '');
		const xlsx = files.get(`${name}.xlsx`);
		if (file.endsWith('.zip') && xlsx) packed.set(name, { zip, xlsx });
	}
	if (packed.size * 2 !== files.size) throw new Error('the kept downloads are not packages');
	return packed;
}

/**
 * What the files depend on besides their inputs: the code (src/lib writes them, src/i18n words
 * their descriptions; sourceVersion reads all of src/) and the packages that write and compress
 * them (in the lockfile sourceVersion reads, and by their versions here for a copy without one).
 * Read from the project's source (`root`), as the build runs from it.
 */
export function codeVersion(root: string = process.cwd()): string {
	const hash = createHash('sha256').update(sourceVersion(root));
	const require = createRequire(join(root, 'package.json'));
	for (const dependency of ['fflate', 'write-excel-file']) {
		hash.update(`${dependency} ${(JSON.parse(readFileSync(require.resolve(`${dependency}/package.json`), 'utf8')) as { version: string }).version}`);
	}
	return hash.digest('hex');
}

/** Packages' files, and the names of the cache's files they are kept in (see pruneDownloads). */
export interface PackedSet {
	files: Map<string, Packed>;
	kept: string[];
}

/**
 * Every package's files: each from the cache when the same inputs were packed by the same code
 * before, else made now and kept. Only this build's files stay in the cache, so it never holds more
 * than one archive's downloads.
 */
export async function cachedPackAll(packages: readonly PackageInput[]): Promise<Map<string, Packed>> {
	const { files, kept } = await cachedPack(packages);
	pruneDownloads(kept);
	return files;
}

/**
 * These packages' files, each from the cache or made now and kept there, with the names they are
 * kept under: packed in parts (on two workers), the cache is pruned once all are done.
 */
export async function cachedPack(packages: readonly PackageInput[]): Promise<PackedSet> {
	let folder: string | undefined;
	let code: string | undefined;
	try {
		folder = cacheDir('downloads');
		code = codeVersion();
	} catch {
		// The source to key them by is not there (the preview of a copied site): made now, not kept.
		folder = undefined;
	}
	const files = new Map<string, Packed>();
	const kept: string[] = [];
	for (const input of packages) {
		const name =
			folder && code
				? `${createHash('sha256')
						.update(code)
						.update(packagesKey([input]))
						.digest('hex')
						.slice(0, 32)}.bin`
				: undefined;
		let packed: Packed | undefined;
		if (folder && name) {
			kept.push(name);
			try {
				packed = splitPacked(new Uint8Array(readFileSync(join(folder, name)))).get(input.name);
			} catch {
				// Not kept yet, or cut short: made again.
			}
		}
		if (!packed) {
			packed = await pack(input);
			if (folder && name) {
				// Written whole or not at all: a build stopped half way leaves no file cut short.
				mkdirSync(folder, { recursive: true });
				const partial = join(folder, `${name}.${process.pid}.part`);
				writeFileSync(partial, joinPacked(new Map([[input.name, packed]])));
				renameSync(partial, join(folder, name));
			}
		}
		files.set(input.name, packed);
	}
	return { files, kept };
}

/**
 * Deletes every package kept in the cache but those named `kept`, the downloads of the archive just
 * packed, and what a build stopped while it wrote a package left half written.
 */
export function pruneDownloads(kept: Iterable<string>): void {
	let names: string[];
	try {
		names = readdirSync(cacheDir('downloads'));
	} catch {
		return;
	}
	const keep = new Set(kept);
	for (const name of names) if (name.endsWith('.bin') && !keep.has(name)) rmSync(join(cacheDir('downloads'), name), { force: true });
	removeLeftPartials(cacheDir('downloads'), /^[0-9a-f]{32}\.bin\.(\d+)\.part$/);
}
