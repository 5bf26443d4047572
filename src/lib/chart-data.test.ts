import { describe, expect, test } from 'vitest';
import type { Indicator } from './content/model.ts';
import { buildChartSpec, plotIndicator, type ChartWords } from './chart-data.ts';
import type { SeriesPoint } from './series.ts';

const words: ChartWords = {
	rankAxis: (of) => `Rank (of ${of})`,
	summary: (low, high, n) => `low ${low.period} ${low.value}, high ${high.period} ${high.value}, ${n}`,
	rankSummary: (low, high, n) => `worst ${low.period} ${low.value}, best ${high.period} ${high.value}, ${n}`,
	single: (p, v) => `one ${p} ${v}`,
	empty: 'none',
};
const indicator = (extra: Partial<Indicator> = {}): Indicator => ({
	id: 'x',
	label: { vi: 'X', en: 'X' },
	category: 'c',
	unit: 'percent',
	direction: 'lower',
	decimals: 2,
	definition: { vi: '', en: '' },
	breaks: [],
	events: [],
	...extra,
});
const p = (period: number, extra: Partial<SeriesPoint>): SeriesPoint => ({ indicator: 'x', period, reportYear: period, ...extra });

describe('buildChartSpec(indicator, series, first, locale, words)', () => {
	test('leaves a missing year as a gap, never zero, and flags estimates and targets', () => {
		const spec = buildChartSpec(indicator(), [p(2020, { value: 5 }), p(2022, { value: 3, status: 'estimate', target: 2.5 })], [], 'en', words);
		expect(spec).toMatchObject({
			periods: [2020, 2021, 2022],
			values: [5, null, 3],
			estimate: [false, false, true],
			targets: [null, null, 2.5],
			kind: 'value',
			axis: '%',
		});
		expect(spec.summary).toBe('low 2022 3%, high 2020 5%, 2');
		expect(spec.firstPublished).toBeUndefined();
	});
	test('keeps the first-published value only where a later version moved it', () => {
		const spec = buildChartSpec(
			indicator(),
			[p(2023, { value: 2 }), p(2024, { value: 13.87 })],
			[p(2023, { value: 2 }), p(2024, { value: 13.85 })],
			'en',
			words,
		);
		expect(spec.firstPublished).toEqual([null, 13.85]);
	});
	test('keeps the decimals a value was written with, in the sentence and for the tooltip', () => {
		const spec = buildChartSpec(indicator({ decimals: 2 }), [p(2023, { value: 22.5 }), p(2024, { value: 30, decimals: { value: 1 } })], [], 'vi', words);
		expect(spec.written).toEqual([null, 1]);
		expect(spec.summary).toBe('low 2023 22,5%, high 2024 30,0%, 2');
		expect(plotIndicator(spec, false, { target: 't', first: 'f', breaks: [], latest: 'l' }).series[0]!.written).toEqual([null, 1]);
		expect(buildChartSpec(indicator(), [p(2024, { value: 30 })], [], 'vi', words).written).toBeUndefined();
	});
	test('draws ranks, 1 at the top, when only ranks were published', () => {
		const spec = buildChartSpec(indicator({ direction: 'higher' }), [p(2022, { rank: 9, of: 63 }), p(2023, { rank: 4, of: 63 })], [], 'en', words);
		expect(spec).toMatchObject({ kind: 'rank', axis: 'Rank (of 63)', values: [9, 4], decimals: 0 });
		expect(spec.summary).toBe('worst 2022 9, best 2023 4, 2');
		expect(plotIndicator(spec, false, { target: 't', first: 'f', latest: 'l', breaks: [] }).invert).toBe(true);
	});
	test('keeps only breaks inside the charted years', () => {
		const spec = buildChartSpec(
			indicator({
				breaks: [
					{ year: 2024, note: { vi: '', en: '' } },
					{ year: 2030, note: { vi: '', en: '' } },
				],
			}),
			[p(2023, { value: 24 }), p(2024, { value: 57 })],
			[],
			'vi',
			words,
		);
		expect(spec.breaks).toEqual([2024]);
	});
	test('says so when there is one figure or none', () => {
		expect(buildChartSpec(indicator(), [p(2024, { value: 1.73 })], [], 'vi', words).summary).toBe('one 2024 1,73%');
		expect(buildChartSpec(indicator(), [], [], 'vi', words).summary).toBe('none');
	});
});

describe('plotIndicator(spec, showFirst, words)', () => {
	const spec = buildChartSpec(
		indicator(),
		[p(2023, { value: 2 }), p(2024, { value: 13.87 })],
		[p(2023, { value: 2 }), p(2024, { value: 13.85, status: 'estimate' })],
		'en',
		words,
	);
	test('draws the first-published line only when asked, joined where it agrees', () => {
		expect(plotIndicator(spec, false, { target: 't', first: 'f', latest: 'l', breaks: [] }).series).toHaveLength(1);
		const both = plotIndicator(spec, true, { target: 't', first: 'first', latest: 'latest', breaks: [] });
		expect(both.series.map((s) => [s.label, s.values, s.secondary ?? false])).toEqual([
			['X — latest', [2, 13.87], false],
			['X — first', [2, 13.85], true],
		]);
	});
});
