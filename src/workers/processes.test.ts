/** Files half written by a build that stopped are removed; those of a running writer are left. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { removeLeftPartials, writerRunning } from './processes.ts';

const folder = mkdtempSync(join(tmpdir(), 'annals-partials-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The id of a process that has ended. */
function endedProcess(): number {
	const { pid } = spawnSync(process.execPath, ['-e', '0']);
	return pid!;
}

describe('removeLeftPartials()', () => {
	test('removes what a stopped writer left, and leaves a running writer’s file and every whole one', () => {
		const ended = endedProcess();
		expect(writerRunning(ended)).toBe(false);
		expect(writerRunning(process.ppid)).toBe(true);
		for (const name of ['a.bin', `a.bin.${ended}.part`, `a.bin.${process.ppid}.part`, `b.bin.${ended}.part.other`]) writeFileSync(join(folder, name), 'x');
		removeLeftPartials(folder, /^[a-z]\.bin\.(\d+)\.part$/);
		expect(readdirSync(folder).sort()).toEqual(['a.bin', `a.bin.${process.ppid}.part`, `b.bin.${ended}.part.other`]);
	});

	test('does nothing where the folder is not there', () => {
		expect(() => removeLeftPartials(join(folder, 'none'), /^(\d+)$/)).not.toThrow();
	});
});
