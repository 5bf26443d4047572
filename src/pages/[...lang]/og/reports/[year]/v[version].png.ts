import type { APIRoute } from 'astro';
import { loadArchive } from '../../../../../data/archive.ts';
import { languagePaths } from '../../../../../data/routes.ts';
import { reportPagesKey } from '../../../../../data/page-keys.ts';
import { reportCard, versionsWithOwnCard } from '../../../../../data/social-cards.ts';
import { renderSocialCard } from '../../../../../workers/social-image.ts';
import type { Locale } from '../../../../../lib/content/model.ts';

export async function getStaticPaths() {
	const archive = await loadArchive();
	return (await languagePaths()).flatMap(({ params, props }) =>
		archive.reports.flatMap((r) =>
			versionsWithOwnCard(archive, r.year, props.locale).map((v) => ({
				params: { ...params, year: String(r.year), version: String(v.number) },
				props: { ...props, year: r.year, number: v.number },
				cacheKey: reportPagesKey(archive, archive, r.year),
			})),
		),
	);
}

/** The picture shared with an earlier version whose title or headline figure was not the current one's. */
export const GET: APIRoute = async ({ props }) => {
	const { locale, year, number } = props as { locale: Locale; year: number; number: number };
	const archive = await loadArchive();
	const version = archive.versions(year).find((v) => v.number === number)!;
	const png = await renderSocialCard(reportCard(archive, year, locale, version));
	return new Response(png, { headers: { 'content-type': 'image/png' } });
};
