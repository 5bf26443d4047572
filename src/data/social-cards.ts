/**
 * The social cards of the archive (src/pages/[...lang]/og/): what each says, so the pages that
 * serve them and the build's early start on them (src/workers/prefetch.ts) draw the same ones.
 */
import { useStrings } from '../i18n/index.ts';
import { formatValue } from '../lib/format.ts';
import type { Indicator, Locale, Report, Site } from '../lib/content/model.ts';
import { earlierOfLine } from '../lib/entities.ts';
import type { Entity } from '../schemas/entity.ts';
import { locales } from '../lib/paths.ts';
import { socialCardSvg, type SocialCard } from '../lib/social-image.ts';
import type { Version } from '../lib/versions/versions.ts';
import { versionWords, type VersionsModel } from './versions-model.ts';

/** What the cards are drawn from: the checked archive's published reports and their versions (the pages' Archive is one). */
export interface CardSource {
	site: Site;
	indicators: readonly Indicator[];
	reports: readonly Report[];
	versions: VersionsModel['versions'];
	versionText: VersionsModel['versionText'];
	/** The archive's line of entities, newest first (Archive.line): a report of an earlier one says whose it is. */
	line: readonly Pick<Entity, 'id' | 'name'>[];
}

/** The card shared with every page that is not a report. */
export function siteCard(archive: CardSource, locale: Locale): SocialCard {
	const { site, reports } = archive;
	const years = reports.map((r) => r.year);
	return {
		kicker: site.publisher[locale],
		title: site.title[locale],
		subtitle: years.length ? `${Math.min(...years)}–${Math.max(...years)}` : '',
		footer: site.description[locale],
	};
}

/**
 * The card shared with a report: its title, year and version, and its first headline figure; for
 * an earlier `version`, its own title and figure as they stood then. The kicker names whose report
 * it is: the archive's publisher for its present entity's, the entity for an earlier one of its
 * line's (Bắc Giang's 2024 report, in the archive the new Bắc Ninh continues), and `kicker` for an
 * entity beside the line.
 */
export function reportCard(archive: CardSource, year: number, locale: Locale, version?: Version, kicker?: string): SocialCard {
	const t = useStrings(locale);
	const report = archive.reports.find((r) => r.year === year)!;
	const shown = version ?? archive.versions(year).at(-1);
	const text = (shown && versionWords(archive, year, shown, locale)) ?? report.text[locale] ?? report.text[report.lang]!;
	const figures = version ? (version.state.ok ? version.state.figures : []) : report.figures;
	const headline = archive.site.headline
		.map((id) => ({
			indicator: archive.indicators.find((i) => i.id === id),
			figure: figures.find((f) => f.indicator === id && f.period === year && f.value !== undefined),
		}))
		.find((h) => h.indicator && h.figure);
	const earlier = earlierOfLine(archive.line, report.entity);
	return {
		kicker: kicker ?? earlier?.name[locale] ?? archive.site.publisher[locale],
		title: text.title,
		// No version number: a version whose title and headline figure are the current ones shares its card.
		subtitle: `${t['report.year']} ${year}`,
		figure: headline
			? { label: headline.indicator!.label[locale], value: formatValue(headline.figure!.value!, headline.indicator!, locale, headline.figure!.decimals?.value) }
			: undefined,
		footer: archive.site.title[locale],
	};
}

/** The earlier versions that have a page, and so a card: their own, or the current one when it says the same. */
export function earlierVersions(archive: Pick<CardSource, 'versions'>, year: number): Version[] {
	return archive.versions(year).filter((v) => !v.current && v.state.ok);
}

/**
 * The card route of an earlier version's page: `og/reports/2024/v1.png` when its title or headline
 * figure differs from the current version's, else the current card, `og/reports/2024.png`, so an
 * archive does not draw and store the same picture once per version.
 */
export function versionCardRoute(archive: CardSource, year: number, version: Version, locale: Locale): string {
	const own = socialCardSvg(reportCard(archive, year, locale, version));
	return own === socialCardSvg(reportCard(archive, year, locale)) ? `og/reports/${year}.png` : `og/reports/${year}/v${version.number}.png`;
}

/** The earlier versions of a report that need a card of their own in a language. */
export function versionsWithOwnCard(archive: CardSource, year: number, locale: Locale): Version[] {
	return earlierVersions(archive, year).filter((v) => versionCardRoute(archive, year, v, locale).includes('/v'));
}

/** Every card of the archive, in the order the build renders their pages. */
export function allCards(archive: CardSource): SocialCard[] {
	const languages = locales(archive.site.defaultLocale);
	return [
		...languages.map((locale) => siteCard(archive, locale)),
		...languages.flatMap((locale) => archive.reports.map((r) => reportCard(archive, r.year, locale))),
		...languages.flatMap((locale) =>
			archive.reports.flatMap((r) => versionsWithOwnCard(archive, r.year, locale).map((v) => reportCard(archive, r.year, locale, v))),
		),
	];
}
