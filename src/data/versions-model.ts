/**
 * The reports' versions, from git history and the content files on disk: shared by the pages
 * (src/data/archive.ts) and the build's early start on earlier versions' text and social cards
 * (src/workers/prefetch.ts), which runs before Astro's collections exist.
 */
import { reportFilePath, reportShelf } from '../lib/paths.ts';
import type { Indicator, Locale, Report } from '../lib/content/model.ts';
import { couldHaveBeenPublished, recordCatalogue } from '../lib/versions/record.ts';
import { buildVersions, translationAt, type Version } from '../lib/versions/versions.ts';
import { readStateLeniently, type ReportState } from '../lib/versions/read-state.ts';
import type { History } from '../lib/versions/history.ts';
import type { ContentFiles } from '../lib/validate/problems.ts';
import { needsMdx } from '../lib/content/mdx-syntax.ts';

export interface VersionsModel {
	/** Every version of a report, oldest first; only the current one without history. */
	versions(year: number): Version[];
	/** A version's text in a language, as it stood in that version's commit. */
	versionText(year: number, version: Version, locale: Locale): ReportState | undefined;
	/**
	 * What an earlier version's page shows in a language: its text in that language when it had one,
	 * else in the report's own language; undefined when the version cannot be read.
	 */
	shownText(year: number, version: Version, locale: Locale): { text: Extract<ReportState, { ok: true }>; locale: Locale } | undefined;
	/**
	 * The bodies earlier versions' pages render, in the order the build renders those pages: not a
	 * text that is still the current one, whose page shows the current page's HTML
	 * (src/components/VersionPage.astro).
	 */
	earlierBodies(languages: readonly Locale[]): string[];
	/**
	 * Whether what an earlier version's page shows (shownText) is still the current file's text in
	 * its language, as Markdown the content store renders: the page then shows the current page's HTML.
	 */
	stillCurrent(year: number, shown: { text: { body: string }; locale: Locale }): boolean;
}

export function buildVersionsModel(
	files: ContentFiles,
	history: History,
	reports: readonly Report[],
	defaultLocale: Locale,
	indicators: readonly Indicator[],
	shelf = '',
): VersionsModel {
	// The files of this shelf alone: the archive's own (`reports/2024.mdx`) or one entity's (`reports/bac_ninh_old/2023.mdx`).
	const own = files.reports.filter((f) => reportShelf(f.path) === shelf);
	const folder = shelf ? `reports/${shelf}/` : 'reports/';
	// A committed state the checks refused never reached readers, so it is no version (src/lib/versions/record.ts).
	const catalogue = recordCatalogue(history, indicators);
	const versions = new Map<number, Version[]>();
	for (const report of reports) {
		const file = own.find((f) => f.path.endsWith(`/${report.year}.mdx`) || f.path.endsWith(`/${report.year}.md`));
		if (!file) continue;
		const list = buildVersions(history, reportFilePath(file.path), report.year, file.text, (state, commit) =>
			couldHaveBeenPublished(state, report.year, catalogue, commit),
		).versions;
		// The current version shows the checked report's own figures: the very objects the pages,
		// charts and downloads read, not a second reading of the same file.
		const current = list.at(-1);
		if (current?.current && current.state.ok) current.state = { ...current.state, figures: report.figures };
		versions.set(report.year, list);
	}

	// The current translations, read once: every page of a report and its key ask for them.
	const currentTranslations = new Map<string, ReportState | undefined>();
	const versionText = (year: number, version: Version, locale: Locale): ReportState | undefined => {
		if (locale === defaultLocale) return version.state;
		const path = `${folder}${year}.${locale}.mdx`;
		if (version.current) {
			if (!currentTranslations.has(path)) {
				const file = own.find((f) => f.path.endsWith(`/${year}.${locale}.mdx`));
				currentTranslations.set(path, file ? readStateLeniently(file.text, year) : undefined);
			}
			return currentTranslations.get(path);
		}
		return translationAt(history, path, year, version.commit?.hash);
	};

	const shownText = (year: number, version: Version, locale: Locale) => {
		if (!version.state.ok) return undefined;
		const translated = versionText(year, version, locale);
		return translated?.ok && translated.body.trim() ? { text: translated, locale } : { text: version.state, locale: defaultLocale };
	};

	const stillCurrent = (year: number, shown: { text: { body: string }; locale: Locale }) => {
		const current = versions.get(year)?.find((v) => v.current);
		const now = current && versionText(year, current, shown.locale);
		return now?.ok === true && now.body.trim() === shown.text.body.trim() && !needsMdx(now.body);
	};

	return {
		versions: (year) => versions.get(year) ?? [],
		versionText,
		shownText,
		stillCurrent,
		earlierBodies: (languages) => {
			const bodies: string[] = [];
			for (const locale of languages) {
				for (const report of reports) {
					for (const version of versions.get(report.year) ?? []) {
						const shown = version.current ? undefined : shownText(report.year, version, locale);
						if (shown && !stillCurrent(report.year, shown)) bodies.push(shown.text.body);
					}
				}
			}
			return bodies;
		},
	};
}

/**
 * A version's title and summary in a language as they stood then: its translation of the time when
 * it had one, else its own language; the current report's for the current version.
 */
export function versionWords(
	archive: { reports: readonly Report[]; versionText: VersionsModel['versionText'] },
	year: number,
	version: Version,
	locale: Locale,
): { title: string; summary: string } | undefined {
	const report = archive.reports.find((r) => r.year === year);
	if (version.current && report) return report.text[locale] ?? report.text[report.lang];
	const translated = archive.versionText(year, version, locale);
	if (translated?.ok && translated.title && translated.summary) return { title: translated.title, summary: translated.summary };
	return version.state.ok && version.state.title && version.state.summary ? { title: version.state.title, summary: version.state.summary } : undefined;
}
