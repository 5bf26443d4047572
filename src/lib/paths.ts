/**
 * Page addresses. The archive's default language lives at the root (`/reports/2024/`), the other
 * language under its code (`/en/reports/2024/`); everything sits under the configured base path.
 */
import type { Locale } from './content/model.ts';

/** A folder address ends in `/`: `/annals` becomes `/annals/`. */
export function ensureTrailingSlash(path: string): string {
	return path.endsWith('/') ? path : `${path}/`;
}

/**
 * The route of a report's page inside a language: `reports/2024/`, or a version's `reports/2024/v2/`.
 * A report of an entity outside the archive's line (its shelf, `reports/bac_ninh_old/`) lives under
 * its entity: `entities/bac_ninh_old/2023/`, `entities/bac_ninh_old/2023/v1/`.
 */
export function reportRoute(year: number, version?: number, shelf = ''): string {
	const base = shelf ? `entities/${shelf}/${year}/` : `reports/${year}/`;
	return version === undefined ? base : `${base}v${version}/`;
}

/** The route of an entity's own page: `entities/bac_ninh_old/`. */
export function entityRoute(id: string): string {
	return `entities/${id}/`;
}

/** An entity id as a folder of reports may be named: `bac_ninh_old`. */
export const SHELF_NAME = /^[a-z][a-z0-9_]*$/;

/**
 * The shelf a report file is on: the entity folder it is in (`…/reports/bac_ninh_old/2023.mdx` →
 * `bac_ninh_old`), or '' for the archive's own reports (`…/reports/2024.mdx`).
 */
export function reportShelf(path: string): string {
	const parts = path.split('/');
	return parts.length >= 3 && parts.at(-3) === 'reports' && SHELF_NAME.test(parts.at(-2)!) ? parts.at(-2)! : '';
}

/**
 * A report file's path inside the content folder, as git history names it: `reports/2024.mdx`, a
 * translation's `reports/2024.en.mdx`, another entity's `reports/bac_ninh_old/2023.mdx`.
 */
export function reportFilePath(path: string): string {
	const shelf = reportShelf(path);
	return `reports/${shelf ? `${shelf}/` : ''}${path.split('/').pop()}`;
}

/** Every language of the archive, the default first. */
export function locales(defaultLocale: Locale): Locale[] {
	return defaultLocale === 'vi' ? ['vi', 'en'] : ['en', 'vi'];
}

/** The language segment of a route: '' for the default language, `en/` for English. */
export function localePrefix(locale: Locale, defaultLocale: Locale): string {
	return locale === defaultLocale ? '' : `${locale}/`;
}

/**
 * The address of a page, from the base path (`/` or `/annals/`), the language and the route
 * inside a language (`reports/2024/`; '' for the home page).
 */
export function pageHref(base: string, locale: Locale, defaultLocale: Locale, route: string): string {
	const root = ensureTrailingSlash(base);
	return `${root}${localePrefix(locale, defaultLocale)}${route.replace(/^\//, '')}`;
}

/** Splits a path under the base into its language and its route, the inverse of pageHref. */
export function parseHref(base: string, defaultLocale: Locale, pathname: string): { locale: Locale; route: string } {
	const root = ensureTrailingSlash(base);
	const rest = pathname.startsWith(root) ? pathname.slice(root.length) : pathname.replace(/^\//, '');
	for (const locale of locales(defaultLocale)) {
		if (locale !== defaultLocale && (rest === locale || rest.startsWith(`${locale}/`))) {
			return { locale, route: rest.slice(locale.length + 1) };
		}
	}
	return { locale: defaultLocale, route: rest };
}
