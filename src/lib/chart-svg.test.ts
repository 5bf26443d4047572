import { describe, expect, it } from 'vitest';
import { chartWords } from '../i18n/index.ts';
import { buildChartSpec } from './chart-data.ts';
import { chartSvg, pictureWords, type ChartFrame } from './chart-svg.ts';
import type { Indicator } from './content/model.ts';
import type { SeriesPoint } from './series.ts';

/**
 * Every text of a picture with the span it takes: digits 0.57 em wide, other characters 0.5 em, the
 * widest Chromium draws them with the fonts of this machine (measured with getBBox).
 */
function texts(svg: string): { text: string; left: number; right: number }[] {
	return [...svg.matchAll(/<text x="([\d.-]+)"[^>]*?font-size="(\d+)"[^>]*>([^<]*)<\/text>/g)].map((m) => {
		const [x, size, text] = [Number(m[1]), Number(m[2]), m[3]!.replace(/&amp;/g, '&')];
		const width = [...text].reduce((sum, c) => sum + size * (/[\d–]/.test(c) ? 0.57 : 0.5), 0);
		const anchor = /text-anchor="(\w+)"/.exec(m[0])?.[1];
		const left = anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x;
		return { text, left, right: left + width };
	});
}

const output: Indicator = {
	id: 'industrial_output_value',
	label: { vi: 'Giá trị sản xuất công nghiệp', en: 'Industrial output value' },
	category: 'economy',
	unit: 'vnd_billion',
	direction: 'higher',
	decimals: 0,
	definition: { vi: '', en: '' },
	breaks: [],
	events: [],
};
const point = (period: number, value: number): SeriesPoint => ({ period, value, reportYear: period }) as SeriesPoint;

describe('the chart picture in a phone’s column', () => {
	it.each<ChartFrame>(['narrow', 'wide'])('%s: every word stays inside the picture, however long the numbers, the address or an event', (frame) => {
		const spec = buildChartSpec(output, [point(2022, 512340), point(2023, 684397), point(2024, 801200)], [], 'vi', chartWords('vi'), [
			{ date: '2023-07-01', label: 'Sáp nhập tỉnh Hà Nam, Nam Định và Ninh Bình thành tỉnh Ninh Bình mới theo nghị quyết của Quốc hội' },
		]);
		const source = 'Nguồn: Lưu trữ báo cáo tổng kết năm, Ủy ban nhân dân tỉnh Bắc Ninh · https://annals.example.org/annals/indicators/industrial_output_value/';
		const svg = chartSvg(spec, pictureWords(spec, output, source), frame);
		const width = Number(/width="(\d+)"/.exec(svg)![1]);
		for (const { text, left, right } of texts(svg)) {
			expect(left, text).toBeGreaterThanOrEqual(0);
			expect(right, text).toBeLessThanOrEqual(width);
		}
		// The address is all there, across lines.
		expect(
			texts(svg)
				.map((t) => t.text)
				.join('')
				.replace(/\s/g, ''),
		).toContain('https://annals.example.org/annals/indicators/industrial_output_value/');
	});
});
