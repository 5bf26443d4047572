/**
 * What an embedded chart shows, for a pin or the latest: the picture (src/lib/chart-svg.ts), the
 * table, and the line that says which figures these are. The embed page renders it at build time;
 * src/client/annals-embed.ts renders it again in the browser for a pinned address.
 */
import { chartWords, useStrings } from '../i18n/index.ts';
import { buildChartSpec, type NamedEvent } from './chart-data.ts';
import { chartSvg, pictureWords } from './chart-svg.ts';
import type { Indicator, Locale } from './content/model.ts';
import { asOfLine, seriesAsOf, type EmbedData, type EmbedVersion } from './embed.ts';
import { formatRank, formatValue } from './format.ts';

export interface EmbedView {
	/** Which figures these are: the latest as of a day, or a report's version. */
	asOf: string;
	/** The chart, as SVG markup, for a frame of a page's width and for a phone's column. */
	svg: string;
	narrowSvg: string;
	/** The summary sentence, for readers of the table. */
	summary: string;
	rows: { period: number; value: string; rank: string; report: string; estimate: boolean }[];
}

/** The view of an indicator's embed, pinned to a version or (without one) the latest. */
export function embedView(
	data: EmbedData,
	indicator: Indicator,
	locale: Locale,
	source: string,
	events: readonly NamedEvent[],
	pin?: EmbedVersion,
	/** Pinned to a day rather than a version: the figures as of that date. */
	day?: string,
): EmbedView {
	const t = useStrings(locale);
	const series = seriesAsOf(data, indicator.id, pin);
	// Pinned: only what had happened by then.
	const until = day ?? pin?.date;
	const shown = until ? events.filter((e) => e.date <= until) : events;
	const spec = buildChartSpec(indicator, series, [], locale, chartWords(locale), shown);
	const words = pictureWords(spec, indicator, source);
	const version = (year: number) =>
		Math.max(...data.versions.filter((v) => v.year === year && (!pin || data.versions.indexOf(v) <= data.versions.indexOf(pin))).map((v) => v.number));
	return {
		asOf: asOfLine(data, locale, pin, day),
		svg: chartSvg(spec, words),
		narrowSvg: chartSvg(spec, words, 'narrow'),
		summary: spec.summary,
		rows: series.map((point) => ({
			period: point.period,
			value: point.value === undefined ? '—' : formatValue(point.value, indicator, locale, point.decimals?.value),
			rank: point.rank === undefined ? '' : formatRank(point.rank, point.of, locale),
			report: `${point.reportYear} · ${t['version.badge'](version(point.reportYear))}`,
			estimate: point.status === 'estimate',
		})),
	};
}
