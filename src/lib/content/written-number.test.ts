import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formNumberText, readFormNumber, readNumberText } from './written-number.ts';

describe('readFormNumber: the form reads numbers the Vietnamese way', () => {
	it.each([
		['13,87', 13.87, '13.87'],
		['4.850', 4850, '4850'],
		['4,850', 4.85, '4.850'],
		['30,0', 30, '30.0'],
		['−9,28', -9.28, '-9.28'],
		['-9,28', -9.28, '-9.28'],
		['13.87', 13.87, '13.87'],
		['4.850.000', 4850000, '4850000'],
		['1.234,5', 1234.5, '1234.5'],
		['1,234.5', 1234.5, '1234.5'],
		['4 850', 4850, '4850'],
		['684397', 684397, '684397'],
		['13,85%', 13.85, '13.85'],
		['0,5', 0.5, '0.5'],
		['0.500', 0.5, '0.500'],
		['-0.050', -0.05, '-0.050'],
	])('%s → %s', (text, value, yaml) => {
		expect(readFormNumber(text)).toEqual({ value, yaml });
	});

	it.each(['', 'abc', '1,2,3', '13,8,7', '1.2.3', '--1', '1e3', '13 87', '0.500.000', '1 2'])('%j is not a number', (text) => {
		expect(readFormNumber(text)).toBeUndefined();
	});

	it('a whole figure takes no decimals', () => {
		expect(readFormNumber('4.850', true)).toEqual({ value: 4850, yaml: '4850' });
		expect(readFormNumber('15', true)).toEqual({ value: 15, yaml: '15' });
		expect(readFormNumber('15,5', true)).toBeUndefined();
	});

	it('shows what it reads: every number the form shows reads back as itself, with its decimals', () => {
		fc.assert(
			fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 4 }), (scaled, written) => {
				const value = scaled / 10 ** written;
				const read = readFormNumber(formNumberText(value, written));
				expect(read?.value).toBe(Number(value.toFixed(written)));
				expect(read?.yaml).toBe(value.toFixed(written));
			}),
		);
	});

	it('reads only what the check can read the same text as', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^-?[0-9]{1,7}([.,][0-9]{1,4}){0,2}$/), (text) => {
				const read = readFormNumber(text);
				if (read) expect(readNumberText(text)).toContain(read.value);
			}),
		);
	});
});
