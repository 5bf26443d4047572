/**
 * A report file as the editing form (/admin/, Decap CMS) sees it, and back.
 *
 * `fromFile` turns `content/reports/<year>.mdx` into the form's data: figures grouped by the
 * catalogue's categories, numbers written the Vietnamese way (`13,87`), notes in two fields.
 * `toFile` writes the form back by patching the original text, not by printing the data again: what
 * the editor did not change keeps its bytes (comments, key order, quotes, blank lines), so saving an
 * unchanged report leaves the file byte-identical and changing one figure changes one line. Version
 * history and its diffs depend on that. Every save is then read back and compared with what the
 * form holds, so a mistake in the patching refuses the save instead of writing a wrong figure.
 */
import { isMap, isScalar, isSeq, parse, parseDocument, stringify, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Indicator, Locale } from '../content/model.ts';
import { splitFrontmatter, YAML_OPTIONS } from '../content/frontmatter.ts';
import { formNumberText, readFormNumber, writtenDecimals } from '../content/written-number.ts';
import type { CmsWords } from '../../i18n/cms/index.ts';

/** One figure as the form holds it: every number as text, the note in two fields. */
export interface FormFigure {
	value?: string;
	period?: number | '';
	status?: string;
	boundaries?: string;
	rank?: number | '';
	of?: number | '';
	total?: string;
	target?: string;
	note_vi?: string;
	note_en?: string;
	source?: string;
}

export interface FormRevision {
	date?: string;
	kind?: string;
	note_vi?: string;
	note_en?: string;
}

/** The form's data for a report (`kind: report`) or a translation (`kind: translation`). */
export interface FormData {
	kind: 'report' | 'translation';
	year?: number | '';
	title?: string;
	summary?: string;
	published?: string;
	source?: { title?: string; url?: string } | null;
	draft?: boolean;
	/** Figures by category, then by indicator id: a list, one entry per period. */
	figures?: Record<string, Record<string, FormFigure[] | null | undefined> | null | undefined>;
	revisions?: FormRevision[] | null;
	body?: string;
	/** The file as it was loaded, so the save can patch it; absent for a new report. */
	annals_file?: string;
	/** Why the file could not be read into the form; its save is refused with this message. */
	annals_error?: string;
}

/** What the form needs to know: the catalogue, the report's language and the words of its errors. */
export interface ReportFormatContext {
	indicators: readonly Indicator[];
	/** The language `<year>.mdx` is written in (site.yaml's defaultLocale). */
	lang: Locale;
	words: CmsWords;
}

/** The custom format the report collections use (src/client/admin.ts registers it with Decap). */
export const REPORT_FORMAT = 'annals-report';

/** A save the form refuses, with the message the editor sees. */
export class FormError extends Error {
	// Decap shows String(error): the editor reads the message alone, not "FormError: …".
	override name = '';
}

/** The keys of a report's frontmatter, in the order a new file gets them. */
export const REPORT_KEYS = ['year', 'title', 'summary', 'published', 'source', 'draft', 'indicators', 'revisions'] as const;
/** The keys of a figure object, in the order a new figure gets them. */
export const FIGURE_KEYS = ['value', 'total', 'period', 'status', 'boundaries', 'rank', 'of', 'target', 'note', 'source'] as const;
const NUMBER_KEYS = ['value', 'total', 'target'] as const;
const WHOLE_KEYS = ['period', 'rank', 'of'] as const;

type NumberText = { value: number; yaml: string };
type Note = string | { vi: string; en: string };
/** A figure as the file means it, for comparing what the form holds with what the file holds. */
interface FigureSpec {
	value?: NumberText;
	total?: NumberText;
	target?: NumberText;
	period?: number;
	rank?: number;
	of?: number;
	status?: string;
	boundaries?: string;
	note?: Note;
	source?: string;
}
interface RevisionSpec {
	date: string;
	kind: string;
	note: Note;
}

/** Indicators whose figures are counts out of a total (15 of 18 targets) may have a total. */
export function allowsTotal(indicator: Pick<Indicator, 'unit'>): boolean {
	return indicator.unit === 'count' || indicator.unit === 'number';
}

/** Whole numbers only: counts. */
function wholeOnly(indicator: Pick<Indicator, 'unit'> | undefined): boolean {
	return indicator?.unit === 'count';
}

const blank = (v: unknown): boolean => v === undefined || v === null || v === '' || (typeof v === 'string' && v.trim() === '');
const text = (v: unknown): string | undefined => (blank(v) ? undefined : String(v).trim());

// ---------------------------------------------------------------------------------------------
// Reading a file into the form
// ---------------------------------------------------------------------------------------------

function scalarNumber(node: unknown): NumberText | undefined {
	if (!isScalar(node) || typeof node.value !== 'number') return undefined;
	const source = (node as { source?: string }).source ?? String(node.value);
	return { value: node.value, yaml: source };
}

/**
 * The figures among specs: new-report's placeholder for an edition (`value:` empty, `period: 2024`)
 * is shown in the form, with its period, but states nothing.
 */
