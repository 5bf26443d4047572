import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readContentFiles } from '../../src/data/content-files.ts';
import { parse } from 'csv-parse/sync';
import { currentFigure, figureInVersion, latestYear, reports, writtenEn, LINE_ROWS } from '../setup/sample.ts';

/** The rows of a CSV download, read by an independent parser (csv-parse), as a spreadsheet would. */
const parseCsv = (text: string): Record<string, string>[] => parse(text, { columns: true, bom: true });
import { validateArchive } from '../../src/lib/validate/validate.ts';
import { builds, root } from '../setup/site.ts';
import { page, text } from './html.ts';

const { dir } = builds.root;
const content = validateArchive(readContentFiles(join(root, 'content'), root), { today: '2026-12-01' }).archive!;

describe('indicator pages', () => {
	test('the list shows every indicator by category with its latest value', () => {
		const $ = page(dir, 'en/indicators/');
		expect($('tr[data-indicator]').length).toBe(content.indicators.length);
		expect(text($, 'tr[data-indicator="poverty_rate"] .value')).toBe(`${writtenEn(currentFigure(latestYear, 'poverty_rate').value!)}%`);
		expect(text($, 'tr[data-indicator="pci"] td.num').startsWith('71.24 points (2024)')).toBe(true);
		expect(text($, 'tr[data-indicator="dti"] .value')).toBe('rank 9/63');
		expect($('tr[data-indicator="poverty_rate"] a').attr('href')).toBe('/en/indicators/poverty_rate/');
	});

	test.each(['grdp_growth', 'poverty_rate', 'pci'])('/indicators/%s/ has a chart, its table, a summary and downloads in both languages', (id) => {
		for (const prefix of ['', 'en/']) {
			const $ = page(dir, `${prefix}indicators/${id}/`);
			expect(
				$('annals-chart canvas[role="img"]')
					.attr('aria-label')!
					.replace(/\u00a0/g, ' '),
			).toBe(text($, '.chart-summary'));
			const spec = JSON.parse($('annals-chart').attr('data-spec')!);
			// The archive's own series fills every year; an entity beside it (old Bắc Ninh) has rows of its own.
			expect($(LINE_ROWS).length).toBe(spec.values.filter((v: number | null) => v !== null).length);
			expect($(`a[href="/data/${id}.csv"]`).length).toBe(1);
			// pci has no 2025 edition: the 34 provinces have none yet. The poverty rate reaches back to 2021,
			// the new Bắc Ninh's rate back-dated to its boundaries.
			expect(spec.periods).toEqual(id === 'pci' ? [2022, 2023, 2024] : id === 'poverty_rate' ? [2021, 2022, 2023, 2024, 2025] : [2022, 2023, 2024, 2025]);
		}
	});

	test('the grdp_growth chart and table carry the estimate, the target and the first-published value', () => {
		const $ = page(dir, 'en/indicators/grdp_growth/');
		const spec = JSON.parse($('annals-chart').attr('data-spec')!);
		// Each year's figure as it stands, and the 2024 figure as version 1 published it.
		const figures = reports.map((r) => currentFigure(r.year, 'grdp_growth'));
		const first = figureInVersion(2024, 1, 'grdp_growth');
		const at2024 = reports.findIndex((r) => r.year === 2024);
		expect(spec).toMatchObject({
			values: figures.map((f) => f.value),
			estimate: figures.map((f) => f.status === 'estimate'),
			targets: figures.map((f) => f.target ?? null),
			firstPublished: figures.map((_, i) => (i === at2024 ? first.value : null)),
			// The merger: the new Bắc Ninh's 2025 figure is not joined to Bắc Giang's line.
			breaks: [2025],
			axis: '%',
		});
		expect(first.value).not.toBe(figures[at2024]!.value);
		// A sentence per entity: the three lines are never summed up as one.
		expect(text($, '.chart-summary')).toBe(
			'Bac Giang province: Lowest in 2023 (13.45%), highest in 2022 (19.3%); 3 years with figures. Bac Ninh province (before the merger): Lowest in 2023 (-9.28%), highest in 2022 (7.39%); 3 years with figures. Bac Ninh province: Only one year has a figure so far: 2025 (10.27%).',
		);
		expect(
			$(`${LINE_ROWS}[data-period="2024"] td`)
				.map((_, td) => $(td).text().replace(/\s+/g, ' ').trim())
				.get()
				.slice(0, 5),
		).toEqual(['13.87%', 'final', '1/63', '14.5%', '13.85%']);
		expect(text(page(dir, 'indicators/grdp_growth/'), '.chart-summary')).toBe(
			'Tỉnh Bắc Giang: Thấp nhất năm 2023 (13,45%), cao nhất năm 2022 (19,3%); 3 năm có số liệu. Tỉnh Bắc Ninh (trước sáp nhập): Thấp nhất năm 2023 (-9,28%), cao nhất năm 2022 (7,39%); 3 năm có số liệu. Tỉnh Bắc Ninh: Mới có số liệu của một năm: 2025 (10,27%).',
		);
	});

	test('the poverty_rate page names its series break; pci is charted by edition', () => {
		expect(text(page(dir, 'en/indicators/poverty_rate/'), '[data-break="2022"]')).toContain('From 2022:');
		const pci = JSON.parse(page(dir, 'en/indicators/pci/')('annals-chart').attr('data-spec')!);
		expect(pci).toMatchObject({ kind: 'value', values: [72.8, 69.75, 71.24] });
		const urban = JSON.parse(page(dir, 'en/indicators/urbanization_rate/')('annals-chart').attr('data-spec')!);
		expect(urban.breaks).toEqual([2024]);
	});

	test('a rank-only indicator is charted as ranks', () => {
		const dti = JSON.parse(page(dir, 'en/indicators/dti/')('annals-chart').attr('data-spec')!);
		expect(dti).toMatchObject({ kind: 'rank', axis: 'Rank (of 63)', values: [9] });
	});
});

