/** Route parameters shared by every page: the language segment (none for the default language). */
import type { Locale } from '../lib/content/model.ts';
import { locales } from '../lib/paths.ts';
import { loadArchive } from './archive.ts';

/** getStaticPaths entries for the `[...lang]` segment: `undefined` for the default language, `en` for English. */
export async function languagePaths() {
	const { site } = await loadArchive();
	return locales(site.defaultLocale).map((locale) => ({
		params: { lang: locale === site.defaultLocale ? undefined : locale },
		props: { locale },
	}));
}

export type LanguageProps = { locale: Locale };

/** getStaticPaths entries for a page of each indicator in each language. */
export async function indicatorPaths() {
	const { indicators } = await loadArchive();
	const languages = await languagePaths();
	return languages.flatMap(({ params, props }) =>
		indicators.map((indicator) => ({ params: { ...params, id: indicator.id }, props: { ...props, id: indicator.id } })),
	);
}

/** getStaticPaths of an entity beside the line's figures of an indicator, for the embeds: each shelf's indicators that have any. */
export async function shelfEmbedPaths() {
	const { shelves, indicators } = await loadArchive();
	return shelves.flatMap((shelf) => indicators.filter((i) => shelf.series(i.id).length > 0).map((i) => ({ params: { entity: shelf.id, id: i.id } })));
}
