/**
 * Hands each page `astro build` renders to the search indexer (src/workers/search/indexer.ts),
 * which reads it on another thread while the next pages render, instead of reading every file
 * again once the build is done. Outside a build there is no indexer and pages pass untouched.
 *
 * The editing form (/admin/) is neither indexed nor given the reader pages' policy: it sets its own.
 *
 * In `npm run dev`, every page first checks the content (src/data/dev-check.ts), so an error shows
 * in the browser's error overlay with the check's message and place instead of a stale page.
 */
import { defineMiddleware } from 'astro:middleware';
import { buildServices } from './workers/services.ts';
import { ADMIN_POLICY_HEADER, withPolicy } from './lib/headers.ts';

export const onRequest = defineMiddleware(async (context, next) => {
	if (import.meta.env.DEV) (await import('./data/dev-check.ts')).assertContentForPreview();
	const response = await next();
	// The editing form brings its own policy in place of the one Astro gave every page.
	const adminPolicy = response.headers.get(ADMIN_POLICY_HEADER);
	if (adminPolicy) {
		const headers = new Headers(response.headers);
		headers.delete(ADMIN_POLICY_HEADER);
		return new Response(withPolicy(await response.text(), adminPolicy), { status: response.status, statusText: response.statusText, headers });
	}
	const { addPage } = buildServices();
	if (!addPage || !response.headers.get('content-type')?.startsWith('text/html')) return response;
	const html = await response.text();
	addPage(context.url.pathname, html);
	return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
