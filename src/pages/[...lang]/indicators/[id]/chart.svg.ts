import type { APIRoute } from 'astro';
import { chartPicture } from '../../../../data/chart-pictures.ts';
import { indicatorPaths } from '../../../../data/routes.ts';
import type { Locale } from '../../../../lib/content/model.ts';

export const getStaticPaths = indicatorPaths;

/** The indicator's chart as SVG: title, subtitle, legend, source and address (src/lib/chart-svg.ts). */
export const GET: APIRoute = async ({ props }) => {
	const { locale, id } = props as { locale: Locale; id: string };
	return new Response(await chartPicture(id, locale), { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
};
