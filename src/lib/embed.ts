/**
 * What an embedded chart shows: an indicator's series now, or as it stood when a report's version
 * was published (a pin), so a chart embedded in an article keeps showing what the article said.
 * The embed page carries every version's figures of its indicator, compactly; the series for a pin
 * is computed from them here, the same way at build time (the page as first served) and in the
 * reader's browser (another pin), and the same way the indicator page picks its figures.
 */
import type { SeriesPoint } from './series.ts';
import { buildSeries } from './series.ts';
import type { FigureRow } from './downloads.ts';
import type { Figure, Locale, Report } from './content/model.ts';
import { useStrings } from '../i18n/index.ts';
import { formatDate } from './format.ts';

/** One figure of one version: [period, value, rank, of, target, total, estimate, report year, version, written decimals of the value]. */
export type EmbedRow = [number, number | null, number | null, number | null, number | null, number | null, 0 | 1, number, number, number | null];

/** A version of a report, when it was published: every pin, and what each report looked like at any date. */
export interface EmbedVersion {
	year: number;
	number: number;
	date: string;
}

/** An embed's data: its indicator's figures of every version, and every version of every report. */
export interface EmbedData {
	rows: EmbedRow[];
	versions: EmbedVersion[];
}

/** The columns of an EmbedRow, in order. */
const COLUMNS = ['period', 'value', 'rank', 'of', 'target', 'total', 'estimate', 'year', 'version', 'written'] as const;
type Column = (typeof COLUMNS)[number];
/** Whole-number columns that mostly rise from one row to the next, sent as differences: a value never is (it may be a decimal). */
const RISING: ReadonlySet<Column> = new Set(['period', 'year']);
/** What a column holds when it holds nothing: not an estimate, or no figure. */
const empty = (column: Column) => (column === 'estimate' ? 0 : null);

/**
 * Embed data as it is sent to a reader's browser: column by column, a column that holds nothing
 * (every rank empty, no estimate) left out, the rows' periods and years and the versions' years and
 * days as differences from the one before. The same data as rows of ten fields and versions as
 * objects weighed three times as much once compressed (29 KB for one indicator of 1,000 reports),
 * and a pinned comparison fetches one such file per indicator.
 */
export interface PackedEmbedData {
	count: number;
	columns: Partial<Record<Column, (number | null)[]>>;
	/** Dates as days when every one is a calendar day, else as written. */
	versions: { year: number[]; number: number[] } & ({ day: number[] } | { date: string[] });
}

