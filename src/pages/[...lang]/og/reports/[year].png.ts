import type { APIRoute } from 'astro';
import { loadArchive } from '../../../../data/archive.ts';
import { languagePaths } from '../../../../data/routes.ts';
import { reportPagesKey } from '../../../../data/page-keys.ts';
import { reportCard } from '../../../../data/social-cards.ts';
import { renderSocialCard } from '../../../../workers/social-image.ts';
import type { Locale } from '../../../../lib/content/model.ts';

export async function getStaticPaths() {
	const archive = await loadArchive();
	return (await languagePaths()).flatMap(({ params, props }) =>
		archive.reports.map((r) => ({
			params: { ...params, year: String(r.year) },
			props: { ...props, year: r.year },
			cacheKey: reportPagesKey(archive, archive, r.year),
		})),
	);
}

/** The picture shared with a report: its title, year and version, and its first headline figure. */
export const GET: APIRoute = async ({ props }) => {
	const { locale, year } = props as { locale: Locale; year: number };
	const png = await renderSocialCard(reportCard(await loadArchive(), year, locale));
	return new Response(png, { headers: { 'content-type': 'image/png' } });
};
