/**
 * Entities in the built sample archive, as a reader meets them: old Bắc Ninh's reports beside the
 * archive's own (Bắc Giang's to 2024, the new Bắc Ninh's from 2025), each entity's page, the GRDP
 * page's three lines that are never joined, and every address published before the merger still
 * meaning what it meant. Expectations come from the content files (tests/setup/sample.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'csv-parse/sync';
import { builds } from '../setup/site.ts';
import { page, pngOf, text } from './html.ts';
import { reports, sample } from '../setup/sample.ts';

const { dir } = builds.root;
const old = sample.archive.shelves.find((s) => s.entity === 'bac_ninh_old')!;

describe('entities in the built archive', () => {
	test('old Bắc Ninh’s reports have their own pages, under its own address, with their own years around them', () => {
		expect(old.reports.map((r) => r.year)).toEqual([2022, 2023, 2024]);
		const $ = page(dir, 'en/entities/bac_ninh_old/2023/');
		expect(text($, 'h1')).toBe(old.reports[1]!.text.vi!.title);
		expect($('.eyebrow a').attr('href')).toBe('/en/entities/bac_ninh_old/');
		expect($('a[rel="prev"]').attr('href')).toBe('/en/entities/bac_ninh_old/2022/');
		expect($('a[rel="next"]').attr('href')).toBe('/en/entities/bac_ninh_old/2024/');
		// Its figures, with their own ranks: 63rd of 63.
		expect(text($, 'tr[data-indicator="grdp_growth"] .value')).toBe('-9.28%');
		expect(text($, 'tr[data-indicator="grdp_growth"]')).toContain('63/63');
		// Found by search under its entity.
		expect(page(dir, 'entities/bac_ninh_old/2023/')('meta[name="annals:entity"]').attr('content')).toBe('bac_ninh_old');
	});

	test("a report of the line's earlier entity names it and links to its page; the present entity's goes under the publisher", () => {
		const $ = page(dir, 'reports/2023/');
		expect(text($, '.eyebrow')).toBe('Năm 2023 · Tỉnh Bắc Giang');
		expect($('.eyebrow a').attr('href')).toBe('/entities/bac_giang/');
		expect(existsSync(join(dir, 'entities/bac_giang/index.html'))).toBe(true);
		expect(text(page(dir, 'reports/2025/'), '.eyebrow')).toBe('Năm 2025');
		// And so does each of its earlier versions.
		const earlier = page(dir, 'reports/2024/v1/');
		expect(text(earlier, '.eyebrow')).toBe('Năm 2024 · Phiên bản 1 · Tỉnh Bắc Giang');
		expect(earlier('.eyebrow a').attr('href')).toBe('/entities/bac_giang/');
		expect(text(page(dir, 'reports/2025/v1/'), '.eyebrow')).toBe('Năm 2025 · Phiên bản 1');
	});

	test('old Bắc Ninh’s report has its own social card, naming whose report it is', () => {
		const $ = page(dir, 'en/entities/bac_ninh_old/2023/');
		expect($('meta[property="og:image"]').attr('content')).toBe('https://annals.example.org/en/og/entities/bac_ninh_old/2023.png');
		const png = pngOf(dir, 'en/og/entities/bac_ninh_old/2023.png');
		expect([png.width, png.height]).toEqual([1200, 630]);
		expect(png.colours).toBeGreaterThan(20);
	});

	test('each entity has a page: what it was, what became of it, its reports and figures', () => {
		const $ = page(dir, 'en/entities/bac_ninh_old/');
		expect(text($, 'h1')).toBe('Bac Ninh province (before the merger)');
		expect(text($, '.meta')).toContain('until 30 June 2025');
		expect(text($, '[data-change="2025-07-01"]')).toContain('became Bac Ninh province');
		expect($('[data-change="2025-07-01"] a[href="/en/entities/bac_ninh/"]').length).toBe(1);
		expect(
			$('.years li a')
				.map((_, a) => $(a).attr('href'))
				.get(),
		).toEqual([2024, 2023, 2022].map((y) => `/en/entities/bac_ninh_old/${y}/`));
		expect(text($, 'tr[data-indicator="grdp_growth"]')).toContain('-9.28% (63/63)');
		// The line's entities list their reports at the addresses they always had.
		const giang = page(dir, 'entities/bac_giang/');
		expect(
			giang('.years li a')
				.map((_, a) => giang(a).attr('href'))
				.get(),
		).toEqual(['/reports/2024/', '/reports/2023/', '/reports/2022/']);
		// The home page names the entities held beside the line and links their pages.
		expect(page(dir, 'en/')('[data-beside] a').attr('href')).toBe('/en/entities/bac_ninh_old/');
	});

	test('the GRDP page draws three lines, never one across the merger, and splits its table by entity', () => {
		const $ = page(dir, 'en/indicators/grdp_growth/');
		const spec = JSON.parse($('annals-chart').attr('data-spec')!);
		expect(spec.periods).toEqual([2022, 2023, 2024, 2025]);
		expect(spec.entities.map((e: { label: string; values: unknown[] }) => [e.label, e.values])).toEqual([
			['Bac Giang province', [19.3, 13.45, 13.87, null]],
			['Bac Ninh province (before the merger)', [7.39, -9.28, 6.03, null]],
			['Bac Ninh province', [null, null, null, 10.27]],
		]);
		expect(
			$('tr.entity-row')
				.map((_, tr) => $(tr).attr('data-entity'))
				.get(),
		).toEqual(['bac_giang', 'bac_ninh_old', 'bac_ninh']);
		// Ranks keep their own denominator.
		expect(text($, 'tr[data-entity="bac_ninh_old"][data-period="2023"]')).toContain('63/63');
		expect(text($, 'tr[data-entity="bac_ninh"][data-period="2025"]')).toContain('5/34');
		expect($('tr[data-entity="bac_ninh_old"] a[href="/en/entities/bac_ninh_old/2023/"]').length).toBe(1);
		// The printed picture draws the three lines too, each named in its legend.
		const svg = readFileSync(join(dir, 'en/indicators/grdp_growth/chart.svg'), 'utf8');
		for (const name of ['Bac Giang province', 'Bac Ninh province (before the merger)', 'Bac Ninh province']) expect(svg).toContain(`>${name}</text>`);
	});

	test('the new Bắc Ninh’s poverty rate back-dated to its boundaries extends its own line, never Bắc Giang’s', () => {
		const $ = page(dir, 'en/indicators/poverty_rate/');
		const spec = JSON.parse($('annals-chart').attr('data-spec')!);
		const line = (label: string) => spec.entities.find((e: { label: string }) => e.label === label);
		expect(spec.periods).toEqual([2021, 2022, 2023, 2024, 2025]);
		// Joined from 2024 to 2025 (one province's boundaries), not across 2022's change of standard.
		expect(line('Bac Ninh province')).toMatchObject({ values: [3.47, null, null, 0.97, 0.56], breaks: [2022] });
		expect(line('Bac Giang province').values).toEqual([null, 3.81, 2.63, 1.73, null]);
		// The archive's own series keeps Bắc Giang's 2024 figure; the back-dated one is marked where it shows.
		expect(spec.values).toEqual([null, 3.81, 2.63, 1.73, 0.56]);
		expect(text($, 'tr[data-entity="bac_ninh"][data-period="2024"] [data-backdated]')).toBe('Back-dated to these boundaries.');
		// The downloads say so too: the current 2024 figures, Bắc Giang's own, old Bắc Ninh's, and the new province's back-dated one.
		const rows: Record<string, string>[] = parse(readFileSync(join(dir, 'data/poverty_rate.csv'), 'utf8'), { columns: true, bom: true });
		expect(rows.filter((r) => r['period'] === '2024' && r['current'] === 'true').map((r) => [r['value'], r['entity'], r['boundaries']])).toEqual([
			['1.73', 'bac_giang', ''],
			['0.97', 'bac_ninh', 'backdated'],
			['0', 'bac_ninh_old', ''],
		]);
	});

	test('every address published before the merger still answers, with what it meant', () => {
		for (const report of reports.filter((r) => r.year < 2025)) {
			expect(existsSync(join(dir, 'reports', String(report.year), 'index.html'))).toBe(true);
			expect(text(page(dir, `reports/${report.year}/`), 'h1')).toBe(report.text.vi!.title);
		}
		for (const path of ['reports/2024/v1/index.html', 'indicators/grdp_growth/index.html', 'data/indicators.csv', 'data/grdp_growth.csv', 'feed.xml']) {
			expect(existsSync(join(dir, path)), path).toBe(true);
		}
	});
});
