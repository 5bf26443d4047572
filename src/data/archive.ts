/**
 * The one adapter from Astro's content collections to plain data for lib/ and pages.
 * getCollection is called here only.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { figuresFromFrontmatter, type Indicator, type Locale, type Report, type Site } from '../lib/model.ts';
import { locales } from '../lib/paths.ts';
import { buildFirstSeries, buildSeries, type SeriesPoint } from '../lib/series.ts';
import { compareVersions, type History, type ReportState, type Version, type VersionComparison } from '../lib/versions.ts';
import { contentDir, readContentFiles } from './content-files.ts';
import { readHistory } from './history.ts';
import { buildVersionsModel } from './versions-model.ts';

export interface Archive {
	site: Site;
	indicators: Indicator[];
	/** Published reports (drafts left out), oldest first. */
	reports: Report[];
	/** The MDX entry to render for a report in a language, when it is written in that language. */
	body(year: number, locale: Locale): CollectionEntry<'reports'> | CollectionEntry<'translations'> | undefined;
	/** The reports' git history, or why there is none. */
	history: History;
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
	/**
	 * What changed at each step from one version to the next (`steps[i]` leads from `versions[i]` to
	 * `versions[i + 1]`), with the prose compared in a language; undefined where a version cannot be read.
	 */
	steps(year: number, locale: Locale): (VersionComparison | undefined)[];
}

let archive: Promise<Archive> | undefined;

/** Loads the archive once per build. */
export function loadArchive(): Promise<Archive> {
	archive ??= readArchive();
	return archive;
}

async function readArchive(): Promise<Archive> {
	const [siteEntries, indicatorEntries, reportEntries, translationEntries] = await Promise.all([
		getCollection('site'),
		getCollection('indicators'),
		getCollection('reports'),
		getCollection('translations'),
	]);
	const site = siteEntries[0]!.data;
	const indicators: Indicator[] = indicatorEntries.sort((a, b) => a.data.order - b.data.order).map(({ data: { order: _, ...indicator } }) => indicator);
	const translations = new Map(translationEntries.map((e) => [e.id, e]));
	const mains = new Map(reportEntries.map((e) => [e.data.year, e]));

	const reports: Report[] = reportEntries
		.filter((e) => !e.data.draft)
		.map((e) => {
			const d = e.data;
			const text: Report['text'] = { [site.defaultLocale]: { title: d.title, summary: d.summary } };
			for (const locale of locales(site.defaultLocale)) {
				const t = translations.get(`${d.year}.${locale}`);
				if (t) text[locale] = { title: t.data.title, summary: t.data.summary };
			}
			return {
				year: d.year,
				lang: site.defaultLocale,
				text,
				published: d.published,
				source: d.source,
				draft: d.draft,
				figures: figuresFromFrontmatter(d.year, d.indicators),
				revisions: d.revisions,
			};
		})
		.sort((a, b) => a.year - b.year);

	const dir = contentDir();
	const history = readHistory(dir);
	const model = buildVersionsModel(readContentFiles(dir), history, reports, site.defaultLocale, indicators);
	const { versionText, shownText } = model;
	const versions = new Map(reports.map((r) => [r.year, model.versions(r.year)]));
	// The current version's figures carry the decimals they were written with (30.0), which Astro's
	// reading of the frontmatter loses; they are otherwise the same figures.
	for (const report of reports) {
		const current = versions.get(report.year)?.at(-1);
		if (current?.current && current.state.ok) report.figures = current.state.figures;
	}

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
		site,
		indicators,
		reports,
		history,
		body(year, locale) {
			if (locale === site.defaultLocale) return mains.get(year);
			return translations.get(`${year}.${locale}`);
		},
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
		// Each step shows on the report page and on both versions' pages: compare once per language.
		steps: (year, locale) =>
			memo(stepsCache, `${year}/${locale}`, () => {
				const list = versions.get(year) ?? [];
				return list.slice(1).map((to, i) => compareVersions(list[i]!, to, { from: versionBody(year, list[i]!, locale), to: versionBody(year, to, locale) }));
			}),
	};
}