const stated = (specs: FigureSpec[]): FigureSpec[] => specs.filter((spec) => Object.keys(spec).some((key) => key !== 'period'));

/** What a figure entry of the file states, with its numbers as written. */
function specsOf(node: unknown): FigureSpec[] {
	if (isScalar(node)) {
		const value = scalarNumber(node);
		return value ? [{ value }] : [];
	}
	const objects = isSeq(node) ? node.items : isMap(node) ? [node] : [];
	// A placeholder left to fill (`value:` with nothing after it, as new-report writes) is no figure.
	return objects.filter(isMap).flatMap((map) => {
		const spec: FigureSpec = {};
		for (const pair of (map as YAMLMap).items) {
			const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
			if (key === 'value' || key === 'total' || key === 'target') {
				const n = scalarNumber(pair.value);
				if (n) spec[key] = n;
			} else if (key === 'period' || key === 'rank' || key === 'of') {
				const v = isScalar(pair.value) ? pair.value.value : undefined;
				if (typeof v === 'number') spec[key] = v;
			} else if (key === 'status' || key === 'source' || key === 'boundaries') {
				const v = isScalar(pair.value) ? pair.value.value : undefined;
				if (v !== null && v !== undefined) spec[key] = String(v);
			} else if (key === 'note') {
				const v = (pair.value as Node | null)?.toJSON?.() as unknown;
				if (typeof v === 'string') spec.note = v;
				else if (v && typeof v === 'object') spec.note = v as { vi: string; en: string };
			}
		}
		return Object.keys(spec).length > 0 ? [spec] : [];
	});
}

function noteFields(note: Note | undefined, lang: Locale): { note_vi?: string; note_en?: string } {
	if (note === undefined) return {};
	if (typeof note === 'string') return lang === 'vi' ? { note_vi: note } : { note_en: note };
	return { note_vi: note.vi, note_en: note.en };
}

function formFigure(spec: FigureSpec, lang: Locale): FormFigure {
	const figure: FormFigure = {};
	for (const key of NUMBER_KEYS) {
		const n = spec[key];
		if (n) figure[key] = formNumberText(n.value, writtenDecimals(n.yaml));
	}
	for (const key of WHOLE_KEYS) if (spec[key] !== undefined) figure[key] = spec[key];
	if (spec.status) figure.status = spec.status;
	if (spec.boundaries) figure.boundaries = spec.boundaries;
	if (spec.source) figure.source = spec.source;
	return { ...figure, ...noteFields(spec.note, lang) };
}

/** Parses a file's frontmatter, or says it cannot be read. */
function parseFile(file: string, words: CmsWords): { doc: Document; yamlStart: number; yamlEnd: number; body: string; bodyStart: number } {
	const split = splitFrontmatter(file);
	if (split.yaml === undefined) throw new FormError(words.noFrontmatter);
	const yamlStart = file.indexOf('\n') + 1;
	const yamlEnd = yamlStart + split.yaml.length;
	const doc = parseDocument(split.yaml, YAML_OPTIONS);
	if (doc.errors.length > 0) throw new FormError(words.unreadable(doc.errors[0]!.message));
	// A figure that is another's (`*gov`, `<<: *gov`) would change with it: the form edits plain files only.
	let shared = false;
	visit(doc, {
		Alias: () => ((shared = true), visit.BREAK),
		Pair: (_, pair) => (isScalar(pair.key) && pair.key.value === '<<' ? ((shared = true), visit.BREAK) : undefined),
	});
	if (shared) throw new FormError(words.sharedNodes);
	const bodyStart = file.length - split.body.length;
	return { doc, yamlStart, yamlEnd, body: split.body, bodyStart };
}

/** A file's line ends: CRLF when every line ends so (a Windows checkout), else LF. */
function lineEnds(file: string): '\r\n' | '\n' {
	return file.includes('\r\n') && !/(^|[^\r])\n/.test(file) ? '\r\n' : '\n';
}
const lf = (text: string): string => text.replace(/\r\n/g, '\n');

/**
 * The form's data for a file of content/reports/. A file the form cannot read still loads (the
 * rest of the collection must), with the reason, and is never written back from the form.
 */
export function fromFile(file: string, context: ReportFormatContext): FormData {
	try {
		// Read with LF line ends; the save writes the file's own back (toFile).
		return { ...readForm(lf(file), context), annals_file: file };
	} catch (error) {
		if (!(error instanceof FormError)) throw error;
		return { kind: /^year:/m.test(file) ? 'report' : 'translation', annals_file: file, annals_error: error.message };
	}
}