describe('the compare page without JavaScript', () => {
	test('shows a default year-against-year table of the headline indicators', () => {
		const $ = page(dir, 'en/compare/');
		expect(
			$('[data-year-table] tbody tr')
				.map((_, tr) => $(tr).attr('data-indicator'))
				.get(),
		).toEqual(content.site.headline);
		const row = $('[data-year-table] tr[data-indicator="poverty_rate"] td')
			.map((_, td) => $(td).text().trim())
			.get();
		// 2024 against 2025: across the merger, so no change and no verdict.
		expect(row).toEqual(['1.73%', '0.56%', 'not comparable: series break', '—', 'not comparable: series break']);
		expect($('[data-no-js]').length).toBe(1);
	});
});

describe('report pages', () => {
	test('show a small trend beside each headline indicator with two years or more', () => {
		const $ = page(dir, 'en/reports/2024/');
		const trended = content.site.headline.filter(
			(id) => new Set(content.reports.flatMap((r) => r.figures.filter((f) => f.indicator === id && f.value !== undefined).map((f) => f.period))).size > 1,
		);
		expect(trended).toEqual(['grdp_growth', 'grdp_per_capita', 'iip_growth', 'poverty_rate', 'pci']);
		for (const id of trended) expect($(`.figures tr[data-indicator="${id}"] svg.sparkline`).length, id).toBeGreaterThan(0);
		expect($('.figures tr[data-indicator="houses_handed_over"] svg.sparkline').length).toBe(0);
	});
	test('load no chart code', () => {
		const html = readFileSync(join(dir, 'en/reports/2024/index.html'), 'utf8');
		expect(html).not.toContain('annals-chart');
		const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
		for (const src of scripts) expect(readFileSync(join(dir, src), 'utf8')).not.toContain('chart.js');
	});
});

describe('the downloads', () => {
	const csv = readFileSync(join(dir, 'data/indicators.csv'), 'utf8');
	const json = JSON.parse(readFileSync(join(dir, 'data/indicators.json'), 'utf8')) as { figures: Record<string, unknown>[] };

	test('the CSV starts with a UTF-8 byte-order mark and has the documented columns', () => {
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv.slice(1, csv.indexOf('\r\n'))).toBe(
			'indicator,period,value,unit,status,rank,of,total,target,report_year,version,current,version_date,source,label_vi,label_en,unit_vi,unit_en,note_vi,note_en,entity,entity_vi,entity_en,boundaries',
		);
	});

	test('every current figure of every report appears unchanged, and nothing else is current', () => {
		// The archive's own reports and old Bắc Ninh's beside them.
		const expected = [...content.reports, ...content.shelves.flatMap((s) => s.reports)].flatMap((r) =>
			r.figures.map((f) => ({ ...f, report_year: r.year, entity: r.entity })),
		);
		const current = parseCsv(csv).filter((row) => row['current'] === 'true');
		const currentJson = json.figures.filter((row) => row['current'] === true);
		expect(current).toHaveLength(expected.length);
		expect(currentJson).toHaveLength(expected.length);
		for (const f of expected) {
			const row = current.find(
				(r) => r['indicator'] === f.indicator && Number(r['period']) === f.period && Number(r['report_year']) === f.report_year && r['entity'] === f.entity,
			);
			expect(row, `${f.indicator} ${f.period}`).toBeDefined();
			expect(row!['value'] === '' ? undefined : Number(row!['value'])).toBe(f.value);
			expect(row!['source'] || undefined).toBe(f.source);
		}
	});

	test('earlier versions are in the downloads too, with their version number', () => {
		const first = parseCsv(csv).find((row) => row['indicator'] === 'grdp_growth' && row['report_year'] === '2024' && row['version'] === '1');
		const published = figureInVersion(2024, 1, 'grdp_growth');
		expect(first).toMatchObject({ value: String(published.value), status: published.status, current: 'false' });
	});

	test('each indicator has its own CSV with only its rows', () => {
		const files = readdirSync(join(dir, 'data')).filter((f) => f.endsWith('.csv') && !f.startsWith('indicators') && !f.endsWith('-current.csv'));
		expect(files.length).toBe(content.indicators.length);
		const rows = parseCsv(readFileSync(join(dir, 'data/poverty_rate.csv'), 'utf8'));
		expect(new Set(rows.map((r) => r['indicator']))).toEqual(new Set(['poverty_rate']));
		expect(rows.length).toBeGreaterThanOrEqual(3);
	});
});
