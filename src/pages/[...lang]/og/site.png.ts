import type { APIRoute } from 'astro';
import { loadArchive } from '../../../data/archive.ts';
import { languagePaths } from '../../../data/routes.ts';
import { siteCard } from '../../../data/social-cards.ts';
import { renderSocialCard } from '../../../workers/social-image.ts';
import type { Locale } from '../../../lib/content/model.ts';

export const getStaticPaths = languagePaths;

/** The picture shared with every page that is not a report. */
export const GET: APIRoute = async ({ props }) => {
	const { locale } = props as { locale: Locale };
	const png = await renderSocialCard(siteCard(await loadArchive(), locale));
	return new Response(png, { headers: { 'content-type': 'image/png' } });
};