function readForm(file: string, context: ReportFormatContext): FormData {
	const { doc, body } = parseFile(file, context.words);
	const data = (doc.toJSON() ?? {}) as Record<string, unknown>;
	if (data['year'] === undefined) {
		return { kind: 'translation', title: text(data['title']) ?? '', summary: text(data['summary']) ?? '', body, annals_file: file };
	}
	const figures: NonNullable<FormData['figures']> = {};
	const indicators = doc.get('indicators', true);
	for (const indicator of context.indicators) {
		const node = isMap(indicators) ? indicators.get(indicator.id, true) : undefined;
		const specs = node === undefined ? [] : specsOf(node);
		(figures[indicator.category] ??= {})[indicator.id] = specs.map((spec) => formFigure(spec, context.lang));
	}
	const revisions = Array.isArray(data['revisions']) ? (data['revisions'] as Record<string, unknown>[]) : [];
	const source = data['source'] as { title?: string; url?: string } | undefined;
	return {
		kind: 'report',
		year: typeof data['year'] === 'number' ? data['year'] : '',
		title: text(data['title']) ?? '',
		summary: text(data['summary']) ?? '',
		published: text(data['published']) ?? '',
		...(source ? { source: { title: source.title ?? '', url: source.url ?? '' } } : {}),
		draft: data['draft'] === true,
		figures,
		revisions: revisions.map((r) => ({
			date: text(r['date']) ?? '',
			kind: text(r['kind']) ?? '',
			...noteFields(r['note'] as Note | undefined, context.lang),
		})),
		body,
		annals_file: file,
	};
}

// ---------------------------------------------------------------------------------------------
// What the form means
// ---------------------------------------------------------------------------------------------

function readNote(vi: unknown, en: unknown, lang: Locale, where: string, words: CmsWords): Note | undefined {
	const [v, e] = [text(vi), text(en)];
	if (v !== undefined && e !== undefined) return { vi: v, en: e };
	const own = lang === 'vi' ? v : e;
	if (own !== undefined) return own;
	if (v !== undefined || e !== undefined) throw new FormError(words.noteInOtherLanguage(where, lang));
	return undefined;
}

function readSpec(figure: FormFigure, indicator: Indicator, lang: Locale, words: CmsWords): FigureSpec | undefined {
	const spec: FigureSpec = {};
	for (const key of NUMBER_KEYS) {
		const written = text(figure[key]);
		if (written === undefined) continue;
		const read = readFormNumber(written, key === 'total' || wholeOnly(indicator));
		if (!read) throw new FormError(words.notANumber(indicator.label[words.locale], written, key === 'total' || wholeOnly(indicator)));
		spec[key] = read;
	}
	for (const key of WHOLE_KEYS) {
		const v = figure[key];
		if (blank(v)) continue;
		const n = Number(v);
		if (!Number.isInteger(n)) throw new FormError(words.notANumber(indicator.label[words.locale], String(v), true));
		spec[key] = n;
	}
	const status = text(figure.status);
	if (status) spec.status = status;
	const boundaries = text(figure.boundaries);
	if (boundaries) spec.boundaries = boundaries;
	const source = text(figure.source);
	if (source) spec.source = source;
	const note = readNote(figure.note_vi, figure.note_en, lang, indicator.label[words.locale], words);
	if (note !== undefined) spec.note = note;
	return Object.keys(spec).some((key) => key !== 'period') ? spec : undefined;
}

/** The figures the form holds, by indicator id, in catalogue order. */
function formSpecs(data: FormData, context: ReportFormatContext): Map<string, FigureSpec[]> {
	const specs = new Map<string, FigureSpec[]>();
	for (const indicator of context.indicators) {
		const list = data.figures?.[indicator.category]?.[indicator.id] ?? [];
		specs.set(
			indicator.id,
			list.map((f) => readSpec(f ?? {}, indicator, context.lang, context.words)).filter((s): s is FigureSpec => s !== undefined),
		);
	}
	return specs;
}

function formRevisions(data: FormData, context: ReportFormatContext): RevisionSpec[] {
	return (data.revisions ?? []).map((r, i) => {
		const note = readNote(r.note_vi, r.note_en, context.lang, context.words.revisionNumber(i + 1), context.words);
		const [date, kind] = [text(r.date), text(r.kind)];
		if (!date || !kind || note === undefined) throw new FormError(context.words.revisionIncomplete(i + 1));
		return { date, kind, note };
	});
}

/** The same number written with the same decimals; a number in other notation (`1e-7`) by its value alone. */
function sameNumber(a: NumberText | undefined, b: NumberText | undefined): boolean {
	if (a === undefined || b === undefined) return a === b;
	const [da, db] = [writtenDecimals(a.yaml), writtenDecimals(b.yaml)];
	return a.value === b.value && (da === undefined || db === undefined || da === db);
}
/** Notes compared by what they say: each language by name, whatever the order or the blank lines around. */
function sameNote(a: Note | undefined, b: Note | undefined): boolean {
	if (a === undefined || b === undefined) return a === b;
	if (typeof a === 'string' || typeof b === 'string') return typeof a === typeof b && String(a).trim() === String(b).trim();
	return a.vi?.trim() === b.vi?.trim() && a.en?.trim() === b.en?.trim();
}

