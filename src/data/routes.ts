/** Route parameters shared by every page: the language segment (none for the default language). */
import type { Locale } from '../lib/content/model.ts';
import { locales } from '../lib/paths.ts';
import { loadArchive } from './archive.ts';
import { figuresKey } from './page-keys.ts';

/** getStaticPaths entries for the `[...lang]` segment: `undefined` for the default language, `en` for English. */
export async function languagePaths() {
	const { site } = await loadArchive();
	return locales(site.defaultLocale).map((locale) => ({
		params: { lang: locale === site.defaultLocale ? undefined : locale },
		props: { locale },
	}));
}

export type LanguageProps = { locale: Locale };

/** getStaticPaths entries for a page of each indicator in each language, made from the figures (src/data/page-keys.ts). */
export async function indicatorPaths() {
	const archive = await loadArchive();
	const languages = await languagePaths();
	const cacheKey = figuresKey(archive);
	return languages.flatMap(({ params, props }) =>
		archive.indicators.map((indicator) => ({ params: { ...params, id: indicator.id }, props: { ...props, id: indicator.id }, cacheKey })),
	);
}

/** getStaticPaths of an entity beside the line's figures of an indicator, for the embeds: each shelf's indicators that have any. */
export async function shelfEmbedPaths() {
	const archive = await loadArchive();
	const cacheKey = figuresKey(archive);
	return archive.shelves.flatMap((shelf) =>
		archive.indicators.filter((i) => shelf.series(i.id).length > 0).map((i) => ({ params: { entity: shelf.id, id: i.id }, cacheKey })),
	);
}

/** getStaticPaths of the line's figures of each indicator, for the embeds. */
export async function indicatorEmbedPaths() {
	const archive = await loadArchive();
	const cacheKey = figuresKey(archive);
	return archive.indicators.map((i) => ({ params: { id: i.id }, cacheKey }));
}
