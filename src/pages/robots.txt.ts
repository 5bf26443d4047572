import type { APIRoute } from 'astro';

/** Everything may be crawled; earlier versions carry noindex themselves. */
export const GET: APIRoute = ({ site }) =>
	new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(`${import.meta.env.BASE_URL}sitemap-index.xml`, site).href}\n`, {
		headers: { 'content-type': 'text/plain; charset=utf-8' },
	});