const DAY = 86_400_000;
/** Days since 1970-01-01 of a `YYYY-MM-DD` date (setUTCFullYear, unlike Date.UTC, takes years before 100 as written). */
const dayOf = (date: string) => new Date(0).setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY;
const dateOf = (day: number) => {
	const date = new Date(day * DAY);
	const two = (n: number) => String(n).padStart(2, '0');
	return `${String(date.getUTCFullYear()).padStart(4, '0')}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
};
const differences = (values: number[]) => values.map((value, i) => (i === 0 ? value : value - values[i - 1]!));
const sums = (differences: number[]) => {
	let total = 0;
	return differences.map((d) => (total += d));
};

export function packEmbedData(data: EmbedData): PackedEmbedData {
	const columns: PackedEmbedData['columns'] = {};
	COLUMNS.forEach((column, i) => {
		const values = data.rows.map((row) => row[i] as number | null);
		if (values.every((value) => value === empty(column))) return;
		columns[column] = RISING.has(column) ? differences(values as number[]) : values;
	});
	return {
		count: data.rows.length,
		columns,
		versions: {
			year: differences(data.versions.map((v) => v.year)),
			number: data.versions.map((v) => v.number),
			...(data.versions.every((v) => isCalendarDay(v.date))
				? { day: differences(data.versions.map((v) => dayOf(v.date))) }
				: { date: data.versions.map((v) => v.date) }),
		},
	};
}

export function unpackEmbedData(packed: PackedEmbedData | EmbedData): EmbedData {
	// Data from before the figures were packed (a file a browser or a host kept), as it was.
	if ('rows' in packed) return packed;
	const columns = COLUMNS.map((column) => {
		const values = packed.columns[column];
		if (!values) return Array<number | null>(packed.count).fill(empty(column));
		return RISING.has(column) ? sums(values as number[]) : values;
	});
	const rows = Array.from({ length: packed.count }, (_, r) => columns.map((values) => values[r]!) as EmbedRow);
	const { versions } = packed;
	const dates = 'day' in versions ? sums(versions.day).map(dateOf) : versions.date;
	return { rows, versions: sums(versions.year).map((year, i) => ({ year, number: versions.number[i]!, date: dates[i]! })) };
}

/** The answer of an embed data route: the data, packed. */
export function embedDataResponse(data: EmbedData): Response {
	return new Response(JSON.stringify(packEmbedData(data)), { headers: { 'content-type': 'application/json' } });
}

/** Every version of every report, oldest first, from the all-versions download rows. */
export function versionsOf(rows: readonly FigureRow[]): EmbedVersion[] {
	const versions = new Map<string, EmbedVersion>();
	for (const row of rows) versions.set(`${row.report_year}-${row.version}`, { year: row.report_year, number: row.version, date: row.version_date });
	return [...versions.values()].sort((a, b) => a.date.localeCompare(b.date) || a.year - b.year || a.number - b.number);
}

function embedRow(row: FigureRow): EmbedRow {
	return [
		row.period,
		row.value,
		row.rank,
		row.of,
		row.target,
		row.total,
		row.status === 'estimate' ? 1 : 0,
		row.report_year,
		row.version,
		row.written?.value ?? null,
	];
}

/** The rows of every indicator and every version, and those of each report's current version: each indicator's embed data. */
interface EmbedIndex {
	all: { versions: EmbedVersion[]; rows: Map<string, EmbedRow[]> };
	latest: { versions: EmbedVersion[]; rows: Map<string, EmbedRow[]> };
}

/**
 * The download rows sorted out once per list: every indicator's embed page and figures asks for its
 * part of the same list (at 1,000 reports 120,000 rows, 160 times in a build: 3 s when each went
 * through them all). Each page gets its own arrays; the rows and versions in them are shared, and
 * only read (embedView, packEmbedData, seriesAsOf).
 */
const indexes = new WeakMap<readonly FigureRow[], EmbedIndex>();

function embedIndex(rows: readonly FigureRow[]): EmbedIndex {
	let index = indexes.get(rows);
	if (!index) {
		const byIndicator = (list: readonly FigureRow[]) => {
			const map = new Map<string, EmbedRow[]>();
			for (const row of list) {
				// An embed draws the archive's series: a figure on other boundaries (back-dated) is not one of its points.
				if (row.boundaries) continue;
				const part = map.get(row.indicator);
				if (part) part.push(embedRow(row));
				else map.set(row.indicator, [embedRow(row)]);
			}
			return map;
		};
		const current = rows.filter((row) => row.current);
		index = { all: { versions: versionsOf(rows), rows: byIndicator(rows) }, latest: { versions: versionsOf(current), rows: byIndicator(current) } };
		indexes.set(rows, index);
	}
	return index;
}

/**
 * The embed data of an indicator, from the all-versions download rows (every report's versions, all
 * indicators). An embed draws the archive's series: a figure on other boundaries (back-dated) is not one of its points.
 */
export function embedData(rows: readonly FigureRow[], indicator: string): EmbedData {
	const { all } = embedIndex(rows);
	return { rows: [...(all.rows.get(indicator) ?? [])], versions: [...all.versions] };
}

/** The embed data of an indicator's latest figures alone: each report's current version, which is all an unpinned view needs. */
export function latestEmbedData(rows: readonly FigureRow[], indicator: string): EmbedData {
	const { latest } = embedIndex(rows);
	return { rows: [...(latest.rows.get(indicator) ?? [])], versions: [...latest.versions] };
}

/** A pin as an address writes it: `2024-1` for the 2024 report's version 1. */
export function pinKey(version: Pick<EmbedVersion, 'year' | 'number'>): string {
	return `${version.year}-${version.number}`;
}

/** The version a pin names, or undefined for none or one that does not exist. */
export function findPin(data: Pick<EmbedData, 'versions'>, key: string | null | undefined): EmbedVersion | undefined {
	return key ? data.versions.find((v) => pinKey(v) === key) : undefined;
}

/** The version that was the newest on a day (`2025-03-01`): the figures as of that date. */
export function pinOnDate(data: Pick<EmbedData, 'versions'>, date: string | null | undefined, today?: string): EmbedVersion | undefined {
	if (!date || !isCalendarDay(date) || (today !== undefined && date > today)) return undefined;
	return data.versions.filter((v) => v.date <= date).at(-1);
}

/** `2025-02-28` is a day; `2025-02-30` and `2025-13-45` are not. */
export function isCalendarDay(date: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	if (!match) return false;
	const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const day = new Date(Date.UTC(y, m - 1, d));
	return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/**
 * The series as it stood when `pin` was published (the latest when undefined): each report in the
 * version it had then (the pinned report in the pinned version), reports published later left out,
 * and of the reports stating a year, the latest wins, as on the indicator page.
 */
export function seriesAsOf(data: EmbedData, indicator: string, pin?: EmbedVersion): SeriesPoint[] {
	// Published by the pin's day: other reports' versions of that day or before; the pinned report
	// exactly in the pinned version, whatever dates its revisions carry.
	const published = (v: EmbedVersion) => !pin || (v.year === pin.year ? v.number <= pin.number : v.date <= pin.date);
	const chosen = new Map<number, number>();
	for (const version of data.versions.filter(published)) if ((chosen.get(version.year) ?? 0) < version.number) chosen.set(version.year, version.number);
	// The rows by version, found in one pass (a report's in the order the data has them).
	const byVersion = new Map<string, EmbedRow[]>();
	for (const row of data.rows) {
		const key = `${row[7]}-${row[8]}`;
		const rows = byVersion.get(key);
		if (rows) rows.push(row);
		else byVersion.set(key, [row]);
	}
	const reports = [...chosen].map(([year, number]) => ({
		year,
		draft: false,
		figures: (byVersion.get(`${year}-${number}`) ?? []).map(([period, value, rank, of, target, total, estimate, , , written]): Figure => {
			const figure: Figure = { indicator, period };
			if (value !== null) figure.value = value;
			if (rank !== null) figure.rank = rank;
			if (of !== null) figure.of = of;
			if (target !== null) figure.target = target;
			if (total !== null) figure.total = total;
			if (estimate) figure.status = 'estimate';
			if (written !== null) figure.decimals = { value: written };
			return figure;
		}),
	}));
	return buildSeries(indicator, reports as unknown as Report[]);
}

/**
 * The code a journalist pastes: the frame, with a title, and a few lines that let it take the
 * height the embed asks for (only messages from the archive's own origin, only for its frames).
 */
export function embedCode(src: string, title: string, origin: string): string {
	const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
	return [
		`<iframe src="${escape(src)}" title="${escape(title)}" width="100%" height="640" style="border:0" loading="lazy"></iframe>`,
		`<script>addEventListener("message",function(e){if(e.origin!=="${origin}"||!e.data||e.data.type!=="annals:height")return;document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow===e.source)f.height=String(e.data.height)})})</script>`,
	].join('\n');
}

/** The line that says which figures an embed shows: the latest (and of which day), a version's, or a day's. */
export function asOfLine(data: Pick<EmbedData, 'versions'>, locale: Locale, pin?: EmbedVersion, day?: string): string {
	const t = useStrings(locale);
	if (day) return t['embed.pinnedDay'](formatDate(day, locale));
	if (pin) return t['embed.pinned'](pin.year, pin.number, formatDate(pin.date, locale));
	const latest = data.versions.at(-1);
	return t['embed.latest'](latest ? formatDate(latest.date, locale) : '');
}
