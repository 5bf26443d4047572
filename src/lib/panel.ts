/**
 * What a report page shows for each figure, computed once: the change since the previous year,
 * whether it is good news, whether the target was met, grouped by category.
 */
import type { Figure, Indicator, Report } from './content/model.ts';
import { breakBetween, buildSeries, changeSincePrevious, pointAt, targetMet, type Change, type SeriesPoint } from './series.ts';
import { recentPoints, TREND_PERIODS } from './sparkline.ts';

export interface PanelRow {
	indicator: Indicator;
	figure: Figure;
	/** The change since the previous period, when both are published and comparable. */
	change: Change | undefined;
	/** True when the previous period exists but a series break lies between the two. */
	broken: boolean;
	/** Whether the target was met; undefined without a target. */
	targetMet: boolean | undefined;
	/** The indicator's recent periods up to this figure's (at most TREND_PERIODS), for a small trend. */
	series: SeriesPoint[];
}

export interface PanelGroup {
	category: string;
	rows: PanelRow[];
}

/** An indicator's series; pass a memoized lookup when building many rows. */
export type SeriesLookup = (indicator: string) => SeriesPoint[];

/** The plain lookup: builds the series from the reports each time. */
export const seriesFrom =
	(reports: readonly Report[]): SeriesLookup =>
	(indicator) =>
		buildSeries(indicator, reports);

/**
 * One row for a figure, judged against the series built from every published report. With
 * `trend`, the row also carries the series up to the figure's period, for a small chart.
 */
export function buildRow(figure: Figure, indicator: Indicator, seriesOf: SeriesLookup, trend = true): PanelRow {
	// A figure on other boundaries than the series (back-dated by a successor) is compared with none of it.
	if (figure.boundaries) return { indicator, figure, change: undefined, broken: false, targetMet: targetMet(figure, indicator.direction), series: [] };
	// The trend starts at the last series break up to the figure: a line is never drawn across one (a merger).
	const since = Math.max(-Infinity, ...indicator.breaks.filter((b) => b.year <= figure.period).map((b) => b.year));
	const series = seriesOf(indicator.id);
	const previous = pointAt(series, figure.period - 1);
	// Judge the figure as this report states it, even if a later report superseded it.
	const self = { ...(pointAt(series, figure.period) ?? { reportYear: figure.period }), ...figure };
	const pair = previous ? [previous, self] : [self];
	return {
		indicator,
		figure,
		change: changeSincePrevious(pair, figure.period, indicator),
		broken: previous !== undefined && breakBetween(indicator, previous.period, figure.period),
		targetMet: targetMet(figure, indicator.direction),
		series: trend
			? recentPoints(series, figure.period - 1, TREND_PERIODS - 1)
					.filter((p) => p.period >= since)
					.concat(self)
			: [],
	};
}

/** A report's figures grouped by category, in catalogue order; `trends` lists the ids that get a small chart. */
export function buildPanel(report: Report, seriesOf: SeriesLookup, indicators: readonly Indicator[], trends?: readonly string[]): PanelGroup[] {
	const groups = new Map<string, PanelRow[]>();
	for (const indicator of indicators) {
		const figures = report.figures.filter((f) => f.indicator === indicator.id).sort((a, b) => a.period - b.period);
		for (const figure of figures) {
			const rows = groups.get(indicator.category) ?? [];
			rows.push(buildRow(figure, indicator, seriesOf, trends === undefined || trends.includes(indicator.id)));
			groups.set(indicator.category, rows);
		}
	}
	return [...groups].map(([category, rows]) => ({ category, rows }));
}

/** The headline figures of a report, in the order site.yaml lists them; the latest period of each. */
export function buildHeadline(report: Report, seriesOf: SeriesLookup, indicators: readonly Indicator[], headline: readonly string[]): PanelRow[] {
	const rows: PanelRow[] = [];
	for (const id of headline) {
		const indicator = indicators.find((i) => i.id === id);
		const figure = report.figures.filter((f) => f.indicator === id && (f.value !== undefined || f.rank !== undefined)).sort((a, b) => b.period - a.period)[0];
		if (indicator && figure) rows.push(buildRow(figure, indicator, seriesOf));
	}
	return rows;
}
