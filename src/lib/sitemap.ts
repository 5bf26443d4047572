/**
 * The sitemap: every page search engines should index (earlier versions are left out: they point
 * their canonical link at the current page), each with its pair in the other language.
 */
import { escapeXml } from './xml.ts';
import type { Locale } from './content/model.ts';

export interface SitemapEntry {
	/** Route inside a language. */
	route: string;
	/** Last change, YYYY-MM-DD, when known. */
	lastmod?: string | undefined;
}

/** The urlset XML, with xhtml:link alternates for each language. */
export function renderSitemap(entries: readonly SitemapEntry[], languages: readonly Locale[], absolute: (locale: Locale, route: string) => string): string {
	const lines = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
	];
	for (const entry of entries) {
		for (const locale of languages) {
			lines.push('<url>', `<loc>${escapeXml(absolute(locale, entry.route))}</loc>`);
			if (entry.lastmod) lines.push(`<lastmod>${entry.lastmod}</lastmod>`);
			for (const other of languages) lines.push(`<xhtml:link rel="alternate" hreflang="${other}" href="${escapeXml(absolute(other, entry.route))}"/>`);
			lines.push('</url>');
		}
	}
	lines.push('</urlset>', '');
	return lines.join('\n');
}

/** The sitemap index pointing at the one sitemap. */
export function renderSitemapIndex(sitemapUrl: string): string {
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
		`<sitemap><loc>${escapeXml(sitemapUrl)}</loc></sitemap>`,
		'</sitemapindex>',
		'',
	].join('\n');
}
