import type { APIRoute } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { versionWords } from '../../data/versions-model.ts';
import { languagePaths } from '../../data/routes.ts';
import { useStrings } from '../../i18n/index.ts';
import { buildFeedItems, newestFirst, renderFeed } from '../../lib/feed.ts';
import type { Locale } from '../../lib/content/model.ts';
import { pageHref } from '../../lib/paths.ts';

export const getStaticPaths = languagePaths;

/** `/feed.xml` and `/en/feed.xml`: new reports and revisions, in each language. */
export const GET: APIRoute = async ({ props, site }) => {
	const { locale } = props as { locale: Locale };
	const archive = await loadArchive();
	const t = useStrings(locale);
	const absolute = (route: string) => new URL(pageHref(import.meta.env.BASE_URL, locale, archive.site.defaultLocale, route), site).href;
	const words = {
		published: t['feed.published'],
		revised: t['feed.revised'],
		kind: (kind: string) => t[kind === 'correction' ? 'revision.correction' : 'revision.revision'],
	};
	// The archive's own reports and those of the entities beside it, one feed, newest first.
	const items = newestFirst(
		[archive, ...archive.shelves].flatMap((shelf) =>
			buildFeedItems(shelf.reports, shelf.versions, locale, words, (year, version) => versionWords(shelf, year, version, locale), shelf.id),
		),
	);
	const xml = renderFeed(
		{
			title: t['feed.title'](archive.site.title[locale]),
			description: archive.site.description[locale],
			link: absolute(''),
			self: absolute('feed.xml'),
			language: locale,
		},
		items,
		absolute,
	);
	return new Response(xml, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
};
