/**
 * Every download of the archive, made once per checked archive from the same figures the pages
 * show: for the whole archive and for each indicator, the current figures and every version's as
 * CSV, both with the definitions and a README in a ZIP; and the whole archive as JSON. The endpoints
 * under src/pages/data/ serve them, and pages read their sizes for the links.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv, toJson, type FigureRow } from '../lib/downloads.ts';
import type { PackageInput } from '../lib/data-package.ts';
import { cachedPack, cachedPackAll, codeVersion, pruneDownloads, type Packed } from '../workers/download-cache.ts';
import { loadArchive, type Archive } from './archive.ts';
import { buildServices } from '../workers/services.ts';
import { cacheDir } from '../workers/cache-dir.ts';
import { citedAddress, downloadInputs, downloadNames, packageFiles } from './download-inputs.ts';
import { figuresKey } from './page-keys.ts';
import type { APIRoute, GetStaticPaths } from 'astro';

export interface Download {
	/**
	 * The file's bytes. The CSV and JSON are encoded as soon as they are made: held as strings they
	 * were 200 MB of the heap at 1,000 reports for the whole build (UTF-16, for the Vietnamese in
	 * them), and every indicator page counted the UTF-8 bytes of tens of megabytes again for their
	 * sizes (5 s of a cold build). In a build, a CSV's or the JSON's bytes are let go once its route
	 * has served them (the pages read only their sizes, downloadSizes): held to the end, they were
	 * 110 MB of the build's memory at 1,000 reports, through its peak.
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
const texts = new WeakMap<Archive, { files: Map<string, Download>; sizes: Map<string, number> }>();
const packing = new WeakMap<Archive, Promise<Map<string, Packed>>>();
const made = new WeakMap<Archive, Promise<Map<string, Download>>>();

/** The downloads by file name under data/: `indicators.csv`, `grdp_growth-current.csv`, `poverty_rate.zip`, … (a CSV or the JSON a build has served is made again). */
export async function downloads(): Promise<Map<string, Download>> {
	const archive = await loadArchive();
	const packed = await madeDownloads(archive);
	return new Map([
		...downloadNames(archive)
			.filter((name) => !packed.has(name))
			.map((name) => [name, textDownload(archive, name)!] as const),
		...packed,
	]);
}

