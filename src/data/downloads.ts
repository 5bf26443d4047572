/**
 * Every download of the archive, made once per checked archive from the same figures the pages
 * show: for the whole archive and for each indicator, the current figures and every version's as
 * CSV, both with the definitions and a README in a ZIP; and the whole archive as JSON. The endpoints
 * under src/pages/data/ serve them, and pages read their sizes for the links.
 */
import { toCsv, toJson, type FigureRow } from '../lib/downloads.ts';
import type { PackageInput } from '../lib/data-package.ts';
import { cachedPackAll } from '../workers/download-cache.ts';
import { loadArchive, type Archive } from './archive.ts';
import { citedAddress, downloadInputs, downloadNames, packageFiles } from './download-inputs.ts';
import { figuresKey } from './page-keys.ts';
import type { APIRoute, GetStaticPaths } from 'astro';

export interface Download {
	/**
	 * The file's bytes. The CSV and JSON are encoded as soon as they are made: held as strings they
	 * were 200 MB of the heap at 1,000 reports for the whole build (UTF-16, for the Vietnamese in
	 * them), and every indicator page counted the UTF-8 bytes of tens of megabytes again for their
	 * sizes (5 s of a cold build).
	 */
	body: Uint8Array;
	type: string;
}

const CSV = 'text/csv; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The figures the downloads are made from, found once per checked archive: what the embeds' data needs, without making any file. */
interface Rows {
	everything: FigureRow[];
	packages: Map<string, PackageInput>;
	line: FigureRow[];
	/** Each entity beside the line's rows, by its folder (`bac_ninh_old`). */
	shelves: Map<string, FigureRow[]>;
}
const found = new WeakMap<Archive, Rows>();
const made = new WeakMap<Archive, Map<string, Download>>();

/** The downloads by file name under data/: `indicators.csv`, `grdp_growth-current.csv`, `poverty_rate.zip`, … */
export async function downloads(): Promise<Map<string, Download>> {
	return madeDownloads(await loadArchive());
}

/** Every figure of every version of every published report of the archive's own line, as the downloads give them: what its embeds draw. */
export async function allRows(): Promise<FigureRow[]> {
	return rowsOf(await loadArchive()).line;
}

/** Every figure of every version of every published report of an entity beside the line (`bac_ninh_old`), as the downloads give them. */
export async function shelfRows(shelf: string): Promise<FigureRow[]> {
	return rowsOf(await loadArchive()).shelves.get(shelf) ?? [];
}

/** What a data package holds and cites (`indicators`, or an indicator's id): its citation is the one a printed sheet gives. */
export async function packageOf(name: string): Promise<PackageInput | undefined> {
	return rowsOf(await loadArchive()).packages.get(name);
}

function rowsOf(archive: Archive): Rows {
	let rows = found.get(archive);
	if (!rows) {
		const { everything, packages, line } = downloadInputs(archive, citedAddress(import.meta.env.BASE_URL, import.meta.env.SITE, archive.site.defaultLocale));
		const shelves = new Map<string, FigureRow[]>();
		for (const row of everything) {
			if (!row.shelf) continue;
			const list = shelves.get(row.shelf);
			if (list) list.push(row);
			else shelves.set(row.shelf, [row]);
		}
		rows = { everything, packages: new Map(packages.map((p) => [p.name, p])), line, shelves };
		found.set(archive, rows);
	}
	return rows;
}

async function madeDownloads(archive: Archive): Promise<Map<string, Download>> {
	const known = made.get(archive);
	if (known) return known;
	const { everything, packages } = rowsOf(archive);
	const files = new Map<string, Download>();
	// The ZIPs and workbooks from the cache when the figures did not change since they were made.
	const packed = await cachedPackAll([...packages.values()]);
	for (const input of packages.values()) {
		const { name } = input;
		const named = packageFiles(name);
		files.set(named.csv, { body: Buffer.from(toCsv(input.all)), type: CSV });
		files.set(named.currentCsv, { body: Buffer.from(toCsv(input.current)), type: CSV });
		const { zip, xlsx } = packed.get(name)!;
		files.set(named.zip, { body: zip, type: 'application/zip' });
		files.set(named.xlsx, { body: xlsx, type: XLSX });
	}
	files.set('indicators.json', { body: Buffer.from(toJson(everything, archive.indicators)), type: 'application/json; charset=utf-8' });
	made.set(archive, files);
	return files;
}

/**
 * The route of src/pages/data/ that serves the downloads of one kind. They are named without being
 * made, and keyed by the figures (src/data/page-keys.ts): a rebuild after an edit to a report's
 * text copies them from the last build and never makes any.
 */
export function downloadEndpoint(extension: 'csv' | 'xlsx' | 'zip' | 'json'): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
	return {
		getStaticPaths: async () => {
			const archive = await loadArchive();
			const cacheKey = figuresKey(archive);
			return downloadNames(archive)
				.filter((name) => name.endsWith(`.${extension}`))
				.map((name) => ({ params: { id: name.slice(0, -extension.length - 1) }, cacheKey }));
		},
		GET: async ({ params }) => {
			const file = (await downloads()).get(`${String(params['id'])}.${extension}`)!;
			return new Response(file.body as BodyInit, { headers: { 'content-type': file.type } });
		},
	};
}

/** A download's size in bytes. */
export function sizeOf(download: Download): number {
	return download.body.byteLength;
}
