import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Indicator, Report } from './content/model.ts';
import { figuresFromFrontmatter } from './content/model.ts';
import { parse as parseCsv } from 'csv-parse/sync';
import { buildFigureRows, toCsv, toJson, type FigureRow } from './downloads.ts';
import type { Version } from './versions/versions.ts';
import { figureRow } from '../../tests/setup/figure-row.ts';

const indicators = ['a', 'b', 'c'].map(
	(id) =>
		({
			id,
			label: { vi: id, en: id },
			category: 'x',
			unit: 'percent',
			direction: 'higher',
			decimals: 2,
			definition: { vi: '', en: '' },
			breaks: [],
			events: [],
		}) as Indicator,
);

const figureObject = fc.record(
	{
		value: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
		status: fc.constantFrom('estimate' as const, 'final' as const),
		rank: fc.integer({ min: 1, max: 63 }),
		of: fc.constant(63),
		target: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
		source: fc.constantFrom('https://example.org/a?x=1,2', 'https://example.org/"quoted"'),
	},
	{ requiredKeys: ['value'] },
);
const entry = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), figureObject);
const frontmatter = fc.dictionary(fc.constantFrom('a', 'b', 'c'), entry);

function archiveOf(years: Record<string, unknown>[]): { reports: Report[]; versionsOf: (y: number) => Version[] } {
	const reports = years.map((indicatorsFm, i) => {
		const year = 2020 + i;
		return {
			year,
			lang: 'vi',
			text: {},
			published: `${year}-12-31`,
			draft: false,
			revisions: [],
			events: [],
			figures: figuresFromFrontmatter(year, indicatorsFm as never),
		} satisfies Report;
	});
	const versionsOf = (year: number): Version[] => {
		const report = reports.find((r) => r.year === year)!;
		return [
			{
				number: 1,
				date: report.published,
				revision: undefined,
				commit: undefined,
				current: true,
				state: {
					ok: true,
					title: '',
					summary: '',
					published: report.published,
					draft: false,
					revisions: [],
					figures: report.figures,
					complete: true,
					body: '',
				},
			},
		];
	};
	return { reports, versionsOf };
}

const asNumber = (cell: string) => (cell === '' ? null : Number(cell));

describe('the downloads', () => {
	test('every figure in the frontmatter appears unchanged in the CSV and the JSON, and nothing else', () => {
		fc.assert(
			fc.property(fc.array(frontmatter, { minLength: 1, maxLength: 4 }), (years) => {
				const { reports, versionsOf } = archiveOf(years);
				const expected = reports.flatMap((r) => r.figures.map((f) => ({ ...f, report_year: r.year })));
				const rows = buildFigureRows(reports, versionsOf, indicators);
				// An independent reader (csv-parse), as a spreadsheet would read the file.
				const fromCsv: Record<string, string>[] = parseCsv(toCsv(rows), { columns: true, bom: true });
				const fromJson = (JSON.parse(toJson(rows, indicators)) as { figures: FigureRow[] }).figures;
				expect(fromCsv).toHaveLength(expected.length);
				expect(fromJson).toHaveLength(expected.length);
				for (const f of expected) {
					const csv = fromCsv.find((r) => r['indicator'] === f.indicator && Number(r['report_year']) === f.report_year && Number(r['period']) === f.period)!;
					const json = fromJson.find((r) => r.indicator === f.indicator && r.report_year === f.report_year && r.period === f.period)!;
					// Numerically equal (=== also takes -0 for 0, which both formats write as 0).
					for (const field of ['value', 'rank', 'of', 'target'] as const) {
						expect(asNumber(csv[field]!) === (f[field] ?? null), `${field} in CSV`).toBe(true);
						expect(json[field] === (f[field] ?? null), `${field} in JSON`).toBe(true);
					}
					expect(csv['status'] || null).toBe(f.status ?? null);
					expect(csv['source'] || null).toBe(f.source ?? null);
					expect(json.source).toBe(f.source ?? null);
				}
			}),
		);
	});

	test('numbers keep the decimals they were published with, in the CSV and the JSON', () => {
		const row = figureRow({
			indicator: 'iip_growth',
			period: 2024,
			value: 30,
			unit: 'percent_change',
			target: 12.5,
			current: true,
			label_vi: 'Chỉ số sản xuất công nghiệp (IIP)',
			label_en: 'Industrial production index (IIP) growth',
			unit_vi: '% tăng/giảm',
			unit_en: '% change',
			written: { value: 1, target: 2 },
		});
		expect(toCsv([row]).split('\r\n')[1]).toBe(
			'iip_growth,2024,30.0,percent_change,,,,,12.50,2024,1,true,2025-01-31,,Chỉ số sản xuất công nghiệp (IIP),Industrial production index (IIP) growth,% tăng/giảm,% change,,,,,,',
		);
		const json = toJson([row], indicators);
		expect(json).toContain('"value": 30.0,');
		expect(json).toContain('"target": 12.50,');
		expect(json).not.toContain('written');
		expect((JSON.parse(json) as { figures: FigureRow[] }).figures[0]!.value).toBe(30);
	});

	test('the CSV starts with a byte-order mark and quotes what needs quoting', () => {
		const csv = toCsv([
			figureRow({
				indicator: 'a',
				period: 2024,
				value: 1.5,
				current: true,
				source: 'https://e.org/"x",y',
				label_vi: 'a',
				label_en: 'a',
				unit_vi: '%',
				unit_en: '%',
				note_vi: 'Ghi chú, có dấu phẩy',
				entity: 'bac_ninh',
				entity_vi: 'Tỉnh Bắc Ninh',
				entity_en: 'Bac Ninh province',
			}),
		]);
		expect(csv.startsWith('\uFEFFindicator,period,value,')).toBe(true);
		expect(csv).toContain(',"https://e.org/""x"",y",a,a,%,%,"Ghi chú, có dấu phẩy",,bac_ninh,Tỉnh Bắc Ninh,Bac Ninh province,\r\n');
	});
});
