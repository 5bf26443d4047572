/**
 * Comparing indicators: which share an axis, indexing to a base year, one year against another,
 * and the choice kept in the page address.
 */
import { roundOff } from './numbers.ts';
import { lineOver, placeEvents, summarize, type ChartWords, type NamedEvent, type PlotSpec } from './chart-data.ts';
import { formatChange, formatNumber, formatPercentChange, formatValue, unitLabel } from './format.ts';
import { isPercentUnit } from './units.ts';
import type { Indicator, Locale } from './content/model.ts';
import type { LocalizedText } from '../schemas/common.ts';
import { breakBetween, judgeChange, type SeriesPoint, type Verdict } from './series.ts';

/** At most this many indicators are compared at once. */
export const MAX_COMPARED = 6;

/** At most this many entities are compared at once. */
export const MAX_ENTITIES = 4;

/** Indicators grouped by unit (and counted noun), in the order given: each group shares one axis. */
export function groupByUnit<T extends Pick<Indicator, 'id' | 'unit' | 'noun'>>(indicators: readonly T[]): T[][] {
	const groups = new Map<string, T[]>();
	for (const indicator of indicators) {
		const key = `${indicator.unit === 'percent_change' ? 'percent' : indicator.unit}/${indicator.noun?.en ?? ''}`;
		groups.set(key, [...(groups.get(key) ?? []), indicator]);
	}
	return [...groups.values()];
}

/**
 * A series indexed to a base year (base = 100). Null where a value is missing; all null when the
 * base year has no value or a value of zero, since nothing can be divided by it.
 */
export function indexSeries(values: readonly (number | null)[], periods: readonly number[], base: number): { values: (number | null)[]; usable: boolean } {
	const baseValue = values[periods.indexOf(base)];
	if (baseValue === undefined || baseValue === null || baseValue === 0) return { values: values.map(() => null), usable: false };
	return { values: values.map((v) => (v === null ? null : roundOff((v / baseValue) * 100))), usable: true };
}

/** One indicator in one year against another. */
export interface YearComparison {
	a: SeriesPoint | undefined;
	b: SeriesPoint | undefined;
	/** b − a, when both have a value and no series break lies between them. */
	delta: number | undefined;
	/** delta / |a|; undefined when a is 0. */
	ratio: number | undefined;
	verdict: Verdict | undefined;
	/** True when a definition change lies between the two years. */
	broken: boolean;
}

/** Compares an indicator's figures for two periods, judged by its direction. */
export function compareYears(series: readonly SeriesPoint[], indicator: Pick<Indicator, 'direction' | 'breaks'>, a: number, b: number): YearComparison {
	const pa = series.find((p) => p.period === a);
	const pb = series.find((p) => p.period === b);
	const broken = breakBetween(indicator, a, b);
	if (pa?.value === undefined || pb?.value === undefined || broken) return { a: pa, b: pb, delta: undefined, ratio: undefined, verdict: undefined, broken };
	const delta = roundOff(pb.value - pa.value);
	return { a: pa, b: pb, delta, ratio: pa.value === 0 ? undefined : delta / Math.abs(pa.value), verdict: judgeChange(delta, indicator.direction), broken };
}

/** What the reader picked on the compare page. */
export interface CompareState {
	ids: string[];
	from: number;
	to: number;
	/** How indicators with different units are shown. */
	mode: 'multiples' | 'index';
	/** The two years of the year-against-year table. */
	a: number;
	b: number;
	/**
	 * The entities compared (`e=bac_ninh_old,bac_giang`), each drawn as its own line; none for the
	 * archive's own series, its line of entities as one series broken where it passes on.
	 */
	entities: string[];
}

/**
 * Reads the choice from a query string (`?i=grdp_growth,iip_growth&from=2022&to=2024`), ignoring
 * unknown ids and out-of-range years, and filling in defaults.
 */
