/**
 * The lenient reader: a report file of any age, read as far as it can be. A later change of schema
 * or indicator ids must not break the build, so what can be read is kept, through the same
 * conversion the checks use (src/lib/content/model.ts), and what cannot is reported.
 */
import { load } from 'js-yaml';
import { splitFrontmatter } from '../content/frontmatter.ts';
import { type Figure, figuresFromFrontmatter, type Note, type WrittenField } from '../content/model.ts';
import { figureEntryIssues, FigureFieldsSchema, type FigureObject, figureObjectIssues, figureWithoutValue } from '../../schemas/report.ts';
import { WRITTEN_NUMBERS_SCHEMA, writtenDecimals, WrittenNumber } from '../content/written-number.ts';

export interface RevisionEntry {
	date: string;
	kind: string;
	note: Note | undefined;
}

/** A report file's state, read as far as it can be. */
export type ReportState =
	| {
			ok: true;
			title: string | undefined;
			summary: string | undefined;
			published: string | undefined;
			draft: boolean;
			revisions: RevisionEntry[];
			figures: Figure[];
			/**
			 * Whether the state reads as the checks require: every figure as numbers with a known
			 * status, a true/false draft, the file's year, revisions entries with a date, a kind and a
			 * note. A state that does not (`poverty_rate: "1,73"`) was refused, so it never reached readers.
			 */
			complete: boolean;
			body: string;
	  }
	| { ok: false; error: string };

export const WRITTEN_FIELDS: ReadonlySet<string> = new Set<WrittenField>(['value', 'target', 'total']);

/** The decimals JavaScript needs to write a number (2 for 13.85, 0 for 30). */
export function shortestDecimals(value: number): number {
	const text = String(value);
	if (text.includes('e')) return 0;
	return text.split('.')[1]?.length ?? 0;
}

export function asDate(value: unknown): string | undefined {
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

export function asNote(value: unknown): Note | undefined {
	if (typeof value === 'string') return value;
	if (
		value &&
		typeof value === 'object' &&
		typeof (value as Record<string, unknown>)['vi'] === 'string' &&
		typeof (value as Record<string, unknown>)['en'] === 'string'
	) {
		return value as { vi: string; en: string };
	}
	return undefined;
}

/**
 * A report's figures as far as they can be read, through the one conversion the checks use
 * (figuresFromFrontmatter) and keeping the decimals each number was written with. Each field is
 * read with its schema; a field that fails it is left out, and so is a figure without a value,
 * rank or target. Fields an older schema had and today's does not are ignored: a version published
 * then must stay readable. A state that breaks a figure rule of today's schemas (a field of the
 * wrong type, rank above of, a period twice…) is incomplete: the checks would have refused it.
 */
export function readFigureEntries(year: number, indicators: Record<string, unknown>): { figures: Figure[]; complete: boolean } {
	const figures: Figure[] = [];
	let complete = true;
	const fields = FigureFieldsSchema.shape;
	for (const [indicator, raw] of Object.entries(indicators)) {
		const objects: unknown[] = raw instanceof WrittenNumber || typeof raw === 'number' ? [{ value: raw }] : Array.isArray(raw) ? raw : [raw];
		const kept: FigureObject[] = [];
		const written: Figure['decimals'][] = [];
		for (const object of objects) {
			if (!object || typeof object !== 'object' || object instanceof WrittenNumber) {
				complete = false;
				continue;
			}
			const figure: Record<string, unknown> = {};
			let decimals: Figure['decimals'];
			for (const [field, value] of Object.entries(object)) {
				const schema = fields[field as keyof typeof fields];
				if (!schema) continue;
				const result = schema.safeParse(value instanceof WrittenNumber ? value.value : value);
				if (!result.success || result.data === undefined) {
					complete = false;
					continue;
				}
				figure[field] = result.data;
				const places = value instanceof WrittenNumber ? writtenDecimals(value.text) : undefined;
				if (places !== undefined && places > shortestDecimals(result.data as number) && WRITTEN_FIELDS.has(field))
					(decimals ??= {})[field as WrittenField] = places;
			}
			if (figureWithoutValue(figure) || figureObjectIssues(figure).length > 0) complete = false;
			if (figureWithoutValue(figure)) continue;
			kept.push(figure as FigureObject);
			written.push(decimals);
		}
		if (figureEntryIssues(indicator, kept, year).length > 0) complete = false;
		figuresFromFrontmatter(year, { [indicator]: kept }).forEach((figure, i) => {
			const decimals = written[i];
			figures.push(decimals ? { ...figure, decimals } : figure);
		});
	}
	return { figures, complete };
}

/** Reads a report file of any age, keeping every figure it can make sense of. */
export function readStateLeniently(text: string, year: number): ReportState {
	const split = splitFrontmatter(text);
	if (split.yaml === undefined) return { ok: false, error: 'it has no frontmatter' };
	let data: unknown;
	try {
		// js-yaml, not the yaml package the validator uses for its line numbers: a tenth of the time,
		// and an archive's history is read for every version of every report (6,000 at 1,000 reports).
		data = load(split.yaml, { schema: WRITTEN_NUMBERS_SCHEMA });
	} catch (error) {
		return { ok: false, error: `its frontmatter is not valid YAML (${(error as Error).message.split('\n')[0]})` };
	}
	if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, error: 'its frontmatter is not a set of fields' };
	const record = data as Record<string, unknown>;
	let figures: Figure[] = [];
	let complete = true;
	const indicators = record['indicators'];
	if (indicators && typeof indicators === 'object' && !Array.isArray(indicators)) {
		const read = readFigureEntries(year, indicators as Record<string, unknown>);
		figures = read.figures;
		complete = read.complete;
	} else if (indicators !== undefined && indicators !== null) {
		complete = false;
	}
	// What the checks would refuse outside the figures: a state with any of it was never published.
	if (record['draft'] !== undefined && typeof record['draft'] !== 'boolean') complete = false;
	if (record['year'] !== undefined && record['year'] !== year) complete = false;
	if (record['revisions'] !== undefined && !Array.isArray(record['revisions'])) complete = false;
	if (Array.isArray(record['revisions'])) {
		for (const r of record['revisions'] as unknown[]) {
			const entry = (r && typeof r === 'object' ? r : {}) as Record<string, unknown>;
			if (!asDate(entry['date']) || (entry['kind'] !== 'correction' && entry['kind'] !== 'revision') || !asNote(entry['note'])) complete = false;
		}
	}
	const revisions = Array.isArray(record['revisions'])
		? record['revisions'].map((r: unknown) => {
				const entry = (r && typeof r === 'object' ? r : {}) as Record<string, unknown>;
				return { date: asDate(entry['date']) ?? '', kind: typeof entry['kind'] === 'string' ? entry['kind'] : 'revision', note: asNote(entry['note']) };
			})
		: [];
	return {
		ok: true,
		title: typeof record['title'] === 'string' ? record['title'] : undefined,
		summary: typeof record['summary'] === 'string' ? record['summary'] : undefined,
		published: asDate(record['published']),
		draft: record['draft'] === true,
		revisions,
		figures,
		complete,
		body: split.body,
	};
}
