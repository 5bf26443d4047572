/** The language switcher keeps the reader's place: the query, the compare choice and the anchor. */
import { describe, expect, test } from 'vitest';
import { builds } from '../setup/site.ts';
import { skipBrowser, useBrowser } from './chromium.ts';

describe.skipIf(skipBrowser)('the language switcher', () => {
	const session = useBrowser(() => builds.sub);

	test.each([
		['a search', 'search/?q=ho+ngheo', 'en/search/?q=ho+ngheo'],
		['a comparison', 'compare/?i=grdp_growth,pci&a=2022&b=2024', 'en/compare/?i=grdp_growth,pci&a=2022&b=2024'],
		['an anchor', 'reports/2024/#main', 'en/reports/2024/#main'],
		['the way back', 'en/search/?q=GRDP', 'search/?q=GRDP'],
	])('carries %s to the other language', async (_what, from, to) => {
		const page = await session.browser.newPage();
		await page.goto(session.served.url + from);
		await page.click('[data-lang-switch]');
		await page.waitForURL(session.served.url + to);
		expect(page.url()).toBe(session.served.url + to);
		await page.close();
	});

	test('carries a comparison chosen after the page opened', async () => {
		const page = await session.browser.newPage();
		await page.goto(`${session.served.url}compare/`);
		await page.selectOption('select[name="a"]', '2022');
		await page.waitForFunction(() => location.search.includes('a=2022'));
		const chosen = new URL(page.url()).search;
		await page.click('[data-lang-switch]');
		await page.waitForURL((url) => url.pathname.endsWith('/en/compare/'));
		expect(new URL(page.url()).search).toBe(chosen);
		await page.close();
	});
});
