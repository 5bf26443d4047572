/**
 * The downloads: every figure of every version of every published report, in long format, as CSV
 * (UTF-8 with a byte-order mark, so spreadsheet programs show Vietnamese) and as JSON.
 */
import type { Figure, Indicator, Report, WrittenField } from './content/model.ts';
import type { Version } from './versions/versions.ts';

/** One figure as it appears in one version of one report. */
export interface FigureRow {
	indicator: string;
	period: number;
	value: number | null;
	unit: string;
	status: 'estimate' | 'final' | null;
	rank: number | null;
	of: number | null;
	total: number | null;
	target: number | null;
	report_year: number;
	version: number;
	/** Whether this version is the report's current one. */
	current: boolean;
	/** The day this version was published. */
	version_date: string;
	source: string | null;
	/** Decimals as written, for a number written with trailing zeros (`30.0`): kept in both files. Not a column. */
	written?: Figure['decimals'];
}

export const CSV_COLUMNS = [
	'indicator',
	'period',
	'value',
	'unit',
	'status',
	'rank',
	'of',
	'total',
	'target',
	'report_year',
	'version',
	'current',
	'version_date',
	'source',
] as const satisfies readonly (keyof FigureRow)[];

/** Rows for every figure of every readable version, in report, version, catalogue order. */
export function buildFigureRows(reports: readonly Report[], versionsOf: (year: number) => Version[], indicators: readonly Indicator[]): FigureRow[] {
	const units = new Map(indicators.map((i) => [i.id, i.unit]));
	const order = new Map(indicators.map((i, n) => [i.id, n]));
	const rows: FigureRow[] = [];
	for (const report of reports) {
		const versions = versionsOf(report.year);
		const usable = versions.length > 0 ? versions : [];
		for (const version of usable) {
			if (!version.state.ok) continue;
			const figures: Figure[] = [...version.state.figures].sort(
				(a, b) => (order.get(a.indicator) ?? 1e9) - (order.get(b.indicator) ?? 1e9) || a.period - b.period,
			);
			for (const f of figures) {
				rows.push({
					indicator: f.indicator,
					period: f.period,
					value: f.value ?? null,
					unit: units.get(f.indicator) ?? '',
					status: f.status ?? null,
					rank: f.rank ?? null,
					of: f.of ?? null,
					total: f.total ?? null,
					target: f.target ?? null,
					report_year: report.year,
					version: version.number,
					current: version.current,
					version_date: version.date,
					source: f.source ?? null,
					...(f.decimals ? { written: f.decimals } : {}),
				});
			}
		}
	}
	return rows;
}

function csvCell(value: unknown): string {
	if (value === null || value === undefined) return '';
	const text = String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A row's number as it was written: `30.0` stays `30.0`. */
function writtenCell(row: FigureRow, column: (typeof CSV_COLUMNS)[number]): unknown {
	const value = row[column];
	const decimals = row.written?.[column as WrittenField];
	return typeof value === 'number' && decimals !== undefined ? value.toFixed(decimals) : value;
}

/** RFC 4180 CSV with a UTF-8 byte-order mark and CRLF line ends. Numbers are written exactly as published (`30.0`). */
export function toCsv(rows: readonly FigureRow[]): string {
	const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((c) => csvCell(writtenCell(row, c))).join(','))];
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The JSON download: the catalogue (so units and labels travel with the figures) and the rows. */
export function toJson(rows: readonly FigureRow[], indicators: readonly Indicator[]): string {
	const catalogue = indicators.map(({ id, label, category, unit, direction, decimals, breaks }) => ({
		id,
		label,
		category,
		unit,
		direction,
		decimals,
		breaks,
	}));
	// JSON.rawJSON writes `30.0` as published; a reader's parser still reads the number 30. Only the few
	// rows written with trailing zeros are copied: at 1,000 reports there are hundreds of thousands.
	const raw = (JSON as unknown as { rawJSON: (text: string) => unknown }).rawJSON;
	const figures = rows.map((row) => {
		if (!row.written) return row;
		const { written, ...out } = row as FigureRow & Record<string, unknown>;
		for (const [field, decimals] of Object.entries(written ?? {}))
			if (typeof row[field as WrittenField] === 'number') out[field] = raw((row[field as WrittenField] as number).toFixed(decimals));
		return out;
	});
	return `${JSON.stringify({ indicators: catalogue, figures }, null, 1)}\n`;
}
