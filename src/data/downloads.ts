/**
 * Every download of the archive, made once per checked archive from the same figures the pages
 * show: for the whole archive and for each indicator, the current figures and every version's as
 * CSV, both with the definitions and a README in a ZIP; and the whole archive as JSON. The endpoints
 * under src/pages/data/ serve them, and pages read their sizes for the links.
 */
import { currentFigureRows, toCsv, toJson, buildFigureRows, type FigureRow } from '../lib/downloads.ts';
import { dataDate, dataPackage, type PackageInput } from '../lib/data-package.ts';
import { CSV_COLUMNS } from '../lib/downloads.ts';
import { unzipSync, zipSync } from 'fflate';
import writeXlsxFile, { type Cell } from 'write-excel-file/node';
import { pageHref } from '../lib/paths.ts';
import { loadArchive, type Archive } from './archive.ts';

export interface Download {
	body: string | Uint8Array;
	type: string;
}

const CSV = 'text/csv; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The figures as a workbook (write-excel-file): the current figures and every version on two
 * sheets, numbers stored as numbers with the decimals they were published with, so a spreadsheet
 * set to Vietnamese shows 155,876 and never reads 155876. Zipped again with every file dated the day
 * the data is as of, so the same figures make the same bytes.
 */
async function workbook(current: readonly FigureRow[], all: readonly FigureRow[], asOf: string): Promise<Uint8Array> {
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
const made = new WeakMap<Archive, { files: Map<string, Download>; packages: Map<string, PackageInput>; line: FigureRow[] }>();

/** The downloads by file name under data/: `indicators.csv`, `grdp_growth-current.csv`, `poverty_rate.zip`, … */
export async function downloads(): Promise<Map<string, Download>> {
	return (await madeDownloads()).files;
}

/** Every figure of every version of every published report of the archive's own line, as the downloads give them: what its embeds draw. */
export async function allRows(): Promise<FigureRow[]> {
	return (await madeDownloads()).line;
}

/** What a data package holds and cites (`indicators`, or an indicator's id): its citation is the one a printed sheet gives. */
export async function packageOf(name: string): Promise<PackageInput | undefined> {
	return (await madeDownloads()).packages.get(name);
}

async function madeDownloads(): Promise<{ files: Map<string, Download>; packages: Map<string, PackageInput>; line: FigureRow[] }> {
	const archive = await loadArchive();
	const known = made.get(archive);
	if (known) return known;
	const packages = new Map<string, PackageInput>();
	const { site, indicators } = archive;
	const all = buildFigureRows(archive.reports, archive.versions, indicators, site.defaultLocale, archive.register.entities);
	const shown = new Map(indicators.map((i) => [i.id, new Map(archive.series(i.id).map((p) => [p.period, p.reportYear]))]));
	const own = currentFigureRows(all, (indicator, period) => shown.get(indicator)?.get(period));
	// The reports of entities beside the line follow the archive's own, each current as its own series shows it.
	const beside = archive.shelves.map((shelf) => {
		const rows = buildFigureRows(shelf.reports, shelf.versions, indicators, site.defaultLocale, archive.register.entities, shelf.id);
		const points = new Map(indicators.map((i) => [i.id, new Map(shelf.series(i.id).map((p) => [p.period, p.reportYear]))]));
		return { rows, current: currentFigureRows(rows, (indicator, period) => points.get(indicator)?.get(period)) };
	});
	const everything = [...all, ...beside.flatMap((b) => b.rows)];
	const current = [...own, ...beside.flatMap((b) => b.current)];
	const address = (route: string) => new URL(pageHref(import.meta.env.BASE_URL, site.defaultLocale, site.defaultLocale, route), import.meta.env.SITE).href;
	const files = new Map<string, Download>();
	const add = async (name: string, title: (typeof site)['title'], chosen: typeof indicators, rowsAll: FigureRow[], rowsCurrent: FigureRow[], url: string) => {
		files.set(`${name}.csv`, { body: toCsv(rowsAll), type: CSV });
		files.set(`${name}-current.csv`, { body: toCsv(rowsCurrent), type: CSV });
		const input = { name, title, indicators: chosen, current: rowsCurrent, all: rowsAll, publisher: site.publisher, archiveTitle: site.title, url };
		packages.set(name, input);
		files.set(`${name}.zip`, { body: dataPackage(input), type: 'application/zip' });
		files.set(`${name}.xlsx`, { body: await workbook(rowsCurrent, rowsAll, dataDate(rowsAll)), type: XLSX });
	};
	await add('indicators', site.title, indicators, everything, current, address('indicators/'));
	for (const indicator of indicators) {
		const of = (rows: FigureRow[]) => rows.filter((row) => row.indicator === indicator.id);
		await add(indicator.id, indicator.label, [indicator], of(everything), of(current), address(`indicators/${indicator.id}/`));
	}
	files.set('indicators.json', { body: toJson(everything, indicators), type: 'application/json; charset=utf-8' });
	const result = { files, packages, line: all };
	made.set(archive, result);
	return result;
}

/** A download's size in bytes. */
export function sizeOf(download: Download): number {
	return typeof download.body === 'string' ? Buffer.byteLength(download.body) : download.body.byteLength;
}
