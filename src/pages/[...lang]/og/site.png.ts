import type { APIRoute } from 'astro';
import { loadArchive } from '../../../data/archive.ts';
import { languagePaths } from '../../../data/routes.ts';
import { renderSocialCard } from '../../../data/social-image.ts';
import type { Locale } from '../../../lib/model.ts';

export const getStaticPaths = languagePaths;

/** The picture shared with every page that is not a report. */
export const GET: APIRoute = async ({ props }) => {
	const { locale } = props as { locale: Locale };
	const { site, reports } = await loadArchive();
	const years = reports.map((r) => r.year);
	const png = await renderSocialCard({
		kicker: site.publisher[locale],
		title: site.title[locale],
		subtitle: years.length ? `${Math.min(...years)}–${Math.max(...years)}` : '',
		footer: site.description[locale],
	});
	return new Response(png, { headers: { 'content-type': 'image/png' } });
};
