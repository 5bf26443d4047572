import type { APIRoute } from 'astro';
import { loadArchive } from '../../../../data/archive.ts';
import { languagePaths } from '../../../../data/routes.ts';
import { renderSocialCard } from '../../../../data/social-image.ts';
import { useStrings } from '../../../../i18n/index.ts';
import { formatValue } from '../../../../lib/format.ts';
import type { Locale } from '../../../../lib/model.ts';

export async function getStaticPaths() {
	const { reports } = await loadArchive();
	return (await languagePaths()).flatMap(({ params, props }) => reports.map((r) => ({ params: { ...params, year: String(r.year) }, props: { ...props, year: r.year } })));
}

/** The picture shared with a report: its title, year and version, and its first headline figure. */
export const GET: APIRoute = async ({ props }) => {
	const { locale, year } = props as { locale: Locale; year: number };
	const archive = await loadArchive();
	const t = useStrings(locale);
	const report = archive.reports.find((r) => r.year === year)!;
	const text = report.text[locale] ?? report.text[report.lang]!;
	const version = archive.versions(year).at(-1)?.number ?? 1;
	const headline = archive.site.headline.map((id) => ({ indicator: archive.indicators.find((i) => i.id === id), figure: report.figures.find((f) => f.indicator === id && f.period === year && f.value !== undefined) })).find((h) => h.indicator && h.figure);
	const png = await renderSocialCard({
		kicker: archive.site.publisher[locale],
		title: text.title,
		subtitle: `${t['report.year']} ${year} · ${t['version.badge'](version)}`,
		figure: headline ? { label: headline.indicator!.label[locale], value: formatValue(headline.figure!.value!, headline.indicator!, locale) } : undefined,
		footer: archive.site.title[locale],
	});
	return new Response(png, { headers: { 'content-type': 'image/png' } });
};
