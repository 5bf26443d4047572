/**
 * The downloads as a spreadsheet user gets them from the built sample site: every figure of every
 * version exactly once in the all-versions files, every current figure exactly once in the
 * current files and equal to what the indicator page shows, with names, units and notes in words;
 * and the data packages with their metadata, README and citation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, test } from 'vitest';
import { builds } from '../setup/site.ts';
import { reports, sample, shelves, LINE_ROWS } from '../setup/sample.ts';
import { page } from './html.ts';

const { dir } = builds.root;
const parseCsv = (text: string): Record<string, string>[] => parse(text, { columns: true, bom: true });
const read = (file: string) => readFileSync(join(dir, 'data', file), 'utf8');
const indicators = sample.archive.indicators;
const numberOf = (cell: string | undefined) => (cell === undefined || cell === '' ? undefined : Number(cell));
const key = (row: Record<string, string>) => `${row['entity']} ${row['indicator']} ${row['period']} ${row['report_year']} v${row['version']}`;

/** The archive's own reports and those of each entity beside its line, each with its versions. */
const shelvesOfReports = [{ entity: '', reports, model: sample.model }, ...shelves];

/** Every figure of every readable version, from the checked content and its git history. */
const everyVersion = shelvesOfReports.flatMap(({ reports, model }) =>
	reports.flatMap((report) =>
		model
			.versions(report.year)
			.flatMap((version) =>
				version.state.ok ? version.state.figures.map((figure) => ({ figure, report: report.year, entity: report.entity!, version })) : [],
			),
	),
);

/** The current figures as the indicator pages show them: per entity's shelf, indicator and period, the latest report stating it. */
const currentFigures = shelvesOfReports.flatMap(({ reports }) =>
	indicators.flatMap((indicator) => {
		const byPeriod = new Map<number, { report: number; entity: string; figure: (typeof reports)[number]['figures'][number] }>();
		for (const report of reports)
			// A figure back-dated to other boundaries (a successor's 2024) is not a point of the series.
			for (const figure of report.figures)
				if (figure.indicator === indicator.id && !figure.boundaries) byPeriod.set(figure.period, { report: report.year, entity: report.entity!, figure });
		return [...byPeriod.values()];
	}),
);

describe('the all-versions files', () => {
	const rows = parseCsv(read('indicators.csv'));

	test('hold every figure of every version exactly once, as it was published', () => {
		expect(rows).toHaveLength(everyVersion.length);
		expect(new Set(rows.map(key)).size).toBe(rows.length);
		for (const { figure, report, entity, version } of everyVersion) {
			const row = rows.find((r) => key(r) === `${entity} ${figure.indicator} ${figure.period} ${report} v${version.number}`);
			expect(row, `${entity} ${figure.indicator} ${figure.period} ${report} v${version.number}`).toBeDefined();
			expect(numberOf(row!['value'])).toBe(figure.value);
			expect(numberOf(row!['rank'])).toBe(figure.rank);
			expect(row!['current']).toBe(String(version.current));
		}
	});

	test('each indicator’s file is its rows of the archive’s file, no more, no fewer', () => {
		for (const indicator of indicators) {
			const own = parseCsv(read(`${indicator.id}.csv`));
			expect(own.map(key)).toEqual(rows.filter((r) => r['indicator'] === indicator.id).map(key));
		}
	});
});

describe('the current files', () => {
	const rows = parseCsv(read('indicators-current.csv'));

	test('hold every current figure exactly once (one per entity’s series, indicator and year), so a sum or a pivot counts nothing twice', () => {
		expect(rows).toHaveLength(currentFigures.length);
		const series = (entity: string) => (shelves.some((s) => s.entity === entity) ? entity : 'line');
		expect(new Set(rows.map((r) => `${series(r['entity']!)} ${r['indicator']} ${r['period']}`)).size).toBe(rows.length);
		for (const { report, entity, figure } of currentFigures) {
			const row = rows.find((r) => r['indicator'] === figure.indicator && Number(r['period']) === figure.period && r['entity'] === entity);
			expect(row, `${figure.indicator} ${figure.period}`).toMatchObject({ report_year: String(report), current: 'true' });
			expect(numberOf(row!['value'])).toBe(figure.value);
			expect(numberOf(row!['target'])).toBe(figure.target);
		}
	});

	test('equal what the indicator page shows, year by year', () => {
		for (const indicator of indicators.filter((i) => ['poverty_rate', 'grdp_growth', 'pci'].includes(i.id))) {
			const $ = page(dir, `en/indicators/${indicator.id}/`);
			const shown = $(LINE_ROWS)
				.map((_, tr) => ({ period: $(tr).attr('data-period'), value: $(tr).find('td.value').text().trim() }))
				.get();
			// The archive's own series; the rows of an entity beside it are its own part of the page.
			const own = parseCsv(read(`${indicator.id}-current.csv`)).filter((r) => !shelves.some((s) => s.entity === r['entity']));
			expect(own.map((r) => r['period'])).toEqual(shown.map((s) => s.period));
			own.forEach((row, i) => {
				if (row['value']) expect(shown[i]!.value).toContain(Number(row['value']).toLocaleString('en-US', { maximumFractionDigits: 6 }));
			});
		}
	});

	test('name the indicator and its unit in words, and carry the notes, in both languages', () => {
		const row = rows.find((r) => r['indicator'] === 'urbanization_rate' && r['period'] === '2024')!;
		expect(row).toMatchObject({
			label_vi: 'Tỷ lệ đô thị hóa',
			label_en: 'Urbanization rate',
			unit_vi: '%',
			unit_en: '%',
		});
		expect(row['note_en']).toContain('defined differently from the 2023 urban population share');
		expect(row['note_vi']).toContain('được định nghĩa khác với tỷ lệ dân số đô thị năm 2023');
		const scale = rows.find((r) => r['indicator'] === 'grdp_scale')!;
		expect([scale['unit_vi'], scale['unit_en']]).toEqual(['nghìn tỷ đồng', 'trillion VND']);
	});
});

