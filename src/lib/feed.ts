/**
 * The RSS 2.0 feed: one item for each new report and one for each correction or revision.
 */
import { reportRoute } from './paths.ts';
import { escapeXml } from './xml.ts';
import type { Locale, Report } from './content/model.ts';
import { noteIn } from './content/model.ts';
import type { Version } from './versions/versions.ts';

export interface FeedItem {
	title: string;
	/** Route inside the language, e.g. `reports/2024/` or `reports/2024/v1/`. */
	route: string;
	/** YYYY-MM-DD */
	date: string;
	description: string;
	/** A permanent id for the item. */
	guid: string;
}

export interface FeedWords {
	published: (year: number, title: string) => string;
	revised: (year: number, kind: string, version: number) => string;
	kind: (kind: string) => string;
}

/** How many items a feed holds: the newest; older ones stay on the site. */
export const FEED_LENGTH = 100;

/**
 * Feed items, newest first: each report when first published and each later version, each with
 * the title, summary and address of that version (a superseded one links to its frozen page).
 * `textOf` gives a version's title and summary in the feed's language, as they stood then.
 */
export function buildFeedItems(
	reports: readonly Report[],
	versionsOf: (year: number) => Version[],
	locale: Locale,
	words: FeedWords,
	textOf: (year: number, version: Version) => { title: string; summary: string } | undefined,
	/** The shelf the reports are on: '' for the archive's own, an entity's id for the reports of one beside it. */
	shelf = '',
): FeedItem[] {
	const items: FeedItem[] = [];
	for (const report of reports) {
		const fallback = report.text[locale] ?? report.text[report.lang]!;
		for (const version of versionsOf(report.year)) {
			const text = textOf(report.year, version) ?? (version.current ? fallback : undefined);
			const route = reportRoute(report.year, version.current ? undefined : version.number, shelf);
			const guid = `report-${shelf ? `${shelf}-` : ''}${report.year}-v${version.number}`;
			if (!version.revision) {
				items.push({ title: words.published(report.year, (text ?? fallback).title), route, date: version.date, description: text?.summary ?? '', guid });
				continue;
			}
			const note = version.revision.note ? noteIn(version.revision.note, locale, report.lang).text : '';
			items.push({
				title: words.revised(report.year, words.kind(version.revision.kind), version.number),
				route,
				date: version.date,
				description: [note, text?.summary].filter(Boolean).join('\n\n'),
				guid,
			});
		}
	}
	return newestFirst(items);
}

/** Feed items newest first, at most FEED_LENGTH of them. */
export function newestFirst(items: readonly FeedItem[]): FeedItem[] {
	return [...items].sort((a, b) => b.date.localeCompare(a.date) || b.guid.localeCompare(a.guid)).slice(0, FEED_LENGTH);
}

/** RFC 822 date, as RSS 2.0 wants: "Mon, 30 Jun 2025 00:00:00 GMT". */
export function rfc822(date: string): string {
	return new Date(`${date}T00:00:00Z`).toUTCString();
}

/** The feed as RSS 2.0 XML. `absolute` turns a route into a full address. */
export function renderFeed(
	channel: { title: string; description: string; link: string; self: string; language: Locale },
	items: readonly FeedItem[],
	absolute: (route: string) => string,
): string {
	const lines = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
		'<channel>',
		`<title>${escapeXml(channel.title)}</title>`,
		`<link>${escapeXml(channel.link)}</link>`,
		`<description>${escapeXml(channel.description)}</description>`,
		`<language>${channel.language}</language>`,
		`<atom:link href="${escapeXml(channel.self)}" rel="self" type="application/rss+xml"/>`,
	];
	if (items[0]) lines.push(`<lastBuildDate>${rfc822(items[0].date)}</lastBuildDate>`);
	for (const item of items) {
		lines.push(
			'<item>',
			`<title>${escapeXml(item.title)}</title>`,
			`<link>${escapeXml(absolute(item.route))}</link>`,
			`<guid isPermaLink="false">${escapeXml(item.guid)}</guid>`,
			`<pubDate>${rfc822(item.date)}</pubDate>`,
			`<description>${escapeXml(item.description)}</description>`,
			'</item>',
		);
	}
	lines.push('</channel>', '</rss>', '');
	return lines.join('\n');
}
