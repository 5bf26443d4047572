import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { builds } from '../setup/site.ts';
import { sample } from '../setup/sample.ts';
import { skipBrowser, useBrowser } from './chromium.ts';

/** Share of a canvas's pixels that differ from its top-left (background) pixel. */
function inked(page: Page, selector: string): Promise<number> {
	return page.$eval(selector, (canvas) => {
		const c = canvas as HTMLCanvasElement;
		const ctx = c.getContext('2d')!;
		const { data } = ctx.getImageData(0, 0, c.width, c.height);
		let differing = 0;
		for (let i = 0; i < data.length; i += 4) {
			if (Math.abs(data[i]! - data[0]!) + Math.abs(data[i + 1]! - data[1]!) + Math.abs(data[i + 2]! - data[2]!) > 30) differing++;
		}
		return differing / (data.length / 4);
	});
}

function watchErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('pageerror', (e) => errors.push(e.message));
	return errors;
}

describe.skipIf(skipBrowser).each(Object.entries(builds))('charts in the %s build', (_name, build) => {
	const session = useBrowser(() => build);

	test.each(['en/indicators/grdp_growth/', 'indicators/poverty_rate/', 'en/indicators/pci/', 'indicators/dti/'])(
		'the chart on /%s is drawn, not blank',
		async (route) => {
			const page = await session.browser.newPage({ reducedMotion: 'reduce' });
			const errors = watchErrors(page);
			await page.goto(session.served.url + route);
			await page.locator('annals-chart').scrollIntoViewIfNeeded();
			await page.waitForSelector('annals-chart[data-drawn]');
			expect(await inked(page, 'annals-chart canvas')).toBeGreaterThan(0.005);
			expect(errors).toEqual([]);
			await page.close();
		},
	);

	test('a chart of one year puts its point in the middle, not in a corner', async () => {
		const page = await session.browser.newPage({ reducedMotion: 'reduce', colorScheme: 'light' });
		await page.goto(`${session.served.url}indicators/dti/`);
		await page.locator('annals-chart').scrollIntoViewIfNeeded();
		await page.waitForSelector('annals-chart[data-drawn]');
		// Where the line's colour (#0072B2) is, above the legend.
		const centre = await page.$eval('annals-chart canvas', (canvas) => {
			const c = canvas as HTMLCanvasElement;
			const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
			let sx = 0;
			let sy = 0;
			let n = 0;
			for (let y = 0; y < c.height * 0.85; y++)
				for (let x = 0; x < c.width; x++) {
					const i = (y * c.width + x) * 4;
					if (Math.abs(data[i]! - 0x00) + Math.abs(data[i + 1]! - 0x72) + Math.abs(data[i + 2]! - 0xb2) < 40) {
						sx += x;
						sy += y;
						n++;
					}
				}
			return { x: sx / n / c.width, y: sy / n / c.height, n };
		});
		expect(centre.n).toBeGreaterThan(10);
		expect(centre.x).toBeGreaterThan(0.35);
		expect(centre.x).toBeLessThan(0.75);
		expect(centre.y).toBeGreaterThan(0.2);
		expect(centre.y).toBeLessThan(0.7);
		await page.close();
	});

	test('the chart can show the figures as first published, and downloads as a PNG', async () => {
		const page = await session.browser.newPage({ reducedMotion: 'reduce', acceptDownloads: true });
		await page.goto(`${session.served.url}en/indicators/grdp_growth/`);
		await page.waitForSelector('annals-chart[data-drawn="latest"]');
		const latestInk = await inked(page, 'annals-chart canvas');
		await page.check('[data-show-first]');
		await page.waitForSelector('annals-chart[data-drawn="first"]');
		// The first-published point is drawn over the current one, larger: showing it visibly changes the chart.
		expect(await inked(page, 'annals-chart canvas')).toBeGreaterThan(latestInk * 1.02);
		const canvas = await page.$eval('annals-chart canvas', (c) => ({ width: (c as HTMLCanvasElement).width, height: (c as HTMLCanvasElement).height }));
		expect(await page.getAttribute('annals-chart', 'data-source')).toBe(
			`Source: ${sample.archive.site.title.en} · https://annals.example.org${build.base}en/indicators/grdp_growth/`,
		);
		const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-png]')]);
		expect(download.suggestedFilename()).toBe('grdp_growth.png');
		const chunks: Buffer[] = [];
		for await (const chunk of (await download.createReadStream()) as AsyncIterable<Buffer>) chunks.push(chunk);
		const png = Buffer.concat(chunks);
		// Decoded: the chart (its title above, its legend below) with a line of source under it.
		const picture = PNG.sync.read(png);
		expect(picture.width).toBeGreaterThan(canvas.width);
		expect(picture.height).toBeGreaterThan(canvas.height);
		const rowInk = (y: number) => {
			let ink = 0;
			for (let x = 0; x < picture.width; x++) {
				const i = (y * picture.width + x) * 4;
				if (Math.abs(picture.data[i]! - picture.data[0]!) + Math.abs(picture.data[i + 1]! - picture.data[1]!) > 60) ink++;
			}
			return ink;
		};
		const band = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => rowInk(from + k)).reduce((a, b) => a + b, 0);
		expect(band(0, Math.round(picture.height * 0.12)), 'the title').toBeGreaterThan(50);
		expect(band(picture.height - Math.round(picture.height * 0.08), picture.height), 'the source line').toBeGreaterThan(50);
		await page.close();
	});

	test('an event is drawn as a line across the chart, with its label', async () => {
		const page = await session.browser.newPage({ reducedMotion: 'reduce' });
		await page.goto(`${session.served.url}en/indicators/grdp_growth/`);
		await page.waitForSelector('annals-chart[data-drawn="latest"]');
		// The page's own Chart.js module, given a plot with and without an event a year and a half in.
		const url = await page.evaluate(() =>
			performance
				.getEntriesByType('resource')
				.map((e) => e.name)
				.find((name) => /\/_astro\/draw\.[^/]+\.js$/.test(name)),
		);
		expect(url).toBeDefined();
		// As text: the test runner would rewrite a dynamic import written in the test's own code.
		const ink = (await page.evaluate(`(async () => {
			const { drawPlot } = await import(${JSON.stringify(url)});
			const plot = (events) => ({
				periods: [2022, 2023, 2024], axis: '%', invert: false, locale: 'en', decimals: 1, percent: true,
				series: [{ label: 'Growth', values: [5, 6, 7], estimate: [false, false, false], breaks: [] }],
				summary: '', words: { target: 'Target', first: 'First', breaks: [] }, events,
			});
			const column = (events) => {
				const box = document.createElement('div');
				box.style.cssText = 'width:600px;height:300px;position:relative';
				const canvas = document.createElement('canvas');
				box.append(canvas);
				document.body.append(box);
				const chart = drawPlot(canvas, plot(events));
				const x = (chart.scales.x.getPixelForValue(1) + chart.scales.x.getPixelForValue(2)) / 2;
				const scale = canvas.width / canvas.clientWidth;
				const top = Math.round(chart.chartArea.top * scale);
				const { data } = canvas.getContext('2d').getImageData(Math.round(x * scale), top, 1, Math.round(chart.chartArea.bottom * scale) - top);
				let inked = 0;
				for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 600) inked++;
				return inked / (data.length / 4);
			};
			return { without: column([]), with: column([{ at: 1.5, date: '2023-07-01', label: 'Provinces merged' }]) };
		})()`)) as { without: number; with: number };
		expect(ink.without).toBeLessThan(0.2);
		expect(ink.with).toBeGreaterThan(0.8);
		await page.close();
	});

	test('a keyboard user walks through the points: each is shown and read out, and the page does not scroll', async () => {
		const page = await session.browser.newPage({ reducedMotion: 'reduce' });
		await page.goto(`${session.served.url}en/indicators/grdp_growth/`);
		await page.waitForSelector('annals-chart[data-drawn="latest"]');
		const canvas = page.locator('annals-chart canvas');
		await expect(canvas.getAttribute('tabindex')).resolves.toBe('0');
		await expect(canvas.getAttribute('aria-label')).resolves.toContain('Use the arrow keys');
		await canvas.focus();
		const live = page.locator('annals-chart [data-chart-live]');
		const scroll = await page.evaluate(() => scrollY);
		const said = async (key: string) => (await page.keyboard.press(key), (await live.textContent())!.trim());
		const first = sample.archive.reports[0]!;
		// Each entity is a line of its own, named: Bắc Giang's ends in 2024, before the merger.
		expect(await said('ArrowRight')).toMatch(new RegExp(`^${first.year}, Bac Giang province: `));
		expect(await said('End')).toBe('2024, Bac Giang province: 13.87%');
		expect(await said('ArrowLeft')).toBe('2023, Bac Giang province: 13.45% (estimate)');
		// The target is a line of its own, one key down; then old Bắc Ninh's line, then the new Bắc Ninh's.
		await said('ArrowRight');
		expect(await said('ArrowDown')).toBe('2024, Bac Giang province — Target: 14.5%');
		expect(await said('ArrowDown')).toBe('2024, Bac Ninh province (before the merger): 6.03% (estimate)');
		expect(await said('ArrowDown')).toBe('2025, Bac Ninh province: 10.27% (estimate)');
		expect(await page.evaluate(() => scrollY)).toBe(scroll);
		// Tab still leaves the chart, at once, and also from a chart whose first line has no figure.
		await canvas.focus();
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('CANVAS');
		await page.goto(`${session.served.url}en/compare/?i=dti`);
		await page.locator('[data-charts]').scrollIntoViewIfNeeded();
		await page.waitForSelector('[data-charts] figure[data-drawn]');
		await page.locator('[data-charts] canvas').first().focus();
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('CANVAS');
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Shift+Tab');
		expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('CANVAS');
		await page.close();
	});

	test('the compare page draws, keeps the choice in the address, and restores it on reload and back', async () => {
		const page = await session.browser.newPage({ reducedMotion: 'reduce' });
		const errors = watchErrors(page);
		await page.goto(`${session.served.url}en/compare/?i=grdp_growth,iip_growth`);
		const rows = () => page.$$eval('[data-year-table] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-indicator')));
		expect(await rows()).toEqual(['grdp_growth', 'iip_growth']);
		// The page carries the chosen years alone; the pickers offer every year there are figures for.
		const years = await page.$eval('annals-compare', (el) => (JSON.parse((el as HTMLElement).dataset['data']!) as { years: number[] }).years.map(String));
		expect(years.length).toBeGreaterThan(2);
		for (const name of ['from', 'to', 'a', 'b'])
			expect(await page.$$eval(`select[name="${name}"] option`, (options) => options.map((o) => (o as HTMLOptionElement).value)), name).toEqual(years);
		await page.locator('[data-charts]').scrollIntoViewIfNeeded();
		await page.waitForSelector('[data-charts] figure[data-drawn]');
		expect(await inked(page, '[data-charts] canvas')).toBeGreaterThan(0.005);

		await page.check('input[name="i"][value="poverty_rate"]');
		await page.waitForURL(/i=grdp_growth,iip_growth,poverty_rate$/);
		expect(await rows()).toEqual(['grdp_growth', 'iip_growth', 'poverty_rate']);

		await page.check('input[name="i"][value="pci"]');
		await page.waitForURL(/i=grdp_growth,iip_growth,poverty_rate,pci$/);
		expect(await page.locator('[data-charts] figure').count()).toBe(2);

		await page.reload();
		expect(await rows()).toEqual(['grdp_growth', 'iip_growth', 'poverty_rate', 'pci']);
		expect(await page.isChecked('input[name="i"][value="pci"]')).toBe(true);

		await page.goBack();
		await page.waitForURL(/i=grdp_growth,iip_growth,poverty_rate$/);
		expect(await rows()).toEqual(['grdp_growth', 'iip_growth', 'poverty_rate']);
		expect(await page.isChecked('input[name="i"][value="pci"]')).toBe(false);

		await page.check('input[name="mode"][value="index"]');
		await page.waitForURL(/mode=index/);
		expect(await page.locator('[data-charts] figure').count()).toBe(1);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the compare page sets old Bắc Ninh against Bắc Giang, a named line each, and keeps the entities in the address', async () => {
		const page = await session.browser.newPage({ reducedMotion: 'reduce' });
		const errors = watchErrors(page);
		await page.goto(`${session.served.url}en/compare/?i=grdp_growth&from=2022&to=2024`);
		const rows = () =>
			page.$$eval('[data-year-table] tbody tr', (trs) =>
				trs.map((tr) => [tr.getAttribute('data-indicator'), ...[...(tr as HTMLTableRowElement).cells].slice(0, 3).map((c) => c.textContent)]),
			);
		await page.check('input[name="e"][value="bac_ninh_old"]');
		await page.waitForURL(/e=bac_ninh_old$/);
		await page.check('input[name="e"][value="bac_giang"]');
		await page.waitForURL(/e=bac_ninh_old,bac_giang$/);
		// Each judged on its own figures, 2023 against 2024.
		expect(await rows()).toEqual([
			['grdp_growth@bac_ninh_old', 'GRDP growth rate — Bac Ninh province (before the merger)', '-9.28%', '6.03%'],
			['grdp_growth@bac_giang', 'GRDP growth rate — Bac Giang province', '13.45%', '13.87%'],
		]);
		await page.locator('[data-charts]').scrollIntoViewIfNeeded();
		await page.waitForSelector('[data-charts] figure[data-drawn]');
		expect(await inked(page, '[data-charts] canvas')).toBeGreaterThan(0.005);
		const summary = (await page.locator('[data-charts] canvas').first().getAttribute('aria-label'))!;
		expect(summary).toContain('Bac Ninh province (before the merger):');
		expect(summary).toContain('Bac Giang province:');
		await page.reload();
		expect(await page.isChecked('input[name="e"][value="bac_giang"]')).toBe(true);
		expect((await rows()).map((r) => r[0])).toEqual(['grdp_growth@bac_ninh_old', 'grdp_growth@bac_giang']);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the compare page refuses a seventh indicator', async () => {
		const page = await session.browser.newPage();
		await page.goto(`${session.served.url}compare/?i=grdp_growth,iip_growth,poverty_rate,pci,grdp_scale,sipas`);
		await page.click('input[name="i"][value="papi"]');
		expect(await page.isChecked('input[name="i"][value="papi"]')).toBe(false);
		expect(await page.textContent('[data-max]')).toBe('Chọn tối đa 6 chỉ tiêu.');
		await page.close();
	});
});
