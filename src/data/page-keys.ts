/**
 * The cache keys of Astro's incremental build (`experimental.incrementalBuild`): a page whose key
 * and code are the same as in the last build is copied from it instead of rendered again.
 *
 * A key must change whenever anything the page shows changes, or a reader would get a stale page.
 * So a key is not a list of what the page happens to read today, but everything it is made from:
 * the whole archive's settings, catalogue and entities, the whole source code, and, for a report's
 * pages, the report itself with every version and translation, its neighbours on the shelf, and
 * every figure its panels are judged against (built as the pages build them). Only what belongs to
 * other reports is left out: an edit to one report's text renders that report's pages again, not
 * the other thousands. The figures' pages leave out two things they do not show, and must add them
 * back if they ever do: the texts' bodies, and the commits that hold the versions (figuresKey).
 */
import { createHash } from 'node:crypto';
import type { Locale } from '../lib/content/model.ts';
import type { ReportState } from '../lib/versions/read-state.ts';
import type { Version } from '../lib/versions/versions.ts';
import { locales } from '../lib/paths.ts';
import { buildPanel, type PanelGroup } from '../lib/panel.ts';
import { sourceVersion } from '../workers/source-version.ts';
import { entitiesWithReports, type Archive, type Shelf } from './archive.ts';

/** A hash of the JSON of what is given, in order. */
function digest(...parts: unknown[]): string {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(JSON.stringify(part) ?? 'undefined').update('\n');
	return hash.digest('hex');
}

/** The value kept for `key` in `map`, made the first time it is asked for. */
function once<K extends object | number, V>(map: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, make: () => V): V {
	let value = map.get(key);
	if (value === undefined) map.set(key, (value = make()));
	return value;
}

/** What every page is made from: the code, the settings, the catalogue, the entities and whose reports the archive holds. */
function archiveKey(archive: Archive): string {
	return once(archiveKeys, archive, () =>
		digest(
			sourceVersion(),
			archive.site,
			archive.indicators,
			archive.register,
			archive.line.map((e) => e.id),
			archive.changes,
			archive.history.available,
			entitiesWithReports(archive).map(({ entity, shelf }) => [entity.id, shelf.id]),
		),
	);
}
const archiveKeys = new WeakMap<Archive, string>();

/**
 * A version's text in a language, where it is not the version's own state (the report's language),
 * which the key holds already: the same text twice only made the key slower to make (at 1,000
 * reports a third of the JSON of every report's key).
 */
const OWN_TEXT = "the version's own text";
const ownOrTranslated = (version: Version, text: ReportState | undefined) => (text === version.state ? OWN_TEXT : text);

/** A panel as its rows show it: the indicators are in the archive's key, so by id here. */
const panelShown = (groups: PanelGroup[]) => groups.map((g) => [g.category, g.rows.map(({ indicator, ...row }) => [indicator.id, row])]);

/**
 * The key of a report's page and of its earlier versions' pages, in every language (src/pages/[...lang]/reports/
 * and entities/): the same for all of them, so an edit to the report renders all of them again.
 */
export function reportPagesKey(archive: Archive, shelf: Shelf, year: number): string {
	// Asked for by four routes, in each language: made once.
	return once(
		once(reportKeys, shelf, () => new Map<number, string>()),
		year,
		() => makeReportPagesKey(archive, shelf, year),
	);
}
const reportKeys = new WeakMap<Shelf, Map<number, string>>();

function makeReportPagesKey(archive: Archive, shelf: Shelf, year: number): string {
	const { reports } = shelf;
	const index = reports.findIndex((r) => r.year === year);
	const report = reports[index]!;
	const versions = shelf.versions(year);
	const languages: Locale[] = locales(archive.site.defaultLocale);
	const { indicators, site } = archive;
	return digest(
		archiveKey(archive),
		shelf.id,
		report,
		// The text as written (Markdown or MDX), in each language: its entry's digest, made from its file's path and contents.
		languages.map((l) => shelf.body(year, l)?.digest),
		versions,
		versions.map((v) => languages.map((l) => ownOrTranslated(v, shelf.versionText(year, v, l)))),
		[reports[index - 1]?.year, reports[index + 1]?.year],
		// The report's figures and each version's, judged against the shelf's series as the pages judge them.
		panelShown(buildPanel(report, shelf.series, indicators, site.headline)),
		versions.map((v) => (v.state.ok ? panelShown(buildPanel({ ...report, figures: v.state.figures }, shelf.series, indicators, site.headline)) : undefined)),
	);
}

/**
 * The key of the pages and files made from the archive's figures (an indicator's page, chart and
 * embed, the downloads, the embeds' data): every report of every shelf with every version and
 * translation, all but their texts' bodies and the commits that hold them, so an edit to a report's
 * prose, committed or not, renders none of them again.
 */
export function figuresKey(archive: Archive): string {
	return once(figuresKeys, archive, () => {
		const languages: Locale[] = locales(archive.site.defaultLocale);
		const withoutBody = (state: ReportState | undefined) => (state?.ok ? { ...state, body: undefined } : state);
		// Which commit holds a version is shown on its report's pages only. The current version's
		// moves with every commit to its file, prose included: whether it is committed is kept.
		const committed = (v: Version) => ({ ...v, commit: v.commit !== undefined, state: withoutBody(v.state) });
		return digest(
			archiveKey(archive),
			[archive, ...archive.shelves].map((shelf) => [
				shelf.id,
				shelf.reports.map((report) => [
					report,
					shelf.versions(report.year).map((v) => [
						committed(v),
						languages.map((l) => {
							const text = shelf.versionText(report.year, v, l);
							return text === v.state ? OWN_TEXT : withoutBody(text);
						}),
					]),
				]),
			]),
		);
	});
}
const figuresKeys = new WeakMap<Archive, string>();
