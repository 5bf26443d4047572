import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveDist, type Served } from '../../scripts/serve.ts';
import { buildArchive, builds } from '../setup/site.ts';
import { launch, skipBrowser, useBrowser } from './chromium.ts';

const firstUrl = (page: Page) => page.locator('[data-results] .result-title').first().getAttribute('href');

describe.skipIf(skipBrowser).each(Object.entries(builds))('search in the %s build', (_name, build) => {
	const session = useBrowser(() => build);
	const base = build.base;

	test.each([
		['ho ngheo', 'indicators/poverty_rate/'],
		['hộ nghèo', 'indicators/poverty_rate/'],
		['dong', 'indicators/houses_funds_mobilised/'],
		['Đồng', 'indicators/houses_funds_mobilised/'],
		// On the Vietnamese search page, Vietnamese pages come first (English ones after them).
		['PCI', 'indicators/pci/'],
		['13,85', 'reports/2024/'],
		['tang truong', 'indicators/grdp_growth/'],
	])('/search/?q=%s returns /%s first', async (query, route) => {
		const page = await session.browser.newPage();
		await page.goto(`${session.served.url}search/?q=${encodeURIComponent(query)}`);
		await page.waitForSelector('[data-results] .result');
		expect(await firstUrl(page)).toBe(`${base}${route}`);
		await page.close();
	});

	test('the header box loads search only when used, shows results as one types, and Enter opens the search page', async () => {
		const page = await session.browser.newPage();
		const requests: string[] = [];
		page.on('request', (r) => requests.push(r.url()));
		await page.goto(`${session.served.url}en/reports/2023/`);
		await page.waitForLoadState('networkidle');
		expect(requests.some((u) => u.includes('/pagefind/'))).toBe(false);
		await page.keyboard.press('/');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q');
		await page.keyboard.type('ho ngheo');
		await page.waitForSelector('.search-dropdown:not([hidden]) li a');
		expect(requests.some((u) => u.includes('/pagefind/pagefind.js'))).toBe(true);
		// Searching runs on the page: Pagefind's worker would be a second copy of its code to download.
		expect(requests.filter((u) => u.includes('pagefind-worker'))).toEqual([]);
		expect(await page.locator('.search-dropdown li a').first().getAttribute('href')).toBe(`${base}indicators/poverty_rate/`);
		await page.keyboard.press('Enter');
		await page.waitForURL(`${session.served.url}en/search/?q=ho+ngheo`);
		await page.waitForSelector('[data-results] .result');
		expect(await page.inputValue('#search-query')).toBe('ho ngheo');
		await page.close();
	});

	test('a filter narrows the results and is kept in the address; a result opens', async () => {
		const page = await session.browser.newPage();
		await page.goto(`${session.served.url}en/search/?q=PCI`);
		await page.waitForSelector('[data-results] .result');
		const before = Number(await page.getAttribute('annals-search', 'data-count'));
		await page.check('input[name="kind"][value="report"]');
		await page.waitForURL(/kind=report/);
		await page.waitForFunction((n) => Number(document.querySelector('annals-search')?.getAttribute('data-count')) < n, before);
		const tags = await page.locator('.result-tags').allTextContents();
		expect(tags.every((t) => t.startsWith('Report'))).toBe(true);
		await page.reload();
		expect(await page.isChecked('input[name="kind"][value="report"]')).toBe(true);
		await page.locator('[data-results] .result-title').first().click();
		await page.waitForURL(/reports\/2024\/$/);
		await page.close();
	});

	test('earlier versions are downloaded only when the reader gets to them', async () => {
		const page = await session.browser.newPage();
		const requests: string[] = [];
		page.on('request', (r) => requests.push(r.url()));
		await page.goto(`${session.served.url}en/search/?q=GRDP`);
		await page.waitForSelector('[data-results] .result');
		await page.waitForLoadState('networkidle');
		// The filters come with the page, and no earlier version is fetched for them. (One small filter
		// file is: the language filter that puts pages in the reader's language first.)
		expect(await page.locator('input[name="kind"]').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value))).toEqual([
			'indicator',
			'report',
			'version',
		]);
		expect(requests.filter((u) => u.includes('/pagefind-versions/'))).toEqual([]);
		expect(await page.textContent('[data-status]')).toMatch(
			/^\d+ results for “GRDP”\. Earlier versions of reports are searched after these, when you show more\.$/,
		);
		for (let i = 0; i < 20 && (await page.locator('[data-results] [data-superseded]').count()) === 0; i++) {
			const shown = await page.locator('[data-results] .result').count();
			await page.click('[data-more]');
			await page.waitForFunction((n) => document.querySelectorAll('[data-results] .result').length > n, shown);
		}
		expect(await page.locator('[data-results] [data-superseded]').count()).toBeGreaterThan(0);
		expect(requests.some((u) => u.includes(`${base}pagefind-versions/`))).toBe(true);
		expect(await page.textContent('[data-status]')).toMatch(/^\d+ results for “GRDP”$/);
		await page.close();
	});

	test('a phrase only an earlier version holds is found at once', async () => {
		const page = await session.browser.newPage();
		await page.goto(`${session.served.url}en/search/?q=superseded`);
		await page.waitForSelector('[data-results] [data-superseded]');
		expect(await firstUrl(page)).toBe(`${base}en/reports/2024/v1/`);
		await page.close();
	});

	test('says so honestly when nothing is found', async () => {
		const page = await session.browser.newPage();
		await page.goto(`${session.served.url}en/search/?q=lychee`);
		await page.waitForFunction(() => document.querySelector('[data-status]')?.textContent?.startsWith('No results'));
		expect(await page.textContent('[data-status]')).toBe(
			'No results for “lychee”. Try fewer words, check the spelling, remove a filter, or browse the list of indicators.',
		);
		await page.close();
	});
});

describe.skipIf(skipBrowser)('search results from report text', () => {
	let browser: Browser;
	let served: Served;
	beforeAll(async () => {
		const dir = 'dist-test/xss';
		const { status, output } = buildArchive({ ARCHIVE_CONTENT: 'tests/fixtures/xss', ARCHIVE_OUT: dir });
		if (status !== 0) throw new Error(output);
		[browser, served] = await Promise.all([launch(), serveDist(dir, '/')]);
	});
	afterAll(async () => {
		await browser?.close();
		await served?.close();
	});

	test('show a title holding HTML as text, running nothing', async () => {
		const page = await browser.newPage();
		const dialogs: string[] = [];
		page.on('dialog', (d) => {
			dialogs.push(d.message());
			void d.dismiss();
		});
		await page.goto(`${served.url}search/?q=onerror`);
		await page.waitForSelector('[data-results] .result');
		expect(await page.locator('[data-results] .result-title').first().textContent()).toBe('<img src=x onerror=alert(1)> Báo cáo thử');
		expect(await page.locator('[data-results] img').count()).toBe(0);
		await page.fill('.search-box input', 'onerror');
		await page.waitForSelector('.search-dropdown:not([hidden]) li a');
		expect(await page.locator('.search-dropdown li a').first().textContent()).toBe('<img src=x onerror=alert(1)> Báo cáo thử');
		expect(await page.locator('.search-dropdown img').count()).toBe(0);
		expect(dialogs).toEqual([]);
		await page.close();
	});
});
