import type { APIRoute } from 'astro';
import { renderSitemapIndex } from '../lib/sitemap.ts';

export const GET: APIRoute = ({ site }) =>
	new Response(renderSitemapIndex(new URL(`${import.meta.env.BASE_URL}sitemap-0.xml`, site).href), {
		headers: { 'content-type': 'application/xml; charset=utf-8' },
	});
