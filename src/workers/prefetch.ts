/**
 * Starts the build's workers on everything they will be asked for, as soon as the content has been
 * validated: before Vite compiles the site, which keeps the main thread busy for a minute or more
 * while the second core has little to do. The earlier versions' Markdown is rendered and the social
 * cards are drawn into the cache then; when the pages ask for them, the workers answer from it (or
 * from the same render still under way).
 */
import { buildServices } from './services.ts';

/** What the pages will ask the workers for: earlier versions' Markdown bodies, and social cards' SVG. */
export interface BuildWork {
	bodies: Iterable<string>;
	cards: Iterable<string>;
}

/**
 * Asks the workers for it all now. The work is computed from the same versions model the pages
 * read (src/data/validation.ts keeps one per state of the content), so what is started here is
 * exactly what the pages will ask for. Replies are not kept: the pages ask again, and the workers
 * answer from their cache.
 */
export function prefetchBuildWork(work: () => BuildWork): void {
	const { renderMarkdown, drawSocialCard } = buildServices();
	if (!renderMarkdown && !drawSocialCard) return;
	const { bodies, cards } = work();
	if (renderMarkdown) for (const body of bodies) renderMarkdown(body).catch(() => undefined);
	if (drawSocialCard) for (const svg of cards) drawSocialCard(svg).catch(() => undefined);
}