function sameField(key: (typeof FIGURE_KEYS)[number], a: FigureSpec, b: FigureSpec): boolean {
	if (key === 'value' || key === 'total' || key === 'target') return sameNumber(a[key], b[key]);
	if (key === 'note') return sameNote(a.note, b.note);
	return a[key] === b[key];
}
const sameSpec = (a: FigureSpec, b: FigureSpec): boolean => FIGURE_KEYS.every((key) => sameField(key, a, b));
const sameSpecs = (a: FigureSpec[], b: FigureSpec[]): boolean => a.length === b.length && a.every((s, i) => sameSpec(s, b[i]!));

/** The fields that make a figure what it is: changing one after publication is a correction. */
const FIGURE_FACTS = ['value', 'total', 'target', 'period', 'rank', 'of', 'status', 'boundaries'] as const;

// ---------------------------------------------------------------------------------------------
// Writing YAML text
// ---------------------------------------------------------------------------------------------

/** A string as one YAML scalar at `indent`: plain where it can be, quoted where it must. */
function scalar(value: string, indent: number): string {
	if (value.includes('\n'))
		return `|-\n${value
			.split('\n')
			.map((line) => (line ? `${' '.repeat(indent + 2)}${line}` : ''))
			.join('\n')}`;
	const plain = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
	// YAML 1.2 leaves `2025-06-30` a string; js-yaml, which Astro reads with, makes it a date.
	return /^\d{4}-\d\d?-\d\d?([Tt\s].*)?$/.test(plain) ? JSON.stringify(value) : plain;
}

function noteLines(key: string, note: Note, indent: number): string[] {
	const pad = ' '.repeat(indent);
	if (typeof note === 'string') return [`${pad}${key}: ${scalar(note, indent)}`];
	return [`${pad}${key}:`, `${pad}  vi: ${scalar(note.vi, indent + 2)}`, `${pad}  en: ${scalar(note.en, indent + 2)}`];
}

/** The lines of one field of a figure, at `indent`. */
function fieldLines(key: (typeof FIGURE_KEYS)[number], spec: FigureSpec, indent: number): string[] {
	const pad = ' '.repeat(indent);
	if (key === 'note') return spec.note === undefined ? [] : noteLines('note', spec.note, indent);
	const v = spec[key];
	if (v === undefined) return [];
	if (typeof v === 'object') return [`${pad}${key}: ${v.yaml}`];
	return [`${pad}${key}: ${typeof v === 'number' ? String(v) : scalar(v, indent)}`];
}

function specLines(spec: FigureSpec, indent: number): string[] {
	return FIGURE_KEYS.flatMap((key) => fieldLines(key, spec, indent));
}

/** An indicator's entry, `  id: 13.87` or a block, at `indent`. */
function indicatorLines(id: string, specs: FigureSpec[], indent: number): string[] {
	const pad = ' '.repeat(indent);
	const only = specs.length === 1 ? specs[0]! : undefined;
	if (only && only.value && FIGURE_KEYS.every((k) => k === 'value' || only[k] === undefined)) return [`${pad}${id}: ${only.value.yaml}`];
	if (only) return [`${pad}${id}:`, ...specLines(only, indent + 2)];
	return [`${pad}${id}:`, ...specs.flatMap((spec) => specLines(spec, indent + 4).map((line, i) => (i === 0 ? `${pad}  - ${line.trimStart()}` : line)))];
}

function revisionLines(revision: RevisionSpec, indent: number): string[] {
	const pad = ' '.repeat(indent);
	return [`${pad}- date: ${revision.date}`, `${pad}  kind: ${revision.kind}`, ...noteLines('note', revision.note, indent + 2)];
}

// ---------------------------------------------------------------------------------------------
// Patching the original text
// ---------------------------------------------------------------------------------------------

interface Edit {
	start: number;
	end: number;
	text: string;
}

/** Edits to a text, applied together from the end so their offsets stay true. */
class Patch {
	readonly edits: Edit[] = [];
	readonly source: string;
	/** Where the frontmatter starts in the file: the parsed nodes' offsets count from there. */
	readonly offset: number;
	// Node runs this file with type stripping, which has no parameter properties.
	constructor(source: string, offset: number) {
		this.source = source;
		this.offset = offset;
	}

