/**
 * Several files kept as one: a buffer holding the length of a JSON index (each file's name and
 * length), the index, then the files. The caches keep a set of files this way (the downloads'
 * packages in src/workers/download-cache.ts), one file to write and read rather than many.
 */

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
