/** The clean files' checks kept in Annals' cache between processes, with the code that made them. */
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CheckFile } from './kept-checks.ts';
import { emptyCachePerTest } from '../../tests/setup/cache-dir.ts';

const cache = emptyCachePerTest('annals-checks-');

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the kept checks of clean files', () => {
	test('are read by the next check of the same code, and only those the last check used', () => {
		const first = new CheckFile('code 1');
		first.set('a', bytes('A'));
		first.set('b', bytes('B'));
		first.save();
		const second = new CheckFile('code 1');
		expect(second.get('a')).toEqual(bytes('A'));
		expect(second.get('c')).toBeUndefined();
		second.save();
		// The second check used `a` only: `b` is let go.
		const third = new CheckFile('code 1');
		expect(third.get('a')).toEqual(bytes('A'));
		expect(third.get('b')).toBeUndefined();
	});

	test('are none for other code, or where the file cannot be read', () => {
		const first = new CheckFile('code 1');
		first.set('a', bytes('A'));
		first.save();
		expect(new CheckFile('code 2').get('a')).toBeUndefined();
		writeFileSync(join(cache(), 'checks', 'reports.bin'), 'not what a check writes');
		expect(new CheckFile('code 1').get('a')).toBeUndefined();
	});

	test('leave nothing behind that a check stopped while it saved left half written', () => {
		const first = new CheckFile('code 1');
		first.set('a', bytes('A'));
		first.save();
		const ended = spawnSync(process.execPath, ['-e', '0']).pid!;
		writeFileSync(join(cache(), 'checks', `reports.bin.${ended}.1764700000000`), 'cut short');
		const second = new CheckFile('code 1');
		second.set('b', bytes('B'));
		second.save();
		expect(readdirSync(join(cache(), 'checks'))).toEqual(['reports.bin']);
	});
});
