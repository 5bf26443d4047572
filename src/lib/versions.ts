/**
 * Versions of a report, from its committed states in git.
 *
 * Version n of a report is its state as first published with n − 1 revisions entries (the first
 * committed state with that many); the current state is the latest version. The rules that keep
 * those states honest over the whole history are in record.ts. Old states are read
 * leniently: a later change of schema or indicator ids must not break the build, so what can be
 * read is kept and what cannot is reported as unavailable.
 */
import { roundOff } from './numbers.ts';
import { load } from 'js-yaml';
import { splitFrontmatter } from './frontmatter.ts';
import { figuresFromFrontmatter, type Figure, type Note, type WrittenField } from './model.ts';
import { figureEntryIssues, FigureFieldsSchema, figureObjectIssues, figureWithoutValue, type FigureObject } from '../schemas/report.ts';
import { WRITTEN_NUMBERS_SCHEMA, WrittenNumber, writtenDecimals } from './written-number.ts';

/** What `git log` and `git cat-file` gave: every commit touching reports/, and each file's states. */
export type History =
	| {
			available: true;
			/** Oldest first. */
			commits: { hash: string; date: string }[];
			/** `reports/2024.mdx` → its committed states, oldest first; `commit` indexes `commits`. */
			files: Map<string, { commit: number; text: string }[]>;
	  }
	| { available: false; reason: string; /** Why, for a message in the editor's language: not in git, or a shallow clone. */ code?: 'not-git' | 'shallow' };

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

/** The numbers of a figure. */
export const FIGURE_FIELDS = ['value', 'rank', 'of', 'total', 'target'] as const;
const WRITTEN_FIELDS: ReadonlySet<string> = new Set<WrittenField>(['value', 'target', 'total']);

/** The decimals JavaScript needs to write a number (2 for 13.85, 0 for 30). */
export function shortestDecimals(value: number): number {
	const text = String(value);
	if (text.includes('e')) return 0;
	return text.split('.')[1]?.length ?? 0;
}

