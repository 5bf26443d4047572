/** The code a process loaded, told apart from the code on disk once that changed. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { codeAsLoaded } from './source-version.ts';

const root = mkdtempSync(join(tmpdir(), 'annals-code-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('codeAsLoaded()', () => {
	test('names the code as it loaded while it is the code on disk, and nothing once it changed', () => {
		mkdirSync(join(root, 'src'));
		writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 1;\n');
		const loaded = codeAsLoaded(' node', root);
		const first = loaded();
		expect(first).toMatch(/^[0-9a-f]{64} node$/);
		writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 2;\n');
		expect(loaded()).toBeUndefined();
		// Changed back: the code it loaded again.
		writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 1;\n');
		expect(loaded()).toBe(first);
	});

	test('names nothing where there is no code to read', () => {
		expect(codeAsLoaded('', join(root, 'nowhere'))()).toBeUndefined();
	});
});
