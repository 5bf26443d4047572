/**
 * The one adapter from Astro's content collections to plain data for lib/ and pages.
 * getCollection is called here only.
 */
import { getCollection } from 'astro:content';
import type { Locale, Report } from '../lib/content/model.ts';
import { earlierOfLine } from '../lib/entities.ts';
import { entityRoute, pageHref } from '../lib/paths.ts';
import { buildSeries, type SeriesPoint } from '../lib/series.ts';
import { contentDir } from './content-files.ts';
import { readHistory } from './history.ts';
import { checkedContent, lastCheck } from './validation.ts';
import { archiveFrom, type Archive, type BodyEntry, type Shelf } from './archive-model.ts';
import { staleEntry } from './rendered-texts.ts';
import type { Entity } from '../schemas/entity.ts';

export type { Archive, Shelf } from './archive-model.ts';

/**
 * Every entity whose reports the archive holds, with the shelf they are on and the reports: the
 * line's entities first, newest first, each with its reports on the archive's own shelf; then each
 * entity beside the line with its own shelf.
 */
export function entitiesWithReports(archive: Archive): { entity: Entity; shelf: Shelf; reports: Report[] }[] {
	// Every report page asks (search's entity filter): found once per archive.
	let found = withReports.get(archive);
	if (!found) withReports.set(archive, (found = findEntitiesWithReports(archive)));
	return found;
}
const withReports = new WeakMap<Archive, { entity: Entity; shelf: Shelf; reports: Report[] }[]>();

function findEntitiesWithReports(archive: Archive): { entity: Entity; shelf: Shelf; reports: Report[] }[] {
	const own = archive.line.map((entity) => ({ entity, shelf: archive as Shelf, reports: archive.reports.filter((r) => r.entity === entity.id) }));
	const beside = archive.shelves.flatMap((shelf) => {
		const entity = archive.register.entities.find((e) => e.id === shelf.id);
		return entity ? [{ entity, shelf, reports: shelf.reports }] : [];
	});
	return [...own, ...beside].filter((e) => e.reports.length > 0);
}

/**
 * An indicator's figures by entity, oldest first (Bắc Giang's and old Bắc Ninh's to 2024, the new
 * Bắc Ninh's from 2025): each entity's own line on a chart, and its own part of a table.
 */
export function seriesByEntity(archive: Archive, indicator: string, locale: Locale): readonly EntitySeries[] {
	// Asked for by every page and picture of the indicator (14 at 1,000 reports), each going through every report: made once.
	let made = byEntity.get(archive);
	if (!made) byEntity.set(archive, (made = new Map()));
	const key = `${indicator}\0${locale}`;
	let found = made.get(key);
	if (!found) made.set(key, (found = findSeriesByEntity(archive, indicator, locale)));
	return found;
}
const byEntity = new WeakMap<Archive, Map<string, readonly EntitySeries[]>>();

/** An entity's own line of an indicator's figures. */
export interface EntitySeries {
	readonly id: string;
	readonly label: string;
	readonly shelf: Shelf;
	readonly series: readonly SeriesPoint[];
	readonly breaks: readonly number[];
}

function findSeriesByEntity(archive: Archive, indicator: string, locale: Locale): EntitySeries[] {
	// An entity's line breaks where the indicator's definition changed; the merger is between lines, not inside one.
	const ownBreaks = (archive.indicators.find((i) => i.id === indicator)?.breaks ?? [])
		.filter((b) => !archive.changes.some((c) => c.note.en === b.note.en && c.note.vi === b.note.vi))
		.map((b) => b.year);
	const first = (series: readonly SeriesPoint[]) => (series.find((p) => !p.boundaries) ?? series[0]!).period;
	return (
		entitiesWithReports(archive)
			.map(({ entity, shelf, reports }) => {
				const own = shelf.series(indicator).filter((p) => reports.some((r) => r.year === p.reportYear));
				// Figures its reports back-date to its boundaries (before it existed) extend its own line backwards.
				const backdated = buildSeries(indicator, reports, 'backdated');
				const series = [...own, ...backdated.filter((p) => !own.some((o) => o.period === p.period))].sort((a, b) => a.period - b.period);
				return { id: entity.id, label: entity.name[locale], shelf, series, breaks: ownBreaks };
			})
			.filter((group) => group.series.length > 0)
			// In the order the entities' own figures begin: a back-dated year does not put a successor first.
			.sort((a, b) => first(a.series) - first(b.series))
	);
}

/**
 * Whose report a page of `shelf` names above its title, with the address of the entity's page: the
 * entity of a shelf beside the line, or an earlier entity of the line (Bắc Giang's 2024 report, in
 * the archive the new Bắc Ninh carries on). Undefined for the present entity's, which goes under the
 * archive's publisher.
 */
export function namedEntity(archive: Archive, shelf: Shelf, year: number, locale: Locale): { name: string; href: string } | undefined {
	const entity = shelf.id
		? archive.register.entities.find((e) => e.id === shelf.id)
		: earlierOfLine(archive.line, shelf.reports.find((r) => r.year === year)?.entity);
	return entity && { name: entity.name[locale], href: pageHref(import.meta.env.BASE_URL, locale, archive.site.defaultLocale, entityRoute(entity.id)) };
}

/** The entity search can filter a report's page by: only where the archive holds the reports of more than one. */
export function searchEntity(archive: Archive, report: Report): string | undefined {
	return entitiesWithReports(archive).length > 1 ? report.entity : undefined;
}

let archive: { check: object | undefined; value: Promise<{ archive: Archive; entries: BodyEntry[] }> } | undefined;

/**
 * Loads the archive once per checked state of the content: once in a build. In the preview, the
 * check every request makes (src/middleware.ts) sees an edit as soon as it is saved, and the pages
 * follow it at once instead of when Astro next reloads this module; and as the pages read Astro's
 * store a moment after the report loader changed it, an archive made with a text's entry from before
 * is made again once the store has the new one (staleEntry): else the page kept the old text.
 */
export async function loadArchive(): Promise<Archive> {
	const check = lastCheck();
	const stale = async () => import.meta.env.DEV && (await archive!.value).entries.some(staleEntry);
	if (!archive || (check !== undefined && archive.check !== check) || (await stale())) {
		const value = readArchive();
		// readArchive checks the content first when nothing has (a page module loaded on its own).
		archive = { check: lastCheck(), value };
	}
	return (await archive.value).archive;
}

async function readArchive(): Promise<{ archive: Archive; entries: BodyEntry[] }> {
	// The archive is the checks' own result (src/data/validation.ts): the same figure objects, read
	// once. The collections are used only for what Astro renders, the reports' MDX bodies.
	const content = checkedContent(contentDir(), readHistory);
	const [reportEntries, translationEntries] = await Promise.all([getCollection('reports'), getCollection('translations')]);
	const entries = [...reportEntries, ...translationEntries];
	// Entries by id: `2024`, `2024.en`, another entity's `bac_ninh_old/2023`.
	return { archive: archiveFrom(content, new Map(entries.map((e) => [e.id, e]))), entries };
}
