/**
 * The printed indicator sheet: one indicator on one A4 page, with the chart as a picture (its title,
 * unit, legend and source), the table, the definition, notes and sources, and how to cite it with the
 * reports' versions. Printed to PDF by Chromium, as a reader's "Print" does.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { builds } from '../setup/site.ts';
import { sample } from '../setup/sample.ts';
import { skipBrowser, useBrowser } from './chromium.ts';

const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

describe.skipIf(skipBrowser)('the printed indicator sheet', () => {
	const session = useBrowser(() => builds.root);
	// One tab for every sheet, as a reader prints one page after another (a new tab costs about 0.2 s).
	let tab: Page | undefined;
	afterAll(() => tab?.close());

	test.each(sample.archive.indicators.flatMap((i) => [`indicators/${i.id}/`, `en/indicators/${i.id}/`]))(
		'%s prints on one A4 page, chart and citation included',
		async (path) => {
			const page = (tab ??= await session.browser.newPage());
			// Each sheet is opened on screen, then printed.
			await page.emulateMedia({ media: 'screen' });
			await page.goto(`${session.served.url}${path}`);
			await page.emulateMedia({ media: 'print' });
			const chart = page.locator('img.chart-picture.print-only');
			// Shown and loaded once printing shows it (it is lazy: on screen it is hidden, and not fetched).
			await expect.poll(() => chart.isVisible()).toBe(true);
			await expect.poll(() => chart.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth)).toBe(960);
			await expect(page.locator('#downloads-heading').isVisible()).resolves.toBe(false);
			const cite = await page.locator('section.cite').innerText();
			expect(cite).toMatch(path.startsWith('en/') ? /\(version \d+\)/ : /\(phiên bản \d+\)/);
			expect(pages(await page.pdf({ format: 'A4', preferCSSPageSize: true })), path).toBe(1);
		},
	);

	// An archive of up to 18 years: the sample's rows of its own line, notes and sources repeated to the
	// length of a longer series (the same markup a longer archive renders; the part of an entity held
	// beside the line and figures back-dated to a successor's boundaries are taken out, the page above prints them). The sheet stays on one page at every
	// length; each source's address is printed once, in the numbered list under the table.
	test.each(['grdp_growth', 'pci', 'poverty_rate'].flatMap((id) => [6, 10, 14, 18].map((years) => [id, years] as const)))(
		'%s: a series of %i years still prints on one page, each source once',
		async (id, years) => {
			const page = await session.browser.newPage();
			await page.goto(`${session.served.url}en/indicators/${id}/`);
			await page.evaluate((years) => {
				const body = document.querySelector<HTMLTableSectionElement>('table.series-table tbody')!;
				for (const row of body.querySelectorAll<HTMLElement>('tr[data-entity="bac_ninh_old"], tr.entity-row, tr[data-boundaries]')) row.remove();
				// …with the addresses only its rows named, as a page without that part lists them.
				const kept = new Set([...body.querySelectorAll('a[rel~="external"]')].map((a) => a.getAttribute('href')));
				for (const item of document.querySelectorAll('.print-sources li')) if (!kept.has(item.textContent)) item.remove();
				const rows = [...body.querySelectorAll('tr')];
				for (let i = 0; body.rows.length < years; i++) body.append(rows[i % rows.length]!.cloneNode(true));
			}, years);
			await page.emulateMedia({ media: 'print' });
			const listed = await page.locator('.print-sources li').allInnerTexts();
			const linked = await page.locator('.series-table a[rel~="external"]').evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href')))]);
			expect(listed).toEqual(linked);
			await expect(page.locator('.print-sources').isVisible()).resolves.toBe(true);
			expect(pages(await page.pdf({ format: 'A4', preferCSSPageSize: true })), `${id}, ${years} years`).toBe(1);
			await page.close();
		},
	);

	test('on screen the printed picture is not downloaded; printing downloads it', async () => {
		const page = await session.browser.newPage();
		const pictures: string[] = [];
		page.on('request', (request) => {
			if (new URL(request.url()).pathname.endsWith('/chart.svg')) pictures.push(request.url());
		});
		await page.goto(`${session.served.url}en/indicators/grdp_growth/`, { waitUntil: 'networkidle' });
		await page.locator('annals-chart').scrollIntoViewIfNeeded();
		await page.waitForSelector('annals-chart[data-drawn]');
		await page.waitForLoadState('networkidle');
		expect(pictures).toEqual([]);
		// A reader's "Print" (not emulated print media): Chromium fetches the lazy picture for the sheet.
		await page.pdf({ format: 'A4', preferCSSPageSize: true });
		expect(pictures).toEqual([`${session.served.url}en/indicators/grdp_growth/chart.svg`]);
		await page.close();
	});

	test('without JavaScript the sheet still prints on one page, the chart once', async () => {
		const context = await session.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${session.served.url}en/indicators/pci/`);
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('img.chart-picture').evaluateAll((imgs) => imgs.filter((img) => getComputedStyle(img).display !== 'none').length)).toBe(1);
		expect(pages(await page.pdf({ format: 'A4', preferCSSPageSize: true }))).toBe(1);
		await context.close();
	});

	test('the compare page prints its charts', async () => {
		const page = await session.browser.newPage();
		await page.goto(`${session.served.url}en/compare/?i=grdp_growth,poverty_rate`);
		await page.locator('[data-charts]').scrollIntoViewIfNeeded();
		await page.waitForSelector('[data-charts] figure[data-drawn]');
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('[data-charts] .chart-box').first().isVisible()).resolves.toBe(true);
		await page.close();
	});
});
