/**
 * A journalist embeds the GRDP growth chart pinned to the 2024 report's first version in an article
 * served from another origin: the code comes from the indicator page, the frame shows the figures
 * as they stood then, takes its height from the embed, loads nothing from elsewhere, and the embed
 * pages are clean for axe in both languages.
 */
import { createServer } from 'node:http';
import type { Browser } from 'playwright-core';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { builds } from '../setup/site.ts';
import { currentFigure, figureInVersion, sample } from '../setup/sample.ts';
import { skipBrowser, useBrowser } from './chromium.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * An article on another origin with the embed code pasted in: the code names the published address,
 * served here from the local build at `site`. Opens it for a reader and lists every request that goes
 * anywhere but the article and the archive.
 */
async function readArticle(browser: Browser, site: string, code: string, body: string, viewport: { width: number; height: number }) {
	const archive = new URL(site);
	const local = code.replaceAll('https://annals.example.org/', site).replace('"https://annals.example.org"', `"${archive.origin}"`);
	const server = createServer((_, res) =>
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>Article</title>${body}${local}`),
	);
	await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
	const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
	const reader = await browser.newPage({ viewport, reducedMotion: 'reduce' });
	const elsewhere: string[] = [];
	reader.on('request', (request) => {
		const url = new URL(request.url());
		if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin && url.origin !== archive.origin) elsewhere.push(request.url());
	});
	await reader.goto(origin);
	return { reader, elsewhere, close: () => (server.close(), reader.close()) };
}

describe.skipIf(skipBrowser)('embedding a chart in another site', () => {
	const session = useBrowser(() => builds.root);

	test('pinned to the 2024 report’s first version, it shows those figures, fits its frame and loads nothing from elsewhere', async () => {
		const page = await session.browser.newPage();
		await page.goto(`${session.served.url}en/indicators/grdp_growth/`);
		// The versions arrive when the reader reaches the embed code.
		await page.locator('#embed-pin').scrollIntoViewIfNeeded();
		await page.selectOption('#embed-pin', '2024-1');
		const code = await page.inputValue('#embed-text');
		expect(code).toMatch(/^<iframe src="https:\/\/annals\.example\.org\/en\/embed\/indicators\/grdp_growth\/\?v=2024-1" title="GRDP growth rate · /);
		await page.close();

		// The article: another origin; the code points at the published address, served here from the local build.
		const { reader, elsewhere, close } = await readArticle(session.browser, session.served.url, code, '<p>Growth slowed.</p>', { width: 700, height: 900 });
		const frame = reader.frameLocator('iframe');
		await frame.locator('annals-embed[data-pinned="2024-1"]').waitFor();
		await expect(frame.locator('[data-embed-as-of]').textContent()).resolves.toMatch(/2024 report’s version 1 was published, 31 January 2025/);
		const first = sample.model.versions(2024).find((v) => v.number === 1)!;
		const growth = first.state.ok ? first.state.figures.find((f) => f.indicator === 'grdp_growth' && f.period === 2024)! : undefined;
		await frame.locator('summary').click();
		await expect(frame.locator('[data-embed-rows] tr:last-child').innerText()).resolves.toContain(`${growth!.value}%`);
		// The frame takes the embed's height, whatever the code said first.
		await expect
			.poll(async () => Number(await reader.locator('iframe').getAttribute('height')))
			.toBe(await frame.locator('html').evaluate((html) => html.scrollHeight));
		expect(elsewhere).toEqual([]);
		await close();
	});

	test('a comparison embeds as chosen on the compare page, drawn, fitted, and from nowhere else', async () => {
		const page = await session.browser.newPage();
		await page.goto(`${session.served.url}en/compare/?i=grdp_growth,poverty_rate&from=2022&to=2024`);
		await expect.poll(() => page.inputValue('#embed-text')).toContain('/en/embed/compare/?i=grdp_growth,poverty_rate');
		await page.check('input[name="i"][value="iip_growth"]');
		await expect.poll(() => page.inputValue('#embed-text')).toContain('/en/embed/compare/?i=grdp_growth,poverty_rate,iip_growth');
		const code = await page.inputValue('#embed-text');
		await page.close();
		const { reader, elsewhere, close } = await readArticle(session.browser, session.served.url, code, '', { width: 800, height: 900 });
		const frame = reader.frameLocator('iframe');
		await frame.locator('[data-charts] figure[data-drawn]').first().waitFor();
		await expect(frame.locator('[data-year-table] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-indicator')))).resolves.toEqual([
			'grdp_growth',
			'poverty_rate',
			'iip_growth',
		]);
		await expect(frame.locator('form.compare-form').isVisible()).resolves.toBe(false);
		await expect(frame.locator('[data-embed-as-of]').textContent()).resolves.toMatch(/^Latest figures, as of \d+ \w+ \d{4}\./);
		await expect
			.poll(async () => Number(await reader.locator('iframe').getAttribute('height')))
			.toBe(await frame.locator('html').evaluate((html) => html.scrollHeight));
		expect(elsewhere).toEqual([]);
		await close();
	});

	test('a comparison pinned to the 2024 report’s first version shows every line as it stood then, and keeps the pin', async () => {
		const page = await session.browser.newPage();
		await page.goto(`${session.served.url}en/compare/?i=grdp_growth,poverty_rate&from=2022&to=2024`);
		// The versions arrive when the reader reaches the embed code.
		await page.locator('#embed-pin').scrollIntoViewIfNeeded();
		await page.selectOption('#embed-pin', '2024-1');
		const code = await page.inputValue('#embed-text');
		expect(code).toMatch(/\/en\/embed\/compare\/\?i=grdp_growth,poverty_rate&amp;([^"]*&amp;)?v=2024-1"/);
		// Changing the choice keeps the pin.
		await page.check('input[name="i"][value="iip_growth"]');
		await expect.poll(() => page.inputValue('#embed-text')).toMatch(/\/en\/embed\/compare\/\?i=grdp_growth,poverty_rate,iip_growth&amp;([^"]*&amp;)?v=2024-1"/);
		await page.close();

		const { reader, elsewhere, close } = await readArticle(session.browser, session.served.url, code, '', { width: 800, height: 900 });
		const frame = reader.frameLocator('iframe');
		await frame.locator('annals-compare[data-pinned="2024-1"] [data-charts] figure[data-drawn]').first().waitFor();
		await expect(frame.locator('[data-embed-as-of]').textContent()).resolves.toMatch(/2024 report’s version 1 was published, 31 January 2025/);
		const now = currentFigure(2024, 'grdp_growth');
		const then = figureInVersion(2024, 1, 'grdp_growth');
		// The sample corrected 2024's growth after version 1: the pinned embed shows the first figure.
		expect(then.value).not.toBe(now.value);
		const cell = frame.locator('[data-year-table] tr[data-indicator="grdp_growth"] td').nth(1);
		await expect(cell.textContent()).resolves.toBe(`${then.value}%`);
		// The years on offer end where the pinned figures do (2025's report came later).
		await expect(frame.locator('select[name="b"] option').last().getAttribute('value')).resolves.toBe('2024');
		// A reader changing the years keeps the pin: the address and the figures.
		await frame.locator('select[name="a"]').selectOption('2022');
		await expect.poll(() => frame.locator('annals-compare').evaluate(() => location.search)).toMatch(/&v=2024-1$/);
		await expect(cell.textContent()).resolves.toBe(`${then.value}%`);
		await expect(frame.locator('[data-year-table] tbody tr').count()).resolves.toBe(2);
		expect(elsewhere).toEqual([]);
		await close();
	});

	test('in a phone’s column, the picture is the narrow one, its words drawn at a readable size, pinned or not', async () => {
		const page = await session.browser.newPage({ viewport: { width: 390, height: 800 } });
		for (const path of ['embed/indicators/grdp_growth/', 'en/embed/indicators/grdp_growth/?v=2024-1']) {
			await page.goto(`${session.served.url}${path}`);
			await page.locator('annals-embed').waitFor();
			// The smallest text in the shown picture, in CSS pixels: its font size times the picture's scale.
			const smallest = await page.evaluate(() => {
				const svg = [...document.querySelectorAll<SVGSVGElement>('[data-embed-chart] svg, [data-embed-chart-narrow] svg')].find(
					(el) => el.getBoundingClientRect().width > 0,
				)!;
				const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
				return Math.min(...[...svg.querySelectorAll('text')].map((text) => Number(text.getAttribute('font-size')) * scale));
			});
			expect(smallest, path).toBeGreaterThanOrEqual(9.5);
			await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
		}
		await page.close();
	});

	test('pinned to a day, it shows the figures as they stood that day, and says so', async () => {
		const page = await session.browser.newPage();
		await page.goto(`${session.served.url}en/embed/indicators/grdp_growth/?d=2025-03-01`);
		await page.locator('annals-embed[data-pinned="2025-03-01"]').waitFor();
		await expect(page.locator('[data-embed-as-of]').textContent()).resolves.toBe('Figures as they stood on 1 March 2025. Pinned: they never change.');
		const first = sample.model.versions(2024).find((v) => v.number === 1)!;
		const growth = first.state.ok ? first.state.figures.find((f) => f.indicator === 'grdp_growth' && f.period === 2024)! : undefined;
		await page.locator('summary').click();
		await expect(page.locator('[data-embed-rows] tr:last-child').innerText()).resolves.toContain(`${growth!.value}%`);
		await page.close();
	});

	test('a comparison of entities pinned to a day draws old Bắc Ninh as it stood that day too, fetching only the entities shown', async () => {
		const page = await session.browser.newPage();
		const fetched: string[] = [];
		page.on('request', (request) => {
			if (request.url().includes('/embed/') && request.url().endsWith('.json')) fetched.push(new URL(request.url()).pathname);
		});
		const rows = () =>
			page.$$eval('[data-year-table] tbody tr', (trs) =>
				trs.map((tr) => [tr.getAttribute('data-indicator'), ...[...(tr as HTMLTableRowElement).cells].slice(1, 3).map((c) => c.textContent)]),
			);
		// Old Bắc Ninh's 2024 figures were published on 22 February 2025, Bắc Giang's on 31 January.
		await page.goto(`${session.served.url}en/embed/compare/?i=grdp_growth&from=2022&to=2024&e=bac_ninh_old,bac_giang&d=2025-02-01`);
		await page.locator('annals-compare[data-pinned="2025-02-01"] [data-charts] figure[data-drawn]').first().waitFor();
		expect(await rows()).toEqual([
			['grdp_growth@bac_ninh_old', '-9.28%', '—'],
			['grdp_growth@bac_giang', '13.45%', `${figureInVersion(2024, 1, 'grdp_growth').value}%`],
		]);
		expect(fetched.sort()).toEqual(
			['/en/embed/figures/bac_ninh_old/grdp_growth.json', '/en/embed/figures/grdp_growth.json'].map((p) => p.replace('/en/', '/')),
		);
		// Unpinned, both as they stand.
		fetched.length = 0;
		await page.goto(`${session.served.url}en/embed/compare/?i=grdp_growth&from=2022&to=2024&e=bac_ninh_old,bac_giang`);
		await page.locator('annals-compare [data-charts] figure[data-drawn]').first().waitFor();
		expect(await rows()).toEqual([
			['grdp_growth@bac_ninh_old', '-9.28%', '6.03%'],
			['grdp_growth@bac_giang', '13.45%', `${currentFigure(2024, 'grdp_growth').value}%`],
		]);
		expect(fetched.sort()).toEqual(['/embed/latest/bac_ninh_old/grdp_growth.json', '/embed/latest/grdp_growth.json']);
		// The page itself carries no entity's figures.
		const html = await (await fetch(`${session.served.url}en/embed/compare/`)).text();
		expect(html).not.toContain('-9.28');
		await page.close();
	});

	test.each([
		'embed/indicators/grdp_growth/',
		'en/embed/indicators/pci/?v=2023-1',
		'en/embed/compare/?i=grdp_growth,pci',
		'embed/compare/?i=grdp_growth,pci&v=2024-1',
	])('%s: axe finds no violation', async (path) => {
		const context = await session.browser.newContext({ bypassCSP: true });
		const page = await context.newPage();
		await page.goto(`${session.served.url}${path}`);
		await page.locator(path.includes('compare') ? 'annals-compare' : 'annals-embed').waitFor();
		await page.addScriptTag({ content: axeSource });
		const results = await page.evaluate(async () =>
			(window as unknown as { axe: { run(d: Document, o: object): Promise<{ violations: { id: string }[] }> } }).axe.run(document, {
				resultTypes: ['violations'],
			}),
		);
		expect(results.violations.map((v) => v.id)).toEqual([]);
		await context.close();
	});
});
