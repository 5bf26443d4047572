/**
 * The heavy downloads, each data package's ZIP and workbook (at 1,000 reports, 15–20 s of the
 * build's main thread), kept between builds in node_modules/.cache/annals/downloads (or
 * $ANNALS_CACHE_DIR/downloads): one file for all the packages, keyed by their rows and descriptions
 * and by the code and packages that write them. A rebuild whose figures did not change (an edited
 * text, a translation) finds them; a changed figure, catalogue or piece of that code makes them anew.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { dataDate, dataPackage, type PackageInput } from '../lib/data-package.ts';
import { workbook } from '../lib/workbook.ts';
import { cacheDir } from '../workers/cache-dir.ts';

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

/**
 * Every package's files in one buffer, as the cache keeps them: the length of a JSON index (each
 * package's name and the lengths of its ZIP and workbook), the index, then the files.
 */
export function joinPacked(files: ReadonlyMap<string, Packed>): Uint8Array<ArrayBuffer> {
	const index: [string, number, number][] = [...files].map(([name, { zip, xlsx }]) => [name, zip.byteLength, xlsx.byteLength]);
	const head = new TextEncoder().encode(JSON.stringify(index));
	const out = new Uint8Array(4 + head.byteLength + index.reduce((sum, [, zip, xlsx]) => sum + zip + xlsx, 0));
	new DataView(out.buffer).setUint32(0, head.byteLength);
	out.set(head, 4);
	let at = 4 + head.byteLength;
	for (const { zip, xlsx } of files.values()) {
		out.set(zip, at);
		out.set(xlsx, at + zip.byteLength);
		at += zip.byteLength + xlsx.byteLength;
	}
	return out;
}

export function splitPacked(bytes: Uint8Array): Map<string, Packed> {
	const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
	const index = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length))) as [string, number, number][];
	const files = new Map<string, Packed>();
	let at = 4 + length;
	for (const [name, zip, xlsx] of index) {
		files.set(name, { zip: bytes.subarray(at, at + zip), xlsx: bytes.subarray(at + zip, at + zip + xlsx) });
		at += zip + xlsx;
	}
	return files;
}

/**
 * What the files depend on besides their inputs: the code of src/lib (every module the ZIP and the
 * workbook are written by lives there), this module, and the packages that write and compress them.
 * Read from the project's source (`root`), as the build runs from it.
 */
export function codeVersion(root: string = process.cwd()): string {
	const hash = createHash('sha256');
	const lib = join(root, 'src/lib');
	for (const name of readdirSync(lib, { recursive: true, encoding: 'utf8' }).sort()) {
		if (name.endsWith('.ts') && !name.endsWith('.test.ts')) hash.update(name).update(readFileSync(join(lib, name)));
	}
	hash.update(readFileSync(join(root, 'src/data/download-cache.ts')));
	const require = createRequire(join(root, 'package.json'));
	for (const dependency of ['fflate', 'write-excel-file']) {
		hash.update(`${dependency} ${(JSON.parse(readFileSync(require.resolve(`${dependency}/package.json`), 'utf8')) as { version: string }).version}`);
	}
	return hash.digest('hex');
}

/** Every package's files: from the cache when the same inputs were packed by the same code before, else made now and kept. */
export async function cachedPackAll(packages: readonly PackageInput[]): Promise<Map<string, Packed>> {
	let file: string | undefined;
	try {
		file = join(cacheDir('downloads'), `${createHash('sha256').update(codeVersion()).update(packagesKey(packages)).digest('hex').slice(0, 32)}.bin`);
		const files = splitPacked(new Uint8Array(readFileSync(file)));
		// A file cut short (a build stopped while writing it) is made again.
		if (packages.every((p) => files.has(p.name))) return files;
	} catch {
		// Not kept yet, or the source to key it by is not there (the preview of a copied site): made now.
	}
	const files = await packAll(packages);
	if (file) {
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, joinPacked(files));
	}
	return files;
}
