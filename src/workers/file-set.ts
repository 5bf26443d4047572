/**
 * Several files kept as one: a buffer holding the length of a JSON index (each file's name and
 * length), the index, then the files. The caches keep a set of files this way (the downloads'
 * packages in src/workers/download-cache.ts, the search bundles in src/workers/search/indexer.ts),
 * one file to write and read rather than many; syncFolder puts such a set in place.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, type Dirent } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** The files in one buffer, in the order given. */
export function joinFiles(files: ReadonlyMap<string, Uint8Array>): Uint8Array<ArrayBuffer> {
	const index: [string, number][] = [...files].map(([name, bytes]) => [name, bytes.byteLength]);
	const head = new TextEncoder().encode(JSON.stringify(index));
	const out = new Uint8Array(4 + head.byteLength + index.reduce((sum, [, length]) => sum + length, 0));
	new DataView(out.buffer).setUint32(0, head.byteLength);
	out.set(head, 4);
	let at = 4 + head.byteLength;
	for (const bytes of files.values()) {
		out.set(bytes, at);
		at += bytes.byteLength;
	}
	return out;
}

/** The files of a buffer joinFiles made, as views of it; throws when it is cut short. */
export function splitFiles(bytes: Uint8Array): Map<string, Uint8Array> {
	if (bytes.byteLength < 4) throw new Error('the kept files are cut short');
	const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
	if (4 + length > bytes.byteLength) throw new Error('the kept files are cut short');
	const index = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length))) as [string, number][];
	let at = 4 + length;
	if (at + index.reduce((sum, [, size]) => sum + size, 0) !== bytes.byteLength) throw new Error('the kept files are cut short');
	const files = new Map<string, Uint8Array>();
	for (const [name, size] of index) {
		files.set(name, bytes.subarray(at, at + size));
		at += size;
	}
	return files;
}

/**
 * Makes `folder` hold exactly `files` (by their paths under it): a file already there with the same
 * bytes is left as it is, any other is written, and what else is there is removed. Written whole
 * again, a search bundle of 2,000 pages is 2,200 files deleted and created, and this machine's disk
 * took 1–2 ms to create each; a rebuild changes a few dozen of them. Returns how many files it wrote
 * and removed.
 */
export function syncFolder(folder: string, files: ReadonlyMap<string, Uint8Array>): { written: number; removed: number } {
	let removed = 0;
	const there = new Map<string, number>();
	let entries: Dirent[] = [];
	try {
		entries = readdirSync(folder, { recursive: true, withFileTypes: true });
	} catch {
		// No folder yet.
	}
	for (const entry of entries) {
		const path = join(entry.parentPath, entry.name);
		const name = relative(folder, path).replace(/\\/g, '/');
		if (entry.isDirectory()) continue;
		if (entry.isFile() && files.has(name)) there.set(name, statSync(path).size);
		else {
			rmSync(path, { force: true });
			removed++;
		}
	}
	let written = 0;
	for (const [name, bytes] of files) {
		const path = join(folder, name);
		if (there.get(name) === bytes.byteLength && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(readFileSync(path))) continue;
		// A folder where the file goes (a name that was a folder before) makes way.
		if (!there.has(name)) rmSync(path, { recursive: true, force: true });
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, bytes);
		written++;
	}
	removeEmptyFolders(folder);
	return { written, removed };
}

/** Removes the folders under `folder` that hold no file, deepest first. */
function removeEmptyFolders(folder: string): void {
	let entries: Dirent[];
	try {
		entries = readdirSync(folder, { withFileTypes: true });
	} catch {
		return;
	}
	for (const entry of entries) {
		if (!entry.isDirectory()) continue;
		const inner = join(folder, entry.name);
		removeEmptyFolders(inner);
		if (readdirSync(inner).length === 0) rmSync(inner, { recursive: true, force: true });
	}
}
