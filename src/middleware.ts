/**
 * During `astro build`: hands each page to the search indexer (src/integrations/search-index.ts),
 * which reads it on another thread while the next pages render, instead of reading every file
 * again once the build is done; and with the first page, starts drawing every social card on the
 * card worker (src/data/social-image.ts), so they are drawn alongside the pages rather than one
 * after another when the build reaches them. Outside a build pages pass untouched.
 */
import { defineMiddleware } from 'astro:middleware';
import { buildServices } from './integrations/build-services.ts';
import { loadArchive } from './data/archive.ts';
import { allCards } from './data/social-cards.ts';
import { prefetchSocialCards } from './data/social-image.ts';

let prefetched = false;

export const onRequest = defineMiddleware(async (context, next) => {
	if (!prefetched && buildServices().drawSocialCard) {
		prefetched = true;
		prefetchSocialCards(allCards(await loadArchive()));
	}
	const response = await next();
	const { addPage } = buildServices();
	if (!addPage || !response.headers.get('content-type')?.startsWith('text/html')) return response;
	const html = await response.text();
	addPage(context.url.pathname, html);
	return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
