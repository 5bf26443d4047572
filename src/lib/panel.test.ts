import { describe, expect, test } from 'vitest';
import type { Indicator, Report } from './content/model.ts';
import { figuresFromFrontmatter } from './content/model.ts';
import { buildHeadline, buildPanel, seriesFrom } from './panel.ts';
import { TREND_PERIODS } from './sparkline.ts';

const ind = (id: string, category: string, direction: Indicator['direction'] = 'higher'): Indicator => ({
	id,
	category,
	direction,
	label: { vi: id, en: id },
	unit: 'percent',
	decimals: 2,
	definition: { vi: '', en: '' },
	breaks: [],
	events: [],
});
const indicators = [ind('grdp_growth', 'economy'), ind('poverty_rate', 'society', 'lower'), ind('pci', 'governance')];
const report = (year: number, indicatorsFm: Parameters<typeof figuresFromFrontmatter>[1]): Report => ({
	year,
	lang: 'vi',
	text: {},
	published: `${year}-12-31`,
	draft: false,
	revisions: [],
	events: [],
	figures: figuresFromFrontmatter(year, indicatorsFm),
});
const reports = [
	report(2023, { grdp_growth: { value: 13.45, status: 'estimate' }, poverty_rate: 2.63, pci: { value: 72.8, period: 2022 } }),
	report(2024, { poverty_rate: 1.73, grdp_growth: { value: 13.85, target: 14.5 }, pci: { value: 69.75, period: 2023, rank: 4, of: 63 } }),
];

describe('figuresFromFrontmatter(year, indicators)', () => {
	test('turns numbers, objects and lists into figures with a period', () => {
		expect(figuresFromFrontmatter(2024, { a: 1, b: { value: 2, period: 2023 }, c: [{ value: 3, period: 2023 }, { value: 4 }] })).toEqual([
			{ indicator: 'a', period: 2024, value: 1 },
			{ indicator: 'b', period: 2023, value: 2 },
			{ indicator: 'c', period: 2023, value: 3 },
			{ indicator: 'c', period: 2024, value: 4 },
		]);
	});
});

describe('buildPanel(report, reports, indicators)', () => {
	const panel = buildPanel(reports[1]!, seriesFrom(reports), indicators);
	test('groups figures by category in catalogue order', () => {
		expect(panel.map((g) => [g.category, g.rows.map((r) => r.indicator.id)])).toEqual([
			['economy', ['grdp_growth']],
			['society', ['poverty_rate']],
			['governance', ['pci']],
		]);
	});
	test('judges each figure against the previous period, by direction', () => {
		const rows = panel.flatMap((g) => g.rows);
		expect(rows.map((r) => [r.indicator.id, r.change?.delta, r.change?.verdict, r.targetMet])).toEqual([
			['grdp_growth', 0.4, 'good', false],
			['poverty_rate', -0.9, 'good', undefined],
			['pci', -3.05, 'bad', undefined],
		]);
	});
	test('compares an edition with the edition before it, not the report year', () => {
		const pci = panel[2]!.rows[0]!;
		expect(pci.change?.previous.period).toBe(2022);
		expect(pci.series.map((p) => p.period)).toEqual([2022, 2023]);
	});
});

describe('buildHeadline(report, reports, indicators, headline)', () => {
	test('keeps the order of site.yaml and skips ids the report lacks', () => {
		const rows = buildHeadline(reports[1]!, seriesFrom(reports), indicators, ['pci', 'missing', 'grdp_growth']);
		expect(rows.map((r) => r.indicator.id)).toEqual(['pci', 'grdp_growth']);
	});
});

describe('buildPanel(report, …) in a long archive', () => {
	test('carries only the recent years for the small trend, ending at the figure', () => {
		const long = Array.from({ length: 40 }, (_, i) => report(1990 + i, { grdp_growth: i }));
		const row = buildPanel(long[30]!, seriesFrom(long), indicators)[0]!.rows[0]!;
		expect(row.series.map((p) => p.period)).toEqual(Array.from({ length: TREND_PERIODS }, (_, i) => 2020 - TREND_PERIODS + 1 + i));
		expect(row.change?.previous.period).toBe(2019);
	});
});

describe('a merger in the series', () => {
	const merged = { ...ind('poverty_rate', 'society', 'lower'), breaks: [{ year: 2025, note: { vi: 'sáp nhập', en: 'merger' } }] };
	const line = [
		report(2023, { poverty_rate: 2.63 }),
		report(2024, { poverty_rate: 1.73 }),
		report(2025, { poverty_rate: [{ value: 0.56 }, { period: 2024, value: 0.97, boundaries: 'backdated' }] }),
	];
	const rows = buildPanel(line.at(-1)!, seriesFrom(line), [merged])[0]!.rows;

	test('the successor’s first figure has no trend line from its predecessor’s years, and no change across the break', () => {
		const own = rows.find((r) => r.figure.period === 2025)!;
		expect(own.series.map((p) => p.period)).toEqual([2025]);
		expect(own).toMatchObject({ change: undefined, broken: true });
	});

	test('a back-dated figure is judged against nothing of the series it does not belong to', () => {
		const backdated = rows.find((r) => r.figure.period === 2024)!;
		expect(backdated).toMatchObject({ change: undefined, broken: false, series: [] });
	});
});
