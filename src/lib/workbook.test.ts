import { unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { datedZip, workbook } from './workbook.ts';
import { figureRow } from '../../tests/setup/figure-row.ts';

/** Each entry's MS-DOS date and time as its central directory record holds them. */
function entryDates(zip: Uint8Array): string[] {
	const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
	let end = zip.byteLength - 22;
	while (view.getUint32(end, true) !== 0x06054b50) end--;
	const dates: string[] = [];
	let at = view.getUint32(end + 16, true);
	for (let i = 0; i < view.getUint16(end + 10, true); i++) {
		const [time, date] = [view.getUint16(at + 12, true), view.getUint16(at + 14, true)];
		dates.push(`${(date >> 9) + 1980}-${(date >> 5) & 15}-${date & 31} ${time >> 11}:${(time >> 5) & 63}`);
		at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
	}
	return dates;
}

const row = figureRow({
	indicator: 'poverty_rate',
	period: 2024,
	value: 1.73,
	status: 'final',
	current: true,
	label_vi: 'Tỷ lệ hộ nghèo',
	label_en: 'Poverty rate',
	unit_vi: '%',
	unit_en: '%',
	entity: 'bac_giang',
	entity_vi: 'Tỉnh Bắc Giang',
	entity_en: 'Bac Giang province',
});

afterEach(() => vi.useRealTimers());

describe('a workbook', () => {
	test('is the same bytes whenever it is made, every file in it dated noon of the day the data is as of', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(new Date('2020-01-01T03:04:05Z'));
		const first = await workbook([row], [row], '2025-01-31');
		vi.setSystemTime(new Date('2031-06-15T17:59:59Z'));
		const again = await workbook([row], [row], '2025-01-31');
		expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
		expect(new Set(entryDates(first))).toEqual(new Set(['2025-1-31 12:0']));
		expect(new TextDecoder().decode(unzipSync(first)['xl/workbook.xml'])).toContain('Hiện hành – Current');
	});

	test('dating an archive changes nothing else: its files read back the same', () => {
		const files = { 'a.txt': new TextEncoder().encode('một'), 'b/c.xml': new TextEncoder().encode('<x/>'.repeat(500)) };
		const zip = zipSync(Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, [bytes, { mtime: new Date(2001, 1, 2, 3, 4, 6) }]])));
		const dated = datedZip(zip.slice(), 2024, 12, 31);
		expect(entryDates(dated)).toEqual(['2024-12-31 12:0', '2024-12-31 12:0']);
		expect(unzipSync(dated)).toEqual(unzipSync(zip));
		expect(() => datedZip(new Uint8Array(40), 2024, 1, 1)).toThrow(/not a ZIP archive/);
	});
});