/** Each download's size in bytes, by file name: what the pages give beside their links. */
export async function downloadSizes(): Promise<Map<string, number>> {
	const archive = await loadArchive();
	const packed = await madeDownloads(archive);
	return new Map([...textDownloads(archive).sizes, ...[...packed].map(([name, file]) => [name, file.body.byteLength] as const)]);
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

/** The CSV files and the JSON, with their sizes: quick to make, here, without waiting for the packages. */
function textDownloads(archive: Archive): { files: Map<string, Download>; sizes: Map<string, number> } {
	let text = texts.get(archive);
	if (!text) {
		const files = new Map<string, Download>();
		for (const name of downloadNames(archive)) {
			const file = makeText(archive, name);
			if (file) files.set(name, file);
		}
		text = { files, sizes: new Map([...files].map(([name, file]) => [name, file.body.byteLength])) };
		texts.set(archive, text);
	}
	return text;
}

/** A CSV file or the JSON, by name, as made for this archive, or made again if a build has served it already; undefined for another name. */
function textDownload(archive: Archive, name: string): Download | undefined {
	return textDownloads(archive).files.get(name) ?? makeText(archive, name);
}

/** A CSV file (a package's every version or current figures) or the JSON, by name; undefined for any other name. */
function makeText(archive: Archive, name: string): Download | undefined {
	const { everything, packages } = rowsOf(archive);
	if (name === 'indicators.json') return { body: Buffer.from(toJson(everything, archive.indicators)), type: 'application/json; charset=utf-8' };
	for (const input of packages.values()) {
		const named = packageFiles(input.name);
		if (name === named.csv) return { body: Buffer.from(toCsv(input.all)), type: CSV };
		if (name === named.currentCsv) return { body: Buffer.from(toCsv(input.current)), type: CSV };
	}
	return undefined;
}

/**
 * Each package's ZIP and workbook, from the downloads' cache when the figures did not change since
 * they were made: during a build on its workers (two in a rebuild, src/integrations/downloads.ts), else here. Once a
 * build made them, it notes for which figures and code (madeBefore); the preview notes nothing.
 */
function packedDownloads(archive: Archive): Promise<Map<string, Packed>> {
	let packed = packing.get(archive);
	if (!packed) {
		const packages = [...rowsOf(archive).packages.values()];
		const { packDownloads } = buildServices();
		const made = packDownloads
			? Promise.all(
					// In two parts, as much work each, one for each worker: every indicator's package, and the
					// whole archive's (which downloadInputs gives first). One worker (a whole build's) packs
					// them in this order: the whole archive's workbook, which takes write-excel-file hundreds
					// of megabytes, packed first coincided with the peak of the pages' start (Vite's
					// bundle, the JSON download), and the build's peak memory at 1,000 reports was 2.38–2.55
					// GB (%M of the Astro process in five cold builds) against 2.21–2.30 GB (three) this way.
					[packages.slice(1), packages.slice(0, 1)].map((part) =>
						packDownloads(part).catch(async (error: unknown) => {
							// A worker that died has said so (a warning) and its service is gone: the packages are
							// made here instead. One that is still there failed on the packages themselves.
							if (buildServices().packDownloads) throw error;
							return cachedPack(part);
						}),
					),
				).then((parts) => {
					pruneDownloads(parts.flatMap((part) => part.kept));
					noteMade(archive);
					return new Map(parts.flatMap((part) => [...part.files]));
				})
			: cachedPackAll(packages);
		// A packing that failed is not kept: the next page asks again (in the preview, once the disk has room).
		packed = made.catch((error: unknown) => {
			packing.delete(archive);
			throw error;
		});
		packing.set(archive, packed);
	}
	return packed;
}

/** The ZIPs and workbooks by file name. */
async function madeDownloads(archive: Archive): Promise<Map<string, Download>> {
	let files = made.get(archive);
	if (!files) {
		files = packedDownloads(archive).then((packed) => {
			const all = new Map<string, Download>();
			for (const [name, { zip, xlsx }] of packed) {
				const named = packageFiles(name);
				all.set(named.zip, { body: zip, type: 'application/zip' });
				all.set(named.xlsx, { body: xlsx, type: XLSX });
			}
			return all;
		});
		files.catch(() => made.delete(archive));
		made.set(archive, files);
	}
	return files;
}

/* ------------------------------------------------------------------------------------------ */
/* Packing early                                                                                */

/** What the last packing was made for: the figures' key and the code's. */
const MADE = 'made.json';

const madeFor = (archive: Archive) => ({ figures: figuresKey(archive), code: codeVersion() });

function noteMade(archive: Archive): void {
	try {
		mkdirSync(cacheDir('downloads'), { recursive: true });
		writeFileSync(join(cacheDir('downloads'), MADE), JSON.stringify(madeFor(archive)));
	} catch {
		// No source to key it by (a copied site): nothing noted, the next build packs early.
	}
}

/** Whether the last build packed the downloads for these figures with this code: then their pages are kept, and none is packed. */
function madeBefore(archive: Archive): boolean {
	try {
		const noted = JSON.parse(readFileSync(join(cacheDir('downloads'), MADE), 'utf8')) as unknown;
		return JSON.stringify(noted) === JSON.stringify(madeFor(archive));
	} catch {
		return false;
	}
}

/**
 * During a build, has the worker start on the packages as soon as Astro has the pages' addresses,
 * unless the last build packed them for the same figures and code: their pages then come from that
 * build, and nothing asks for them. Guessed wrong either way, it costs time, never a stale file:
 * what the pages get is always packed from the figures they show.
 */
export async function startPacking(): Promise<void> {
	if (!buildServices().packDownloads) return;
	const archive = await loadArchive();
	if (!madeBefore(archive)) packedDownloads(archive).catch(() => undefined);
}

/**
 * The route of src/pages/data/ that serves the downloads of one kind. They are named without being
 * made, and keyed by the figures (src/data/page-keys.ts): a rebuild after an edit to a report's
 * text copies them from the last build and never makes any.
 */
export function downloadEndpoint(extension: 'csv' | 'xlsx' | 'zip' | 'json'): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
	return {
		getStaticPaths: async () => {
			if (extension === 'xlsx') await startPacking();
			const archive = await loadArchive();
			const cacheKey = figuresKey(archive);
			return downloadNames(archive)
				.filter((name) => name.endsWith(`.${extension}`))
				.map((name) => ({ params: { id: name.slice(0, -extension.length - 1) }, cacheKey }));
		},
		GET: async ({ params }) => {
			const name = `${String(params['id'])}.${extension}`;
			const archive = await loadArchive();
			if (extension === 'xlsx' || extension === 'zip') {
				const file = (await madeDownloads(archive)).get(name)!;
				return new Response(file.body as BodyInit, { headers: { 'content-type': file.type } });
			}
			const file = textDownload(archive, name)!;
			// A build serves each file once: its bytes go (the pages keep its size). The preview serves them again and again.
			if (!import.meta.env.DEV) textDownloads(archive).files.delete(name);
			return new Response(file.body as BodyInit, { headers: { 'content-type': file.type } });
		},
	};
}
