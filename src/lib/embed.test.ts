import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	embedCode,
	embedData,
	findPin,
	latestEmbedData,
	packEmbedData,
	pinOnDate,
	seriesAsOf,
	unpackEmbedData,
	type EmbedData,
	type EmbedRow,
} from './embed.ts';
import type { FigureRow } from './downloads.ts';
import { figureRow } from '../../tests/setup/figure-row.ts';

const row = (
	indicator: string,
	period: number,
	value: number,
	report: number,
	version: number,
	date: string,
	status: 'estimate' | 'final' | null = null,
): FigureRow => figureRow({ indicator, period, value, status, report_year: report, version, version_date: date });

// 2023's report gives an estimate for 2023; 2024's first version an estimate for 2024; 2024's second
// version the final 2024 figure; a later report restates 2023.
const rows = [
	row('g', 2023, 6.1, 2023, 1, '2023-12-20', 'estimate'),
	row('g', 2024, 7.0, 2024, 1, '2025-01-31', 'estimate'),
	row('x', 2024, 1, 2024, 1, '2025-01-31'),
	row('g', 2024, 7.2, 2024, 2, '2025-06-30'),
	row('g', 2023, 6.3, 2024, 2, '2025-06-30'),
];
const data = embedData(rows, 'g');
const values = (pin?: string) => seriesAsOf(data, 'g', findPin(data, pin)).map((p) => [p.period, p.value, p.reportYear]);

describe('each indicator’s embed data, from the rows every embed shares', () => {
	it('holds its own indicator’s rows and every version, however often the same rows are asked', () => {
		expect(embedData(rows, 'x').rows).toEqual([[2024, 1, null, null, null, null, 0, 2024, 1, null]]);
		expect(data.rows.map((r) => r[1])).toEqual([6.1, 7, 7.2, 6.3]);
		expect(embedData(rows, 'g')).toEqual(data);
		expect(data.versions.map((v) => `${v.year}-${v.number}`)).toEqual(['2023-1', '2024-1', '2024-2']);
		// The latest: each report's current version alone.
		const latest = latestEmbedData(
			rows.map((r) => ({ ...r, current: r.version === 2 || r.report_year === 2023 })),
			'g',
		);
		expect(latest.rows.map((r) => r[1])).toEqual([6.1, 7.2, 6.3]);
		expect(latest.versions.map((v) => `${v.year}-${v.number}`)).toEqual(['2023-1', '2024-2']);
	});

	it('what one page does with its data is not what the next page gets', () => {
		const mine = embedData(rows, 'g');
		mine.rows.pop();
		mine.versions.pop();
		expect(embedData(rows, 'g')).toEqual(data);
	});
});

describe('an embed pinned to a version shows the figures as they stood then', () => {
	it('each report in the version it had, later reports and versions left out', () => {
		expect(values('2023-1')).toEqual([[2023, 6.1, 2023]]);
		expect(values('2024-1')).toEqual([
			[2023, 6.1, 2023],
			[2024, 7, 2024],
		]);
		expect(values('2024-2')).toEqual([
			[2023, 6.3, 2024],
			[2024, 7.2, 2024],
		]);
	});

	it('a day pins the figures as they stood that day', () => {
		expect(pinOnDate(data, '2025-03-01')).toEqual({ year: 2024, number: 1, date: '2025-01-31' });
		expect(pinOnDate(data, '2025-06-30')).toEqual({ year: 2024, number: 2, date: '2025-06-30' });
		expect(pinOnDate(data, '2020-01-01')).toBeUndefined();
		expect(pinOnDate(data, 'last week')).toBeUndefined();
		expect(pinOnDate(data, '2025-02-30')).toBeUndefined();
		expect(pinOnDate(data, '2025-13-45')).toBeUndefined();
		expect(pinOnDate(data, '2030-01-01', '2026-12-01')).toBeUndefined();
	});

	it('the pinned report is shown in the pinned version, even when a revision is dated before it', () => {
		const odd = embedData([...rows.slice(0, 3), { ...rows[3]!, version_date: '2024-06-30' }], 'g');
		expect(seriesAsOf(odd, 'g', findPin(odd, '2024-1')).find((p) => p.period === 2024)?.value).toBe(7);
	});

	it('no pin, or one that does not exist, is the latest', () => {
		expect(values()).toEqual(values('2024-2'));
		expect(findPin(data, '2030-1')).toBeUndefined();
		expect(values('2030-1')).toEqual(values());
	});

	it('the code has a title, escapes it, and only listens to the archive’s own origin', () => {
		const code = embedCode('https://a.example/embed/indicators/g/?v=2024-1', 'GDP "growth" <b>', 'https://a.example');
		expect(code).toContain('title="GDP &quot;growth&quot; &lt;b>"');
		expect(code).toContain('if(e.origin!=="https://a.example"');
	});
});

describe('embed data is sent packed', () => {
	// (JSON writes -0 as 0, in any format: `+ 0` makes it 0.)
	const number = fc.oneof(
		fc.integer({ min: -1e6, max: 1e6 }),
		fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => x + 0),
	);
	const maybe = fc.option(number, { nil: null });
	const whole = fc.integer({ min: 0, max: 9999 });
	const embedRow: fc.Arbitrary<EmbedRow> = fc.tuple(
		whole,
		maybe,
		maybe,
		maybe,
		maybe,
		maybe,
		fc.constantFrom<0 | 1>(0, 1),
		whole,
		fc.integer({ min: 1, max: 9 }),
		fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
	);
	const version = fc.record({
		year: whole,
		number: fc.integer({ min: 1, max: 9 }),
		date: fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
	});

	it('and unpacked, it is the data that was packed', () => {
		fc.assert(
			fc.property(fc.record({ rows: fc.array(embedRow, { maxLength: 30 }), versions: fc.array(version, { maxLength: 30 }) }), (data: EmbedData) => {
				expect(unpackEmbedData(JSON.parse(JSON.stringify(packEmbedData(data))))).toEqual(data);
			}),
		);
	});

	it('keeps a date that is not a calendar day as it is written', () => {
		const odd: EmbedData = { rows: [], versions: [{ year: 2024, number: 1, date: '' }] };
		expect(unpackEmbedData(JSON.parse(JSON.stringify(packEmbedData(odd))))).toEqual(odd);
	});

	it('reads data sent before it was packed as it was', () => {
		expect(unpackEmbedData(data)).toBe(data);
	});

	it('leaves out the columns that hold nothing', () => {
		expect(Object.keys(packEmbedData(data).columns)).toEqual(['period', 'value', 'estimate', 'year', 'version']);
		expect(unpackEmbedData(packEmbedData(data))).toEqual(data);
	});
});
