/**
 * A journalist embeds the GRDP growth chart pinned to the 2024 report's first version in an article
 * served from another origin: the code comes from the indicator page, the frame shows the figures
 * as they stood then, takes its height from the embed, loads nothing from elsewhere, and the embed
 * pages are clean for axe in both languages.
 */
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { builds } from '../setup/site.ts';
import { sample } from '../setup/sample.ts';
import { skipBrowser, useBrowser } from './chromium.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe.skipIf(skipBrowser)('embedding a chart in another site', () => {
	const session = useBrowser(() => builds.root);
	let article: Server | undefined;
	afterAll(() => article?.close());

	test('pinned to the 2024 report’s first version, it shows those figures, fits its frame and loads nothing from elsewhere', async () => {
		const page = await session.browser.newPage();
		await page.goto(`${session.served.url}en/indicators/grdp_growth/`);
		await page.selectOption('#embed-pin', '2024-1');
		const code = await page.inputValue('#embed-text');
		expect(code).toMatch(/^<iframe src="https:\/\/annals\.example\.org\/en\/embed\/indicators\/grdp_growth\/\?v=2024-1" title="GRDP growth rate · /);
		await page.close();

		// The article: another origin; the code points at the published address, served here from the local build.
		const site = new URL(session.served.url);
		const local = code.replaceAll('https://annals.example.org/', session.served.url).replace('"https://annals.example.org"', `"${site.origin}"`);
		article = createServer((_, res) =>
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>Article</title><p>Growth slowed.</p>${local}`),
		);
		await new Promise<void>((ready) => article!.listen(0, '127.0.0.1', ready));
		const origin = `http://127.0.0.1:${(article.address() as { port: number }).port}`;

		const reader = await session.browser.newPage({ viewport: { width: 700, height: 900 } });
		const elsewhere: string[] = [];
		reader.on('request', (request) => {
			const url = new URL(request.url());
			if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin && url.origin !== site.origin) elsewhere.push(request.url());
		});
		await reader.goto(origin);
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
		await reader.close();
	});

	test('a comparison embeds as chosen on the compare page, drawn, fitted, and from nowhere else', async () => {
		const page = await session.browser.newPage();
		await page.goto(`${session.served.url}en/compare/?i=grdp_growth,poverty_rate&from=2022&to=2024`);
		await expect.poll(() => page.inputValue('#embed-text')).toContain('/en/embed/compare/?i=grdp_growth,poverty_rate');
		await page.check('input[name="i"][value="iip_growth"]');
		await expect.poll(() => page.inputValue('#embed-text')).toContain('/en/embed/compare/?i=grdp_growth,poverty_rate,iip_growth');
		const code = await page.inputValue('#embed-text');
		await page.close();
		const site = new URL(session.served.url);
		const local = code.replaceAll('https://annals.example.org/', session.served.url).replace('"https://annals.example.org"', `"${site.origin}"`);
		const server = createServer((_, res) =>
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>Article</title>${local}`),
		);
		await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
		const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
		const reader = await session.browser.newPage({ viewport: { width: 800, height: 900 }, reducedMotion: 'reduce' });
		const elsewhere: string[] = [];
		reader.on('request', (request) => {
			const url = new URL(request.url());
			if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin && url.origin !== site.origin) elsewhere.push(request.url());
		});
		await reader.goto(origin);
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
		await reader.close();
		server.close();
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

	test.each(['embed/indicators/grdp_growth/', 'en/embed/indicators/pci/?v=2023-1', 'en/embed/compare/?i=grdp_growth,pci'])(
		'%s: axe finds no violation',
		async (path) => {
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
		},
	);
});
