/**
 * An indicator across the years, and what changed from one year to the next.
 */
import { roundOff } from './numbers.ts';
import type { Direction, Figure, Indicator, Report } from './content/model.ts';

/** One point of a series: the figure for a period, with the report that states it. */
export interface SeriesPoint extends Figure {
	/** The year of the report the figure comes from. */
	reportYear: number;
}

/**
 * The series of one indicator, one point per measured period, oldest first. When several reports
 * state the same period (an estimate, then a final figure the next year), the latest report wins.
 * Drafts are left out.
 */
export function buildSeries(
	indicator: string,
	reports: readonly Report[],
	/** `backdated`: the series of the figures back-dated to the reports' entity's boundaries, instead of its own. */
	boundaries?: 'backdated',
): SeriesPoint[] {
	const byPeriod = new Map<number, SeriesPoint>();
	for (const report of reports) {
		if (report.draft) continue;
		for (const figure of report.figures) {
			// A figure on other boundaries than its report's series (a successor's back-dated 2024) is not one of its points.
			if (figure.indicator !== indicator || figure.boundaries !== boundaries) continue;
			const existing = byPeriod.get(figure.period);
			if (!existing || existing.reportYear < report.year) byPeriod.set(figure.period, { ...figure, reportYear: report.year });
		}
	}
	return [...byPeriod.values()].sort((a, b) => a.period - b.period);
}

/** The index of the first point at or after `period` in a series sorted by period (binary search). */
export function periodIndex(series: readonly { period: number }[], period: number): number {
	let low = 0;
	let high = series.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (series[middle]!.period < period) low = middle + 1;
		else high = middle;
	}
	return low;
}

/** The point for a period in a series sorted by period, found without walking the whole series. */
export function pointAt<T extends { period: number }>(series: readonly T[], period: number): T | undefined {
	const point = series[periodIndex(series, period)];
	return point?.period === period ? point : undefined;
}

/** Whether a change is good news for the indicator. */
export type Verdict = 'good' | 'bad' | 'neutral' | 'unchanged';

/** The change of a figure since the previous period. */
export interface Change {
	/** The previous period's point. */
	previous: SeriesPoint;
	/** value − previous value. */
	delta: number;
	/** delta / |previous value|, or undefined when the previous value is 0. */
	ratio: number | undefined;
	verdict: Verdict;
}

/** Judges a change by the indicator's direction: for `lower`, a fall is good. */
export function judgeChange(delta: number, direction: Direction): Verdict {
	if (delta === 0) return 'unchanged';
	if (direction === 'neutral') return 'neutral';
	return delta > 0 === (direction === 'higher') ? 'good' : 'bad';
}

/** Whether a definition change (a series break) lies between two periods, so they must not be compared. */
export function breakBetween(indicator: Pick<Indicator, 'breaks'>, from: number, to: number): boolean {
	return indicator.breaks.some((b) => b.year > Math.min(from, to) && b.year <= Math.max(from, to));
}

/**
 * The change of the figure for `period` since the period just before it. Undefined when either
 * value is missing, when the previous period is not the year before, or when a series break lies
 * between them.
 */
export function changeSincePrevious(series: readonly SeriesPoint[], period: number, indicator: Pick<Indicator, 'breaks' | 'direction'>): Change | undefined {
	const current = series.find((p) => p.period === period);
	const previous = series.find((p) => p.period === period - 1);
	if (current?.value === undefined || previous?.value === undefined) return undefined;
	if (breakBetween(indicator, previous.period, current.period)) return undefined;
	const delta = roundOff(current.value - previous.value);
	return {
		previous,
		delta,
		ratio: previous.value === 0 ? undefined : delta / Math.abs(previous.value),
		verdict: judgeChange(delta, indicator.direction),
	};
}

/** Whether a figure met its target, judged by direction; undefined without a target or value. */
export function targetMet(figure: { value?: number | undefined; target?: number | undefined }, direction: Direction): boolean | undefined {
	if (figure.value === undefined || figure.target === undefined || direction === 'neutral') return undefined;
	return direction === 'higher' ? figure.value >= figure.target : figure.value <= figure.target;
}

/**
 * The series of one indicator as first published: for each period, the figure from the earliest
 * version of the earliest report that stated it. `versions` lists, per report, its versions' figures
 * oldest first.
 */
export function buildFirstSeries(indicator: string, reports: readonly { year: number; versions: readonly (readonly Figure[])[] }[]): SeriesPoint[] {
	const byPeriod = new Map<number, SeriesPoint>();
	for (const report of [...reports].sort((a, b) => a.year - b.year)) {
		for (const figures of report.versions) {
			for (const figure of figures) {
				if (figure.indicator === indicator && !figure.boundaries && !byPeriod.has(figure.period))
					byPeriod.set(figure.period, { ...figure, reportYear: report.year });
			}
		}
	}
	return [...byPeriod.values()].sort((a, b) => a.period - b.period);
}

/**
 * The figure as first published, when it differs from the latest in value, rank or status; the
 * indicator page's table and its chart both mark exactly these.
 */
export function firstPublishedDifferently(latest: SeriesPoint, first: readonly SeriesPoint[]): SeriesPoint | undefined {
	const original = first.find((f) => f.period === latest.period);
	if (!original) return undefined;
	return original.value !== latest.value || original.rank !== latest.rank || original.status !== latest.status ? original : undefined;
}
