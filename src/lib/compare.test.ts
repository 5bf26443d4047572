import { describe, expect, test } from 'vitest';
import type { Indicator } from './content/model.ts';
import { buildChartSpec } from './chart-data.ts';
import { buildYearRows, comparePlots, compareYears, groupByUnit, indexSeries, parseCompareQuery, toCompareQuery, type CompareData } from './compare.ts';
import type { SeriesPoint } from './series.ts';

const point = (period: number, value: number | undefined, extra: Partial<SeriesPoint> = {}): SeriesPoint => ({
	indicator: 'x',
	period,
	reportYear: period,
	...(value === undefined ? {} : { value }),
	...extra,
});
const ind = (id: string, unit: Indicator['unit'], direction: Indicator['direction'] = 'higher', breaks: Indicator['breaks'] = []) =>
	({ id, unit, direction, breaks, label: { vi: id, en: id }, decimals: 2, category: 'c' }) as const;

describe('groupByUnit(indicators)', () => {
	test('puts indicators with the same unit on one axis, growth rates with shares', () => {
		const groups = groupByUnit([
			ind('a', 'percent_change'),
			ind('b', 'index_points'),
			ind('c', 'percent'),
			{ ...ind('d', 'count'), noun: { vi: 'xã', en: 'communes' } },
			{ ...ind('e', 'count'), noun: { vi: 'giải', en: 'prizes' } },
		]);
		expect(groups.map((g) => g.map((i) => i.id))).toEqual([['a', 'c'], ['b'], ['d'], ['e']]);
	});
});

describe('indexSeries(values, periods, base)', () => {
	test.each([
		[[2, 3, null], [2022, 2023, 2024], 2022, [100, 150, null], true],
		[[4, 2, 1], [2022, 2023, 2024], 2023, [200, 100, 50], true],
		[[0, 3, 4], [2022, 2023, 2024], 2022, [null, null, null], false],
		[[null, 3, 4], [2022, 2023, 2024], 2022, [null, null, null], false],
		[[1, 3], [2022, 2023], 2020, [null, null], false],
	])('%j indexed to %i → %j', (values, periods, base, expected, usable) => {
		expect(indexSeries(values, periods, base)).toEqual({ values: expected, usable });
	});
});

describe('compareYears(series, indicator, a, b)', () => {
	const poverty = [point(2022, 3.81), point(2023, 2.63), point(2024, 1.73)];
	test('judges a fall in the poverty rate as good, with the relative change', () => {
		const c = compareYears(poverty, ind('p', 'percent', 'lower'), 2022, 2024);
		expect(c.delta).toBe(-2.08);
		expect(c.ratio).toBeCloseTo(-0.546, 3);
		expect(c.verdict).toBe('good');
	});
	test('judges a worse rank as bad when lower is better', () => {
		expect(compareYears([point(2023, 2), point(2024, 4)], ind('r', 'number', 'lower'), 2023, 2024).verdict).toBe('bad');
	});
	test('refuses to compare across a series break', () => {
		const c = compareYears(poverty, ind('p', 'percent', 'lower', [{ year: 2023, note: { vi: '', en: '' } }]), 2022, 2024);
		expect(c).toMatchObject({ delta: undefined, broken: true });
	});
	test('gives no relative change from zero and nothing for a missing year', () => {
		expect(compareYears([point(2023, 0), point(2024, 5)], ind('z', 'count'), 2023, 2024)).toMatchObject({ delta: 5, ratio: undefined });
		expect(compareYears(poverty, ind('p', 'percent', 'lower'), 2021, 2024).delta).toBeUndefined();
	});
});

describe('the choice in the page address', () => {
	const known = ['grdp_growth', 'iip_growth', 'poverty_rate', 'pci', 'a', 'b', 'c'];
	const years = [2022, 2023, 2024];
	test('reads the example address', () => {
		expect(parseCompareQuery('?i=grdp_growth,iip_growth&from=2022&to=2024', known, years, ['pci'])).toEqual({
			ids: ['grdp_growth', 'iip_growth'],
			from: 2022,
			to: 2024,
			mode: 'multiples',
			a: 2023,
			b: 2024,
			entities: [],
		});
	});
	test('ignores unknown ids, keeps at most 6, swaps a reversed range and falls back to defaults', () => {
		expect(parseCompareQuery('?i=nope,grdp_growth,grdp_growth&from=2024&to=2022', known, years, []).ids).toEqual(['grdp_growth']);
		expect(parseCompareQuery('?from=2024&to=2022', known, years, ['pci'])).toMatchObject({ ids: ['pci'], from: 2022, to: 2024 });
		expect(parseCompareQuery(`?i=${known.join(',')}`, known, years, []).ids).toHaveLength(6);
		expect(parseCompareQuery('?from=1990&to=abc', known, years, [])).toMatchObject({ from: 2022, to: 2024 });
	});
	test('round-trips through toCompareQuery', () => {
		const entities = ['bac_ninh_old', 'bac_giang'];
		for (const search of ['?i=pci', '?i=grdp_growth,pci&from=2023', '?i=a,b&mode=index&a=2022&b=2023', '?i=c&to=2023', '?i=pci&e=bac_ninh_old,bac_giang']) {
			const state = parseCompareQuery(search, known, years, [], entities);
			expect(toCompareQuery(state, years)).toBe(search);
			expect(parseCompareQuery(toCompareQuery(state, years), known, years, [], entities)).toEqual(state);
		}
	});
});

