import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { builds } from '../setup/site.ts';
import { skipBrowser, useBrowser } from './chromium.ts';

const pages = [
	['home', ''],
	['home', 'en/'],
	['report', 'reports/2024/'],
	['report', 'en/reports/2024/'],
	['report', 'reports/2022/'],
	['report', 'en/reports/2022/'],
	['earlier version', 'reports/2024/v1/'],
	['earlier version', 'en/reports/2024/v1/'],
] as const;

/** Opens a page and records console errors, failed requests and error responses. */
async function open(page: Page, url: string) {
	const problems: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
	});
	page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
	page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
	page.on('response', (response) => {
		if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
	});
	const response = await page.goto(url);
	expect(response?.status(), url).toBe(200);
	return problems;
}

describe.skipIf(skipBrowser).each(Object.entries(builds))('the %s build in Chromium', (_name, build) => {
	const session = useBrowser(() => build);

	test.each(pages)('the %s page /%s loads with no console error and no broken link', async (_kind, route) => {
		const page = await session.browser.newPage();
		const problems = await open(page, session.served.url + route);
		const origin = new URL(session.served.url).origin;
		const links = await page.$$eval('a[href], link[href], script[src], img[src]', (els) =>
			els.map((el) => (el as HTMLAnchorElement).href || (el as HTMLScriptElement).src),
		);
		const internal = [...new Set(links.map((l) => l.split('#')[0]!).filter((l) => l.startsWith(origin)))];
		expect(internal.length).toBeGreaterThan(3);
		for (const link of internal) {
			const response = await page.request.get(link);
			if (response.status() !== 200) problems.push(`broken link ${response.status()} ${link}`);
		}
		expect(problems).toEqual([]);
		await page.close();
	});

	test('the language switcher keeps the reader on the same report', async () => {
		const page = await session.browser.newPage();
		await open(page, `${session.served.url}reports/2023/`);
		await page.click('[data-lang-switch]');
		await page.waitForURL(`${session.served.url}en/reports/2023/`);
		expect(await page.locator('html').getAttribute('lang')).toBe('en');
		await page.click('[data-lang-switch]');
		await page.waitForURL(`${session.served.url}reports/2023/`);
		await page.close();
	});

	test('a reader can open a year from the home page and move to the previous year', async () => {
		const page = await session.browser.newPage();
		await open(page, `${session.served.url}en/`);
		await page.click('[data-year="2024"] h3 a');
		await page.waitForURL(`${session.served.url}en/reports/2024/`);
		await page.click('a[rel="prev"]');
		await page.waitForURL(`${session.served.url}en/reports/2023/`);
		expect(await page.locator('h1').textContent()).toContain('2023');
		await page.close();
	});

	test('an unknown address shows the not-found page with status 404', async () => {
		const page = await session.browser.newPage();
		const response = await page.goto(`${session.served.url}reports/1999/`);
		expect(response?.status()).toBe(404);
		expect(await page.locator('h1').textContent()).toBe('Không tìm thấy trang');
		await page.close();
	});
});
