/**
 * Hands each page `astro build` renders to the search indexer (src/integrations/search-index.ts),
 * which reads it on another thread while the next pages render, instead of reading every file
 * again once the build is done. Outside a build there is no collector and pages pass untouched.
 */
import { defineMiddleware } from 'astro:middleware';
import { pageCollector } from './integrations/page-collector.ts';

export const onRequest = defineMiddleware(async (context, next) => {
	const response = await next();
	const collector = pageCollector();
	if (!collector || !response.headers.get('content-type')?.startsWith('text/html')) return response;
	const html = await response.text();
	collector.add(context.url.pathname, html);
	return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