describe('the data packages', () => {
	const zip = unzipSync(readFileSync(join(dir, 'data/poverty_rate.zip')));
	const text = (name: string) => strFromU8(zip[name]!);

	test('hold the current and all-versions CSV, metadata.json and a README', () => {
		expect(Object.keys(zip).sort()).toEqual(['README.md', 'metadata.json', 'poverty_rate-all-versions.csv', 'poverty_rate-current.csv']);
		const same = (inZip: string, file: string) => Buffer.from(zip[inZip]!).equals(readFileSync(join(dir, 'data', file)));
		expect(same('poverty_rate-current.csv', 'poverty_rate-current.csv')).toBe(true);
		expect(same('poverty_rate-all-versions.csv', 'poverty_rate.csv')).toBe(true);
	});

	test('metadata.json defines the indicator, its unit in words, its direction and every column', () => {
		const metadata = JSON.parse(text('metadata.json')) as Record<string, unknown> & { indicators: Record<string, unknown>[]; columns: Record<string, unknown> };
		const indicator = indicators.find((i) => i.id === 'poverty_rate')!;
		expect(metadata.indicators).toEqual([expect.objectContaining({ id: 'poverty_rate', definition: indicator.definition, direction: indicator.direction })]);
		expect(Object.keys(metadata.columns)).toEqual(Object.keys(parseCsv(read('poverty_rate.csv'))[0]!));
		expect(metadata['data_as_of']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});

	test('the README says which version it is and how to cite it, and how a Vietnamese spreadsheet opens the CSV', () => {
		const readme = text('README.md');
		const latest = reports.filter((r) => r.figures.some((f) => f.indicator === 'poverty_rate')).at(-1)!;
		const version = sample.model.versions(latest.year).at(-1)!.number;
		expect(readme).toContain(`${latest.year} (phiên bản ${version})`);
		expect(readme).toContain(`${latest.year} (version ${version})`);
		expect(readme).toContain('https://annals.example.org/indicators/poverty_rate/');
		expect(readme).toMatch(/Using Locale → English \(United States\)/);
	});

	test('the links on the indicator page give each file’s format and size', () => {
		const $ = page(dir, 'indicators/poverty_rate/');
		const links = $('ul.downloads li')
			.map((_, li) => ({ href: $(li).find('a').attr('href'), text: $(li).text().replace(/\s+/g, ' ').trim() }))
			.get();
		expect(links.map((l) => l.href)).toEqual([
			'/indicators/poverty_rate/chart.png',
			'/indicators/poverty_rate/chart.svg',
			'/data/poverty_rate-current.csv',
			'/data/poverty_rate.csv',
			'/data/poverty_rate.xlsx',
			'/data/poverty_rate.zip',
			'/data/indicators-current.csv',
			'/data/indicators.csv',
			'/data/indicators.xlsx',
			'/data/indicators.zip',
			'/data/indicators.json',
		]);
		for (const link of links) {
			const size = readFileSync(join(dir, link.href!)).byteLength;
			expect(size, link.href).toBeGreaterThan(0);
			const shown = size < 1024 ? `${size} B` : `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(size / 1024)} KB`;
			expect(link.text, link.href).toMatch(new RegExp(`\\((CSV|XLSX|ZIP|JSON|PNG|SVG), ${shown.replace('.', '\\.')}\\)$`));
		}
	});
});

describe('the workbooks', () => {
	const book = unzipSync(readFileSync(join(dir, 'data/poverty_rate.xlsx')));
	const xml = (name: string) => strFromU8(book[name]!);

	test('hold the current figures and every version on two named sheets', () => {
		expect(xml('xl/workbook.xml')).toMatch(/name="Hiện hành – Current".*name="Mọi phiên bản – All versions"/s);
	});

	test('store each value as a number, equal to the CSV’s, so no spreadsheet language misreads it', () => {
		const csv = parseCsv(read('poverty_rate-current.csv'));
		// Row 1 is the header; the value is the third column (C).
		const values = [...xml('xl/worksheets/sheet1.xml').matchAll(/<c r="C(\d+)"([^>]*)>(?:<v>([^<]*)<\/v>)?/g)].filter((m) => m[1] !== '1');
		expect(values.map((m) => m[2]!.includes('t="s"') || m[2]!.includes('t="inlineStr"'))).toEqual(csv.map(() => false));
		expect(values.map((m) => Number(m[3]))).toEqual(csv.map((row) => Number(row['value'])));
	});
});

describe('whose figures they are', () => {
	test('every row names the entity whose report states it: Bắc Giang until 2024, the new Bắc Ninh from 2025, old Bắc Ninh beside them', () => {
		const rows = parseCsv(read('indicators.csv'));
		for (const row of rows) {
			const beside = shelves.find((s) => s.entity === row['entity']);
			const entity = (beside ? beside.reports : reports).find((r) => r.year === Number(row['report_year']))!.entity!;
			const name = sample.archive.register.entities.find((e) => e.id === entity)!.name;
			expect([row['entity'], row['entity_vi'], row['entity_en']], key(row)).toEqual([entity, name.vi, name.en]);
		}
		expect(new Set(rows.map((row) => `${row['report_year']} ${row['entity']}`))).toEqual(
			new Set(['2022 bac_giang', '2023 bac_giang', '2024 bac_giang', '2025 bac_ninh', '2022 bac_ninh_old', '2023 bac_ninh_old', '2024 bac_ninh_old']),
		);
	});
});
