import { describe, expect, test } from 'vitest';
import type { Figure, Indicator, Report } from './content/model.ts';
import {
	breakBetween,
	buildSeries,
	changeSincePrevious,
	firstPublishedDifferently,
	judgeChange,
	periodIndex,
	pointAt,
	targetMet,
	type SeriesPoint,
} from './series.ts';

const report = (year: number, figures: Omit<Figure, 'indicator'>[], extra: Partial<Report> = {}): Report => ({
	year,
	lang: 'vi',
	text: { vi: { title: `R${year}`, summary: '' } },
	published: `${year}-12-31`,
	draft: false,
	revisions: [],
	events: [],
	figures: figures.map((f) => ({ indicator: 'x', ...f })),
	...extra,
});

const indicator = (direction: Indicator['direction'], breaks: Indicator['breaks'] = []) => ({ direction, breaks });

describe('buildSeries(indicator, reports)', () => {
	test('orders points by the period measured, not the report year', () => {
		const series = buildSeries('x', [report(2024, [{ period: 2023, value: 69.75 }]), report(2023, [{ period: 2022, value: 72.8 }])]);
		expect(series.map((p) => [p.period, p.value, p.reportYear])).toEqual([
			[2022, 72.8, 2023],
			[2023, 69.75, 2024],
		]);
	});
	test('lets a later report supersede an estimate for the same period', () => {
		const series = buildSeries('x', [
			report(2023, [{ period: 2023, value: 13.45, status: 'estimate' }]),
			report(2024, [
				{ period: 2023, value: 13.5, status: 'final' },
				{ period: 2024, value: 13.85, status: 'estimate' },
			]),
		]);
		expect(series.map((p) => [p.period, p.value, p.status])).toEqual([
			[2023, 13.5, 'final'],
			[2024, 13.85, 'estimate'],
		]);
	});
	test('leaves missing years out instead of writing zero', () => {
		const series = buildSeries('x', [report(2022, [{ period: 2022, value: 1 }]), report(2024, [{ period: 2024, value: 3 }])]);
		expect(series.map((p) => p.period)).toEqual([2022, 2024]);
	});
	test('leaves drafts and other indicators out', () => {
		const other = report(2023, []);
		other.figures.push({ indicator: 'y', period: 2023, value: 5 });
		const series = buildSeries('x', [report(2024, [{ period: 2024, value: 3 }], { draft: true }), other]);
		expect(series).toEqual([]);
	});
});

describe('judgeChange(delta, direction)', () => {
	test.each([
		[-0.9, 'lower', 'good'],
		[0.9, 'lower', 'bad'],
		[0.4, 'higher', 'good'],
		[-3.05, 'higher', 'bad'],
		[2, 'neutral', 'neutral'],
		[0, 'higher', 'unchanged'],
	] as const)('a change of %s where %s is better is %s', (delta, direction, verdict) => {
		expect(judgeChange(delta, direction)).toBe(verdict);
	});
});

describe('changeSincePrevious(series, period, indicator)', () => {
	const series = buildSeries('x', [
		report(2022, [{ period: 2022, value: 3.81 }]),
		report(2023, [{ period: 2023, value: 2.63 }]),
		report(2024, [{ period: 2024, value: 1.73 }]),
	]);
	test('marks a fall in the poverty rate as an improvement, without float dust', () => {
		const change = changeSincePrevious(series, 2024, indicator('lower'));
		expect(change).toMatchObject({ delta: -0.9, verdict: 'good' });
		expect(change?.ratio).toBeCloseTo(-0.342, 3);
	});
	test('gives nothing when the previous year is missing', () => {
		expect(changeSincePrevious(series, 2022, indicator('lower'))).toBeUndefined();
	});
	test('gives nothing across a series break', () => {
		expect(changeSincePrevious(series, 2023, indicator('lower', [{ year: 2023, note: { vi: '', en: '' } }]))).toBeUndefined();
	});
	test('gives no ratio when the previous value is zero', () => {
		const zero = buildSeries('x', [report(2023, [{ period: 2023, value: 0 }]), report(2024, [{ period: 2024, value: 5 }])]);
		expect(changeSincePrevious(zero, 2024, indicator('higher'))).toMatchObject({ delta: 5, ratio: undefined, verdict: 'good' });
	});
});

describe('breakBetween(indicator, from, to)', () => {
	const withBreak = { breaks: [{ year: 2024, note: { vi: '', en: '' } }] };
	test.each([
		[2023, 2024, true],
		[2024, 2023, true],
		[2024, 2025, false],
		[2021, 2023, false],
	])('%i → %i: %s', (from, to, expected) => {
		expect(breakBetween(withBreak, from, to)).toBe(expected);
	});
});

describe('targetMet(figure, direction)', () => {
	test.each([
		[13.85, 14.5, 'higher', false],
		[15, 14.5, 'higher', true],
		[1.73, 1.8, 'lower', true],
		[1.9, 1.8, 'lower', false],
		[5, 5, 'neutral', undefined],
		[undefined, 145, 'higher', undefined],
	] as const)('value %s against target %s (%s) → %s', (value, target, direction, expected) => {
		expect(targetMet({ value, target }, direction)).toBe(expected);
	});
});

describe('periodIndex(series, period) and pointAt(series, period)', () => {
	const series = [2019, 2020, 2022, 2023].map((period) => ({ period, value: period - 2000 }));
	test.each([
		{ period: 2018, index: 0, value: undefined },
		{ period: 2019, index: 0, value: 19 },
		{ period: 2021, index: 2, value: undefined },
		{ period: 2023, index: 3, value: 23 },
		{ period: 2024, index: 4, value: undefined },
	])('finds $period at index $index', ({ period, index, value }) => {
		expect(periodIndex(series, period)).toBe(index);
		expect(pointAt(series, period)?.value).toBe(value);
	});
});

describe('firstPublishedDifferently(latest, first)', () => {
	const at = (period: number, extra: Partial<SeriesPoint>): SeriesPoint => ({ indicator: 'x', period, reportYear: period, ...extra });
	test.each([
		['a changed value', at(2024, { value: 13.85, status: 'estimate' }), true],
		['an estimate made final with the same value', at(2024, { value: 13.87, status: 'estimate' }), true],
		['a changed rank', at(2024, { value: 13.87, status: 'final', rank: 2 }), true],
		['the same figure', at(2024, { value: 13.87, status: 'final', rank: 1 }), false],
	])('%s', (_, original, differs) => {
		const latest = at(2024, { value: 13.87, status: 'final', rank: 1 });
		expect(firstPublishedDifferently(latest, [original])).toEqual(differs ? original : undefined);
		expect(firstPublishedDifferently(latest, [])).toBeUndefined();
	});
});

describe('buildSeries(indicator, reports, "backdated")', () => {
	test('figures back-dated to other boundaries form their own series, the latest report stating a period winning; the own series leaves them out', () => {
		const reports = [
			report(2025, [
				{ period: 2025, value: 0.56 },
				{ period: 2024, value: 0.97, boundaries: 'backdated' },
			]),
			report(2026, [
				{ period: 2026, value: 0.4 },
				{ period: 2024, value: 0.95, boundaries: 'backdated' },
			]),
		];
		expect(buildSeries('x', reports, 'backdated').map((p) => [p.period, p.value, p.reportYear])).toEqual([[2024, 0.95, 2026]]);
		expect(buildSeries('x', reports).map((p) => p.period)).toEqual([2025, 2026]);
	});
});
