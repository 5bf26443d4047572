import { describe, expect, test } from 'vitest';
import { labelBeside } from './label-beside.ts';

// Every letter 6 px wide, as a 12 px font roughly is.
const measure = (text: string) => text.length * 6;
const area = { left: 40, right: 360 };

describe('a label beside a line on a chart', () => {
	test('goes to the right of the line when it fits there', () => {
		expect(labelBeside('Đứt chuỗi', 100, area, measure)).toEqual({ text: 'Đứt chuỗi', x: 104 });
	});

	test('turns left near the right edge when it fits there', () => {
		expect(labelBeside('Đứt chuỗi năm 2025', 340, area, measure)).toEqual({ text: 'Đứt chuỗi năm 2025', x: 336 - 18 * 6 });
	});

	test('on a phone’s narrow chart, is cut with an ellipsis on the side with more room, and never leaves the chart', () => {
		const text = '1/7/2025: Bắc Giang và Bắc Ninh hợp nhất thành tỉnh Bắc Ninh mới (Nghị quyết 202/2025/QH15)';
		const label = labelBeside(text, 290, area, measure)!;
		expect(label.text.endsWith('…')).toBe(true);
		expect(text.startsWith(label.text.slice(0, -1))).toBe(true);
		expect(label.x).toBeGreaterThanOrEqual(area.left);
		expect(label.x + measure(label.text)).toBeLessThanOrEqual(286);
	});

	test('is left out when neither side has room for a few letters', () => {
		expect(labelBeside('Đứt chuỗi năm 2025', 50, { left: 40, right: 70 }, measure)).toBeUndefined();
	});
});
