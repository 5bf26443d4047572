import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAdminPath, pagePolicies, siteLayout } from './headers-file.ts';
import { outputFiles } from '../workers/output-files.ts';

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

	it('gives the form its folders, and a reader page named admin (an indicator) the readers’ rule', () => {
		const layout = siteLayout(outputFiles(dir), "default-src 'self'");
		expect(layout.admin).toEqual(['admin/*', 'en/admin/*']);
		expect(layout.pages).toEqual(['', '404.html', 'en/', 'en/index.html', 'en/indicators/*', 'index.html', 'indicators/*']);
		expect(['admin/index.html', 'en/admin', 'indicators/admin/index.html', 'en/indicators/admin'].map(isAdminPath)).toEqual([true, true, false, false]);
	});
});

describe('the pages’ policies', () => {
	const dir = mkdtempSync(join(tmpdir(), 'annals-policies-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const meta = (policy: string) => `<meta http-equiv="content-security-policy" content="${policy.replace(/'/g, '&#39;')}">`;
	const page = (file: string, html: string) => {
		mkdirSync(dirname(join(dir, file)), { recursive: true });
		writeFileSync(join(dir, file), html);
	};
	// A page as Annals writes it, with a long body after its head.
	page('index.html', `<!doctype html><html><head>${meta("script-src 'self'")}</head><body>${'<p>Đoạn văn.</p>'.repeat(20_000)}</body></html>`);
	// A head longer than the part read first: the policy comes after 40 KB of styles.
	page('long/index.html', `<html><head><style>${'a{}'.repeat(13_000)}</style>${meta("script-src 'sha256-x'")}</head><body></body></html>`);
	// No head at all: a fragment whose policy, if any, is somewhere in the file.
	page('bare/index.html', `${'x'.repeat(20_000)}${meta("script-src 'none'")}`);
	// A policy in the body is not the page's.
	page('body/index.html', `<html><head></head><body>${meta("script-src 'unsafe-inline'")}</body></html>`);
	page('admin/index.html', `<html><head>${meta("script-src 'unsafe-eval'")}</head></html>`);

	it('reads each page’s policy from its head, however long the head or the page', () => {
		const { pages, admin } = pagePolicies(dir);
		expect(pages.sort()).toEqual(["script-src 'none'", "script-src 'self'", "script-src 'sha256-x'"]);
		expect(admin).toBe("script-src 'unsafe-eval'");
	});
});
