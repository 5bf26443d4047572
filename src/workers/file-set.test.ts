import { expect, test } from 'vitest';
import { joinFiles, splitFiles } from './file-set.ts';

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