function asDate(value: unknown): string | undefined {
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

function asNote(value: unknown): Note | undefined {
	if (typeof value === 'string') return value;
	if (value && typeof value === 'object' && typeof (value as Record<string, unknown>)['vi'] === 'string' && typeof (value as Record<string, unknown>)['en'] === 'string') {
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
function readFigureEntries(year: number, indicators: Record<string, unknown>): { figures: Figure[]; complete: boolean } {
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
				if (places !== undefined && places > shortestDecimals(result.data as number) && WRITTEN_FIELDS.has(field)) (decimals ??= {})[field as WrittenField] = places;
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

/** One version of a report. */
export interface Version {
	/** 1 for the report as first published. */
	number: number;
	/** The day it was published: the report's date for version 1, the revision's date after. */
	date: string;
	/** The revisions entry that made this version; undefined for version 1. */
	revision: RevisionEntry | undefined;
	/** The commit holding this state, when it is committed. */
	commit: { hash: string; date: string } | undefined;
	/** Whether this is the current version. */
	current: boolean;
	state: ReportState;
}

/** A committed state with its commit. */
export interface Committed {
	commit: { hash: string; date: string };
	index: number;
	state: ReportState;
}

/** Each history's states as read, per path and year: a build asks for the same states from many pages. */
const readStates = new WeakMap<History, Map<string, Committed[]>>();

/** A report's committed states, oldest first, each read once per history. */
export function committedStates(history: History, path: string, year: number): Committed[] {
	if (!history.available) return [];
	let byPath = readStates.get(history);
	if (!byPath) readStates.set(history, (byPath = new Map()));
	const key = `${year}\u0000${path}`;
	let states = byPath.get(key);
	if (!states) byPath.set(key, (states = (history.files.get(path) ?? []).map((s) => ({ commit: history.commits[s.commit]!, index: s.commit, state: readStateLeniently(s.text, year) }))));
	return states;
}

/**
 * Every version of a report, oldest first, the current one last. Warnings say which earlier
 * versions could not be read.
 */
export function buildVersions(
	history: History,
	path: string,
	year: number,
	currentText: string,
	/** Whether a committed state was published; record.ts `couldHaveBeenPublished` also leaves out states the checks refused. */
	published: (state: ReportState, commit: number) => boolean = (state) => state.ok && !state.draft,
): { versions: Version[]; warnings: string[] } {
	const current = readStateLeniently(currentText, year);
	if (!current.ok) return { versions: [], warnings: [`${path}: the current file cannot be read (${current.error})`] };
	// Unreadable states stay, so a version that cannot be read is said to be unavailable.
	const states = committedStates(history, path, year).filter((s) => !s.state.ok || published(s.state, s.index));
	const warnings: string[] = [];
	const versions: Version[] = [];
	const lastCommitted = states.at(-1);
	for (let n = 1; n <= current.revisions.length; n++) {
		const revision = n === 1 ? undefined : current.revisions[n - 2];
		// As first published: a later commit with the same number of entries may not change it (src/lib/record.ts).
		const match = states.find((s) => s.state.ok && s.state.revisions.length === n - 1);
		let state: ReportState;
		if (!history.available) continue;
		if (match) {
			state = match.state;
		} else {
			const unreadable = states.find((s) => !s.state.ok);
			state = { ok: false, error: unreadable && !unreadable.state.ok ? unreadable.state.error : `no commit holds it with ${n - 1} revisions entries` };
			warnings.push(`${path}: version ${n} is unavailable: ${state.error}`);
		}
		versions.push({
			number: n,
			date: revision?.date ?? (state.ok ? state.published : undefined) ?? current.published ?? '',
			revision,
			commit: match?.commit,
			current: false,
			state,
		});
	}
	const unchangedSinceCommit = lastCommitted?.state.ok && lastCommitted.state.revisions.length === current.revisions.length && sameFigures(lastCommitted.state.figures, current.figures);
	versions.push({
		number: current.revisions.length + 1,
		date: current.revisions.at(-1)?.date ?? current.published ?? '',
		revision: current.revisions.at(-1),
		commit: unchangedSinceCommit ? lastCommitted.commit : undefined,
		current: true,
		state: current,
	});
	return { versions, warnings };
}

/** The state of a translation as it was when a version was committed: its last state at or before that commit. */
export function translationAt(history: History, path: string, year: number, commitHash: string | undefined): ReportState | undefined {
	if (!history.available || commitHash === undefined) return undefined;
	const at = history.commits.findIndex((c) => c.hash === commitHash);
	const states = committedStates(history, path, year).filter((s) => s.index <= at);
	return states.at(-1)?.state;
}

/* ------------------------------------------------------------------------------------------ */
/* What changed                                                                                 */

/** One field of one figure that differs between two versions. */
export interface FigureChange {
	indicator: string;
	period: number;
	field: (typeof FIGURE_FIELDS)[number] | 'status';
	from: number | string | undefined;
	to: number | string | undefined;
	/** to − from, when both are numbers. */
	delta: number | undefined;
}

export interface FigureDiff {
	changed: FigureChange[];
	added: Figure[];
	removed: Figure[];
}

const key = (f: Figure) => `${f.indicator}@${f.period}`;

/** The figures that differ between two versions: changed fields, and figures added or removed. */
export function diffFigures(before: readonly Figure[], after: readonly Figure[]): FigureDiff {
	const old = new Map(before.map((f) => [key(f), f]));
	const now = new Map(after.map((f) => [key(f), f]));
	const changed: FigureChange[] = [];
	for (const [k, a] of old) {
		const b = now.get(k);
		if (!b) continue;
		for (const field of [...FIGURE_FIELDS, 'status'] as const) {
			const from = a[field];
			const to = b[field];
			if (from === to) continue;
			const delta = typeof from === 'number' && typeof to === 'number' ? roundOff(to - from) : undefined;
			changed.push({ indicator: a.indicator, period: a.period, field, from, to, delta });
		}
	}
	return {
		changed,
		added: after.filter((f) => !old.has(key(f))),
		removed: before.filter((f) => !now.has(key(f))),
	};
}

function sameFigures(a: readonly Figure[], b: readonly Figure[]): boolean {
	const d = diffFigures(a, b);
	return d.changed.length === 0 && d.added.length === 0 && d.removed.length === 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Text                                                                                         */

export type DiffPart = { type: 'same' | 'added' | 'removed'; text: string };

/** A changed paragraph as words kept, removed and added; or a paragraph added or removed whole. */
export type TextChange =
	| { type: 'changed'; parts: DiffPart[] }
	| { type: 'added' | 'removed'; text: string };

function lcsDiff<T>(a: readonly T[], b: readonly T[]): { type: 'same' | 'added' | 'removed'; item: T }[] {
	const n = a.length;
	const m = b.length;
	const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
	for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
	const out: { type: 'same' | 'added' | 'removed'; item: T }[] = [];
	let i = 0;
	let j = 0;
	while (i < n && j < m) {
		if (a[i] === b[j]) {
			out.push({ type: 'same', item: a[i]! });
			i++;
			j++;
		} else if (table[i + 1]![j]! >= table[i]![j + 1]!) {
			out.push({ type: 'removed', item: a[i++]! });
		} else {
			out.push({ type: 'added', item: b[j++]! });
		}
	}
	while (i < n) out.push({ type: 'removed', item: a[i++]! });
	while (j < m) out.push({ type: 'added', item: b[j++]! });
	return out;
}

function paragraphs(text: string): string[] {
	return text
		.replace(/\r\n/g, '\n')
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean);
}

/**
 * The prose changes between two versions, paragraph by paragraph; a paragraph removed and another
 * added in its place, keeping some sentences, are shown as one changed paragraph, sentence by sentence.
 */
export function diffText(before: string, after: string): TextChange[] {
	const steps = lcsDiff(paragraphs(before), paragraphs(after));
	const changes: TextChange[] = [];
	for (let k = 0; k < steps.length; k++) {
		const step = steps[k]!;
		if (step.type === 'same') continue;
		const next = steps[k + 1];
		// A paragraph replaced by another that keeps some of its sentences is shown sentence by sentence.
		const sentences = (p: string) => p.split(/(?<=[.!?;:])\s+/);
		const steps2 = step.type === 'removed' && next?.type === 'added' ? lcsDiff(sentences(step.item), sentences(next.item)) : [];
		if (steps2.some((w) => w.type === 'same')) {
			const parts: DiffPart[] = steps2.map((w) => ({ type: w.type, text: w.item }));
			changes.push({ type: 'changed', parts });
			k++;
		} else {
			changes.push({ type: step.type, text: step.item });
		}
	}
	return changes;
}

/** Everything that changed from one version to the next. */
export interface VersionComparison {
	from: Version;
	to: Version;
	figures: FigureDiff;
	/** Prose changes; empty when the text is the same. */
	text: TextChange[];
}

/**
 * What changed between two readable versions; undefined when either cannot be read. The prose is
 * compared in the given texts (a translation) when both are passed, else in the report's own.
 */
export function compareVersions(from: Version, to: Version, texts?: { from: string | undefined; to: string | undefined }): VersionComparison | undefined {
	if (!from.state.ok || !to.state.ok) return undefined;
	const before = texts?.from !== undefined && texts.to !== undefined ? texts.from : from.state.body;
	const after = texts?.from !== undefined && texts.to !== undefined ? texts.to : to.state.body;
	return { from, to, figures: diffFigures(from.state.figures, to.state.figures), text: diffText(before, after) };
}
