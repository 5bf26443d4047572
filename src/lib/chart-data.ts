/**
 * What a chart of one indicator draws, as plain JSON for the browser: one slot per year from the
 * first to the last period (a missing year is null, never zero), estimates flagged, targets,
 * series breaks, and the first-published values where a later version changed them.
 */
import { noteIn, type Indicator, type Locale, type Report } from './content/model.ts';
import type { ChartWords } from '../i18n/index.ts';

export type { ChartWords } from '../i18n/index.ts';
import { isPercentUnit } from './units.ts';
import { formatNumber, formatValue, unitLabel } from './format.ts';
import { firstPublishedDifferently, type SeriesPoint } from './series.ts';

export interface ChartSpec {
	id: string;
	label: string;
	locale: Locale;
	/** What the y axis shows: the indicator's values, or ranks when only ranks were published. */
	kind: 'value' | 'rank';
	/** The axis title: the unit, or "Rank (of 63)". */
	axis: string;
	unit: Indicator['unit'];
	decimals: number;
	/** Every year from the first to the last period. */
	periods: number[];
	values: (number | null)[];
	estimate: boolean[];
	targets: (number | null)[];
	/** Values as first published where they differ from the latest (series.ts, firstPublishedDifferently); else null. Absent when nothing moved. */
	firstPublished?: (number | null)[];
	/** Decimals each value was written with, where more than the number shows (30.0); absent when none was. */
	written?: (number | null)[];
	/** Years from which the definition changed: no line is drawn into them. */
	breaks: number[];
	/** Events drawn as lines: where (a fractional index into `periods`), and what happened. */
	events: ChartEvent[];
	/** One sentence saying what the chart shows, for screen readers and as a caption. */
	summary: string;
	/**
	 * One line per entity, when the figures are of several (a merger, or entities beside the
	 * archive's line): drawn in place of the one line, so a predecessor and its successor are never
	 * one line. Absent for an archive of one entity.
	 */
	entities?: EntityLine[];
}

/** The line of one entity's figures over the chart's years. */
export interface EntityLine {
	id: string;
	label: string;
	values: (number | null)[];
	estimate: boolean[];
	/** Its own targets, where any of its figures set one. */
	targets?: (number | null)[];
	/** Years from which its line must not be joined to the year before: the catalogue's changes of definition, not the merger, which is between lines. */
	breaks: number[];
	written?: (number | null)[];
}

/** An entity's figures of one indicator: what a chart draws as one line of its own. */
export interface EntitySeries {
	id: string;
	label: string;
	series: readonly SeriesPoint[];
	/** The years its line breaks at, when not every break of the indicator is its (a merger is between lines). */
	breaks?: readonly number[];
}

/** An event on a chart: `at` 1.5 is halfway between the second and third year's points. */
export interface ChartEvent {
	at: number;
	date: string;
	label: string;
}

/** An event as the catalogue or a report names it, in the reader's language. */
export interface NamedEvent {
	date: string;
	label: string;
}

/**
 * Where events fall on a chart of yearly points: a year's point stands for its middle, so 1 July
 * 2025 is at 2025's point and 1 January halfway from the year before. Events outside the years
 * charted are left out (the page lists them all).
 */
export function placeEvents(periods: readonly number[], events: readonly NamedEvent[]): ChartEvent[] {
	if (periods.length === 0) return [];
	return events
		.flatMap((event) => {
			const [y, m, d] = event.date.split('-').map(Number) as [number, number, number];
			const i = periods.indexOf(y);
			if (i < 0) return [];
			const share = (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / (Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1));
			return [{ at: Math.min(Math.max(i - 0.5 + share, 0), periods.length - 1), date: event.date, label: event.label }];
		})
		.sort((a, b) => a.at - b.at);
}

/**
 * The events an indicator's chart shows, in a language: the changes of the archive's entities, the
 * catalogue's for the indicator, and every report's (a merger touches every indicator), oldest first.
 */
export function namedEvents(
	indicator: Pick<Indicator, 'events'>,
	reports: readonly Pick<Report, 'events' | 'lang'>[],
	locale: Locale,
	/** The changes of the archive's entities (a merger): they touch every indicator too. */
	changes: readonly { date: string; note: { vi: string; en: string } }[] = [],
): NamedEvent[] {
	const events = [
		...changes.map((c) => ({ date: c.date, label: c.note[locale] })),
		...indicator.events.map((e) => ({ date: e.date, label: e.label[locale] })),
		...reports.flatMap((r) => r.events.map((e) => ({ date: e.date, label: noteIn(e.label, locale, r.lang).text }))),
	];
	const seen = new Set<string>();
	return events.filter((e) => !seen.has(`${e.date} ${e.label}`) && seen.add(`${e.date} ${e.label}`)).sort((a, b) => a.date.localeCompare(b.date));
}

