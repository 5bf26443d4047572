/**
 * The archive as pages read it, made from the checked content (src/data/validation.ts) and the MDX
 * entries Astro renders a report's text from: the archive's own shelf and each other entity's, with
 * their versions and series. Pure: src/data/archive.ts hands it Astro's collections, and the build's
 * prefetch (src/workers/prefetch.ts) the same content with no entries, for what needs no text.
 */
import type { CollectionEntry } from 'astro:content';
import type { Indicator, Locale, Report, Site } from '../lib/content/model.ts';
import type { History } from '../lib/versions/history.ts';
import type { ReportState } from '../lib/versions/read-state.ts';
import type { Change, Entity, Register } from '../schemas/entity.ts';
import { buildFirstSeries, buildSeries, type SeriesPoint } from '../lib/series.ts';
import { compareVersions, type Version, type VersionComparison } from '../lib/versions/versions.ts';
import { lineBreaks, lineChanges } from '../lib/entities.ts';
import type { CheckedContent } from './validation.ts';
import { buildVersionsModel, type VersionsModel } from './versions-model.ts';

/**
 * A shelf of reports: the archive's own (`reports/`, its line of entities) or the reports of one entity
 * outside the line (`reports/bac_ninh_old/`), each with its versions, series and texts.
 */
export interface Shelf {
	/** '' for the archive's own reports; else the entity's id, the folder its reports are in. */
	id: string;
	/** Published reports (drafts left out), oldest first. */
	reports: Report[];
	/** The MDX entry to render for a report in a language, when it is written in that language. */
	body(year: number, locale: Locale): CollectionEntry<'reports'> | CollectionEntry<'translations'> | undefined;
	/** Every version of a report, oldest first; only the current one without history. */
	versions(year: number): Version[];
	/** An indicator's series from the latest version of every report. */
	series(indicator: string): SeriesPoint[];
	/** An indicator's series as first published. */
	firstSeries(indicator: string): SeriesPoint[];
	/** An earlier version's text in a language, as it stood in that version's commit. */
	versionText(year: number, version: Version, locale: Locale): ReportState | undefined;
	/** Just the body of that text, when it can be read. */
	versionBody(year: number, version: Version, locale: Locale): string | undefined;
	/**
	 * What an earlier version's page shows in a language: its text in that language when it had one,
	 * else in the report's own language; undefined when the version cannot be read.
	 */
	shownText(year: number, version: Version, locale: Locale): { text: Extract<ReportState, { ok: true }>; locale: Locale } | undefined;
	/** Whether a text shownText gives is still the current one, whose HTML the content store holds (src/data/versions-model.ts). */
	stillCurrent: VersionsModel['stillCurrent'];
	/**
	 * What changed at each step from one version to the next (`steps[i]` leads from `versions[i]` to
	 * `versions[i + 1]`), with the prose compared in a language; undefined where a version cannot be read.
	 */
	steps(year: number, locale: Locale): (VersionComparison | undefined)[];
}

/** The archive: its own shelf of reports, and the shelves of other entities it holds beside them. */
export interface Archive extends Shelf {
	site: Site;
	/** The catalogue, with a break in every series where the archive's line passes from one entity to the next. */
	indicators: Indicator[];
	/** The register of entities (content/entities.yaml), or the publisher's alone. */
	register: Register;
	/** The archive's line of entities, newest first: whose its reports are. */
	line: Entity[];
	/** The changes the line went through (a merger), oldest first: marked on every chart. */
	changes: Change[];
	/** The reports of entities outside the line, one shelf each, by entity id; those with no published report left out. */
	shelves: Shelf[];
	/** The reports' git history, or why there is none. */
	history: History;
}

/** The MDX entry of a report's text in one language. */
export type BodyEntry = CollectionEntry<'reports'> | CollectionEntry<'translations'>;

/** The archive from its checked content, with `entries` by id (`2024`, `2024.en`, `bac_ninh_old/2023`) for the texts. */
export function archiveFrom({ archive: checked, history, model, files }: CheckedContent, entries: ReadonlyMap<string, BodyEntry>): Archive {
	const { site, register, line } = checked;
	const reports = checked.reports.filter((r) => !r.draft);
	// Where the line passes to a successor, every series breaks: its figures are never drawn or
	// compared as one line with its predecessor's.
	const breaks = lineBreaks(
		register,
		line,
		reports.map((r) => r.year),
	);
	const indicators = checked.indicators.map((indicator) => {
		const added = breaks.filter((b) => !indicator.breaks.some((own) => own.year === b.year));
		return added.length ? { ...indicator, breaks: [...indicator.breaks, ...added].sort((a, b) => a.year - b.year) } : indicator;
	});
	const shelves = checked.shelves.flatMap((shelf) => {
		const published = shelf.reports.filter((r) => !r.draft);
		if (published.length === 0) return [];
		const shelfModel = buildVersionsModel(files, history, published, site.defaultLocale, checked.indicators, shelf.entity);
		return [shelfOf(shelf.entity, published, shelfModel, entries, site.defaultLocale)];
	});
	return {
		...shelfOf('', reports, model, entries, site.defaultLocale),
		site,
		indicators,
		register,
		line,
		changes: lineChanges(register, line),
		shelves,
		history,
	};
}

/** One shelf's reports with their versions, series and texts, each built once per build. */
function shelfOf(id: string, reports: Report[], model: VersionsModel, entries: ReadonlyMap<string, BodyEntry>, defaultLocale: Locale): Shelf {
	const { versionText, shownText, stillCurrent } = model;
	const versions = new Map(reports.map((r) => [r.year, model.versions(r.year)]));
	const folder = id ? `${id}/` : '';

	const versionBody = (year: number, version: Version, locale: Locale): string | undefined => {
		const state = versionText(year, version, locale);
		return state?.ok ? state.body : undefined;
	};

	// Every page asks for series: build each once per build, not once per row of every page.
	const seriesCache = new Map<string, SeriesPoint[]>();
	const firstCache = new Map<string, SeriesPoint[]>();
	const stepsCache = new Map<string, (VersionComparison | undefined)[]>();
	const memo = <T>(cache: Map<string, T>, key: string, make: () => T): T => {
		if (!cache.has(key)) cache.set(key, make());
		return cache.get(key)!;
	};

	return {
		id,
		reports,
		body: (year, locale) => entries.get(locale === defaultLocale ? `${folder}${year}` : `${folder}${year}.${locale}`),
		versions: (year) => versions.get(year) ?? [],
		series: (indicator) => memo(seriesCache, indicator, () => buildSeries(indicator, reports)),
		firstSeries: (indicator) =>
			memo(firstCache, indicator, () =>
				buildFirstSeries(
					indicator,
					reports.map((r) => ({ year: r.year, versions: (versions.get(r.year) ?? []).flatMap((v) => (v.state.ok ? [v.state.figures] : [])) })),
				),
			),
		versionText,
		versionBody,
		shownText,
		stillCurrent,
		// Each step shows on the report page and on both versions' pages: compare once per language.
		steps: (year, locale) =>
			memo(stepsCache, `${year}/${locale}`, () => {
				const list = versions.get(year) ?? [];
				return list.slice(1).map((to, i) => compareVersions(list[i]!, to, { from: versionBody(year, list[i]!, locale), to: versionBody(year, to, locale) }));
			}),
	};
}
