/**
 * The pages that wait for the packed downloads go last, and they are all the pages that do: a page
 * that waits and is not listed renders in Astro's order, and the main thread stands idle while the
 * worker packs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { WAITING_ROUTES, waitingLast } from './downloads.ts';

const root = join(import.meta.dirname, '../..');
const path = (component: string, pathname: string) => ({ pathname, route: { component } });

describe('waitingLast', () => {
	test('moves the paths of the waiting routes after all others, in the list’s order, each route’s paths in their own order', () => {
		const [indicator, workbook, zip] = WAITING_ROUTES as [string, string, string];
		const paths = [
			path('src/pages/404.astro', '/404.html'),
			path(zip, '/data/indicators.zip'),
			path(workbook, '/data/indicators.xlsx'),
			path(workbook, '/data/grdp_growth.xlsx'),
			path('src/pages/data/[id].csv.ts', '/data/indicators.csv'),
			path(indicator, '/indicators/grdp_growth/'),
			path('src/pages/[...lang]/index.astro', '/'),
			path(indicator, '/en/indicators/grdp_growth/'),
		];
		expect(waitingLast(paths).map((p) => p.pathname)).toEqual([
			'/404.html',
			'/data/indicators.csv',
			'/',
			'/indicators/grdp_growth/',
			'/en/indicators/grdp_growth/',
			'/data/indicators.xlsx',
			'/data/grdp_growth.xlsx',
			'/data/indicators.zip',
		]);
	});

	test('leaves a list without waiting routes as it is', () => {
		const paths = ['/b/', '/a/', '/c/'].map((p) => path('src/pages/[...lang]/index.astro', p));
		expect(waitingLast(paths)).toEqual(paths);
	});
});

describe('WAITING_ROUTES', () => {
	// What makes a page wait: the whole set of downloads (their sizes), or a workbook or data package.
	const waits = (source: string) => /\b(downloads|downloadSizes)\(\)|downloadEndpoint\('(xlsx|zip)'\)/.test(source);
	const pages = readdirSync(join(root, 'src/pages'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.(astro|ts)$/.test(f) && !f.endsWith('.test.ts'));

	test('names pages that exist', () => {
		for (const component of WAITING_ROUTES) expect(existsSync(join(root, component)), component).toBe(true);
	});

	test('names every page that waits for the packed downloads, and only those', () => {
		const waiting = pages.filter((f) => waits(readFileSync(join(root, 'src/pages', f), 'utf8'))).map((f) => `src/pages/${f}`);
		expect(waiting.sort()).toEqual([...WAITING_ROUTES].sort());
	});
});
