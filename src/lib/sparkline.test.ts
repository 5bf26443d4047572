import { describe, expect, test } from 'vitest';
import { buildSparkline, recentPoints, TREND_PERIODS } from './sparkline.ts';

describe('buildSparkline(points, width, height)', () => {
	test('draws a rising line from bottom left to top right', () => {
		const line = buildSparkline(
			[
				{ period: 2022, value: 1 },
				{ period: 2023, value: 2 },
			],
			100,
			20,
			{ pad: 0 },
		);
		expect(line).toEqual({ path: 'M0 20L100 0', last: { x: 100, y: 0 }, dots: [] });
	});
	test('starts a new segment after a missing year instead of dropping to zero', () => {
		const line = buildSparkline(
			[
				{ period: 2020, value: 1 },
				{ period: 2021, value: undefined },
				{ period: 2022, value: 3 },
				{ period: 2023, value: 2 },
			],
			30,
			10,
			{ pad: 0 },
		);
		expect(line.path).toBe('M0 10M20 0L30 5');
	});
	test('puts rank 1 at the top when inverted', () => {
		const line = buildSparkline(
			[
				{ period: 2022, value: 4 },
				{ period: 2023, value: 1 },
			],
			10,
			10,
			{ invert: true, pad: 0 },
		);
		expect(line.last).toEqual({ x: 10, y: 0 });
	});
	test('draws nothing without values', () => {
		expect(buildSparkline([{ period: 2022, value: undefined }], 10, 10)).toEqual({ path: '', last: undefined, dots: [] });
	});
});

describe('recentPoints(series, upTo, count)', () => {
	const series = [2001, 2002, 2004, 2005, 2006].map((period) => ({ period }));
	test.each([
		{ upTo: 2006, count: 3, periods: [2004, 2005, 2006] },
		{ upTo: 2005, count: 3, periods: [2004, 2005] },
		{ upTo: 2003, count: 12, periods: [2001, 2002] },
		{ upTo: 2000, count: 3, periods: [] },
	])('keeps the periods of the $count years up to $upTo', ({ upTo, count, periods }) => {
		expect(recentPoints(series, upTo, count).map((p) => p.period)).toEqual(periods);
	});
	test(`keeps a long archive's small trend to the last ${TREND_PERIODS} years`, () => {
		const long = Array.from({ length: 1000 }, (_, i) => ({ period: 1025 + i }));
		expect(recentPoints(long).map((p) => p.period)).toEqual(Array.from({ length: TREND_PERIODS }, (_, i) => 2024 - TREND_PERIODS + 1 + i));
	});
});

describe('buildSparkline with years apart', () => {
	test('draws a year with no neighbour as a dot, so two non-adjacent years both show', () => {
		const line = buildSparkline(
			[
				{ period: 2022, value: 5 },
				{ period: 2023, value: undefined },
				{ period: 2024, value: 7 },
			],
			72,
			24,
			{ pad: 3 },
		);
		expect(line.dots).toEqual([{ x: 3, y: 21 }]);
		expect(line.last).toEqual({ x: 69, y: 3 });
	});
	test('draws no dot for a year joined to the next', () => {
		expect(
			buildSparkline(
				[
					{ period: 2022, value: 5 },
					{ period: 2023, value: 6 },
				],
				72,
				24,
			).dots,
		).toEqual([]);
	});
});
