import type { APIRoute } from 'astro';
import { loadArchive } from '../../../../../data/archive.ts';
import { languagePaths } from '../../../../../data/routes.ts';
import { reportPagesKey } from '../../../../../data/page-keys.ts';
import { reportCard } from '../../../../../data/social-cards.ts';
import { renderSocialCard } from '../../../../../workers/social-image.ts';
import type { Locale } from '../../../../../lib/content/model.ts';

export async function getStaticPaths() {
	const archive = await loadArchive();
	return (await languagePaths()).flatMap(({ params, props }) =>
		archive.shelves.flatMap((shelf) =>
			shelf.reports.map((r) => ({
				params: { ...params, id: shelf.id, year: String(r.year) },
				props: { ...props, id: shelf.id, year: r.year },
				cacheKey: reportPagesKey(archive, shelf, r.year),
			})),
		),
	);
}

/** The picture shared with the report of an entity beside the archive's line: whose it is, its title, year and first headline figure. */
export const GET: APIRoute = async ({ props }) => {
	const { locale, id, year } = props as { locale: Locale; id: string; year: number };
	const archive = await loadArchive();
	const shelf = archive.shelves.find((s) => s.id === id)!;
	const entity = archive.register.entities.find((e) => e.id === id)!;
	const png = await renderSocialCard(
		reportCard({ ...archive, reports: shelf.reports, versions: shelf.versions, versionText: shelf.versionText }, year, locale, undefined, entity.name[locale]),
	);
	return new Response(png, { headers: { 'content-type': 'image/png' } });
};
