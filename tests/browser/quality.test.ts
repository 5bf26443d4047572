/**
 * Every page type in Chromium: no accessibility violations (axe-core) in either language or colour
 * scheme, no request to another site, usable with the keyboard, printable, dark mode remembered.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { builds } from '../setup/site.ts';
import { skipBrowser, useBrowser } from './chromium.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const PAGE_TYPES: [string, string][] = [
	['home', ''],
	['report', 'reports/2024/'],
	['earlier version', 'reports/2024/v1/'],
	['indicator list', 'indicators/'],
	['indicator', 'indicators/grdp_growth/'],
	['compare', 'compare/?i=grdp_growth,iip_growth,pci'],
	['search with results', 'search/?q=ho+ngheo'],
	['not found', 'no-such-page/'],
];
const CASES = PAGE_TYPES.flatMap(([kind, route]) =>
	(['', 'en/'] as const).flatMap((lang) => (['light', 'dark'] as const).map((scheme) => [kind, lang, scheme, route] as const)),
);

/** Waits until a page's scripts have drawn what they draw. */
async function settle(page: Page, route: string) {
	if (route.startsWith('search/')) await page.waitForSelector('[data-results] .result');
	if (route.startsWith('indicators/grdp')) {
		await page.locator('annals-chart').scrollIntoViewIfNeeded();
		await page.waitForSelector('annals-chart[data-drawn]');
	}
	if (route.startsWith('compare/')) {
		await page.locator('[data-charts]').scrollIntoViewIfNeeded();
		await page.waitForSelector('[data-charts] figure[data-drawn]');
	}
}

describe.skipIf(skipBrowser)('page quality in Chromium', () => {
	const session = useBrowser(() => builds.sub);

	test.each(CASES)('%s /%s (%s): axe finds no violation, and no request leaves the site', async (_kind, lang, scheme, route) => {
		// axe is injected as an inline script, which the site's own CSP rightly refuses.
		const context = await session.browser.newContext({ colorScheme: scheme, bypassCSP: true, reducedMotion: 'reduce' });
		const page = await context.newPage();
		const origin = new URL(session.served.url).origin;
		const outside: string[] = [];
		page.on('request', (request) => {
			const url = new URL(request.url());
			if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) outside.push(request.url());
		});
		await page.goto(session.served.url + lang + route);
		await settle(page, route);
		await page.addScriptTag({ content: axeSource });
		const results = await page.evaluate(async () => {
			const axe = (
				window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
			).axe;
			return axe.run(document, { resultTypes: ['violations'] });
		});
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
		expect(outside).toEqual([]);
		await context.close();
	});

	test('the skip link is the first stop for the keyboard and moves focus to the content', async () => {
		const page = await session.browser.newPage();
		await page.goto(`${session.served.url}en/reports/2024/`);
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
		expect(await page.locator('.skip-link').isVisible()).toBe(true);
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
		await page.close();
	});

	test('focus is visible on links and controls', async () => {
		const page = await session.browser.newPage();
		await page.goto(`${session.served.url}en/`);
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
		expect(outline).not.toBe('none');
		await page.close();
	});

	test('the compare page works with the keyboard alone', async () => {
		const page = await session.browser.newPage();
		await page.goto(`${session.served.url}en/compare/?i=grdp_growth`);
		await page.focus('input[name="i"][value="iip_growth"]');
		await page.keyboard.press('Space');
		await page.waitForURL(/i=grdp_growth,iip_growth/);
		await page.close();
	});

	test('search works with the keyboard alone: type, Tab to a result, Enter', async () => {
		const page = await session.browser.newPage();
		await page.goto(`${session.served.url}en/search/`);
		await page.focus('#search-query');
		await page.keyboard.type('poverty');
		await page.waitForSelector('[data-results] .result');
		await page.focus('[data-results] .result-title');
		await page.keyboard.press('Enter');
		await page.waitForURL(/indicators\/poverty_rate\/$/);
		await page.close();
	});

	test('a report prints on A4 without navigation, with its address and version at the foot', async () => {
		const page = await session.browser.newPage();
		await page.goto(`${session.served.url}en/reports/2024/`);
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('.site-header nav').isVisible()).toBe(false);
		expect(await page.locator('.search-box').isVisible()).toBe(false);
		expect(await page.locator('.figures').first().isVisible()).toBe(true);
		expect(await page.locator('[data-print-note]').textContent()).toBe(
			'Printed from https://annals.example.org/annals/en/reports/2024/ · Version 2 · 30 June 2025',
		);
		const pdf = await page.pdf({ format: 'A4', printBackground: false });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		await page.close();
	});

	test('dark mode follows the system, and the toggle overrides it and is remembered', async () => {
		const context = await session.browser.newContext({ colorScheme: 'dark' });
		const page = await context.newPage();
		await page.goto(`${session.served.url}en/`);
		const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
		const dark = await background();
		expect(await page.getAttribute('[data-theme-toggle]', 'aria-pressed')).toBe('true');
		await page.click('[data-theme-toggle]');
		expect(await page.getAttribute('html', 'data-theme')).toBe('light');
		const light = await background();
		expect(light).not.toBe(dark);
		await page.reload();
		// Applied by the inline head script, before the page is painted.
		expect(await page.getAttribute('html', 'data-theme')).toBe('light');
		expect(await background()).toBe(light);
		expect(await page.getAttribute('[data-theme-toggle]', 'aria-pressed')).toBe('false');
		await context.close();
	});
});
