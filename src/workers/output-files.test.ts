import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { outputFiles } from './output-files.ts';

test('every file under the folder, by its path with slashes, sorted; no folders, no links', () => {
	const dir = mkdtempSync(join(tmpdir(), 'annals-output-files-'));
	try {
		for (const file of ['z.html', 'reports/2024/index.html', 'reports/2024/v1/index.html', 'a/b/c/d.json', '_headers']) {
			mkdirSync(join(dir, file, '..'), { recursive: true });
			writeFileSync(join(dir, file), file);
		}
		mkdirSync(join(dir, 'empty'));
		symlinkSync(join(dir, 'z.html'), join(dir, 'link.html'));
		expect(outputFiles(dir)).toEqual(['_headers', 'a/b/c/d.json', 'reports/2024/index.html', 'reports/2024/v1/index.html', 'z.html']);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
