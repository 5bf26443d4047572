import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INCREMENTAL_MANIFEST, keepLastOutput, OUTPUT_RECORD, recordOutput } from './kept-output.ts';

/** Astro's manifest of the pages it kept, as its incremental build writes it (the fields read here). */
const manifest = (files: string[]) =>
	JSON.stringify({
		version: 1,
		routes: {
			'src/pages/x.astro': { dependencyHash: 'h', paths: Object.fromEntries(files.map((f) => [`/${f}`, { cacheKey: 'k', outputFile: encodeURI(f) }])) },
		},
	});

let root: string;
let cache: string;
let out: string;
const write = (file: string, text = file) => {
	mkdirSync(dirname(join(out, file)), { recursive: true });
	writeFileSync(join(out, file), text);
};
/** A build: Astro writes `pages` (and its scripts, and the search bundle) and lists the pages in its manifest. */
const build = (pages: string[], kept?: ReturnType<typeof keepLastOutput>) => {
	for (const page of pages) if (!existsSync(join(out, page))) write(page);
	write('_astro/app.123.js');
	write('pagefind/pagefind.js');
	writeFileSync(join(cache, INCREMENTAL_MANIFEST), manifest(pages));
	recordOutput(cache, out, kept && 'kept' in kept ? kept.kept : undefined);
};
const pages = ['index.html', 'reports/2024/index.html', 'reports/2024/v1/index.html', 'og/reports/2024.png', 'tỉnh/index.html'];

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'annals-kept-'));
	cache = join(root, 'cache');
	out = join(root, 'dist');
	mkdirSync(cache, { recursive: true });
	build(pages);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the last build’s output, left in place', () => {
	it('keeps every page as it was, and removes every other file and the folders they leave empty', () => {
		const times = pages.map((page) => statSync(join(out, page)).mtimeMs);
		const last = keepLastOutput(cache, out);
		expect('kept' in last && [...last.kept.keys()].sort()).toEqual([...pages].sort());
		expect(pages.map((page) => statSync(join(out, page)).mtimeMs)).toEqual(times);
		expect(existsSync(join(out, '_astro'))).toBe(false);
		expect(existsSync(join(out, 'pagefind'))).toBe(false);
	});

	it.each([
		['a page changed by hand', () => write('reports/2024/index.html', 'edited'), 'reports/2024/index.html changed'],
		['a page deleted', () => rmSync(join(out, 'og/reports/2024.png')), 'og/reports/2024.png changed'],
		['Astro’s list changed', () => writeFileSync(join(cache, INCREMENTAL_MANIFEST), manifest(pages.slice(1))), 'list of pages'],
		['no record', () => rmSync(join(cache, OUTPUT_RECORD)), 'no record'],
		['another folder built last from this cache', () => (out = `${out}-other`), 'was into'],
	])('leaves the folder to Astro to empty after %s', (_, change, why) => {
		change();
		const last = keepLastOutput(cache, out);
		expect('why' in last && last.why).toContain(why);
		expect(existsSync(join(root, 'dist/_astro/app.123.js'))).toBe(true);
	});

	it('does not keep a file that appeared where the last build wrote no page', () => {
		rmSync(join(out, 'tỉnh/index.html'));
		writeFileSync(join(cache, INCREMENTAL_MANIFEST), manifest(pages));
		recordOutput(cache, out, undefined);
		write('tỉnh/index.html', 'put there by hand');
		const last = keepLastOutput(cache, out);
		expect('why' in last && last.why).toContain('tỉnh/index.html changed');
	});

	it('leaves no record while a build runs, so one that stops half way keeps nothing', () => {
		keepLastOutput(cache, out);
		expect(existsSync(join(cache, OUTPUT_RECORD))).toBe(false);
		expect(keepLastOutput(cache, out)).toEqual({ why: 'no record of the last build' });
	});

	it('removes after the build the pages it no longer has, unless it wrote them again', () => {
		const last = keepLastOutput(cache, out);
		write('reports/2024/index.html', 'written again by this build, outside the list');
		build(['index.html', 'og/reports/2024.png'], last);
		expect(existsSync(join(out, 'reports/2024/v1'))).toBe(false);
		expect(existsSync(join(out, 'tỉnh'))).toBe(false);
		expect(readFileSync(join(out, 'reports/2024/index.html'), 'utf8')).toContain('written again');
		const next = keepLastOutput(cache, out);
		expect('kept' in next && [...next.kept.keys()].sort()).toEqual(['index.html', 'og/reports/2024.png']);
	});
});
