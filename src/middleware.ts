/**
 * Hands each page `astro build` renders to the search indexer (src/integrations/search-index.ts),
 * which reads it on another thread while the next pages render, instead of reading every file
 * again once the build is done. Outside a build there is no indexer and pages pass untouched.
 */
import { defineMiddleware } from 'astro:middleware';
import { buildServices } from './integrations/build-services.ts';

export const onRequest = defineMiddleware(async (context, next) => {
	const response = await next();
	const { addPage } = buildServices();
	if (!addPage || !response.headers.get('content-type')?.startsWith('text/html')) return response;
	const html = await response.text();
	addPage(context.url.pathname, html);
	return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