function span(points: readonly { period: number }[]): number[] {
	if (points.length === 0) return [];
	const first = Math.min(...points.map((p) => p.period));
	const last = Math.max(...points.map((p) => p.period));
	return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** One sentence on a line of figures: lowest and highest year (for ranks, the worst and best place). */
export function summarize(
	periods: readonly number[],
	values: readonly (number | null)[],
	kind: 'value' | 'rank',
	show: (v: number) => string,
	words: ChartWords,
): string {
	const known = periods.map((period, i) => ({ period, value: values[i] ?? null })).filter((p): p is { period: number; value: number } => p.value !== null);
	if (known.length === 0) return words.empty;
	if (known.length === 1) return words.single(known[0]!.period, show(known[0]!.value));
	const byValue = [...known].sort((a, b) => a.value - b.value);
	const low = kind === 'rank' ? byValue.at(-1)! : byValue[0]!;
	const high = kind === 'rank' ? byValue[0]! : byValue.at(-1)!;
	return (kind === 'rank' ? words.rankSummary : words.summary)(
		{ period: low.period, value: show(low.value) },
		{ period: high.period, value: show(high.value) },
		known.length,
	);
}

/** The chart of one indicator's series; `first` is the series as first published. */
export function buildChartSpec(
	indicator: Indicator,
	series: readonly SeriesPoint[],
	first: readonly SeriesPoint[],
	locale: Locale,
	words: ChartWords,
	events: readonly NamedEvent[] = [],
	/** The figures by entity, when they are of more than one: each is drawn as its own line. */
	entities: readonly EntitySeries[] = [],
): ChartSpec {
	const hasValues = series.some((p) => p.value !== undefined);
	const kind: ChartSpec['kind'] = hasValues ? 'value' : 'rank';
	const pick = (p: SeriesPoint | undefined) => (p === undefined ? null : ((kind === 'value' ? p.value : p.rank) ?? null));
	const periods = span([...series, ...first, ...entities.flatMap((e) => e.series)]);
	const at = (list: readonly SeriesPoint[], period: number) => list.find((p) => p.period === period);
	const line = lineOver(indicator, series, periods, kind);
	const { values } = line;
	// The table of the indicator page marks the same figures (series.ts, firstPublishedDifferently).
	const firstValues = periods.map((period) => {
		const current = at(series, period);
		const original = current ? firstPublishedDifferently(current, first) : undefined;
		return original ? pick(original) : null;
	});
	const of = series.find((p) => p.of !== undefined)?.of;
	// A figure keeps the decimals it was written with (30.0) in the sentence too.
	const show = (v: number) =>
		kind === 'value' ? formatValue(v, indicator, locale, series.find((p) => p.value === v)?.decimals?.value) : formatNumber(v, locale, 0);
	const summary = summarize(periods, values, kind, show, words);
	const spec: ChartSpec = {
		id: indicator.id,
		label: indicator.label[locale],
		locale,
		kind,
		axis: kind === 'rank' ? words.rankAxis(of) : unitLabel(indicator, locale) || indicator.label[locale],
		unit: indicator.unit,
		decimals: kind === 'rank' ? 0 : indicator.decimals,
		periods,
		values,
		estimate: line.estimate,
		targets: line.targets ?? [],
		breaks: line.breaks,
		events: placeEvents(periods, events),
		summary,
	};
	if (firstValues.some((v) => v !== null)) spec.firstPublished = firstValues;
	if (line.written) spec.written = line.written;
	if (entities.length > 1) {
		spec.entities = entities.map((entity) => {
			const own = entity.breaks ? { ...indicator, breaks: indicator.breaks.filter((b) => entity.breaks!.includes(b.year)) } : indicator;
			const { values, estimate, targets, written, breaks } = lineOver(own, entity.series, periods, kind);
			return {
				id: entity.id,
				label: entity.label,
				values,
				estimate,
				breaks,
				...(targets?.some((t) => t !== null) ? { targets } : {}),
				...(written ? { written } : {}),
			};
		});
		// One sentence per line, each naming its entity: the lines are never one series.
		spec.summary = spec.entities.map((line) => `${line.label}: ${summarize(periods, line.values, kind, show, words)}`).join(' ');
	}
	return spec;
}

/**
 * One indicator's line over the given years, as every chart draws it (the indicator page's and the
 * compare page's): its values (or ranks) with null for a missing year, estimates, targets, the
 * breaks inside the span, and the decimals each value was written with.
 */
export function lineOver(
	indicator: Pick<Indicator, 'label' | 'breaks'>,
	series: readonly SeriesPoint[],
	periods: readonly number[],
	kind: 'value' | 'rank' = 'value',
	locale?: Locale,
): PlotSeries {
	const byPeriod = new Map(series.map((p) => [p.period, p]));
	const at = (period: number) => byPeriod.get(period);
	const line: PlotSeries = {
		label: locale ? indicator.label[locale] : '',
		values: periods.map((period) => (kind === 'value' ? at(period)?.value : at(period)?.rank) ?? null),
		estimate: periods.map((period) => at(period)?.status === 'estimate'),
		targets: periods.map((period) => (kind === 'value' ? (at(period)?.target ?? null) : null)),
		// A break at the first charted year has nothing before it to separate from.
		breaks: indicator.breaks.map((b) => b.year).filter((y) => periods.includes(y) && y !== periods[0]),
	};
	const written = periods.map((period) => (kind === 'value' ? (at(period)?.decimals?.value ?? null) : null));
	if (written.some((d) => d !== null)) line.written = written;
	return line;
}

/** One line of a plot. */
export interface PlotSeries {
	label: string;
	values: (number | null)[];
	/** Points drawn hollow, with dashed segments. */
	estimate: boolean[];
	/** Drawn as markers, not a line. */
	targets?: (number | null)[];
	/** Years from which the line must not be joined to the year before. */
	breaks: number[];
	/** A secondary line (first published values): dashed and thinner. */
	secondary?: boolean;
	/** Decimals each value was written with, where more than the number shows: the tooltip keeps them. */
	written?: (number | null)[];
}

/** What the browser draws: one chart with one axis. */
export interface PlotSpec {
	/** What the chart shows, above it (the compare page's charts, and every downloaded picture). */
	title?: string;
	/** Under the title: the unit and the years (the compare page's charts). */
	subtitle?: string;
	/** Show the legend even for one line: the compare page names every line. */
	legend?: boolean;
	periods: number[];
	/** Axis title, with the unit. */
	axis: string;
	/** Rank axes have 1 at the top. */
	invert: boolean;
	locale: Locale;
	decimals: number;
	/** Tick labels end in % */
	percent: boolean;
	series: PlotSeries[];
	/** A sentence read out in place of the canvas. */
	summary: string;
	/** Legend words; `breaks` labels the marked breaks (`breaks`, else the first series'), in order. */
	words: { target: string; first: string; breaks: string[] };
	/** The years marked as series breaks, when not the first line's: a chart of one line per entity marks the merger too. */
	breaks?: number[];
	/** Events drawn as lines across the chart. */
	events?: ChartEvent[];
}

/** The plot of one indicator; with `showFirst`, the first-published values as a second line. */
export function plotIndicator(spec: ChartSpec, showFirst: boolean, words: PlotSpec['words'] & { latest: string }): PlotSpec {
	const series: PlotSeries[] = spec.entities
		? // One line per entity, each named, with its own targets.
			spec.entities.map((entity) => ({
				label: entity.label,
				values: entity.values,
				estimate: entity.estimate,
				...(entity.targets ? { targets: entity.targets } : {}),
				breaks: entity.breaks,
				...(entity.written ? { written: entity.written } : {}),
			}))
		: [
				{
					label: showFirst ? `${spec.label} — ${words.latest}` : spec.label,
					values: spec.values,
					estimate: spec.estimate,
					targets: spec.targets,
					breaks: spec.breaks,
					...(spec.written ? { written: spec.written } : {}),
				},
			];
	if (showFirst && spec.firstPublished) {
		// Join the first-published points to the latest line where they agree, so the moved points stand out.
		const first = spec.firstPublished.map((v, i) => v ?? spec.values[i] ?? null);
		series.push({
			label: `${spec.label} — ${words.first}`,
			values: first,
			estimate: spec.firstPublished.map((v) => v !== null),
			breaks: spec.breaks,
			secondary: true,
		});
	}
	return {
		periods: spec.periods,
		axis: spec.axis,
		invert: spec.kind === 'rank',
		locale: spec.locale,
		decimals: spec.decimals,
		percent: spec.kind === 'value' && isPercentUnit(spec.unit),
		series,
		summary: spec.summary,
		words,
		title: spec.axis && spec.axis !== spec.label ? `${spec.label} — ${spec.axis}` : spec.label,
		legend: true,
		...(spec.entities ? { breaks: spec.breaks } : {}),
		...(spec.events.length ? { events: spec.events } : {}),
	};
}
