import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../data/content-files.ts';
import { chartWords } from '../i18n/index.ts';
import { buildChartSpec, namedEvents, placeEvents } from './chart-data.ts';
import { chartSvg, pictureWords } from './chart-svg.ts';
import type { Indicator, Report } from './content/model.ts';
import { validateArchive } from './validate/validate.ts';

const indicator = (events: Indicator['events'] = []): Indicator => ({
	id: 'g',
	label: { vi: 'Tăng trưởng', en: 'Growth' },
	category: 'economy',
	unit: 'percent_change',
	direction: 'higher',
	decimals: 2,
	definition: { vi: '', en: '' },
	breaks: [],
	events,
});
const merger = { date: '2025-07-01', label: { vi: 'Sáp nhập tỉnh', en: 'Provinces merged' } };

describe('events on a chart', () => {
	it('fall where they happened: a year’s point is its middle', () => {
		const placed = placeEvents(
			[2023, 2024, 2025],
			[
				{ date: '2025-07-02', label: 'mid' },
				{ date: '2024-01-01', label: 'new year' },
				{ date: '2021-05-01', label: 'before' },
			],
		);
		expect(placed.map((e) => [e.label, Number(e.at.toFixed(2))])).toEqual([
			['new year', 0.5],
			['mid', 2],
		]);
	});

	it('come from the catalogue and from every report, in the reader’s language, once each', () => {
		const reports = [
			{ lang: 'vi', events: [{ date: merger.date, label: merger.label }] },
			{
				lang: 'vi',
				events: [
					{ date: merger.date, label: merger.label },
					{ date: '2024-03-01', label: 'Chỉ viết tiếng Việt' },
				],
			},
		] as unknown as Report[];
		expect(namedEvents(indicator([{ date: '2022-01-01', label: { vi: 'Chuẩn mới', en: 'New standard' } }]), reports, 'en')).toEqual([
			{ date: '2022-01-01', label: 'New standard' },
			{ date: '2024-03-01', label: 'Chỉ viết tiếng Việt' },
			{ date: merger.date, label: 'Provinces merged' },
		]);
	});

	it('are drawn on the chart picture with their label', () => {
		const series = [2023, 2024, 2025].map((period, i) => ({ indicator: 'g', period, value: 6 + i, reportYear: period }));
		const spec = buildChartSpec(indicator(), series, [], 'en', chartWords('en'), [{ date: merger.date, label: 'Provinces merged' }]);
		expect(spec.events).toEqual([{ at: expect.closeTo(2, 1), date: merger.date, label: 'Provinces merged' }]);
		const svg = chartSvg(spec, pictureWords(spec, indicator(), 'Source'));
		expect(svg).toContain('>Provinces merged</text>');
		expect(svg).toMatch(/<line x1="(\d+\.\d)" x2="\1" y1="\d+" y2="\d+" stroke="#6b4c9a"/);
	});

	it('a report names an event with a date and a label, and the check says where one is wrong', () => {
		const sample = readContentFiles(join(process.cwd(), 'content'));
		const withEvents = (events: string) => {
			const file = sample.reports.find((r) => r.path.endsWith('/2024.mdx'))!;
			const text = file.text.replace('\nrevisions:\n', `\nevents:\n${events}revisions:\n`);
			return validateArchive({ ...sample, reports: sample.reports.map((r) => (r === file ? { ...r, text } : r)) }, { today: '2026-12-01', lang: 'en' });
		};
		const ok = withEvents('  - date: 2024-07-01\n    label: { vi: Khánh thành cầu, en: A bridge opened }\n');
		expect(ok.problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(ok.archive!.reports.find((r) => r.year === 2024)!.events).toEqual([{ date: '2024-07-01', label: { vi: 'Khánh thành cầu', en: 'A bridge opened' } }]);
		const bad = withEvents('  - date: 2024-13-01\n    lable: x\n').problems.filter((p) => p.severity === 'error');
		expect(bad.map((p) => [p.field, p.line > 0])).toEqual(
			expect.arrayContaining([
				['events.0.date', true],
				['events.0.lable', true],
			]),
		);
		expect(bad.find((p) => p.field === 'events.0.lable')!.fix).toMatch(/label/);
	});
});
