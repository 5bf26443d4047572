/**
 * Every download of the archive, made once per checked archive from the same figures the pages
 * show: for the whole archive and for each indicator, the current figures and every version's as
 * CSV, both with the definitions and a README in a ZIP; and the whole archive as JSON. The endpoints
 * under src/pages/data/ serve them, and pages read their sizes for the links.
 */
import { toCsv, toJson, type FigureRow } from '../lib/downloads.ts';
import type { PackageInput } from '../lib/data-package.ts';
import { cachedPackAll } from './download-cache.ts';
import { loadArchive, type Archive } from './archive.ts';
import { citedAddress, downloadInputs } from './download-inputs.ts';

export interface Download {
	body: string | Uint8Array;
	type: string;
}

const CSV = 'text/csv; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Made {
	files: Map<string, Download>;
	packages: Map<string, PackageInput>;
	line: FigureRow[];
	/** Each entity beside the line's rows, by its folder (`bac_ninh_old`). */
	shelves: Map<string, FigureRow[]>;
}
const made = new WeakMap<Archive, Made>();

/** The downloads by file name under data/: `indicators.csv`, `grdp_growth-current.csv`, `poverty_rate.zip`, … */
export async function downloads(): Promise<Map<string, Download>> {
	return (await madeDownloads()).files;
}

/** Every figure of every version of every published report of the archive's own line, as the downloads give them: what its embeds draw. */
export async function allRows(): Promise<FigureRow[]> {
	return (await madeDownloads()).line;
}

/** Every figure of every version of every published report of an entity beside the line (`bac_ninh_old`), as the downloads give them. */
export async function shelfRows(shelf: string): Promise<FigureRow[]> {
	return (await madeDownloads()).shelves.get(shelf) ?? [];
}

/** What a data package holds and cites (`indicators`, or an indicator's id): its citation is the one a printed sheet gives. */
export async function packageOf(name: string): Promise<PackageInput | undefined> {
	return (await madeDownloads()).packages.get(name);
}

async function madeDownloads(): Promise<Made> {
	const archive = await loadArchive();
	const known = made.get(archive);
	if (known) return known;
	const { site } = archive;
	const { everything, packages: inputs, line } = downloadInputs(archive, citedAddress(import.meta.env.BASE_URL, import.meta.env.SITE, site.defaultLocale));
	const packages = new Map<string, PackageInput>();
	const files = new Map<string, Download>();
	// The ZIPs and workbooks from the cache when the figures did not change since they were made.
	const packed = await cachedPackAll(inputs);
	for (const input of inputs) {
		const { name } = input;
		files.set(`${name}.csv`, { body: toCsv(input.all), type: CSV });
		files.set(`${name}-current.csv`, { body: toCsv(input.current), type: CSV });
		packages.set(name, input);
		const { zip, xlsx } = packed.get(name)!;
		files.set(`${name}.zip`, { body: zip, type: 'application/zip' });
		files.set(`${name}.xlsx`, { body: xlsx, type: XLSX });
	}
	files.set('indicators.json', { body: toJson(everything, archive.indicators), type: 'application/json; charset=utf-8' });
	const shelves = new Map<string, FigureRow[]>();
	for (const row of everything) {
		if (!row.shelf) continue;
		const rows = shelves.get(row.shelf);
		if (rows) rows.push(row);
		else shelves.set(row.shelf, [row]);
	}
	const result = { files, packages, line, shelves };
	made.set(archive, result);
	return result;
}

/** A download's size in bytes. */
export function sizeOf(download: Download): number {
	return typeof download.body === 'string' ? Buffer.byteLength(download.body) : download.body.byteLength;
}