export function parseCompareQuery(
	search: string,
	known: readonly string[],
	years: readonly number[],
	defaults: readonly string[],
	entities: readonly string[] = [],
): CompareState {
	const params = new URLSearchParams(search);
	const first = Math.min(...years);
	const last = Math.max(...years);
	const year = (name: string, fallback: number) => {
		const n = Number(params.get(name));
		return Number.isInteger(n) && n >= first && n <= last ? n : fallback;
	};
	const asked = (params.get('i') ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter((id) => known.includes(id));
	const ids = [...new Set(asked.length > 0 ? asked : defaults.filter((id) => known.includes(id)))].slice(0, MAX_COMPARED);
	let from = year('from', first);
	let to = year('to', last);
	if (from > to) [from, to] = [to, from];
	const b = year('b', to);
	const a = year('a', b > from ? b - 1 : from);
	const chosen = (params.get('e') ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter((id) => entities.includes(id));
	return { ids, from, to, mode: params.get('mode') === 'index' ? 'index' : 'multiples', a, b, entities: [...new Set(chosen)].slice(0, MAX_ENTITIES) };
}

/** The query string for a choice, shortest form first (defaults left out). */
export function toCompareQuery(state: CompareState, years: readonly number[]): string {
	const params = new URLSearchParams();
	params.set('i', state.ids.join(','));
	if (state.from !== Math.min(...years)) params.set('from', String(state.from));
	if (state.to !== Math.max(...years)) params.set('to', String(state.to));
	if (state.mode === 'index') params.set('mode', 'index');
	const defaultB = state.to;
	const defaultA = defaultB > state.from ? defaultB - 1 : state.from;
	if (state.a !== defaultA) params.set('a', String(state.a));
	if (state.b !== defaultB) params.set('b', String(state.b));
	if (state.entities.length > 0) params.set('e', state.entities.join(','));
	return `?${params.toString().replace(/%2C/g, ',')}`;
}

/** What the compare page needs of the archive, small enough to embed in the page as JSON. */
export interface CompareData {
	years: number[];
	indicators: Pick<Indicator, 'id' | 'label' | 'unit' | 'noun' | 'decimals' | 'direction' | 'breaks' | 'category'>[];
	/** indicator id → its series (latest figures). */
	series: Record<string, SeriesPoint[]>;
	/** indicator id → the events its chart marks (a merger, a change of standard); none when left out. */
	events?: Record<string, NamedEvent[]>;
	/** The entities that can be compared, in the archive's order; none for an archive of one. */
	entities?: { id: string; name: LocalizedText }[];
	/** Whose report states the figures of each year of the archive's own series: report year → entity id. */
	lineEntities?: Record<string, string>;
	/** The series of the entities beside the archive's line: entity id → indicator id → series. */
	shelves?: Record<string, Record<string, SeriesPoint[]>>;
}

/** One entity's series of an indicator: its own shelf's, or the part of the archive's series its reports state. */
export function entitySeries(data: Pick<CompareData, 'series' | 'lineEntities' | 'shelves'>, indicator: string, entity: string): SeriesPoint[] {
	const shelf = data.shelves?.[entity];
	if (shelf) return shelf[indicator] ?? [];
	return (data.series[indicator] ?? []).filter((p) => data.lineEntities?.[String(p.reportYear)] === entity);
}

/**
 * The lines a choice draws of one indicator: the archive's series, or one per entity chosen, each
 * named after its entity (and its indicator, when several are compared).
 */
function linesOf(
	data: CompareData,
	state: Pick<CompareState, 'ids' | 'entities'>,
	indicator: Pick<Indicator, 'id' | 'label'>,
	locale: Locale,
): { label: string; entity?: string; series: SeriesPoint[] }[] {
	if (state.entities.length === 0) return [{ label: indicator.label[locale], series: data.series[indicator.id] ?? [] }];
	return state.entities.map((entity) => {
		const name = data.entities?.find((e) => e.id === entity)?.name[locale] ?? entity;
		return { label: state.ids.length > 1 ? `${indicator.label[locale]} — ${name}` : name, entity, series: entitySeries(data, indicator.id, entity) };
	});
}

/** One row of the year-against-year table, formatted for a language. */
export interface YearRow {
	id: string;
	label: string;
	a: string;
	b: string;
	change: string;
	relative: string;
	verdict: Verdict | 'none';
	verdictLabel: string;
}

export interface YearRowWords {
	verdict: (v: Verdict) => string;
	notComparable: string;
	missing: string;
}

/** The rows of the year-against-year table for the chosen indicators. */
export function buildYearRows(
	data: CompareData,
	state: Pick<CompareState, 'ids' | 'a' | 'b'> & Partial<Pick<CompareState, 'entities'>>,
	locale: Locale,
	words: YearRowWords,
): YearRow[] {
	const entities = state.entities ?? [];
	return state.ids.flatMap((id) => {
		const indicator = data.indicators.find((i) => i.id === id);
		if (!indicator) return [];
		return linesOf(data, { ids: state.ids, entities }, indicator, locale).map(({ label, entity, series }) => {
			const c = compareYears(series, indicator, state.a, state.b);
			const show = (p: SeriesPoint | undefined) => (p?.value === undefined ? words.missing : formatValue(p.value, indicator, locale, p.decimals?.value));
			return {
				id: entity ? `${id}@${entity}` : id,
				label: entities.length > 0 && state.ids.length === 1 ? `${indicator.label[locale]} — ${label}` : label,
				a: show(c.a),
				b: show(c.b),
				change: c.delta === undefined ? (c.broken ? words.notComparable : '—') : formatChange(c.delta, indicator, locale),
				// A change of a rate or a share is in points; a "relative change" of it (+48.5% for a growth
				// rate from 20% to 29.7%) is a number a reader could quote and should not.
				relative: c.ratio === undefined || isPercentUnit(indicator.unit) ? '—' : formatPercentChange(c.ratio, locale),
				verdict: c.verdict ?? 'none',
				verdictLabel: c.verdict ? words.verdict(c.verdict) : c.broken ? words.notComparable : '—',
			};
		});
	});
}

/** The words of the compare page's charts. */
export interface ComparePlotWords {
	chart: ChartWords;
	legend: PlotSpec['words'];
	indexAxis: (base: number) => string;
	noBase: (label: string, base: number) => string;
	notIndexed: (labels: string) => string;
}

/**
 * The compare page's charts for a choice: one chart per group of indicators sharing a unit, or,
 * indexed, one chart with every line as 100 in the first year. Lines are drawn as on the indicator
 * pages (chart-data.ts, lineOver). `notes` say which lines could not be indexed.
 */
export function comparePlots(
	data: CompareData,
	state: Pick<CompareState, 'ids' | 'from' | 'to' | 'mode'> & Partial<Pick<CompareState, 'entities'>>,
	locale: Locale,
	words: ComparePlotWords,
): { plots: PlotSpec[]; notes: string[] } {
	const choice = { ids: state.ids, entities: state.entities ?? [] };
	const { from, to, mode } = state;
	const periods = data.years.filter((y) => y >= from && y <= to);
	const chosen = state.ids.flatMap((id) => data.indicators.filter((i) => i.id === id));
	// Each indicator's lines: the archive's series, or one per entity chosen.
	const lines = (indicator: CompareData['indicators'][number]) =>
		linesOf(data, choice, indicator, locale).map(({ label, series }) => ({ ...lineOver(indicator, series, periods, 'value', locale), label }));
	const base = { periods, locale, words: words.legend, invert: false, legend: true };
	const groups = groupByUnit(chosen);
	const notes: string[] = [];
	const titled = (labels: string[]) => labels.join(' · ');
	// The statistical subtitle: what the axis counts, over which years.
	const years = periods.length > 1 ? `${periods[0]}–${periods.at(-1)}` : `${periods[0] ?? ''}`;
	const subtitled = (axis: string) => `${axis} · ${years}`;
	// A chart marks the events of every indicator it draws, once each.
	const eventsOf = (group: readonly { id: string }[]) => {
		const named = group.flatMap((i) => data.events?.[i.id] ?? []);
		const unique = named.filter((e, i) => named.findIndex((f) => f.date === e.date && f.label === e.label) === i);
		const placed = placeEvents(periods, unique);
		return placed.length ? { events: placed } : {};
	};
	const byUnit = (group: typeof chosen): PlotSpec => {
		const first = group[0]!;
		const drawn = group.flatMap((indicator) => lines(indicator).map((line) => ({ indicator, line })));
		const series = drawn.map((d) => d.line);
		const summary = drawn
			.map(({ indicator, line }) => `${line.label}: ${summarize(periods, line.values, 'value', (v) => formatValue(v, indicator, locale), words.chart)}`)
			.join(' ');
		const percent = isPercentUnit(first.unit);
		const axis = percent ? '%' : unitLabel(first, locale) || first.label[locale];
		return {
			...base,
			title: titled(choice.entities.length > 0 ? group.map((i) => i.label[locale]) : series.map((s) => s.label)),
			subtitle: subtitled(axis),
			axis,
			decimals: Math.max(...group.map((g) => g.decimals)),
			percent,
			series,
			summary,
			...eventsOf(group),
		};
	};
	if (mode === 'index' && groups.length > 1) {
		// Rates and shares are not indexed: 100 for a growth rate of 20% says nothing. They keep their
		// own chart, in points; the other indicators are indexed to the first year.
		const rates = chosen.filter((i) => isPercentUnit(i.unit));
		const indexable = chosen.filter((i) => !isPercentUnit(i.unit));
		if (rates.length > 0) notes.push(words.notIndexed(rates.map((i) => i.label[locale]).join(', ')));
		const drawn: typeof indexable = [];
		const series = indexable.flatMap((indicator) =>
			lines(indicator).flatMap(({ written: _, ...plain }) => {
				const indexed = indexSeries(plain.values, periods, from);
				// A line with no figure in the base year cannot be indexed: it is left out, and a note says why.
				if (!indexed.usable) {
					notes.push(words.noBase(plain.label, from));
					return [];
				}
				if (!drawn.includes(indicator)) drawn.push(indicator);
				return [{ ...plain, values: indexed.values, targets: [] }];
			}),
		);
		const plots: PlotSpec[] = [];
		if (series.length > 0) {
			const summary = series.map((s) => `${s.label}: ${summarize(periods, s.values, 'value', (v) => formatNumber(v, locale, 1), words.chart)}`).join(' ');
			const axis = words.indexAxis(from);
			plots.push({
				...base,
				title: titled(series.map((s) => s.label)),
				subtitle: subtitled(axis),
				axis,
				decimals: 1,
				percent: false,
				series,
				summary,
				...eventsOf(drawn),
			});
		}
		plots.push(...groupByUnit(rates).map(byUnit));
		return { plots, notes };
	}
	return { plots: groups.map(byUnit), notes };
}
