/**
 * Starts the build's workers on everything they will be asked for, as soon as the content has been
 * validated: before Vite compiles the site, which keeps the main thread busy for a minute or more
 * while the second core has little to do. The earlier versions' Markdown is rendered and the social
 * cards are drawn into the cache then; when the pages ask for them, the workers answer from it (or
 * from the same render still under way).
 */
import { buildServices } from '../integrations/build-services.ts';
import { locales } from '../lib/paths.ts';
import { socialCardSvg } from '../lib/social-image.ts';
import { allCards } from './social-cards.ts';
import type { CheckedContent } from './validation.ts';

/**
 * The work is asked of the same versions model the pages read (src/data/validation.ts keeps one
 * per state of the content), so what is started here is exactly what the pages will ask for.
 */
export function prefetchBuildWork({ archive, model }: CheckedContent): void {
	const { renderMarkdown, drawSocialCard } = buildServices();
	if (!renderMarkdown && !drawSocialCard) return;
	const reports = archive.reports.filter((r) => !r.draft);
	// Replies are not kept here: the pages ask again, and the workers answer from their cache.
	if (renderMarkdown) for (const body of model.earlierBodies(locales(archive.site.defaultLocale))) renderMarkdown(body).catch(() => undefined);
	if (drawSocialCard) for (const card of allCards({ ...archive, reports, versions: model.versions, versionText: model.versionText })) drawSocialCard(socialCardSvg(card)).catch(() => undefined);
}