	lineStart(at: number): number {
		return this.source.lastIndexOf('\n', at - 1) + 1;
	}
	/** The offset just after the line that holds `at`. */
	lineAfter(at: number): number {
		const end = this.source.indexOf('\n', at);
		return end === -1 ? this.source.length : end + 1;
	}
	replace(start: number, end: number, text: string): void {
		this.edits.push({ start, end, text });
	}
	/** Whole lines in place of a pair, from its key's line to the end of its value's last line. */
	replacePair(pair: Pair, lines: string[], { withComments = false } = {}): void {
		const [first, end] = this.pairLines(pair);
		let start = first;
		// The comment lines right above the key, which speak of it.
		while (withComments && start > 0) {
			const above = this.lineStart(start - 1);
			if (!/^\s*#/.test(this.source.slice(above, start))) break;
			start = above;
		}
		this.replace(start, end, lines.length ? `${lines.join('\n')}\n` : '');
	}
	/**
	 * A scalar value in place of a pair's value: replaced where there is one, else written after the
	 * key's colon, before any comment (`grdp_growth: # …` becomes `grdp_growth: 8.5 # …`).
	 */
	setScalar(pair: Pair, text: string): void {
		const value = pair.value as Node | null;
		if (isScalar(value) && value.value !== null && value.range) {
			this.replace(this.offset + value.range[0], this.offset + value.range[1], text);
			return;
		}
		const colon = this.source.indexOf(':', this.offset + (pair.key as Node).range![1]);
		this.replace(colon + 1, colon + 1, ` ${text}`);
	}
	insertAfterPair(pair: Pair | undefined, map: YAMLMap, lines: string[]): void {
		const at = pair ? this.pairLines(pair)[1] : this.lineStart(this.offset + (map.range?.[0] ?? 0));
		this.replace(at, at, `${lines.join('\n')}\n`);
	}
	pairLines(pair: Pair): [number, number] {
		const key = pair.key as Node;
		const value = pair.value as Node | null;
		const last = value?.range ? value.range[1] : (key.range?.[1] ?? 0);
		return [this.lineStart(this.offset + key.range![0]), this.lineAfter(this.offset + Math.max(last - 1, key.range![0]))];
	}
	apply(): string {
		let out = this.source;
		// From the end; of two insertions at one place, the one made first ends up first.
		const order = this.edits.map((edit, i) => ({ edit, i })).sort((a, b) => b.edit.start - a.edit.start || b.i - a.i);
		for (const { edit } of order) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
		return out;
	}
}

const keyOf = (pair: Pair): string | undefined => (isScalar(pair.key) ? String(pair.key.value) : undefined);
const pairIn = (map: YAMLMap, key: string): Pair | undefined => map.items.find((p) => keyOf(p) === key);
/** The column a block map's keys start at. */
function columnOf(map: YAMLMap, patch: Patch): number {
	const first = map.items[0]?.key as Node | undefined;
	const at = patch.offset + (first?.range?.[0] ?? 0);
	return at - patch.lineStart(at);
}

/** Sets, replaces or removes `key` in a block map, keeping every other line. `order` places a new key. */
function patchField(patch: Patch, map: YAMLMap, key: string, lines: string[], order: readonly string[], scalarText?: string): void {
	const pair = pairIn(map, key);
	if (pair) {
		const value = pair.value as Node | null;
		const block = isScalar(value) && (value.type === 'BLOCK_FOLDED' || value.type === 'BLOCK_LITERAL');
		// A block scalar (`>-`) or text that becomes one takes its own lines: written whole.
		if (scalarText !== undefined && !scalarText.includes('\n') && !block && (value === null || isScalar(value))) patch.setScalar(pair, scalarText);
		else patch.replacePair(pair, lines);
		return;
	}
	if (lines.length === 0) return;
	const before = order.slice(0, order.indexOf(key));
	const previous = [...map.items].reverse().find((p) => before.includes(keyOf(p) ?? ''));
	if (previous) patch.insertAfterPair(previous, map, lines);
	else if (map.items.length > 0) patch.replace(patch.pairLines(map.items[0]!)[0], patch.pairLines(map.items[0]!)[0], `${lines.join('\n')}\n`);
	else patch.insertAfterPair(undefined, map, lines);
}

function scalarTextOf(key: (typeof FIGURE_KEYS)[number], spec: FigureSpec): string | undefined {
	const v = spec[key];
	if (v === undefined || key === 'note') return undefined;
	if (typeof v === 'object') return 'yaml' in v ? v.yaml : undefined;
	return typeof v === 'number' ? String(v) : scalar(v, 0);
}

/** Changes a figure object in place, field by field. */
function patchFigure(patch: Patch, map: YAMLMap, old: FigureSpec, spec: FigureSpec): void {
	const column = columnOf(map, patch);
	for (const key of FIGURE_KEYS) {
		if (sameField(key, old, spec)) continue;
		patchField(patch, map, key, fieldLines(key, spec, column), FIGURE_KEYS, spec[key] === undefined ? undefined : scalarTextOf(key, spec));
	}
}

/**
 * Whether a list item (`- value: …`) can be changed field by field: its first line holds the dash,
 * so that line may have its scalar replaced but is never removed or preceded by a new field.
 */
function listItemPatchable(map: YAMLMap, old: FigureSpec, spec: FigureSpec): boolean {
	const first = keyOf(map.items[0]!);
	return FIGURE_KEYS.every((key) => {
		if (sameField(key, old, spec)) return true;
		if (key === first) return key !== 'note' && spec[key] !== undefined;
		const present = map.items.map((p) => keyOf(p));
		return present.includes(key) || FIGURE_KEYS.slice(0, FIGURE_KEYS.indexOf(key)).some((k) => present.includes(k));
	});
}

function patchIndicator(patch: Patch, indicators: YAMLMap, pair: Pair, id: string, old: FigureSpec[], specs: FigureSpec[]): void {
	const node = pair.value;
	const column = columnOf(indicators, patch);
	const whole = () => patch.replacePair(pair, specs.length ? indicatorLines(id, specs, column) : []);
	if (specs.length === 0) return whole();
	if ((node === null || isScalar(node)) && specs.length === 1 && indicatorLines(id, specs, column).length === 1)
		return patch.setScalar(pair, specs[0]!.value!.yaml);
	// A figure object, or a placeholder one (`value:` and `total:` left empty), is filled field by field.
	if (isMap(node) && !node.flow && specs.length === 1 && old.length <= 1) return patchFigure(patch, node, old[0] ?? {}, specs[0]!);
	if (
		isSeq(node) &&
		!node.flow &&
		node.items.length === specs.length &&
		node.items.every((item, i) => isMap(item) && !item.flow && listItemPatchable(item, old[i]!, specs[i]!))
	) {
		node.items.forEach((item, i) => patchFigure(patch, item as YAMLMap, old[i]!, specs[i]!));
		return;
	}
	whole();
}

function sameRevision(a: RevisionSpec, b: RevisionSpec): boolean {
	return a.date === b.date && a.kind === b.kind && sameNote(a.note, b.note);
}
const sameRevisions = (a: RevisionSpec[], b: RevisionSpec[]) => a.length === b.length && a.every((r, i) => sameRevision(r, b[i]!));

function revisionsOf(node: unknown): RevisionSpec[] {
	const value = (node as Node | undefined)?.toJSON?.() as unknown;
	return Array.isArray(value) ? (value as RevisionSpec[]).map((r) => ({ date: String(r.date), kind: String(r.kind), note: r.note })) : [];
}

/** What a frontmatter means, for the read-back check. */
function meaning(yamlText: string): unknown {
	return parse(yamlText, YAML_OPTIONS) as unknown;
}

// ---------------------------------------------------------------------------------------------
// Writing the form back
// ---------------------------------------------------------------------------------------------

interface Target {
	year: number;
	title: string;
	summary: string;
	published: string;
	source: { title: string; url: string } | undefined;
	draft: boolean;
	figures: Map<string, FigureSpec[]>;
	revisions: RevisionSpec[];
	body: string;
}

function readTarget(data: FormData, context: ReportFormatContext): Target {
	const { words } = context;
	const year = Number(data.year);
	if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new FormError(words.yearMissing);
	const [title, summary, published] = [text(data.title), text(data.summary), text(data.published)];
	if (!title || !summary || !published) throw new FormError(words.required);
	const sourceTitle = text(data.source?.title);
	const sourceUrl = text(data.source?.url);
	if ((sourceTitle === undefined) !== (sourceUrl === undefined)) throw new FormError(words.sourceHalf);
	return {
		year,
		title,
		summary,
		published,
		source: sourceTitle && sourceUrl ? { title: sourceTitle, url: sourceUrl } : undefined,
		draft: data.draft === true,
		figures: formSpecs(data, context),
		revisions: formRevisions(data, context),
		body: data.body ?? '',
	};
}

/** A new report's file, keys in canonical order and indicators in catalogue order. */
function newReportFile(target: Target): string {
	const lines = ['---', `year: ${target.year}`, `title: ${scalar(target.title, 0)}`, `summary: ${scalar(target.summary, 0)}`, `published: ${target.published}`];
	if (target.source) lines.push('source:', `  title: ${scalar(target.source.title, 2)}`, `  url: ${scalar(target.source.url, 2)}`);
	if (target.draft) lines.push('draft: true');
	const figures = [...target.figures].filter(([, specs]) => specs.length > 0);
	if (figures.length > 0) lines.push('indicators:', ...figures.flatMap(([id, specs]) => indicatorLines(id, specs, 2)));
	if (target.revisions.length > 0) lines.push('revisions:', ...target.revisions.flatMap((r) => revisionLines(r, 2)));
	lines.push('---');
	return `${lines.join('\n')}\n${target.body}`;
}

/** A new report's text: a blank line after the frontmatter, one newline at the end. */
function newBody(body: string): string {
	const trimmed = body.trim();
	return trimmed ? `\n${trimmed}\n` : '';
}

/**
 * The text the form holds, in the original's place: the same words, whatever whitespace the editor
 * widget trimmed at either end, keep the original's bytes; changed words keep its margins.
 */
function bodyFor(formBody: string, original: string): string {
	if (formBody.trim() === original.trim()) return original;
	// A file that ends at its closing `---`: the text starts on a line of its own.
	if (original === '') return `\n${formBody.trim()}\n`;
	const lead = /^\s*/.exec(original)![0];
	const trail = /\s*$/.exec(original)![0];
	return `${lead}${formBody.trim()}${trail || '\n'}`;
}

/**
 * Refuses a change to a published figure that comes without a new revisions entry: a published
 * figure never changes silently (the same rule `npm run check` keeps against the history).
 */
function requireRevision(old: Map<string, FigureSpec[]>, target: Target, oldRevisions: RevisionSpec[], wasDraft: boolean, context: ReportFormatContext): void {
	const { words } = context;
	if (wasDraft) return;
	if (target.draft) throw new FormError(words.noRedraft);
	// Entries already there keep their date and kind; only their wording may change.
	const kept =
		target.revisions.length >= oldRevisions.length &&
		oldRevisions.every((r, i) => r.date === target.revisions[i]!.date && r.kind === target.revisions[i]!.kind);
	if (!kept) throw new FormError(words.revisionsKept);
	const byPeriod = (specs: FigureSpec[]) => {
		const groups = new Map<number, FigureSpec[]>();
		for (const spec of specs) groups.set(spec.period ?? target.year, [...(groups.get(spec.period ?? target.year) ?? []), spec]);
		return groups;
	};
	const changed: string[] = [];
	for (const [id, before] of old) {
		if (before.length === 0) continue;
		const after = byPeriod(target.figures.get(id) ?? []);
		// Every period published keeps its figures, fact for fact; a new period is an addition.
		const moved = [...byPeriod(before)].some(([period, specs]) => {
			const now = after.get(period) ?? [];
			return now.length !== specs.length || specs.some((spec, i) => FIGURE_FACTS.some((key) => !sameField(key, spec, now[i]!)));
		});
		if (moved) changed.push(context.indicators.find((i) => i.id === id)?.label[words.locale] ?? id);
	}
	if (changed.length === 0) return;
	const added = target.revisions.length > oldRevisions.length;
	if (!added) throw new FormError(words.revisionRequired(changed));
}

/** The file for the form's data: the original patched where the form changed it, or a new report. */
export function toFile(data: FormData, context: ReportFormatContext): string {
	if (data.annals_error) throw new FormError(data.annals_error);
	const original = data.annals_file;
	const eol = original ? lineEnds(original) : '\n';
	const out = writeFile({ ...data, body: lf(data.body ?? ''), ...(original ? { annals_file: lf(original) } : {}) }, context);
	return eol === '\r\n' ? out.replace(/\n/g, '\r\n') : out;
}

function writeFile(data: FormData, context: ReportFormatContext): string {
	const { words } = context;
	if (data.kind === 'translation') return translationToFile(data, context);
	const target = readTarget(data, context);
	if (!data.annals_file) return checked(newReportFile({ ...target, body: newBody(target.body) }), { ...target, body: newBody(target.body) }, words);

	const file = data.annals_file;
	const { doc, yamlStart, bodyStart, body } = parseFile(file, words);
	const root = doc.contents;
	if (!isMap(root)) throw new FormError(words.unreadable('frontmatter is not a map'));
	const patch = new Patch(file, yamlStart);
	const json = (doc.toJSON() ?? {}) as Record<string, unknown>;

	// Top-level fields.
	const top = (key: string, value: string | undefined, lines: string[]) => patchField(patch, root, key, value === undefined ? [] : lines, REPORT_KEYS, value);
	// The year names the file and every figure without a period: a report never changes year.
	if (json['year'] !== target.year) throw new FormError(words.yearFixed(Number(json['year'])));
	if (text(json['title']) !== target.title) top('title', scalar(target.title, 0), [`title: ${scalar(target.title, 0)}`]);
	if (text(json['summary']) !== target.summary) top('summary', scalar(target.summary, 0), [`summary: ${scalar(target.summary, 0)}`]);
	if (text(json['published']) !== target.published) top('published', target.published, [`published: ${target.published}`]);
	const oldSource = json['source'] as { title?: string; url?: string } | undefined;
	if (JSON.stringify(oldSource ? { title: oldSource.title, url: oldSource.url } : undefined) !== JSON.stringify(target.source)) {
		const lines = target.source ? ['source:', `  title: ${scalar(target.source.title, 2)}`, `  url: ${scalar(target.source.url, 2)}`] : [];
		patchField(patch, root, 'source', lines, REPORT_KEYS);
	}
	const wasDraft = json['draft'] === true;
	const draftPair = pairIn(root, 'draft');
	if (wasDraft && !target.draft && draftPair) {
		// Published: the draft line goes, with the comment new-report put above it.
		patch.replacePair(draftPair, [], { withComments: true });
	} else if (wasDraft !== target.draft) top('draft', String(target.draft), [`draft: ${target.draft}`]);

	// Figures, indicator by indicator; ids outside the catalogue are left as they are.
	const indicatorsPair = pairIn(root, 'indicators');
	const indicators = indicatorsPair?.value;
	const old = new Map<string, FigureSpec[]>();
	for (const indicator of context.indicators) {
		const node = isMap(indicators) ? indicators.get(indicator.id, true) : undefined;
		old.set(indicator.id, node === undefined ? [] : stated(specsOf(node)));
	}
	const oldRevisions = revisionsOf(doc.get('revisions', true));
	requireRevision(old, target, oldRevisions, wasDraft, context);
	if (isMap(indicators) && !indicators.flow) {
		const order = context.indicators.map((i) => i.id);
		for (const [id, specs] of target.figures) {
			const before = old.get(id) ?? [];
			const pair = pairIn(indicators, id);
			// A published report keeps no placeholder left empty (`grdp_scale: # …` from new-report).
			if (specs.length === 0 && before.length === 0 && pair && !target.draft) patch.replacePair(pair, [], { withComments: false });
			if (sameSpecs(before, specs)) continue;
			if (pair) patchIndicator(patch, indicators, pair, id, before, specs);
			else {
				const column = indicators.items.length ? columnOf(indicators, patch) : 2;
				patchField(patch, indicators, id, indicatorLines(id, specs, column), [...order, ...indicators.items.map((p) => keyOf(p) ?? '')]);
			}
		}
	} else if ([...target.figures].some(([id, specs]) => !sameSpecs(old.get(id) ?? [], specs))) {
		const figures = [...target.figures].filter(([, specs]) => specs.length > 0);
		const kept = isMap(indicators) ? indicators.items.filter((p) => !target.figures.has(keyOf(p) ?? '')) : [];
		if (kept.length > 0) throw new FormError(words.unreadable('indicators written in flow style'));
		patchField(
			patch,
			root,
			'indicators',
			figures.length ? ['indicators:', ...figures.flatMap(([id, specs]) => indicatorLines(id, specs, 2))] : [],
			REPORT_KEYS,
		);
	}

	// Revisions: entries added at the end keep the earlier ones' lines.
	const revisionsNode = doc.get('revisions', true);
	const extends_ = target.revisions.length >= oldRevisions.length && oldRevisions.every((r, i) => sameRevision(r, target.revisions[i]!));
	if (!extends_ || target.revisions.length !== oldRevisions.length) {
		const added = target.revisions.slice(oldRevisions.length);
		if (extends_ && isSeq(revisionsNode) && !revisionsNode.flow && revisionsNode.items.length > 0) {
			const last = revisionsNode.items.at(-1) as Node;
			const at = patch.lineAfter(patch.offset + Math.max(last.range![1] - 1, 0));
			const first = revisionsNode.items[0] as Node;
			const column = patch.offset + first.range![0] - patch.lineStart(patch.offset + first.range![0]) - 2;
			patch.replace(at, at, `${added.flatMap((r) => revisionLines(r, column)).join('\n')}\n`);
		} else {
			const lines = target.revisions.length ? ['revisions:', ...target.revisions.flatMap((r) => revisionLines(r, 2))] : [];
			patchField(patch, root, 'revisions', lines, REPORT_KEYS);
		}
	}

	// The text.
	const newText = bodyFor(target.body, body);
	if (newText !== body) patch.replace(bodyStart, file.length, newText);
	return checked(patch.apply(), { ...target, body: newText }, words);
}

function translationToFile(data: FormData, context: ReportFormatContext): string {
	const { words } = context;
	const [title, summary] = [text(data.title), text(data.summary)];
	if (!title || !summary) throw new FormError(words.required);
	if (!data.annals_file) throw new FormError(words.translationNew);
	const { doc, yamlStart, bodyStart, body } = parseFile(data.annals_file, words);
	const root = doc.contents;
	if (!isMap(root)) throw new FormError(words.unreadable('frontmatter is not a map'));
	const patch = new Patch(data.annals_file, yamlStart);
	const json = (doc.toJSON() ?? {}) as Record<string, unknown>;
	for (const [key, value] of [
		['title', title],
		['summary', summary],
	] as const) {
		if (text(json[key]) !== value) patchField(patch, root, key, [`${key}: ${scalar(value, 0)}`], ['title', 'summary'], scalar(value, 0));
	}
	const newText = bodyFor(data.body ?? '', body);
	if (newText !== body) patch.replace(bodyStart, data.annals_file.length, newText);
	const out = patch.apply();
	const split = splitFrontmatter(out);
	const after = meaning(split.yaml ?? '') as Record<string, unknown>;
	if (text(after['title']) !== title || text(after['summary']) !== summary || split.body !== newText) throw new FormError(words.internal);
	return out;
}

/** Reads a written file back and refuses it unless it says exactly what the form holds. */
function checked(file: string, target: Target, words: CmsWords): string {
	const split = splitFrontmatter(file);
	const doc = parseDocument(split.yaml ?? '', YAML_OPTIONS);
	if (doc.errors.length > 0 || !isMap(doc.contents)) throw new FormError(words.internal);
	const json = (doc.toJSON() ?? {}) as Record<string, unknown>;
	const indicators = doc.get('indicators', true);
	const figuresMatch = [...target.figures].every(([id, specs]) => {
		const node = isMap(indicators) ? indicators.get(id, true) : undefined;
		return sameSpecs(node === undefined ? [] : stated(specsOf(node)), specs);
	});
	const source = json['source'] as { title?: string; url?: string } | undefined;
	const ok =
		json['year'] === target.year &&
		text(json['title']) === target.title &&
		text(json['summary']) === target.summary &&
		text(json['published']) === target.published &&
		JSON.stringify(source ? { title: source.title, url: source.url } : undefined) === JSON.stringify(target.source) &&
		(json['draft'] === true) === target.draft &&
		figuresMatch &&
		sameRevisions(revisionsOf(doc.get('revisions', true)), target.revisions) &&
		split.body === target.body;
	if (!ok) throw new FormError(words.internal);
	return file;
}
