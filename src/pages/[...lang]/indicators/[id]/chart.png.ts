import type { APIRoute } from 'astro';
import { chartPicture } from '../../../../data/chart-pictures.ts';
import { indicatorPaths } from '../../../../data/routes.ts';
import type { Locale } from '../../../../lib/content/model.ts';
import { renderPicture } from '../../../../workers/social-image.ts';

export const getStaticPaths = indicatorPaths;

/** The indicator's chart as PNG, drawn from its SVG at build time. */
export const GET: APIRoute = async ({ props }) => {
	const { locale, id } = props as { locale: Locale; id: string };
	return new Response(await renderPicture(await chartPicture(id, locale)), { headers: { 'content-type': 'image/png' } });
};
