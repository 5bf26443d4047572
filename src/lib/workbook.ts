/**
 * The figures as a workbook (write-excel-file), for the downloads (src/data/downloads.ts). Pure,
 * so a worker thread can make it as well as a page.
 */
import writeXlsxFile, { type Cell } from 'write-excel-file/node';
import { CSV_COLUMNS, type FigureRow } from './downloads.ts';

/**
 * The figures as a workbook (write-excel-file): the current figures and every version on two
 * sheets, numbers stored as numbers with the decimals they were published with, so a spreadsheet
 * set to Vietnamese shows 155,876 and never reads 155876. Every file in it is dated the day the data
 * is as of, so the same figures make the same bytes.
 */
export async function workbook(current: readonly FigureRow[], all: readonly FigureRow[], asOf: string): Promise<Uint8Array> {
	// The same value, with the same decimals, is one cell object however many cells hold it: at 1,000
	// reports the two sheets have 3.2 million cells, most of them a year, a version, a unit or a
	// name that many rows share (write-excel-file only reads them).
	const cells = new Map<string, Cell>();
	const shared = (key: string, make: () => Cell): Cell => {
		let cell = cells.get(key);
		if (!cell) cells.set(key, (cell = make()));
		return cell;
	};
	const sheet = (rows: readonly FigureRow[]): Cell[][] => [
		CSV_COLUMNS.map((column) => ({ value: column, fontWeight: 'bold' as const })),
		...rows.map((row) =>
			CSV_COLUMNS.map((column): Cell => {
				const value = row[column];
				if (value === null || value === undefined || value === '') return null;
				if (typeof value === 'boolean') return shared(`b${value}`, () => ({ value, type: Boolean }));
				if (typeof value === 'number') {
					const written = row.written?.[column as 'value' | 'target' | 'total'];
					return shared(`n${written ?? ''}:${value}`, () => ({ value, type: Number, ...(written ? { format: `0.${'0'.repeat(written)}` } : {}) }));
				}
				return shared(`s${String(value)}`, () => ({ value: String(value), type: String }));
			}),
		),
	];
	const made = await writeXlsxFile([
		{ data: sheet(current), sheet: 'Hiện hành – Current' },
		{ data: sheet(all), sheet: 'Mọi phiên bản – All versions' },
	]).toBuffer();
	const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
	return datedZip(new Uint8Array(made), y, m, d);
}

const ZIP_END = 0x06054b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_LOCAL = 0x04034b50;

/**
 * A ZIP archive with every entry dated noon of one day, in place: the only thing in
 * write-excel-file's archive that changes from one run to the next is the time it was made. Its
 * entries are already compressed; decompressing and compressing them again to set the date took
 * 40% of a workbook's time at 1,000 reports. The date is in each entry's central directory record
 * and local header (MS-DOS date and time, little-endian); anything else refuses.
 */
export function datedZip(zip: Uint8Array, year: number, month: number, day: number): Uint8Array {
	const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
	let end = zip.byteLength - 22;
	while (end >= 0 && view.getUint32(end, true) !== ZIP_END) end--;
	if (end < 0) throw new Error('not a ZIP archive: no end of central directory');
	const entries = view.getUint16(end + 10, true);
	const time = 12 << 11;
	const date = ((year - 1980) << 9) | (month << 5) | day;
	let at = view.getUint32(end + 16, true);
	for (let i = 0; i < entries; i++) {
		if (view.getUint32(at, true) !== ZIP_CENTRAL) throw new Error(`not a ZIP central directory record at ${at}`);
		view.setUint16(at + 12, time, true);
		view.setUint16(at + 14, date, true);
		const local = view.getUint32(at + 42, true);
		if (view.getUint32(local, true) !== ZIP_LOCAL) throw new Error(`not a ZIP local header at ${local}`);
		view.setUint16(local + 10, time, true);
		view.setUint16(local + 12, date, true);
		at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
	}
	return zip;
}
