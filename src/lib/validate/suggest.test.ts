import { describe, expect, test } from 'vitest';
import { closestMatch, editDistance, suggestPercent } from './suggest.ts';

describe('editDistance(a, b)', () => {
	test.each([
		['poverty_rate', 'poverty_rate', 0],
		['povety_rate', 'poverty_rate', 1],
		['porverty_rate', 'poverty_rate', 1],
		['pvoerty_rate', 'poverty_rate', 1],
		['', 'abc', 3],
	])('%s → %s is %i', (a, b, expected) => {
		expect(editDistance(a, b)).toBe(expected);
	});
});

describe('closestMatch(word, candidates)', () => {
	const ids = ['poverty_rate', 'grdp_growth', 'grdp_scale', 'pci', 'papi'];
	test.each([
		['povety_rate', 'poverty_rate'],
		['grdp_grwoth', 'grdp_growth'],
		['GRDP_growth', 'grdp_growth'],
		['pcii', 'pci'],
		['unemployment', undefined],
	])('suggests %s → %s', (word, expected) => {
		expect(closestMatch(word, ids)).toBe(expected);
	});
});

describe('suggestPercent(value, previous)', () => {
	test.each([
		[173, undefined, 1.73],
		[1385, undefined, 13.85],
		[173, 2.63, 1.73],
		[173, 20, 17.3],
		[1385, 13.45, 13.85],
		[-5, undefined, undefined],
		[150, 99.76, undefined],
		[9976, 99.76, 99.76],
	])('%s with previous %s → %s', (value, previous, expected) => {
		expect(suggestPercent(value, previous)).toBe(expected);
	});
});
