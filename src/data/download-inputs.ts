/**
 * What the downloads are made of (src/data/downloads.ts): every figure row of every version, the
 * current ones, and one data package for the whole archive and one per indicator, each with its
 * rows. Pure, from the archive pages read, so the build's prefetch can make the same inputs.
 */
import { buildFigureRows, currentFigureRows, type FigureRow } from '../lib/downloads.ts';
import type { PackageInput } from '../lib/data-package.ts';
import type { Locale } from '../lib/content/model.ts';
import { pageHref } from '../lib/paths.ts';
import type { Archive } from './archive.ts';

export interface DownloadInputs {
	/** Every row of every version: the archive's own, then each other entity's. */
	everything: FigureRow[];
	/** The archive's own line's rows alone: what its embeds draw. */
	line: FigureRow[];
	/** `indicators` first, then each indicator's, in catalogue order. */
	packages: PackageInput[];
}

/** A route's absolute address in the archive's own language, as a package's citation gives it: the site's address (`SITE`) and base (`BASE_URL`). */
export function citedAddress(base: string, site: string | undefined, locale: Locale): (route: string) => string {
	return (route) => new URL(pageHref(base, locale, locale, route), site).href;
}

/** The packages' names, in the order downloadInputs makes them: the whole archive's, then each indicator's. */
export function packageNames(archive: Pick<Archive, 'indicators'>): string[] {
	return ['indicators', ...archive.indicators.map((i) => i.id)];
}

/** The files of a package: every version's figures and the current ones as CSV, the data package and the workbook. */
export function packageFiles(name: string): { csv: string; currentCsv: string; zip: string; xlsx: string } {
	return { csv: `${name}.csv`, currentCsv: `${name}-current.csv`, zip: `${name}.zip`, xlsx: `${name}.xlsx` };
}

/** Every file of the downloads, by name (src/pages/data/): each package's, and the whole archive as JSON. */
export function downloadNames(archive: Pick<Archive, 'indicators'>): string[] {
	return [...packageNames(archive).flatMap((name) => Object.values(packageFiles(name))), 'indicators.json'];
}

/** The downloads' inputs; `address` gives a route's absolute address, for a package's citation. */
export function downloadInputs(archive: Archive, address: (route: string) => string): DownloadInputs {
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
	const input = (
		name: string,
		title: (typeof site)['title'],
		chosen: typeof indicators,
		rowsAll: FigureRow[],
		rowsCurrent: FigureRow[],
		url: string,
	): PackageInput => ({
		name,
		title,
		indicators: chosen,
		current: rowsCurrent,
		all: rowsAll,
		publisher: site.publisher,
		archiveTitle: site.title,
		url,
	});
	// Each indicator's rows, in the order of the whole archive's, sorted out in one pass (filtering
	// them for each indicator went over every row forty times: 0.4 s of every build at 1,000 reports).
	const byIndicator = (rows: FigureRow[]) => {
		const lists = new Map<string, FigureRow[]>(indicators.map((i) => [i.id, []]));
		for (const row of rows) lists.get(row.indicator)?.push(row);
		return lists;
	};
	const everyByIndicator = byIndicator(everything);
	const currentByIndicator = byIndicator(current);
	const packages = [
		input('indicators', site.title, indicators, everything, current, address('indicators/')),
		...indicators.map((indicator) =>
			input(
				indicator.id,
				indicator.label,
				[indicator],
				everyByIndicator.get(indicator.id)!,
				currentByIndicator.get(indicator.id)!,
				address(`indicators/${indicator.id}/`),
			),
		),
	];
	return { everything, line: all, packages };
}
