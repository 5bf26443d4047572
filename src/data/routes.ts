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
