/**
 * Hands each page `astro build` renders to the search indexer (src/workers/search/indexer.ts),
 * which reads it on another thread while the next pages render, instead of reading every file
 * again once the build is done. Outside a build there is no indexer and pages pass untouched.
 *
 * In `npm run dev`, every page first checks the content (src/data/dev-check.ts), so an error shows
 * in the browser's error overlay with the check's message and place instead of a stale page.
 */
import { defineMiddleware } from 'astro:middleware';
import { buildServices } from './workers/services.ts';

export const onRequest = defineMiddleware(async (context, next) => {
	if (import.meta.env.DEV) (await import('./data/dev-check.ts')).assertContentForPreview();
	const response = await next();
	const { addPage } = buildServices();
	if (!addPage || !response.headers.get('content-type')?.startsWith('text/html')) return response;
	const html = await response.text();
	addPage(context.url.pathname, html);
	return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
