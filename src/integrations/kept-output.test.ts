import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INCREMENTAL_MANIFEST, lastOutput, OUTPUT_RECORD, pruneOutput, recordOutput } from './kept-output.ts';

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
let publicDir: string;
/** A time a file system keeps exactly: every page is written with it, so a page written again has another. */
const written = new Date('2026-12-01T00:00:00Z');
const write = (file: string, text = file) => {
	mkdirSync(dirname(join(out, file)), { recursive: true });
	writeFileSync(join(out, file), text);
	utimesSync(join(out, file), written, written);
};
/** A build: Astro writes `pages` (and its scripts, and the search bundle) and lists the pages in its manifest. */
const build = (pages: string[], kept?: ReturnType<typeof lastOutput>) => {
	for (const page of pages) if (!existsSync(join(out, page))) write(page);
	write('_astro/app.123.js');
	write('pagefind/pagefind.js');
	writeFileSync(join(cache, INCREMENTAL_MANIFEST), manifest(pages));
	recordOutput(cache, out, publicDir, kept && 'pages' in kept ? kept.pages : undefined);
};
/** The start of the next build: what it keeps, having removed the rest (or emptied the folder). */
const next = () => {
	const last = lastOutput(cache, out);
	if ('pages' in last) pruneOutput(out, last.pages);
	return last;
};
const pages = ['index.html', 'reports/2024/index.html', 'reports/2024/v1/index.html', 'og/reports/2024.png', 'tỉnh/index.html'];

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'annals-kept-'));
	cache = join(root, 'cache');
	out = join(root, 'dist');
	publicDir = join(root, 'public');
	mkdirSync(cache, { recursive: true });
	mkdirSync(publicDir, { recursive: true });
	build(pages);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the last build’s output, left in place', () => {
	it('keeps every page as it was, and removes every other file and the folders they leave empty', () => {
		const times = pages.map((page) => statSync(join(out, page)).mtimeMs);
		const last = next();
		expect('pages' in last && [...last.pages.keys()].sort()).toEqual([...pages].sort());
		expect(pages.map((page) => statSync(join(out, page)).mtimeMs)).toEqual(times);
		expect(existsSync(join(out, '_astro'))).toBe(false);
		expect(existsSync(join(out, 'pagefind'))).toBe(false);
	});

	it('leaves the folders it is told to, for whoever keeps them (the search bundles), unless a page changed', () => {
		const last = lastOutput(cache, out);
		expect('pages' in last && pruneOutput(out, last.pages, ['pagefind'])).toBe(undefined);
		expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true);
		expect(existsSync(join(out, '_astro'))).toBe(false);
		// A page changed meanwhile: the folder is emptied, the bundles with it.
		writeFileSync(join(out, 'index.html'), 'INDEX.HTML');
		expect('pages' in last && pruneOutput(out, last.pages, ['pagefind'])).toBe('index.html');
		expect(existsSync(join(out, 'pagefind'))).toBe(false);
	});

	it.each([
		['a page changed by hand', () => writeFileSync(join(out, 'reports/2024/index.html'), 'edited'), 'reports/2024/index.html changed'],
		// 4400 became 4410: the same size, written again.
		['a page written again at the same size', () => writeFileSync(join(out, 'index.html'), 'INDEX.HTML'), 'index.html changed'],
		['a page deleted', () => rmSync(join(out, 'og/reports/2024.png')), 'og/reports/2024.png changed'],
		['Astro’s list changed', () => writeFileSync(join(cache, INCREMENTAL_MANIFEST), manifest(pages.slice(1))), 'list of pages'],
		['no record', () => rmSync(join(cache, OUTPUT_RECORD)), 'no record'],
		['a record cut short', () => writeFileSync(join(cache, OUTPUT_RECORD), '{"outDir":'), 'cannot be read'],
		['another folder built last from this cache', () => (out = `${out}-other`), 'was into'],
	])('leaves the folder to be emptied after %s', (_, change, why) => {
		change();
		const last = next();
		expect('why' in last && last.why).toContain(why);
		expect(existsSync(join(root, 'dist/_astro/app.123.js'))).toBe(true);
	});

	it('does not keep a file that appeared where the last build wrote no page', () => {
		rmSync(join(out, 'tỉnh/index.html'));
		writeFileSync(join(cache, INCREMENTAL_MANIFEST), manifest(pages));
		recordOutput(cache, out, publicDir, undefined);
		write('tỉnh/index.html', 'put there by hand');
		const last = next();
		expect('why' in last && last.why).toContain('tỉnh/index.html changed');
	});

	it('empties the folder when a page changes between the set-up and the build', () => {
		const last = lastOutput(cache, out);
		writeFileSync(join(out, 'reports/2024/index.html'), 'edited meanwhile');
		expect('pages' in last && pruneOutput(out, last.pages)).toBe('reports/2024/index.html');
		expect(existsSync(join(out, 'index.html'))).toBe(false);
	});

	it('does not keep a page the public folder covers: Vite put it there, and the build did not write it', () => {
		mkdirSync(join(publicDir, 'og/reports'), { recursive: true });
		writeFileSync(join(publicDir, 'og/reports/2024.png'), 'a card drawn by hand');
		write('og/reports/2024.png', 'a card drawn by hand');
		build(pages, next());
		// Removed from the public folder: the next build must not keep the copy.
		rmSync(join(publicDir, 'og/reports/2024.png'));
		const last = next();
		expect('pages' in last && last.pages.has('og/reports/2024.png')).toBe(false);
		expect(existsSync(join(out, 'og/reports/2024.png'))).toBe(false);
	});

	it('leaves no record while a build runs, so one that stops half way keeps nothing', () => {
		next();
		expect(existsSync(join(cache, OUTPUT_RECORD))).toBe(false);
		expect(lastOutput(cache, out)).toEqual({ why: 'no record of the last build' });
	});

	it('removes after the build the pages it no longer has, unless it wrote them again', () => {
		const last = next();
		writeFileSync(join(out, 'reports/2024/index.html'), 'written again by this build, outside the list');
		build(['index.html', 'og/reports/2024.png'], last);
		expect(existsSync(join(out, 'reports/2024/v1'))).toBe(false);
		expect(existsSync(join(out, 'tỉnh'))).toBe(false);
		expect(readFileSync(join(out, 'reports/2024/index.html'), 'utf8')).toContain('written again');
		const after = next();
		expect('pages' in after && [...after.pages.keys()].sort()).toEqual(['index.html', 'og/reports/2024.png']);
	});
});
