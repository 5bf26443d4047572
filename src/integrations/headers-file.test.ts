import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAdminPath, siteLayout } from './headers-file.ts';

describe('the _headers layout', () => {
	const dir = mkdtempSync(join(tmpdir(), 'annals-headers-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	for (const file of [
		'index.html',
		'404.html',
		'admin/index.html',
		'en/index.html',
		'en/admin/index.html',
		'indicators/admin/index.html',
		'en/indicators/admin/index.html',
		'data/x.csv',
	]) {
		mkdirSync(dirname(join(dir, file)), { recursive: true });
		writeFileSync(join(dir, file), '');
	}

	it('gives the form its folders, and a reader page named admin (an indicator) the readers’ rule', async () => {
		const layout = await siteLayout(dir, "default-src 'self'");
		expect(layout.admin).toEqual(['admin/*', 'en/admin/*']);
		expect(layout.pages).toEqual(['', '404.html', 'en/', 'en/index.html', 'en/indicators/*', 'index.html', 'indicators/*']);
		expect(['admin/index.html', 'en/admin', 'indicators/admin/index.html', 'en/indicators/admin'].map(isAdminPath)).toEqual([true, true, false, false]);
	});
});
