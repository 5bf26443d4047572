import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { joinFiles, splitFiles, syncFolder } from './file-set.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

test('files joined in one buffer come back as they were, names and bytes, in order', () => {
	const files = new Map([
		['fragment/vi_1.pf_fragment', bytes('một')],
		['empty', new Uint8Array()],
		['pagefind-entry.json', bytes('{"version":"1"}')],
	]);
	const back = splitFiles(joinFiles(files));
	expect([...back.keys()]).toEqual([...files.keys()]);
	for (const [name, content] of files) expect(Buffer.from(back.get(name)!).equals(Buffer.from(content)), name).toBe(true);
	expect(splitFiles(joinFiles(new Map())).size).toBe(0);
});

test('a buffer cut short, or with more than its files, is refused', () => {
	const joined = joinFiles(new Map([['a', bytes('abc')]]));
	for (const cut of [0, 3, 6, joined.byteLength - 1]) expect(() => splitFiles(joined.subarray(0, cut)), String(cut)).toThrow('cut short');
	expect(() => splitFiles(new Uint8Array([...joined, 1]))).toThrow('cut short');
});

describe('syncFolder', () => {
	let folder: string;
	beforeEach(() => {
		folder = mkdtempSync(join(tmpdir(), 'annals-file-set-'));
	});
	afterEach(() => rmSync(folder, { recursive: true, force: true }));

	/** Every file under the folder with its text. */
	const held = () =>
		Object.fromEntries(
			readdirSync(folder, { recursive: true, withFileTypes: true })
				.filter((e) => e.isFile())
				.map((e) => [relative(folder, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), 'utf8')]),
		);

	test('makes a folder hold exactly the files, writing only those that differ', () => {
		expect(syncFolder(join(folder, 'new'), new Map([['a/b.txt', bytes('b')]]))).toEqual({ written: 1, removed: 0 });
		rmSync(join(folder, 'new'), { recursive: true });
		const files = new Map([
			['same.txt', bytes('the same')],
			['fragment/same.pf_fragment', bytes('kept')],
			['changed.json', bytes('{"new":true}')],
			['resized.json', bytes('longer than before')],
			['added/deep/file.txt', bytes('added')],
			['was-a-folder', bytes('now a file')],
		]);
		mkdirSync(join(folder, 'fragment'));
		mkdirSync(join(folder, 'stale/empty'), { recursive: true });
		mkdirSync(join(folder, 'was-a-folder'));
		writeFileSync(join(folder, 'same.txt'), 'the same');
		writeFileSync(join(folder, 'fragment/same.pf_fragment'), 'kept');
		writeFileSync(join(folder, 'changed.json'), '{"old":true}');
		writeFileSync(join(folder, 'resized.json'), 'short');
		writeFileSync(join(folder, 'fragment/gone.pf_fragment'), 'gone');
		writeFileSync(join(folder, 'stale/file.txt'), 'gone');
		writeFileSync(join(folder, 'was-a-folder/inner.txt'), 'gone');
		// A time a file system keeps exactly: a file left alone still has it.
		const time = new Date('2026-12-01T00:00:00Z');
		for (const file of ['same.txt', 'fragment/same.pf_fragment', 'changed.json']) utimesSync(join(folder, file), time, time);

		expect(syncFolder(folder, files)).toEqual({ written: 4, removed: 3 });
		expect(held()).toEqual(Object.fromEntries([...files].map(([name, content]) => [name.replace(/\//g, sep), new TextDecoder().decode(content)])));
		expect(statSync(join(folder, 'same.txt')).mtime).toEqual(time);
		expect(statSync(join(folder, 'fragment/same.pf_fragment')).mtime).toEqual(time);
		expect(statSync(join(folder, 'changed.json')).mtime).not.toEqual(time);
		// No folder left empty.
		expect(existsSync(join(folder, 'stale'))).toBe(false);
		// Once in place, nothing to do.
		expect(syncFolder(folder, files)).toEqual({ written: 0, removed: 0 });
	});
});
