/**
 * Each indicator's chart as a picture (src/lib/chart-svg.ts), in each language: its headline and
 * statistical subtitle, the same ones the page's chart carries, and the source with the page's
 * address. Served as SVG and PNG under /indicators/<id>/, printed on the indicator sheet.
 */
import { chartWords, useStrings } from '../i18n/index.ts';
import { buildChartSpec, type ChartSpec } from '../lib/chart-data.ts';
import { chartSvg } from '../lib/chart-svg.ts';
import type { Indicator, Locale } from '../lib/content/model.ts';
import { unitWords } from '../lib/downloads.ts';
import { pageHref } from '../lib/paths.ts';
import { loadArchive, type Archive } from './archive.ts';

/**
 * A chart's headline and statistical subtitle, as the page and the pictures give them:
 * "Poverty rate, 2022–2024" / "Unit: %. Lowest in 2024 (1.73%), highest in 2022 (3.81%); 3 years with figures."
 */
export function chartHeadings(spec: ChartSpec, indicator: Indicator): { title: string; unit: string; subtitle: string } {
	const t = useStrings(spec.locale);
	const years = spec.periods.length ? (spec.periods.length === 1 ? `${spec.periods[0]}` : `${spec.periods[0]}–${spec.periods.at(-1)}`) : '';
	const unit = spec.kind === 'rank' ? spec.axis : `${t['indicator.unit']}: ${unitWords(indicator, spec.locale)}`;
	return { title: years ? `${spec.label}, ${years}` : spec.label, unit, subtitle: `${unit}. ${spec.summary}` };
}

/** The chart of an indicator as the page draws it. */
export function indicatorSpec(archive: Archive, id: string, locale: Locale): ChartSpec {
	const indicator = archive.indicators.find((i) => i.id === id)!;
	return buildChartSpec(indicator, archive.series(id), archive.firstSeries(id), locale, chartWords(locale));
}

/** The address of an indicator's page, absolute. */
export function indicatorAddress(archive: Archive, id: string, locale: Locale): string {
	return new URL(pageHref(import.meta.env.BASE_URL, locale, archive.site.defaultLocale, `indicators/${id}/`), import.meta.env.SITE).href;
}

/** An indicator's chart as SVG markup. */
export async function chartPicture(id: string, locale: Locale): Promise<string> {
	const archive = await loadArchive();
	const t = useStrings(locale);
	const spec = indicatorSpec(archive, id, locale);
	const indicator = archive.indicators.find((i) => i.id === id)!;
	const capital = (text: string) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
	return chartSvg(spec, {
		...chartHeadings(spec, indicator),
		value: spec.kind === 'rank' ? t['indicator.rank'] : t['figure.value'],
		estimate: capital(t['figure.estimate']),
		target: t['chart.target'],
		breakLabel: t['chart.break'],
		source: t['chart.sourceLine'](`${archive.site.title[locale]}, ${archive.site.publisher[locale]}`, indicatorAddress(archive, id, locale)),
	});
}
