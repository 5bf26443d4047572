/**
 * Each indicator's chart as a picture (src/lib/chart-svg.ts), in each language: its headline and
 * statistical subtitle, the same ones the page's chart carries, and the source with the page's
 * address. Served as SVG and PNG under /indicators/<id>/, printed on the indicator sheet.
 */
import { chartWords, useStrings } from '../i18n/index.ts';
import { buildChartSpec, namedEvents, type ChartSpec } from '../lib/chart-data.ts';
import { chartSvg, pictureWords } from '../lib/chart-svg.ts';
import type { Locale } from '../lib/content/model.ts';
import { pageHref } from '../lib/paths.ts';
import { loadArchive, seriesByEntity, type Archive } from './archive.ts';

/** The chart of an indicator as the page draws it. */
export function indicatorSpec(archive: Archive, id: string, locale: Locale): ChartSpec {
	const indicator = archive.indicators.find((i) => i.id === id)!;
	return buildChartSpec(
		indicator,
		archive.series(id),
		archive.firstSeries(id),
		locale,
		chartWords(locale),
		namedEvents(indicator, archive.reports, locale, archive.changes),
		seriesByEntity(archive, id, locale),
	);
}

/** The address of an indicator's page, absolute. */
export function indicatorAddress(archive: Archive, id: string, locale: Locale): string {
	return new URL(pageHref(import.meta.env.BASE_URL, locale, archive.site.defaultLocale, `indicators/${id}/`), import.meta.env.SITE).href;
}

/** An indicator's chart as SVG markup. */
export async function chartPicture(id: string, locale: Locale): Promise<string> {
	const archive = await loadArchive();
	// Drawn for the picture's SVG and PNG and for the page that gives their sizes: once per archive.
	let drawn = pictures.get(archive);
	if (!drawn) pictures.set(archive, (drawn = new Map()));
	const key = `${id}\0${locale}`;
	let svg = drawn.get(key);
	if (svg === undefined) drawn.set(key, (svg = drawPicture(archive, id, locale)));
	return svg;
}
const pictures = new WeakMap<Archive, Map<string, string>>();

function drawPicture(archive: Archive, id: string, locale: Locale): string {
	const t = useStrings(locale);
	const spec = indicatorSpec(archive, id, locale);
	const indicator = archive.indicators.find((i) => i.id === id)!;
	const source = t['chart.sourceLine'](`${archive.site.title[locale]}, ${archive.site.publisher[locale]}`, indicatorAddress(archive, id, locale));
	return chartSvg(spec, pictureWords(spec, indicator, source));
}