describe('entities side by side', () => {
	// The sample's shape: the archive's line (Bắc Giang to 2024, the new Bắc Ninh from 2025) and old Bắc Ninh beside it.
	const growth = ind('grdp_growth', 'percent_change', 'higher', [{ year: 2025, note: { vi: 'sáp nhập', en: 'merger' } }]);
	const data: CompareData = {
		years: [2022, 2023, 2024, 2025],
		indicators: [growth],
		series: { grdp_growth: [point(2022, 19.3), point(2023, 13.45), point(2024, 13.87), point(2025, 10.27)] },
		entities: [
			{ id: 'bac_ninh', name: { vi: 'Bắc Ninh', en: 'Bac Ninh' } },
			{ id: 'bac_giang', name: { vi: 'Bắc Giang', en: 'Bac Giang' } },
			{ id: 'bac_ninh_old', name: { vi: 'Bắc Ninh cũ', en: 'old Bac Ninh' } },
		],
		lineEntities: { 2022: 'bac_giang', 2023: 'bac_giang', 2024: 'bac_giang', 2025: 'bac_ninh' },
		shelves: { bac_ninh_old: { grdp_growth: [point(2022, 7.39), point(2023, -9.28), point(2024, 6.03)] } },
	};
	const state = parseCompareQuery(
		'?i=grdp_growth&from=2022&to=2024&e=bac_ninh_old,bac_giang,nowhere',
		['grdp_growth'],
		data.years,
		[],
		['bac_ninh', 'bac_giang', 'bac_ninh_old'],
	);

	test('old Bắc Ninh against Bắc Giang: one named line each, the line’s part taken from the archive’s series', () => {
		expect(state.entities).toEqual(['bac_ninh_old', 'bac_giang']);
		const { plots } = comparePlots(data, state, 'en', {
			chart: { rankAxis: () => '', summary: () => 's', rankSummary: () => 'r', single: () => 'one', empty: 'none' },
			legend: { target: 'target', first: 'first', breaks: [] },
			indexAxis: (b: number) => `Index ${b}`,
			noBase: (l: string, b: number) => `${l} ${b}`,
			notIndexed: (labels: string) => `not indexed: ${labels}`,
		});
		expect(plots).toHaveLength(1);
		expect(plots[0]!.title).toBe('grdp_growth');
		expect(plots[0]!.series.map((s) => [s.label, s.values])).toEqual([
			['old Bac Ninh', [7.39, -9.28, 6.03]],
			['Bac Giang', [19.3, 13.45, 13.87]],
		]);
	});

	test('the year table has a row per entity, each judged on its own figures', () => {
		const rows = buildYearRows(data, { ...state, a: 2022, b: 2023 }, 'en', { verdict: (v) => v, notComparable: 'n/c', missing: '—' });
		expect(rows.map((r) => [r.id, r.label, r.a, r.b, r.verdict])).toEqual([
			['grdp_growth@bac_ninh_old', 'grdp_growth — old Bac Ninh', '7.39%', '-9.28%', 'bad'],
			['grdp_growth@bac_giang', 'grdp_growth — Bac Giang', '19.3%', '13.45%', 'bad'],
		]);
		// Bắc Giang in 2025 has no figure: the new province's is not its.
		expect(buildYearRows(data, { ...state, a: 2024, b: 2025 }, 'en', { verdict: (v) => v, notComparable: 'n/c', missing: '—' })[1]).toMatchObject({
			a: '13.87%',
			b: '—',
		});
	});
});

describe('buildYearRows(data, state, locale, words)', () => {
	test('formats both values, the change and the verdict per language', () => {
		const data: CompareData = {
			years: [2023, 2024],
			indicators: [ind('poverty_rate', 'percent', 'lower')],
			series: { poverty_rate: [point(2023, 2.63), point(2024, 1.73)] },
		};
		const words = { verdict: (v: string) => `[${v}]`, notComparable: 'n/c', missing: '—' };
		expect(buildYearRows(data, { ids: ['poverty_rate'], a: 2023, b: 2024 }, 'vi', words)).toEqual([
			{
				id: 'poverty_rate',
				label: 'poverty_rate',
				a: '2,63%',
				b: '1,73%',
				change: '-0,9\u00a0điểm %',
				// A share changes in points; its relative change is not shown.
				relative: '—',
				verdict: 'good',
				verdictLabel: '[good]',
			},
		]);
	});
});

