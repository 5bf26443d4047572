import type { APIRoute } from 'astro';
import { entitiesWithReports, loadArchive } from '../data/archive.ts';
import { entityRoute, locales, pageHref, reportRoute } from '../lib/paths.ts';
import { renderSitemap } from '../lib/sitemap.ts';

/** Every indexable page in both languages. */
export const GET: APIRoute = async ({ site }) => {
	const archive = await loadArchive();
	const entries = [
		{ route: '' },
		...archive.reports.map((r) => ({ route: reportRoute(r.year), lastmod: archive.versions(r.year).at(-1)?.date || r.published })),
		...entitiesWithReports(archive).map(({ entity }) => ({ route: entityRoute(entity.id) })),
		...archive.shelves.flatMap((shelf) =>
			shelf.reports.map((r) => ({ route: reportRoute(r.year, undefined, shelf.id), lastmod: shelf.versions(r.year).at(-1)?.date || r.published })),
		),
		{ route: 'indicators/' },
		...archive.indicators.map((i) => ({ route: `indicators/${i.id}/` })),
		{ route: 'compare/' },
		{ route: 'search/' },
	];
	const absolute = (locale: Parameters<typeof pageHref>[1], route: string) =>
		new URL(pageHref(import.meta.env.BASE_URL, locale, archive.site.defaultLocale, route), site).href;
	return new Response(renderSitemap(entries, locales(archive.site.defaultLocale), absolute), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
