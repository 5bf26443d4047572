/**
 * Every page type in both languages on a phone, 390 and 320 px wide, as most readers of a
 * provincial site see it: the page never scrolls sideways, nothing sticks out past the screen's
 * right edge unless it is inside a labelled, focusable scroll region, the header stays short, a
 * search shows its first result on the first screen, and axe finds nothing in either scheme.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { builds } from '../setup/site.ts';
import { skipBrowser, useBrowser } from './chromium.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const PAGE_TYPES: [string, string][] = [
	['home', ''],
	['report', 'reports/2024/'],
	['untranslated report', 'reports/2022/'],
	['earlier version', 'reports/2024/v1/'],
	['indicator list', 'indicators/'],
	['indicator', 'indicators/grdp_growth/'],
	['ranked indicator', 'indicators/dti/'],
	['compare', 'compare/?i=grdp_growth,iip_growth,pci'],
	['search', 'search/?q=ho+ngheo'],
	['not found', 'no-such-page/'],
];
const WIDTHS = [390, 320];
const CASES = PAGE_TYPES.flatMap(([kind, route]) => ['', 'en/'].flatMap((lang) => WIDTHS.map((width) => [kind, lang + route, width] as const)));

async function settle(page: Page, route: string) {
	if (route.startsWith('search/')) await page.waitForSelector('[data-results] .result');
	if (route.startsWith('compare/')) await page.waitForSelector('[data-year-table] tbody tr');
}

/** What sticks out past the right edge, outside a scroll region: tag, class and how far. */
function overflowing(): string[] {
	return [...document.querySelectorAll('body *')]
		.filter((el) => {
			const box = el.getBoundingClientRect();
			if (box.width === 0 || box.right <= innerWidth + 0.5) return false;
			// Visually hidden text (clip-path) and content inside a scroll region do not widen the page.
			if (el.closest('.visually-hidden, table[data-stack] thead, .table-scroll')) return false;
			return getComputedStyle(el).clipPath === 'none';
		})
		.map((el) => `${el.tagName.toLowerCase()}.${el.className} +${Math.round(el.getBoundingClientRect().right - innerWidth)}px`);
}

describe.skipIf(skipBrowser)('on a phone', () => {
	const session = useBrowser(() => builds.root);
	// One phone for each width, going from page to page as a reader does (a new one costs about 0.2 s).
	const phones = new Map<number, Page>();
	const phone = async (width: number) => {
		let page = phones.get(width);
		if (!page) phones.set(width, (page = await session.browser.newPage({ viewport: { width, height: 844 }, isMobile: true, hasTouch: true })));
		return page;
	};
	afterAll(async () => {
		for (const page of phones.values()) await page.close();
	});

	test.each(CASES)('%s /%s at %i px: no sideways scrolling, nothing cut off', async (_kind, path, width) => {
		const route = path.replace(/^en\//, '');
		const page = await phone(width);
		await page.goto(session.served.url + path);
		await settle(page, route);
		const measured = await page.evaluate(
			`({ scroll: document.scrollingElement.scrollWidth - innerWidth, header: document.querySelector('.site-header').getBoundingClientRect().height })`,
		);
		const { scroll, header } = measured as { scroll: number; header: number };
		expect(scroll, 'page-level horizontal overflow').toBeLessThanOrEqual(0);
		expect(await page.evaluate(overflowing)).toEqual([]);
		// The header is a fifth of the first screen at most, not a third.
		expect(header).toBeLessThanOrEqual(844 / 5);
		// A table that still scrolls does so in a region a keyboard can reach and a screen reader names.
		const regions = await page.$$eval('.table-scroll', (els) =>
			els.filter((el) => el.scrollWidth > el.clientWidth).map((el) => ({ tabindex: el.getAttribute('tabindex'), label: el.getAttribute('aria-label') })),
		);
		for (const region of regions) expect(region.tabindex === '0' && Boolean(region.label)).toBe(true);
	});

	test.each(['', 'en/'])('a search at /%ssearch/ shows its first result on the first screen at 390 and 320 px', async (lang) => {
		for (const width of WIDTHS) {
			const page = await session.browser.newPage({ viewport: { width, height: 844 }, isMobile: true });
			await page.goto(`${session.served.url}${lang}search/?q=ho+ngheo`);
			await page.waitForSelector('[data-results] .result');
			const first = page.locator('[data-results] .result').first();
			const top = await first.evaluate((el) => el.getBoundingClientRect().top);
			// And it is the right one: the poverty rate's page.
			expect(await first.locator('a').first().getAttribute('href')).toMatch(/indicators\/poverty_rate\/$/);
			expect(top, `${width} px`).toBeLessThan(844 - 60);
			// The filters are there, folded.
			expect(await page.locator('[data-filters-fold]').evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
			await page.close();
		}
	});

	test("a report's figure groups are named on one line at 390 and 320 px, not a word a line", async () => {
		for (const width of WIDTHS) {
			const page = await session.browser.newPage({ viewport: { width, height: 844 }, isMobile: true });
			await page.goto(`${session.served.url}reports/2024/`);
			const captions = await page.$$eval('.figures caption', (els) =>
				els.map((el) => ({ text: el.textContent ?? '', lines: el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight) })),
			);
			expect(captions.length).toBeGreaterThan(0);
			// "Kinh tế", "Xã hội": short names, each on one line (padding included, under two lines' height).
			for (const caption of captions) expect(caption.lines, `${caption.text} at ${width} px`).toBeLessThan(2);
			await page.close();
		}
	});

	test.each(
		PAGE_TYPES.flatMap(([kind, route]) => ['', 'en/'].flatMap((lang) => (['light', 'dark'] as const).map((scheme) => [kind, scheme, lang + route] as const))),
	)('%s (%s) /%s at 390 px: axe finds no violation', async (_kind, scheme, route) => {
		const context = await session.browser.newContext({
			viewport: { width: 390, height: 844 },
			colorScheme: scheme,
			bypassCSP: true,
			reducedMotion: 'reduce',
		});
		const page = await context.newPage();
		await page.goto(session.served.url + route);
		await settle(page, route);
		await page.addScriptTag({ content: axeSource });
		const results = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as {
			violations: { id: string; nodes: { target: string[] }[] }[];
		};
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
		await context.close();
	});
});
