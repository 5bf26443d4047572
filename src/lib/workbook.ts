/**
 * The figures as a workbook (write-excel-file), for the downloads (src/data/downloads.ts). Pure,
 * so a worker thread can make it as well as a page.
 */
import { unzipSync, zipSync } from 'fflate';
import writeXlsxFile, { type Cell } from 'write-excel-file/node';
import { CSV_COLUMNS, type FigureRow } from './downloads.ts';

/**
 * The figures as a workbook (write-excel-file): the current figures and every version on two
 * sheets, numbers stored as numbers with the decimals they were published with, so a spreadsheet
 * set to Vietnamese shows 155,876 and never reads 155876. Zipped again with every file dated the day
 * the data is as of, so the same figures make the same bytes.
 */
export async function workbook(current: readonly FigureRow[], all: readonly FigureRow[], asOf: string): Promise<Uint8Array> {
	const sheet = (rows: readonly FigureRow[]): Cell[][] => [
		CSV_COLUMNS.map((column) => ({ value: column, fontWeight: 'bold' as const })),
		...rows.map((row) =>
			CSV_COLUMNS.map((column): Cell => {
				const value = row[column];
				if (value === null || value === undefined || value === '') return null;
				if (typeof value === 'boolean') return { value, type: Boolean };
				if (typeof value === 'number') {
					const written = row.written?.[column as 'value' | 'target' | 'total'];
					return { value, type: Number, ...(written ? { format: `0.${'0'.repeat(written)}` } : {}) };
				}
				return { value: String(value), type: String };
			}),
		),
	];
	const made = await writeXlsxFile([
		{ data: sheet(current), sheet: 'Hiện hành – Current' },
		{ data: sheet(all), sheet: 'Mọi phiên bản – All versions' },
	]).toBuffer();
	const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
	const mtime = new Date(y, m - 1, d, 12, 0, 0);
	return zipSync(Object.fromEntries(Object.entries(unzipSync(new Uint8Array(made))).map(([name, bytes]) => [name, [bytes, { mtime }]])), { level: 9 });
}
