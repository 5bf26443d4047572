/**
 * The downloads: every figure of every version of every published report, in long format, as CSV
 * (UTF-8 with a byte-order mark, so spreadsheet programs show Vietnamese) and as JSON; and the
 * current figures alone, one per indicator and period, as the indicator pages show them. Each row
 * carries the indicator's name and unit in words and the figure's note, in both languages, so a
 * spreadsheet needs nothing else to be read right.
 */
import { checkMessages } from '../i18n/check/index.ts';
import type { Entity } from '../schemas/entity.ts';
import type { Figure, Indicator, Locale, Report, WrittenField } from './content/model.ts';
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
	/** The indicator's name in each language. */
	label_vi: string;
	label_en: string;
	/** The unit in words in each language: "nghìn tỷ đồng", "communes (count)". */
	unit_vi: string;
	unit_en: string;
	/** The figure's note in each language it was written in. */
	note_vi: string | null;
	note_en: string | null;
	/** Whose report states it (content/entities.yaml): its id and its name in each language. */
	entity: string | null;
	entity_vi: string | null;
	entity_en: string | null;
	/** For a period before that entity existed: `backdated` (recomputed on its boundaries) or `original` (the former entity's own figure). */
	boundaries: string | null;
	/** The folder of a report of an entity beside the archive's line (`bac_ninh_old`); absent for the archive's own. Not a column. */
	shelf?: string;
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
	// Added after the first columns, so a program that reads columns by position keeps working.
	'label_vi',
	'label_en',
	'unit_vi',
	'unit_en',
	'note_vi',
	'note_en',
	// Added with the register of entities (a province that merged), at the end for the same reason.
	'entity',
	'entity_vi',
	'entity_en',
	// Added with figures back-dated to a merged province's boundaries.
	'boundaries',
] as const satisfies readonly (keyof FigureRow)[];

/** An indicator's unit in words, for a reader of the downloads: "% change", "communes (count)". */
export function unitWords(indicator: Pick<Indicator, 'unit' | 'noun'>, locale: Locale): string {
	const unit = checkMessages(locale)[`unit.${indicator.unit}`];
	return indicator.noun ? `${indicator.noun[locale]} (${unit})` : unit;
}

/**
 * Rows for every figure of every readable version, in report, version, catalogue order. `lang` is
 * the language a note written as plain text is in (the reports' language).
 */
export function buildFigureRows(
	reports: readonly Report[],
	versionsOf: (year: number) => Version[],
	indicators: readonly Indicator[],
	lang: Locale = 'vi',
	/** The register's entities, to name whose report states each figure. */
	entities: readonly Pick<Entity, 'id' | 'name'>[] = [],
	/** The shelf the reports are on: '' for the archive's own, an entity's id for one beside its line. */
	shelf = '',
): FigureRow[] {
	const names = new Map(entities.map((e) => [e.id, e.name]));
	const units = new Map(indicators.map((i) => [i.id, i.unit]));
	const words = new Map(
		indicators.map((i) => [i.id, { label_vi: i.label.vi, label_en: i.label.en, unit_vi: unitWords(i, 'vi'), unit_en: unitWords(i, 'en') }]),
	);
	const none = { label_vi: '', label_en: '', unit_vi: '', unit_en: '' };
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
					...(words.get(f.indicator) ?? none),
					note_vi: typeof f.note === 'string' ? (lang === 'vi' ? f.note : null) : (f.note?.vi ?? null),
					note_en: typeof f.note === 'string' ? (lang === 'en' ? f.note : null) : (f.note?.en ?? null),
					entity: report.entity ?? null,
					entity_vi: (report.entity && names.get(report.entity)?.vi) ?? null,
					entity_en: (report.entity && names.get(report.entity)?.en) ?? null,
					boundaries: f.boundaries ?? null,
					...(shelf ? { shelf } : {}),
					...(f.decimals ? { written: f.decimals } : {}),
				});
			}
		}
	}
	return rows;
}

/**
 * The current figures: of every version's rows, those an indicator's series shows, one per
 * indicator and period (the latest report that states it, in its current version). `shown` says
 * which report a point of a series comes from, as the indicator pages draw it.
 */
export function currentFigureRows(rows: readonly FigureRow[], shown: (indicator: string, period: number) => number | undefined): FigureRow[] {
	return rows.filter((row) => row.current && shown(row.indicator, row.period) === row.report_year);
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
		if (!row.written && !row.shelf) return row;
		// Neither is a field of the download: `entity` names whose report it is.
		const { written, shelf: _, ...out } = row as FigureRow & Record<string, unknown>;
		for (const [field, decimals] of Object.entries(written ?? {}))
			if (typeof row[field as WrittenField] === 'number') out[field] = raw((row[field as WrittenField] as number).toFixed(decimals));
		return out;
	});
	return `${JSON.stringify({ indicators: catalogue, figures }, null, 1)}\n`;
}