describe('comparePlots(data, state, locale, words)', () => {
	const chart = { rankAxis: () => '', summary: () => 's', rankSummary: () => 'r', single: () => 'one', empty: 'none' };
	const words = {
		chart,
		legend: { target: 'target', first: 'first', breaks: [] },
		indexAxis: (b: number) => `Index ${b}`,
		noBase: (l: string, b: number) => `${l} ${b}`,
		notIndexed: (labels: string) => `not indexed: ${labels}`,
	};
	const growth = { ...ind('growth', 'percent_change', 'higher', [{ year: 2023, note: { vi: 'x', en: 'x' } }]), noun: undefined };
	const data: CompareData = {
		years: [2021, 2022, 2023],
		indicators: [growth, ind('pci', 'index_points')],
		series: { growth: [point(2021, 7.5), point(2023, 30, { status: 'estimate', target: 12.5, decimals: { value: 1 } })], pci: [point(2022, 70.1)] },
	};

	test('draws each indicator as the indicator page draws it: gaps, estimates, targets, breaks, written decimals', () => {
		const { plots } = comparePlots(data, { ids: ['growth'], from: 2021, to: 2023, mode: 'multiples' }, 'en', words);
		const spec = buildChartSpec(
			{ ...growth, definition: { vi: '', en: '' }, breaks: growth.breaks, events: [] },
			data.series['growth']!,
			[],
			'en',
			words.chart,
		);
		expect(plots[0]!.series[0]).toEqual({
			label: 'growth',
			values: spec.values,
			estimate: spec.estimate,
			targets: spec.targets,
			breaks: spec.breaks,
			written: spec.written,
		});
		// A chart of one indicator still says what it shows: a title and a legend.
		expect(plots[0]).toMatchObject({ axis: '%', percent: true, periods: [2021, 2022, 2023], title: 'growth', subtitle: '% · 2021–2023', legend: true });
	});

	test('gives the relative change of a count, not of a rate', () => {
		const counts: CompareData = { years: [2023, 2024], indicators: [ind('parks', 'count')], series: { parks: [point(2023, 8), point(2024, 10)] } };
		const words = { verdict: (v: string) => v, notComparable: 'n/c', missing: '—' };
		expect(buildYearRows(counts, { ids: ['parks'], a: 2023, b: 2024 }, 'en', words)[0]!.relative).toBe('+25%');
	});

	test('never indexes a rate or a share: it keeps its own chart in points, and the note says so', () => {
		const { plots, notes } = comparePlots(data, { ids: ['growth', 'pci'], from: 2021, to: 2023, mode: 'index' }, 'en', words);
		expect(plots.map((p) => p.axis)).toEqual(['%']);
		expect(plots[0]!.series[0]!.values).toEqual([7.5, null, 30]);
		expect(notes).toEqual(['not indexed: growth', 'pci 2021']);
	});

	test('indexes lines of other units to 100 in the first year, and leaves out, with a note, one with no figure then', () => {
		const more: CompareData = {
			years: [2021, 2022, 2023],
			indicators: [ind('parks', 'count'), ind('pci', 'index_points'), ind('area', 'hectares')],
			series: { parks: [point(2021, 8), point(2023, 10)], pci: [point(2022, 70.1)], area: [point(2021, 200), point(2022, 300)] },
		};
		const { plots, notes } = comparePlots(more, { ids: ['parks', 'pci', 'area'], from: 2021, to: 2023, mode: 'index' }, 'en', words);
		expect(plots).toHaveLength(1);
		expect(plots[0]!.series.map((s) => [s.label, s.values])).toEqual([
			['parks', [100, null, 125]],
			['area', [100, 150, null]],
		]);
		expect(plots[0]!.summary).not.toContain('none');
		expect(notes).toEqual(['pci 2021']);
	});

	test('marks each chart with the events of the indicators it draws, once each, and none outside its years', () => {
		const merger = { date: '2022-07-01', label: 'Merger' };
		const marked: CompareData = {
			...data,
			indicators: [...data.indicators, ind('parks', 'count'), ind('area', 'hectares')],
			series: { ...data.series, parks: [point(2021, 8), point(2022, 9)], area: [point(2021, 200), point(2022, 300)] },
			events: { growth: [merger], parks: [merger, { date: '2030-01-01', label: 'Later' }], area: [merger] },
		};
		const { plots } = comparePlots(marked, { ids: ['growth', 'pci', 'parks', 'area'], from: 2021, to: 2023, mode: 'multiples' }, 'en', words);
		expect(plots.map((p) => [p.title, p.events?.map((e) => [e.label, e.at])])).toEqual([
			['growth', [['Merger', 1 - 0.5 + 181 / 365]]],
			['pci', undefined],
			['parks', [['Merger', 1 - 0.5 + 181 / 365]]],
			['area', [['Merger', 1 - 0.5 + 181 / 365]]],
		]);
		const indexed = comparePlots(marked, { ids: ['parks', 'area', 'pci'], from: 2021, to: 2023, mode: 'index' }, 'en', words).plots;
		expect(indexed.map((p) => p.events?.length)).toEqual([1]);
	});
});
