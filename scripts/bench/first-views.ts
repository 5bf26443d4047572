/** What a reader's browser downloads on a first view of the built site: in Chromium when it is installed, else read statically. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SEARCH_BUNDLES } from '../../src/lib/search.ts';
import { launch } from '../chromium.ts';
import { serveDist } from '../serve.ts';
import { gz } from './measure.ts';
/** Files a JavaScript module loads, statically and (with `dynamic`) through import(). */
function moduleGraph(dist: string, entry: string, dynamic: boolean, seen = new Set<string>()): Set<string> {
	if (seen.has(entry)) return seen;
	seen.add(entry);
	const code = readFileSync(join(dist, entry), 'utf8');
	const dir = entry.slice(0, entry.lastIndexOf('/') + 1);
	const patterns = [/(?:from|import)\s*["'`]([^"'`]+\.js)["'`]/g, ...(dynamic ? [/import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g] : [])];
	for (const pattern of patterns) {
		for (const m of code.matchAll(pattern)) {
			const target = m[1]!.startsWith('/') ? m[1]!.slice(1) : new URL(m[1]!, `file:///${dir}`).pathname.slice(1);
			if (existsSync(join(dist, target))) moduleGraph(dist, target, dynamic, seen);
		}
	}
	return seen;
}

/** gzip bytes of a page's HTML, stylesheets and scripts (with `dynamic`, also the code loaded on view). */
export function firstView(dist: string, route: string, dynamic: boolean): number {
	const html = readFileSync(join(dist, route, 'index.html'), 'utf8');
	let bytes = gz(join(dist, route, 'index.html'));
	for (const m of html.matchAll(/<link rel="stylesheet" href="\/([^"]+)"/g)) bytes += gz(join(dist, m[1]!));
	const scripts = new Set<string>();
	for (const m of html.matchAll(/<script[^>]*src="\/([^"]+)"/g)) for (const f of moduleGraph(dist, m[1]!, dynamic)) scripts.add(f);
	for (const m of html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)) {
		for (const i of m[1]!.matchAll(/import\s*["'`]\/([^"'`]+)["'`]/g)) for (const f of moduleGraph(dist, i[1]!, dynamic)) scripts.add(f);
	}
	for (const f of scripts) bytes += gz(join(dist, f));
	return bytes;
}

/** gzip bytes a reader downloads for a first search: the search page, then Pagefind and what it fetches. */
export async function firstSearch(dist: string, query: string): Promise<number> {
	let bytes = firstView(dist, 'search', false);
	const fetched = new Set<string>();
	const web = globalThis.fetch;
	globalThis.fetch = async (input) => {
		const url = new URL(input instanceof Request ? input.url : String(input));
		fetched.add(url.pathname);
		return new Response(readFileSync(url));
	};
	const pagefindJs = join(dist, SEARCH_BUNDLES.current, 'pagefind.js');
	fetched.add(pagefindJs);
	const { searchWith } = await import('../../src/client/search-engine.ts');
	const pagefind = await import(`file://${pagefindJs}?bench`);
	await pagefind.options({ baseUrl: '/' });
	await pagefind.init();
	await searchWith({ pagefind, versionsUrl: `file://${join(dist, SEARCH_BUNDLES.versions)}/`, baseUrl: '/' }, query, {}, 10);
	globalThis.fetch = web;
	for (const file of fetched) bytes += gz(file);
	if (process.env['BENCH_VERBOSE']) for (const file of fetched) console.log(`  first search: ${gz(file)} B gzip  ${file.slice(dist.length)}`);
	return bytes;
}

/** The file a request for `path` is served from. */
function servedFile(dist: string, path: string): string {
	const file = join(dist, decodeURIComponent(path));
	return path.endsWith('/') ? join(file, 'index.html') : file;
}

/**
 * What a reader's browser downloads for each first view, gzip: the files Chromium requests from a
 * local server, fresh cache each time. The report is loaded without scrolling (its charts load only
 * in view); the indicator page is scrolled to its chart and waits for it to be drawn; the search
 * page runs a query and waits for the results.
 */
type View = 'home' | 'report' | 'indicatorWithChart' | 'firstSearch' | 'embedIndicator' | 'embedCompare';

export async function browserFirstViews(dist: string, latest: number): Promise<{ bytes: Record<View, number>; files: Record<string, string[]> }> {
	const served = await serveDist(dist, '/');
	const browser = await launch();
	const origin = new URL(served.url).origin;
	const views: [string, string, ((page: Page) => Promise<void>) | undefined][] = [
		['home', '', undefined],
		['report', `reports/${latest}/`, undefined],
		[
			'indicatorWithChart',
			'indicators/ind_01/',
			async (page) => {
				await page.locator('annals-chart').first().scrollIntoViewIfNeeded();
				await page.waitForSelector('annals-chart canvas', { state: 'attached' });
			},
		],
		[
			'embedIndicator',
			'embed/indicators/ind_01/',
			async (page) => {
				await page.waitForSelector('annals-embed');
			},
		],
		[
			// A comparison pinned to the latest report's first version: the page, Chart.js, and the figures it fetches.
			'embedCompare',
			`embed/compare/?i=ind_01,ind_02&v=${latest}-1`,
			async (page) => {
				await page.waitForSelector('annals-compare[data-pinned] [data-charts] figure[data-drawn]');
			},
		],
		[
			'firstSearch',
			`search/?q=${encodeURIComponent('kinh tế')}`,
			async (page) => {
				await page.waitForSelector('annals-search[data-count]');
			},
		],
	];
	const bytes = {} as Record<View, number>;
	const files: Record<string, string[]> = {};
	try {
		for (const [name, path, act] of views) {
			const context = await browser.newContext();
			const page = await context.newPage();
			const requested = new Set<string>();
			page.on('request', (request) => {
				const url = new URL(request.url());
				if (url.origin === origin) requested.add(url.pathname);
			});
			await page.goto(`${served.url}${path}`, { waitUntil: 'networkidle' });
			if (act) {
				await act(page);
				await page.waitForLoadState('networkidle');
				await page.waitForTimeout(500);
			}
			await context.close();
			files[name] = [...requested].sort();
			bytes[name as keyof typeof bytes] = files[name].reduce((sum, p) => sum + (existsSync(servedFile(dist, p)) ? gz(servedFile(dist, p)) : 0), 0);
		}
	} finally {
		await browser.close();
		await served.close();
	}
	return { bytes, files };
}

/* ------------------------------------------------------------------------------------------ */
