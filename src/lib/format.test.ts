import { describe, expect, test } from 'vitest';
import type { Indicator } from './content/model.ts';
import { formatChange, formatDate, formatNumber, formatPercentChange, formatRank, formatValue } from './format.ts';

const percent = { unit: 'percent', decimals: 2 } as const satisfies Partial<Indicator>;
const growth = { unit: 'percent_change', decimals: 2 } as const satisfies Partial<Indicator>;
const billion = { unit: 'vnd_billion', decimals: 0 } as const satisfies Partial<Indicator>;
const communes = { unit: 'count', decimals: 0, noun: { vi: 'xã', en: 'communes' } } as const satisfies Partial<Indicator>;
const points = { unit: 'index_points', decimals: 2 } as const satisfies Partial<Indicator>;

describe('formatValue(value, indicator, locale)', () => {
	test.each([
		[13.85, growth, 'vi', '13,85%'],
		[13.85, growth, 'en', '13.85%'],
		[1.73, percent, 'vi', '1,73%'],
		[684397, billion, 'vi', '684.397\u00a0tỷ đồng'],
		[684397, billion, 'en', '684,397\u00a0billion VND'],
		[159, communes, 'vi', '159\u00a0xã'],
		[159, communes, 'en', '159\u00a0communes'],
		[44.3204, points, 'en', '44.32\u00a0points'],
		[30, growth, 'vi', '30%'],
	] as const)('%s in %s → %s', (value, indicator, locale, expected) => {
		expect(formatValue(value, indicator, locale)).toBe(expected);
	});

	test.each([
		[30, 1, 'vi', '30,0%'],
		[30, 1, 'en', '30.0%'],
		[13.8, 2, 'vi', '13,80%'],
	] as const)('%s written with %i decimals in %s → %s', (value, written, locale, expected) => {
		expect(formatValue(value, growth, locale, written)).toBe(expected);
	});
});

describe('formatChange(delta, indicator, locale)', () => {
	test('gives percentage changes in points, signed', () => {
		expect(formatChange(-0.9, percent, 'vi')).toBe('-0,9\u00a0điểm %');
		expect(formatChange(0.4, growth, 'en')).toBe('+0.4\u00a0pp');
	});
	test('gives other changes in the unit, signed', () => {
		expect(formatChange(143228, billion, 'en')).toBe('+143,228\u00a0billion VND');
		expect(formatChange(0, communes, 'en')).toBe('0\u00a0communes');
	});
});

describe('other formats', () => {
	test('ranks read as "4/63"', () => {
		expect(formatRank(4, 63, 'vi')).toBe('4/63');
		expect(formatRank(4, undefined, 'en')).toBe('4');
	});
	test('relative changes are signed percentages', () => {
		expect(formatPercentChange(0.123, 'vi')).toBe('+12,3%');
		expect(formatPercentChange(-0.05, 'en')).toBe('-5%');
	});
	test('dates are written out per language, whatever the time zone', () => {
		expect(formatDate('2025-01-31', 'vi')).toBe('31 tháng 1 năm 2025');
		expect(formatDate('2025-06-09', 'vi')).toBe('9 tháng 6 năm 2025');
		expect(formatDate('2025-01-31', 'en')).toBe('31 January 2025');
	});
	test("numbers use each language's separators", () => {
		expect(formatNumber(155.876, 'vi', 3)).toBe('155,876');
		expect(formatNumber(1234567.5, 'en', 1)).toBe('1,234,567.5');
	});
});
