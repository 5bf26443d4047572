/**
 * Checks every content file of an archive and says what is wrong in words an editor can act on.
 *
 * One module serves `npm run check`, the Astro content config and the tests, so an editor sees the
 * same message wherever a mistake is caught. It reads plain text in and returns plain data out: no
 * file system, no clock (pass `today`), no Astro.
 *
 * Line and column numbers come from the YAML parser's node positions.
 */
import { reportFilePath } from './paths.ts';
import { isMap, isScalar, isSeq, LineCounter, parse as parseYamlText, parseDocument, type Document, type Node } from 'yaml';
import { isPercentUnit } from '../schemas/indicator.ts';
import type { z } from 'astro/zod';
import { IndicatorSchema } from '../schemas/indicator.ts';
import { figureEntryIssues, FigureFieldsSchema, FigureObjectSchema, ReportFieldsSchema, ReportSchema, RevisionSchema, TranslationSchema, type FigureRule } from '../schemas/report.ts';
import { SiteSchema } from '../schemas/site.ts';
import { figuresFromFrontmatter, type Figure, type Indicator, type Locale, type Report, type Site } from './model.ts';
import { splitFrontmatter, YAML_OPTIONS } from './frontmatter.ts';
import { closestMatch, suggestPercent } from './suggest.ts';
import { readNumberText, THOUSANDS_DOT, writtenDecimals } from './written-number.ts';
import { formatNumber } from './format.ts';
import { findMdxSyntaxError } from './mdx-syntax.ts';
import { checkRecord, compareWithDeployed, couldHaveBeenPublished, recordCatalogue, type RecordCatalogue, type Breach, type DeployedFigure } from './record.ts';
import { buildVersions, committedStates, readStateLeniently, type History } from './versions.ts';
import { checkMessages, checkLanguage, type CheckMessages } from '../i18n/check/index.ts';

/** A content file: its path from the project root (as the editor sees it) and its text. */
export interface ContentFile {
	path: string;
	text: string;
}

/** Everything an archive is made of. */
export interface ContentFiles {
	site: ContentFile;
	indicators: ContentFile;
	/** `reports/<year>.mdx` and their translations `reports/<year>.<lang>.mdx`. */
	reports: ContentFile[];
}

/** One thing wrong with the content, located precisely enough to fix it. */
export interface Problem {
	/** Errors stop the build; warnings are printed and the build goes on. */
	severity: 'error' | 'warning';
	file: string;
	line: number;
	column: number;
	/** The field path, e.g. `indicators.poverty_rate`; empty for the file as a whole. */
	field: string;
	/** What is wrong. */
	message: string;
	/** What to do about it. */
	fix: string;
	/** The language message and fix are written in. */
	lang?: Locale;
}

/** The archive once it passes: plain data, ready for pages. */
export interface ValidArchive {
	site: Site;
	indicators: Indicator[];
	/** Every report, drafts included, oldest first. */
	reports: Report[];
}

export interface ValidationResult {
	/** Every problem found, errors and warnings, in file order. */
	problems: Problem[];
	/** The checked archive, or undefined when there is at least one error. */
	archive: ValidArchive | undefined;
}

export interface ValidationOptions {
	/** Today's date (YYYY-MM-DD), for the stale-draft warning. Defaults to the system clock's day. */
	today?: string;
	/** The reports' git history, to refuse figures changed without a revisions entry. */
	history?: History;
	/**
	 * The figures of the previously deployed site (`ANNALS_PUBLISHED`): every one of every version
	 * must be published again unchanged. `source` names where they were read, for messages.
	 */
	deployed?: { source: string; figures: readonly DeployedFigure[] };
	/** The language of the messages; defaults to the archive's (`defaultLocale` in site.yaml). */
	lang?: Locale;
}

/** The field of a problem in the text of a report, below its frontmatter. */
const TEXT_FIELD = '(text)';

/** Formats a problem as `file:line:column  field  what is wrong — what to do`, in the problem's language. */
export function formatProblem(problem: Problem): string {
	const words = checkMessages(problem.lang ?? 'en');
	const where = `${problem.file}:${problem.line}:${problem.column}`;
	const label = problem.severity === 'warning' ? words['format.warning'] : '';
	const field = problem.field === TEXT_FIELD ? words['format.text'] : problem.field || words['format.file'];
	return `${where}  ${field}  ${label}${problem.message} — ${problem.fix}`;
}

/** A short report of all problems, errors first, for a terminal, with a line that counts them. */
export function formatProblems(problems: readonly Problem[], lang: Locale = problems[0]?.lang ?? 'en'): string {
	const errors = problems.filter((p) => p.severity === 'error');
	const warnings = problems.filter((p) => p.severity === 'warning');
	const lines = [...errors, ...warnings].map(formatProblem);
	lines.push(checkMessages(lang)['format.summary'](errors.length, warnings.length));
	return lines.join('\n');
}

const REPORT_NAME = /^(?<year>\d{4})(?:\.(?<lang>[a-z]{2}))?\.mdx?$/;
const LOCALES: readonly Locale[] = ['vi', 'en'];

/** What a message says: what is wrong, and what to do. */
type Said = { message: string; fix: string };

/**
 * The messages of the run under way. validateArchive is synchronous and sets this first, so every
 * check below speaks the run's language without passing the dictionary through each call.
 */
let m: CheckMessages = checkMessages('en');

/** Checks an archive's content files and returns every problem found, plus the archive when it is valid. */
export function validateArchive(files: ContentFiles, options: ValidationOptions = {}): ValidationResult {
	const lang = options.lang ?? checkLanguage(files.site.text);
	m = checkMessages(lang);
	const today = options.today ?? new Date().toISOString().slice(0, 10);
	const problems: Problem[] = [];

	const site = checkSite(files.site, problems);
	const indicators = checkIndicators(files.indicators, problems);
	// Without a readable catalogue every id would look unknown: skip those checks rather than bury the real error.
	const catalogue: Catalogue | undefined = indicators
		? { byId: new Map(indicators.map((indicator) => [indicator.id, indicator])), file: files.indicators.path, removed: new Set() }
		: undefined;
	if (catalogue && options.history?.available) checkCatalogueChanges(files.indicators, catalogue, options.history, problems);
	const history = options.history ?? { available: false, reason: 'not given' };
	const record = catalogue && recordCatalogue(history, [...catalogue.byId.values()]);
	checkTheRecord(files, catalogue, record, history, today, problems);
	if (options.deployed) checkDeployed(files, history, options.deployed, record, problems);

	// Every report's figures, read as history reads them: they keep the decimals they were written
	// with (30.0), and last year's tell a hint what a mistyped figure probably meant.
	const figuresByYear = new Map<number, Figure[]>();
	for (const file of files.reports) {
		const year = mainReportYear(file.path);
		const state = year ? readStateLeniently(file.text, year) : undefined;
		if (year && state?.ok) figuresByYear.set(year, state.figures);
	}
	// The figure for the period before, as the latest report that states it gives it.
	const previousOf: PreviousFigure = (indicator, period) => {
		for (const year of [...figuresByYear.keys()].sort((x, y) => y - x)) {
			const value = figuresByYear.get(year)!.find((f) => f.indicator === indicator && f.period === period - 1)?.value;
			if (value !== undefined) return { year: period - 1, value };
		}
		return undefined;
	};
	const mains: Parsed<Report>[] = [];
	const mainYears = new Set<number>();
	const translations: Parsed<{ year: number; lang: Locale; title: string; summary: string }>[] = [];
	for (const file of [...files.reports].sort((a, b) => a.path.localeCompare(b.path))) {
		const name = file.path.split('/').pop() ?? file.path;
		const match = REPORT_NAME.exec(name);
		if (!match?.groups) {
			problems.push(fileProblem(file.path, m['file.badName'](name)));
			continue;
		}
		const year = Number(match.groups['year']);
		const lang = match.groups['lang'];
		if (lang === undefined) {
			mainYears.add(year);
			const report = checkReport(file, year, site?.defaultLocale ?? 'vi', catalogue, problems, previousOf, figuresByYear.get(year));
			if (report) mains.push(report);
		} else if (!LOCALES.includes(lang as Locale)) {
			problems.push(fileProblem(file.path, m['file.badLang'](lang, LOCALES.map((l) => `${year}.${l}.mdx`).join(' or '))));
		} else {
			const translation = checkTranslation(file, year, lang as Locale, problems);
			if (translation) translations.push(translation);
		}
	}

	checkAcrossReports(mains, mainYears, translations, catalogue, problems, today, publishedYears(files, history, record));
	if (site && catalogue) checkHeadline(files.site, catalogue, site, problems);

	for (const problem of problems) problem.lang = lang;
	// In reading order: file by file, top to bottom.
	const order = new Map([files.site.path, files.indicators.path, ...files.reports.map((f) => f.path)].map((path, i) => [path, i]));
	problems.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line || a.column - b.column);
	const hasErrors = problems.some((p) => p.severity === 'error');
	if (hasErrors || !site || !indicators) return { problems, archive: undefined };
	for (const t of translations) {
		const main = mains.find((m) => m.value.year === t.value.year);
		if (main) main.value.text[t.value.lang] = { title: t.value.title, summary: t.value.summary };
	}
	const reports = mains.map((m) => m.value).sort((a, b) => a.year - b.year);
	return { problems, archive: { site, indicators, reports } };
}

/* ------------------------------------------------------------------------------------------ */
/* YAML documents with positions                                                                */

interface Yaml {
	file: string;
	doc: Document;
	lines: LineCounter;
	/** File line on which the YAML text starts (2 for frontmatter, 1 for a .yaml file). */
	firstLine: number;
}

interface Parsed<T> {
	value: T;
	yaml: Yaml;
	/** Indicators of a draft whose figures are still empty. */
	empty?: string[];
}

function parseYaml(file: string, text: string, firstLine: number, problems: Problem[]): Yaml | undefined {
	const lines = new LineCounter();
	// Dates stay text here, so an impossible date such as 2025-13-45 is caught; Astro's own reader
	// turns valid ones into dates, which the schemas accept too.
	const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter: lines });
	const yaml: Yaml = { file, doc, lines, firstLine };
	if (doc.errors.length === 0) return yaml;
	// Later errors are nearly always knock-on effects of the first: show the one that matters.
	const [error] = doc.errors;
	const told = describeYamlError(error!.code, error!.message, text, error!.pos[0]);
	const pos = lines.linePos(told.offset);
	problems.push({ severity: 'error', file, line: pos.line + firstLine - 1, column: pos.col, field: '', message: told.said.message, fix: told.said.fix });
	return undefined;
}

/** The fields a figure written as a group may have. */
const FIGURE_FIELD_NAMES: readonly string[] = ['value', 'period', 'rank', 'of', 'total', 'target', 'status', 'note', 'source'];

/**
 * A YAML error in plain words, at the place the editor must change. The parser's own words
 * ("Nested mappings are not allowed in compact mappings") describe its state, not the text; and it
 * reports an over-indented line at the line above, an unclosed quote where the file ends.
 */
function describeYamlError(code: string, message: string, text: string, offset: number): { said: Said; offset: number } {
	const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
	const lineEnd = text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset);
	const line = text.slice(lineStart, lineEnd);
	const indent = (l: string) => l.length - l.trimStart().length;
	if (code === 'DUPLICATE_KEY') return { said: m['yaml.duplicate'](), offset };
	if (code === 'TAB_AS_INDENT') return { said: m['yaml.tab'](), offset };
	if (code === 'MISSING_CHAR' && /quote/i.test(message)) {
		const quote = message.includes("'") ? "'" : '"';
		const open = text.lastIndexOf(quote, offset - 1);
		return { said: m['yaml.unclosedQuote'](quote), offset: open === -1 ? offset : open };
	}
	if (/flow sequence|end with a \]/i.test(message)) {
		const open = text.lastIndexOf('[', offset - 1);
		return { said: m['yaml.unclosedBracket'](), offset: open === -1 ? offset : open };
	}
	if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') {
		const key = /^\s*(?:- )?([^:#\s][^:#]*?)\s*:(?:\s|$)/.exec(line);
		// `summary: GRDP tăng: 8%`: a second ": " on the line of a plain text.
		if (key && /:\s/.test(line.slice(line.indexOf(':') + 1)) && !/^\s*["'[{]/.test(line.slice(line.indexOf(':') + 1))) {
			return { said: m['yaml.colonInText'](key[1]!), offset: lineStart + indent(line) };
		}
		// A line indented further than the field above it, which YAML reads as part of that field's value.
		const rest = text.slice(lineEnd + 1).split('\n');
		const next = rest.findIndex((l) => l.trim() !== '');
		// `poverty_rate: 1.73` then `status: final` under it: a figure with more than a value needs `value:`.
		const value = line.slice(line.indexOf(':') + 1).trim();
		const field = next === -1 ? undefined : /^\s*([a-z]+)\s*:/.exec(rest[next]!)?.[1];
		if (key && !FIGURE_FIELD_NAMES.includes(key[1]!) && value && !value.startsWith('#') && field && FIGURE_FIELD_NAMES.includes(field) && indent(rest[next]!) > indent(line)) {
			return { said: m['yaml.valueOnItsOwnLine'](key[1]!, value.replace(/\s+#.*$/, ''), field), offset: lineStart + indent(line) };
		}
		if (key && next !== -1 && indent(rest[next]!) > indent(line)) {
			const nextStart = lineEnd + 1 + rest.slice(0, next).reduce((n, l) => n + l.length + 1, 0);
			return { said: m['yaml.overIndented'](key[1]!), offset: nextStart + indent(rest[next]!) };
		}
		// `poverty_rate 1.5`: a field without its colon.
		if (!line.includes(':')) return { said: m['yaml.missingColon'](line.trim().split(/\s+/)[0]!), offset: lineStart + indent(line) };
	}
	if (code === 'BAD_INDENT') return { said: m['yaml.indent'](), offset };
	return { said: m['yaml.other'](), offset };
}

/** The node at a field path, or the closest ancestor that exists. */
function nodeAt(yaml: Yaml, path: readonly PropertyKey[]): { node: Node | undefined; exact: boolean } {
	for (let depth = path.length; depth >= 0; depth--) {
		const node = depth === 0 ? yaml.doc.contents : yaml.doc.getIn(path.slice(0, depth) as unknown[], true);
		if (node && typeof node === 'object' && 'range' in node) return { node: node as Node, exact: depth === path.length };
	}
	return { node: undefined, exact: false };
}

/** The key node of a map entry, to point at a field's name rather than its value. */
function keyNodeAt(yaml: Yaml, path: readonly PropertyKey[]): Node | undefined {
	const parent = path.length === 1 ? yaml.doc.contents : yaml.doc.getIn(path.slice(0, -1) as unknown[], true);
	if (!isMap(parent)) return undefined;
	const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[path.length - 1]);
	return pair && isScalar(pair.key) ? pair.key : undefined;
}

function position(yaml: Yaml, node: Node | undefined): { line: number; column: number } {
	if (!node?.range) return { line: yaml.firstLine, column: 1 };
	const pos = yaml.lines.linePos(node.range[0]);
	return { line: pos.line + yaml.firstLine - 1, column: pos.col };
}

function problemAt(yaml: Yaml, path: readonly PropertyKey[], { message, fix }: Said, options: { key?: boolean; severity?: 'error' | 'warning' } = {}): Problem {
	const node = options.key ? (keyNodeAt(yaml, path) ?? nodeAt(yaml, path).node) : nodeAt(yaml, path).node;
	return { severity: options.severity ?? 'error', file: yaml.file, ...position(yaml, node), field: path.join('.'), message, fix };
}

function fileProblem(file: string, { message, fix }: Said): Problem {
	return { severity: 'error', file, line: 1, column: 1, field: '', message, fix };
}

/* ------------------------------------------------------------------------------------------ */
/* Schema issues in plain words                                                                 */

function show(value: unknown): string {
	if (typeof value === 'string') return JSON.stringify(value);
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (value === null) return m['show.empty'];
	if (Array.isArray(value)) return m['show.list'];
	if (typeof value === 'object') return m['show.group'];
	return String(value);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	let current = data;
	for (const key of path) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<PropertyKey, unknown>)[key];
	}
	return current;
}

/** What to write instead of a number written as text, such as "12,5", "4.850.000" or "4,850". */
function numberTextFix(text: string, wholeOnly = false, otherwise = m['number.noReading']): string {
	const readings = readNumberText(text, wholeOnly);
	const [first, second] = readings;
	if (first === undefined) return otherwise;
	return second !== undefined ? m['number.twoReadings'](first, second) : m['number.oneReading'](first);
}

/** The line to add for a missing field, as an example. */
function hintFor(field: string): string {
	const key = `hint.${field}` as keyof CheckMessages;
	const hint = m[key];
	return typeof hint === 'string' ? hint : `${field}: …`;
}

/** Turns one schema issue into a sentence about the editor's text. */
function describeIssue(issue: z.core.$ZodIssue, data: unknown, allowedKeys: (path: readonly PropertyKey[]) => readonly string[]): { path: PropertyKey[]; message: string; fix: string; key?: boolean }[] {
	const path = issue.path as PropertyKey[];
	const value = valueAt(data, path);
	const field = String(path[path.length - 1] ?? '');
	switch (issue.code) {
		case 'unrecognized_keys':
			return issue.keys.map((key) => {
				const allowed = allowedKeys(path);
				const guess = closestMatch(key, allowed);
				return { path: [...path, key], key: true, ...m['field.unknown'](key, guess, allowed.join(', ')) };
			});
		case 'invalid_type': {
			if (value === undefined) {
				return [{ path, ...m['field.missing'](field, hintFor(field)) }];
			}
			if (value === null && field === 'value') return [{ path, ...m['field.valueMissing']() }];
			if (value === null) return [{ path, ...m['field.noValue'](field) }];
			if (typeof value === 'number') return [{ path, ...m['number.notFinite'](show(value)) }];
			if (issue.expected === 'number' && typeof value === 'string') {
				return [{ path, message: m['number.text'](show(value)), fix: numberTextFix(value, ['rank', 'of', 'period'].includes(field)) }];
			}
			const kinds: Record<string, string> = { string: m['kind.text'], array: m['kind.list'], object: m['kind.group'], boolean: m['kind.boolean'], number: m['kind.number'] };
			return [{ path, ...m['field.notKind'](show(value), kinds[issue.expected] ?? issue.expected, issue.expected === 'string') }];
		}
		case 'invalid_union': {
			if (value === undefined) return [{ path, ...m['field.missing'](field, hintFor(field)) }];
			// The branch the value has the type of (a note written as a group: the one in both
			// languages) says what is wrong inside it; when no branch does, say what it should be.
			const fits = issue.errors.find((branch) => !branch.some((sub) => sub.code === 'invalid_type' && sub.path.length === 0));
			if (fits && fits.length > 0) return fits.flatMap((sub) => describeIssue({ ...sub, path: [...path, ...sub.path] } as z.core.$ZodIssue, data, allowedKeys));
			const expected = new Set(issue.errors.flatMap((branch) => branch.flatMap((sub) => (sub.code === 'invalid_type' && sub.path.length === 0 ? [sub.expected] : []))));
			if (expected.has('date')) return [{ path, ...m['field.notDate'](show(value)) }];
			if (typeof value === 'number' && !Number.isFinite(value)) return [{ path, ...m['number.notFinite'](show(value)) }];
			if (expected.has('string')) return [{ path, ...m['field.notKind'](show(value), m['kind.text'], true) }];
			return [{ path, ...m['field.other'](issue.message) }];
		}
		case 'invalid_format': {
			if (issue.format === 'url') return [{ path, ...m['field.notUrl'](show(value)) }];
			if (issue.format === 'date') return [{ path, ...m['field.notDate'](show(value)) }];
			if (issue.format === 'regex') return [{ path, ...m['field.notId'](show(value)) }];
			return [{ path, ...m['field.badForm'](show(value), issue.format) }];
		}
		case 'invalid_value': {
			const options = issue.values.map(String);
			const guess = typeof value === 'string' ? closestMatch(value, options) : undefined;
			return [{ path, ...m['field.notOneOf'](show(value), options.join(', '), guess) }];
		}
		case 'too_small':
		case 'too_big': {
			if (issue.origin === 'string') return [{ path, ...m['field.empty'](field) }];
			if (issue.origin === 'array') return [{ path, ...m['field.emptyList'](field) }];
			const bound = issue.code === 'too_small' ? m['field.atLeast'](String(issue.minimum)) : m['field.atMost'](String(issue.maximum));
			return [{ path, ...m['field.outOfRange'](show(value), field, bound) }];
		}
		case 'not_multiple_of':
			return [{ path, ...m['field.notWhole'](show(value)) }];
		case 'custom': {
			// A figure rule of the schemas (schemas/report.ts): its params name the message.
			const rule = issue.params as FigureRule | undefined;
			if (rule?.rule) return [{ path, ...sayRule(rule), key: rule.rule === 'report.noValue' }];
			return [{ path, ...m['field.other'](issue.message) }];
		}
		default:
			return [{ path, ...m['field.other'](issue.message) }];
	}
}

/** The message for a broken figure rule. */
function sayRule(rule: FigureRule): Said {
	switch (rule.rule) {
		case 'report.noValue':
			return m['report.noValue']();
		case 'figure.ofWithoutRank':
			return m['figure.ofWithoutRank']();
		case 'figure.rankWithoutOf':
			return m['figure.rankWithoutOf'](...rule.args);
		case 'figure.rankAboveOf':
			return m['figure.rankAboveOf'](...rule.args);
		case 'figure.aboveTotal':
			return m['figure.aboveTotal'](...rule.args);
		case 'figure.periodAfterYear':
			return m['figure.periodAfterYear'](...rule.args);
		case 'report.periodTwice':
			return m['report.periodTwice'](...rule.args);
	}
}

function schemaProblems(yaml: Yaml, schema: z.ZodType, data: unknown, base: PropertyKey[], problems: Problem[], allowedKeys: (path: readonly PropertyKey[]) => readonly string[]): boolean {
	const result = schema.safeParse(data);
	if (result.success) return true;
	for (const issue of result.error.issues) {
		for (const d of describeIssue(issue, data, allowedKeys)) {
			problems.push(problemAt(yaml, [...base, ...d.path], d, d.key ? { key: true } : {}));
		}
	}
	return false;
}

const keysOf = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape);

/** The indicator catalogue as the report checks need it. */
interface Catalogue {
	byId: Map<string, Indicator>;
	/** The catalogue's path, for messages. */
	file: string;
	/** Ids the last committed catalogue had and the current one does not. */
	removed: Set<string>;
}

/**
 * Compares the catalogue with its last committed state: a unit may only change together with a
 * new series break, and removed ids are remembered so reports still using them are told so.
 */
function checkCatalogueChanges(file: ContentFile, catalogue: Catalogue, history: Extract<History, { available: true }>, problems: Problem[]) {
	const last = history.files.get('indicators.yaml')?.at(-1);
	if (!last) return;
	let previous: unknown;
	try {
		previous = parseYamlText(last.text, YAML_OPTIONS);
	} catch {
		return; // An unreadable old catalogue cannot be compared with; the current one was checked already.
	}
	if (!Array.isArray(previous)) return;
	const yaml = parseYaml(file.path, file.text, 1, []);
	const current = [...catalogue.byId.values()];
	for (const old of previous as { id?: unknown; unit?: unknown; breaks?: unknown }[]) {
		if (typeof old?.id !== 'string') continue;
		const now = catalogue.byId.get(old.id);
		if (!now) {
			catalogue.removed.add(old.id);
			continue;
		}
		const oldBreaks = Array.isArray(old.breaks) ? old.breaks.length : 0;
		if (typeof old.unit === 'string' && old.unit !== now.unit && now.breaks.length <= oldBreaks && yaml) {
			const problem = problemAt(yaml, [current.indexOf(now), 'unit'], m['catalogue.unitChanged'](now.id, old.unit, now.unit));
			problems.push({ ...problem, field: `${now.id}.unit` });
		}
	}
}

/* ------------------------------------------------------------------------------------------ */
/* site.yaml and indicators.yaml                                                               */

function checkSite(file: ContentFile, problems: Problem[]): Site | undefined {
	const yaml = parseYaml(file.path, file.text, 1, problems);
	if (!yaml) return undefined;
	const data: unknown = yaml.doc.toJS();
	const ok = schemaProblems(yaml, SiteSchema, data, [], problems, (path) => (path.length === 0 ? keysOf(SiteSchema) : ['vi', 'en']));
	return ok ? SiteSchema.parse(data) : undefined;
}

function checkIndicators(file: ContentFile, problems: Problem[]): Indicator[] | undefined {
	const yaml = parseYaml(file.path, file.text, 1, problems);
	if (!yaml) return undefined;
	const data: unknown = yaml.doc.toJS();
	if (!Array.isArray(data)) {
		problems.push(problemAt(yaml, [], m['catalogue.notList']()));
		return undefined;
	}
	const indicators: Indicator[] = [];
	const seen = new Map<string, number>();
	let ok = true;
	data.forEach((entry: unknown, i) => {
		const allowed = (path: readonly PropertyKey[]) => (path.length === 0 ? keysOf(IndicatorSchema) : path[0] === 'breaks' && path.length === 2 ? ['year', 'note'] : ['vi', 'en']);
		const entryProblems: Problem[] = [];
		if (!schemaProblems(yaml, IndicatorSchema, entry, [i], entryProblems, (path) => allowed(path.slice(1)))) {
			// Name the entry by its id when it has one: "poverty_rate.unit" says more than "12.unit".
			const id = entry && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string' ? (entry as { id: string }).id : `entry ${i + 1}`;
			problems.push(...entryProblems.map((p) => ({ ...p, field: p.field.replace(/^\d+/, id) })));
			ok = false;
			return;
		}
		const indicator = IndicatorSchema.parse(entry);
		const first = seen.get(indicator.id);
		if (first !== undefined) {
			problems.push(problemAt(yaml, [i, 'id'], m['catalogue.duplicateId'](indicator.id, first + 1)));
			ok = false;
		}
		seen.set(indicator.id, i);
		indicators.push(indicator);
	});
	return ok ? indicators : undefined;
}

function checkHeadline(file: ContentFile, catalogue: Catalogue, site: Site, problems: Problem[]) {
	const catalogueFile = catalogue.file;
	const unknown = site.headline.map((id, i) => [id, i] as const).filter(([id]) => !catalogue.byId.has(id));
	if (unknown.length === 0) return;
	const yaml = parseYaml(file.path, file.text, 1, []);
	if (!yaml) return;
	for (const [id, i] of unknown) {
		const guess = closestMatch(id, catalogue.byId.keys());
		problems.push(problemAt(yaml, ['headline', i], m['site.headlineUnknown'](id, catalogueFile, guess)));
	}
}

/* ------------------------------------------------------------------------------------------ */
/* Reports                                                                                      */

function checkReport(file: ContentFile, fileYear: number, lang: Locale, catalogue: Catalogue | undefined, problems: Problem[], previousOf: PreviousFigure, written: Figure[] | undefined): Parsed<Report> | undefined {
	const split = splitFrontmatter(file.text);
	if (split.yaml === undefined) {
		problems.push(fileProblem(file.path, m['file.noFrontmatter']()));
		return undefined;
	}
	const yaml = parseYaml(file.path, split.yaml, split.yamlLine, problems);
	if (!yaml) {
		checkFiguresAroundYamlError(file.path, split.yaml, split.yamlLine, fileYear, catalogue, problems, previousOf);
		return undefined;
	}
	const data: unknown = yaml.doc.toJS();
	if (data === null || typeof data !== 'object' || Array.isArray(data)) {
		problems.push(problemAt(yaml, [], m['file.notFields']()));
		return undefined;
	}
	const record = data as Record<string, unknown>;
	const before = problems.length;

	const { indicators: rawIndicators, ...rest } = record;
	const empty: string[] = [];
	const allowedKeys = (path: readonly PropertyKey[]) =>
		path.length === 0 ? keysOf(ReportFieldsSchema) : path[0] === 'revisions' ? keysOf(RevisionSchema) : path[0] === 'source' ? ['title', 'url'] : [];
	schemaProblems(yaml, ReportFieldsSchema.omit({ indicators: true }), rest, [], problems, allowedKeys);

	checkBody(file.path, split.body, split.bodyLine, problems);
	checkPlaceholders(yaml, record, ['title', 'summary'], problems);
	checkTextComments(yaml, ['title', 'summary'], problems);

	const year = typeof record['year'] === 'number' ? record['year'] : undefined;
	if (year !== undefined && Number.isInteger(year) && year !== fileYear) {
		problems.push(problemAt(yaml, ['year'], m['report.yearMismatch'](year, fileYear)));
	}
	const reportYear = year ?? fileYear;

	if (rawIndicators !== undefined && rawIndicators !== null) {
		if (typeof rawIndicators !== 'object' || Array.isArray(rawIndicators)) {
			problems.push(problemAt(yaml, ['indicators'], m['report.indicatorsNotFields']()));
		} else {
			for (const [id, entry] of Object.entries(rawIndicators as Record<string, unknown>)) {
				// A draft made by new-report holds last year's indicators with empty values, to be filled in.
				if (record['draft'] === true && isEmptyFigure(entry)) empty.push(id);
				else checkFigureEntry(yaml, id, entry, reportYear, catalogue, problems, previousOf);
			}
			if (empty.length > 0) problems.push(problemAt(yaml, ['indicators'], m['report.emptyInDraft'](empty), { severity: 'warning', key: true }));
		}
	}

	if (problems.slice(before).some((p) => p.severity === 'error')) return undefined;
	const filled = rawIndicators && typeof rawIndicators === 'object' ? Object.fromEntries(Object.entries(rawIndicators).filter(([id]) => !empty.includes(id))) : rawIndicators;
	// The schema decides, as it does for Astro: a rule the checks above did not word is still a located problem, never a crash.
	const result = ReportSchema.safeParse({ ...record, indicators: filled });
	if (!result.success) {
		for (const issue of result.error.issues) for (const d of describeIssue(issue, record, allowedKeys)) problems.push(problemAt(yaml, d.path, d, d.key ? { key: true } : {}));
		return undefined;
	}
	const parsed = result.data;
	const report: Report = {
		year: parsed.year,
		lang,
		text: { [lang]: { title: parsed.title, summary: parsed.summary } },
		published: parsed.published,
		source: parsed.source,
		draft: parsed.draft,
		// The same figures as the schema read them, with the decimals they were written with (30.0).
		figures: written ?? figuresFromFrontmatter(parsed.year, parsed.indicators),
		revisions: parsed.revisions,
	};
	return { value: report, yaml, empty };
}

/**
 * Every problem in one run, even past a YAML error: the figures whose lines the error does not
 * touch are still read and checked, so a typo in an id and a "1,5" are not hidden behind a
 * mis-indented line elsewhere. The figure the error is in is left alone: what YAML made of it is
 * not what the editor wrote.
 */
function checkFiguresAroundYamlError(file: string, text: string, firstLine: number, year: number, catalogue: Catalogue | undefined, problems: Problem[], previousOf: PreviousFigure) {
	const lines = new LineCounter();
	const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter: lines });
	const damaged = doc.errors.map((e) => [lines.linePos(e.pos[0]).line, lines.linePos(e.pos[1]).line]);
	const indicators = doc.get('indicators', true);
	if (!isMap(indicators)) return;
	const yaml: Yaml = { file, doc, lines, firstLine };
	const draft = doc.get('draft') === true;
	const empty: string[] = [];
	for (const pair of indicators.items) {
		if (!isScalar(pair.key) || typeof pair.key.value !== 'string' || !pair.key.range) continue;
		const start = lines.linePos(pair.key.range[0]).line;
		const node = pair.value as Node | null;
		const end = lines.linePos(node?.range?.[1] ?? pair.key.range[1]).line;
		if (damaged.some(([from, to]) => from! <= end && to! >= start)) continue;
		const entry = node && typeof node === 'object' && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : null;
		if (draft && isEmptyFigure(entry)) empty.push(pair.key.value);
		else checkFigureEntry(yaml, pair.key.value, entry, year, catalogue, problems, previousOf);
	}
	if (empty.length > 0) problems.push(problemAt(yaml, ['indicators'], m['report.emptyInDraft'](empty), { severity: 'warning', key: true }));
}

/** A figure left to fill in: no value, rank or target yet (`poverty_rate:`, or `value:` with a comment only). */
function isEmptyFigure(entry: unknown): boolean {
	if (entry === null) return true;
	if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return false;
	const o = entry as Record<string, unknown>;
	return ['value', 'rank', 'target'].every((k) => o[k] === null || o[k] === undefined) && ['value', 'rank', 'target', 'total', 'of'].some((k) => k in o);
}

function checkFigureEntry(yaml: Yaml, id: string, entry: unknown, year: number, catalogue: Catalogue | undefined, problems: Problem[], previousOf: PreviousFigure) {
	const path = ['indicators', id];
	if (!catalogue) return;
	const catalogueFile = catalogue.file;
	const indicator = catalogue.byId.get(id);
	if (!indicator && catalogue.removed.has(id)) {
		problems.push(problemAt(yaml, path, m['report.removedUsed'](id, catalogueFile), { key: true }));
		return;
	}
	if (!indicator && keysOf(FigureFieldsSchema).includes(id)) {
		// `status:` written at the indicators' indent after a figure: a line not indented far enough.
		problems.push(problemAt(yaml, path, m['report.fieldAsIndicator'](id), { key: true }));
		return;
	}
	if (!indicator) {
		const guess = closestMatch(id, catalogue.byId.keys());
		problems.push(problemAt(yaml, path, m['report.unknownId'](id, catalogueFile, guess), { key: true }));
		return;
	}
	if (entry === null || entry === undefined) {
		problems.push(problemAt(yaml, path, m['report.entryMissing'](), { key: true }));
		return;
	}
	if (typeof entry === 'number') {
		if (!Number.isFinite(entry)) problems.push(problemAt(yaml, path, m['number.notFinite'](writtenAt(yaml, path) ?? show(entry))));
		else checkFigure(yaml, path, { value: entry }, indicator, problems, true, previousOf(indicator.id, year));
		return;
	}
	if (typeof entry === 'string') {
		problems.push(problemAt(yaml, path, { message: m['number.text'](show(entry)), fix: numberTextFix(entry, isWhole(indicator), m['number.noReadingFigure']) }));
		return;
	}
	if (typeof entry !== 'object') {
		problems.push(problemAt(yaml, path, m['report.notFigure'](show(entry))));
		return;
	}
	if (Array.isArray(entry) && entry.length === 0) {
		problems.push(problemAt(yaml, path, m['field.emptyList'](id)));
		return;
	}
	const objects: unknown[] = Array.isArray(entry) ? entry : [entry];
	objects.forEach((object, i) => {
		const base = Array.isArray(entry) ? [...path, i] : path;
		// The schema's rules (schemas/report.ts), then what the catalogue adds: the unit's range, and
		// the decimals as written. The numbers that are there are checked even when a field is wrong,
		// so every problem shows up in one run.
		schemaProblems(yaml, FigureObjectSchema, object, base, problems, () => keysOf(FigureFieldsSchema));
		if (!object || typeof object !== 'object') return;
		const o = object as Record<string, unknown>;
		const numbers = Object.fromEntries(['value', 'period', 'target', 'total'].filter((k) => typeof o[k] === 'number' && Number.isFinite(o[k])).map((k) => [k, o[k]]));
		checkFigure(yaml, base, numbers, indicator, problems, false, previousOf(indicator.id, (numbers['period'] as number | undefined) ?? year));
	});
	for (const issue of figureEntryIssues(id, entry, year)) problems.push(problemAt(yaml, [...path, ...issue.path], sayRule(issue.params)));
}

/** Whether an indicator's figures are whole numbers: counts, and anything shown without decimals. */
const isWhole = (indicator: Indicator) => indicator.unit === 'count' || indicator.decimals === 0;

/** Last year's figure of an indicator, for hints: `period` is this report's, shifted back a year. */
type PreviousFigure = (indicator: string, period: number) => { year: number; value: number } | undefined;

/**
 * A number as the editor wrote it, against the decimals its indicator shows: `4.850` where no
 * decimals are shown is 4 850 with a Vietnamese thousands dot, and a figure with more decimals than
 * shown would be published rounded. Either way the reader would see a figure that was never published.
 */
function checkWritten(yaml: Yaml, path: PropertyKey[], value: number, indicator: Indicator, problems: Problem[]) {
	const node = yaml.doc.getIn(path as unknown[], true);
	const text = isScalar(node) && typeof node.source === 'string' ? node.source : String(value);
	const written = writtenDecimals(text);
	if (written === undefined) return;
	// A percentage of a thousand or more is no reading at all: 13.855% has a decimal too many.
	const percent = isPercentUnit(indicator.unit);
	if (THOUSANDS_DOT.test(text) && written > indicator.decimals && !percent) {
		// Where the indicator shows decimals, 65.100 may be 65.1 as much as 65 100: say both.
		const decimal = String(Number(text));
		problems.push(problemAt(yaml, path, indicator.decimals > 0 ? m['figure.thousandsOrDecimals'](text, text.replace(/\./g, ' '), decimal, text.replace(/\./g, '')) : m['figure.thousandsDot'](text, text.replace(/\./g, ' '), text.replace(/\./g, ''))));
		return;
	}
	if (indicator.unit === 'count' && !Number.isInteger(value)) {
		problems.push(problemAt(yaml, path, m['figure.countNotWhole'](text)));
		return;
	}
	const significant = text.includes('.') ? text.replace(/0+$/, '').split('.')[1]!.length : 0;
	if (significant > indicator.decimals) {
		const shown = formatNumber(value, 'vi', indicator.decimals);
		problems.push(problemAt(yaml, path, m['figure.tooManyDecimals'](text, significant, indicator.id, indicator.decimals, shown)));
	}
}

/** The checks a figure needs its indicator for: the unit's range and the decimals it shows. */
function checkFigure(yaml: Yaml, path: PropertyKey[], figure: { value?: number; target?: number; total?: number }, indicator: Indicator, problems: Problem[], plain: boolean, previous: { year: number; value: number } | undefined) {
	const at = (field: string) => (plain ? path : [...path, field]);
	for (const field of ['value', 'target', 'total'] as const) {
		const value = figure[field];
		if (value !== undefined) checkWritten(yaml, at(field), value, indicator, problems);
	}
	for (const field of ['value', 'target'] as const) {
		const value = figure[field];
		if (value === undefined) continue;
		if (indicator.unit === 'percent' && (value < 0 || value > 100)) {
			const guess = value > 100 ? suggestPercent(value, previous?.value) : undefined;
			const fix = guess !== undefined ? m['figure.didYouMean'](guess) : previous ? m['figure.percentLastYear'](previous.year, previous.value) : m['figure.percentRange'];
			problems.push(problemAt(yaml, at(field), { message: m['figure.notPercent'](value), fix }));
		}
		if ((indicator.unit === 'count' || indicator.unit === 'hectares' || indicator.unit === 'usd') && value < 0) {
			problems.push(problemAt(yaml, at(field), m['figure.negative'](value, indicator.unit === 'count')));
		}
	}
}

/** The text a scalar was written as (`.nan`), when it is one. */
function writtenAt(yaml: Yaml, path: readonly PropertyKey[]): string | undefined {
	const node = yaml.doc.getIn(path as unknown[], true);
	return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
}

function checkTranslation(file: ContentFile, year: number, lang: Locale, problems: Problem[]): Parsed<{ year: number; lang: Locale; title: string; summary: string }> | undefined {
	const split = splitFrontmatter(file.text);
	if (split.yaml === undefined) {
		problems.push(fileProblem(file.path, m['file.noFrontmatterTranslation']()));
		return undefined;
	}
	const yaml = parseYaml(file.path, split.yaml, split.yamlLine, problems);
	if (!yaml) return undefined;
	const data: unknown = yaml.doc.toJS() ?? {};
	const before = problems.length;
	const figureKeys = ['indicators', 'year', 'published', 'revisions', 'source', 'draft'];
	if (data && typeof data === 'object' && !Array.isArray(data)) {
		for (const key of Object.keys(data)) {
			if (figureKeys.includes(key)) {
				problems.push(problemAt(yaml, [key], m['translation.statesField'](key, year), { key: true }));
			}
		}
		const words = Object.fromEntries(Object.entries(data).filter(([key]) => !figureKeys.includes(key)));
		schemaProblems(yaml, TranslationSchema, words, [], problems, () => keysOf(TranslationSchema));
	} else {
		problems.push(problemAt(yaml, [], m['file.notFieldsTranslation']()));
	}
	checkBody(file.path, split.body, split.bodyLine, problems);
	if (data && typeof data === 'object' && !Array.isArray(data)) checkPlaceholders(yaml, data as Record<string, unknown>, ['title', 'summary'], problems);
	checkTextComments(yaml, ['title', 'summary'], problems);
	if (problems.slice(before).some((p) => p.severity === 'error')) return undefined;
	const parsed = TranslationSchema.parse(data);
	return { value: { year, lang, ...parsed }, yaml };
}

/**
 * An MDX error in plain words. micromark's own text ("Unexpected character `1` (U+0031) before
 * name", "Could not parse expression with acorn") means nothing to a clerk; what they typed does.
 */
function describeMdxError(reason: string): Said {
	const lessThan = /Unexpected character `(.)` \(U\+[0-9A-F]+\) before name|Unexpected (?:character )?(?:`(.)`|whitespace|end of file).*(?:before name|after `<`)/i.exec(reason);
	if (lessThan) return m['text.lessThan'](lessThan[1] ?? lessThan[2] ?? ' ');
	if (/end of file in expression|closing brace/i.test(reason)) return m['text.unclosedBrace']();
	if (/acorn|expression/i.test(reason)) return m['text.brace']();
	const tag = /closing tag for `<([^>\s`]+)>`|`<([^>\s`/]+)>`[^]*(?:closing|end)/i.exec(reason);
	if (tag) return m['text.unclosedTag'](tag[1] ?? tag[2]!);
	return m['text.other'](reason);
}

/** The marker `npm run new-report` leaves where the editor still has to write something. */
export const PLACEHOLDER = 'TODO';

/** An MDX syntax error in the text, at its line in the file; and placeholders left in the text. */
function checkBody(file: string, body: string, bodyLine: number, problems: Problem[]) {
	const error = findMdxSyntaxError(body);
	if (error) {
		let { line, column } = error;
		// An expression never closed is reported where the file ends: point at its "{" instead.
		if (/end of file in expression|closing brace/i.test(error.reason)) {
			const lines = body.split('\n');
			const before = lines.slice(0, line - 1).join('\n') + (line > 1 ? '\n' : '') + (lines[line - 1] ?? '').slice(0, column - 1);
			const open = before.lastIndexOf('{');
			if (open !== -1) {
				line = before.slice(0, open).split('\n').length;
				column = open - before.lastIndexOf('\n', open - 1);
			}
		}
		problems.push({ severity: 'error', file, line: bodyLine + line - 1, column, field: TEXT_FIELD, ...describeMdxError(error.reason) });
	}
	body.split('\n').forEach((line, i) => {
		const at = line.indexOf(PLACEHOLDER);
		if (at !== -1) problems.push({ severity: 'warning', file, line: bodyLine + i, column: at + 1, field: TEXT_FIELD, ...m['text.placeholder'](PLACEHOLDER) });
	});
}

/**
 * `title: Báo cáo số 5 #2` loses "#2": YAML reads " #" as the start of a comment. A comment after a
 * plain text on the same line is nearly always text the editor meant to keep.
 */
function checkTextComments(yaml: Yaml, fields: string[], problems: Problem[]) {
	for (const field of fields) {
		const node = yaml.doc.get(field, true);
		if (isScalar(node) && node.type === 'PLAIN' && typeof node.value === 'string' && node.comment !== undefined) problems.push(problemAt(yaml, [field], m['yaml.comment'](field)));
	}
}

function checkPlaceholders(yaml: Yaml, record: Record<string, unknown>, fields: string[], problems: Problem[]) {
	for (const field of fields) {
		const value = record[field];
		if (typeof value === 'string' && value.includes(PLACEHOLDER)) {
			problems.push(problemAt(yaml, [field], m['field.placeholder'](PLACEHOLDER, field), { severity: 'warning' }));
		}
	}
}

/** The first 7 characters of a commit and its day: `1a2b3c4 (2025-06-30)`. */
const commitName = (commit: { hash: string; date: string }) => `${commit.hash.slice(0, 7)} (${commit.date.slice(0, 10)})`;

/**
 * The record over the whole committed history (src/lib/record.ts), each breach told at its line in
 * the report as it is now, with the commit that made it and the way out that needs no history rewrite.
 */
function checkTheRecord(files: ContentFiles, catalogue: Catalogue | undefined, record: RecordCatalogue | undefined, history: History, today: string, problems: Problem[]) {
	const byPath = new Map<string, ContentFile>();
	for (const file of files.reports) if (mainReportYear(file.path)) byPath.set(reportFilePath(file.path), file);
	const prefix = contentPrefix(files);
	const breaches = checkRecord({ history, reports: new Map([...byPath].map(([path, file]) => [path, file.text])), catalogue: record, today });
	const docs = new Map<string, Yaml | undefined>();
	const yamlOf = (path: string) => {
		if (!docs.has(path)) {
			const file = byPath.get(path);
			const split = file && splitFrontmatter(file.text);
			docs.set(path, file && split?.yaml !== undefined ? parseYaml(file.path, split.yaml, split.yamlLine, []) : undefined);
		}
		return docs.get(path);
	};
	for (const breach of breaches) {
		const yaml = yamlOf(breach.path);
		const file = `${prefix}${breach.path}`;
		const told = tellBreach(breach, file, catalogue?.file ?? `${prefix}indicators.yaml`);
		if (breach.rule === 'indicator-removed') {
			catalogue?.removed.add(breach.indicator);
			// A report that still uses the id is told so at its own line by the report checks.
			if (yaml?.doc.getIn(['indicators', breach.indicator]) !== undefined) continue;
			problems.push(fileProblem(catalogue?.file ?? file, told));
		} else if (yaml) {
			problems.push(problemAt(yaml, existingPath(yaml, told.path, 'change' in breach ? breach.change.period : undefined, breach.year), told, told.key ? { key: true } : {}));
		} else {
			problems.push(fileProblem(file, told));
		}
	}
}

/**
 * Every figure of every version the previous deployment published must be published again as it
 * was. Said once per figure: a breach the history already names at the same line is not repeated.
 */
function checkDeployed(files: ContentFiles, history: History, deployed: { source: string; figures: readonly DeployedFigure[] }, catalogue: RecordCatalogue | undefined, problems: Problem[]) {
	const prefix = contentPrefix(files);
	const mains = new Map<number, ContentFile>();
	for (const file of files.reports) {
		const year = mainReportYear(file.path);
		if (year) mains.set(year, file);
	}
	const versionsOf = (year: number) => {
		const file = mains.get(year);
		if (!file) return undefined;
		const { versions } = buildVersions(history, reportFilePath(file.path), year, file.text, (state, commit) => couldHaveBeenPublished(state, year, catalogue, commit));
		const current = versions.at(-1);
		return current?.state.ok && !current.state.draft ? versions : undefined;
	};
	const restore = m['deployed.restore'];
	const where = m['deployed.where'](deployed.source);
	for (const departure of compareWithDeployed(deployed.figures, versionsOf)) {
		const file = mains.get(departure.year);
		const split = file && splitFrontmatter(file.text);
		const yaml = file && split?.yaml !== undefined ? parseYaml(file.path, split.yaml, split.yamlLine, []) : undefined;
		const at = (path: PropertyKey[], said: Said, key = false): Problem =>
			yaml ? problemAt(yaml, path, said, key ? { key: true } : {}) : fileProblem(file?.path ?? `${prefix}reports/${departure.year}.mdx`, said);
		const { version, year } = departure;
		let problem: Problem;
		switch (departure.rule) {
			case 'report-gone':
				problem = at([], m['deployed.reportGone'](year, where));
				break;
			case 'version-gone':
				problem = at(['revisions'], history.available ? m['deployed.versionGone'](version, year, where, departure.date, restore) : m['deployed.noHistory'](version, year, where, departure.date), true);
				break;
			case 'figure-gone':
				problem = at(['indicators', departure.figure.indicator], m['deployed.figureGone'](version, year, where, `${departure.figure.indicator} (${departure.figure.period})`, restore), true);
				break;
			case 'figure-differs': {
				const f = departure.figure;
				const what = `${f.indicator}${f.period === year ? '' : ` (${f.period})`}${departure.field === 'value' ? '' : ` ${departure.field}`}`;
				const path = yaml ? existingPath(yaml, ['indicators', f.indicator, departure.field], f.period, year) : ['indicators', f.indicator];
				problem = at(path, m['deployed.figureDiffers'](version, year, where, what, String(f[departure.field] ?? m['record.none']), String(departure.now ?? m['record.none']), restore));
				break;
			}
		}
		if (!problems.some((p) => p.file === problem.file && p.line === problem.line && p.field === problem.field)) problems.push(problem);
	}
}

/**
 * The deepest part of a figure's path that the file has: `indicators.pci.1.value` for the second
 * edition of a listed figure, `indicators.poverty_rate` for a plain number.
 */
function existingPath(yaml: Yaml, path: readonly PropertyKey[], period: number | undefined, year?: number): PropertyKey[] {
	const [head, id, field] = path;
	if (head === 'indicators' && id !== undefined && field !== undefined) {
		const entry = yaml.doc.getIn(['indicators', id], true);
		if (isSeq(entry)) {
			// An entry without period: measures the report's year.
			const i = entry.items.findIndex((item) => isMap(item) && (item.get('period') ?? year) === period);
			const listed = entry.items.length === 1 ? 0 : i;
			if (listed !== -1) return ['indicators', id, listed, field];
		}
		if (yaml.doc.getIn(path as unknown[], true)) return [...path];
		return ['indicators', id];
	}
	return [...path];
}

/** One breach of the record in words: where in the report it shows, what happened, what to do. */
function tellBreach(breach: Breach, file: string, catalogueFile: string): Said & { path: PropertyKey[]; key?: boolean } {
	const commit = breach.commit && commitName(breach.commit);
	const label = (indicator: string, period: number) => (period === breach.year ? indicator : `${indicator} (${period})`);
	const fix = breach.commit ? m['record.fixLater']('version' in breach ? breach.version : 1) : m['record.fixNow'];
	switch (breach.rule) {
		case 'figure-changed': {
			const c = breach.change;
			const what = `${label(c.indicator, c.period)}${c.field === 'value' ? '' : ` ${c.field}`}`;
			const none = m['record.none'];
			return {
				path: ['indicators', c.indicator, c.field],
				message: m['record.figureChanged'](what, String(c.from ?? none), String(c.to ?? none), commit),
				fix: breach.commit && c.from !== undefined ? m['record.orRestore'](fix, String(c.from)) : fix,
			};
		}
		case 'figure-added':
			return { path: ['indicators', breach.figure.indicator], key: true, message: m['record.figureAdded'](label(breach.figure.indicator, breach.figure.period), commit), fix };
		case 'figure-removed': {
			const f = breach.figure;
			return { path: ['indicators'], key: true, message: m['record.figureRemoved'](label(f.indicator, f.period), String(f.value ?? f.rank ?? f.target), commit), fix };
		}
		case 'revision-removed':
			return { path: ['revisions'], key: true, ...m['record.revisionRemoved'](breach.index + 1, breach.entry.date, breach.entry.kind, commit!) };
		case 'revision-altered': {
			const field = breach.now.date !== breach.entry.date ? 'date' : 'kind';
			return { path: ['revisions', breach.index, field], ...m['record.revisionAltered'](breach.index + 1, commit!, `${breach.entry.date}, ${breach.entry.kind}`, `${breach.now.date}, ${breach.now.kind}`, field, breach.entry[field]) };
		}
		case 'report-deleted':
			return { path: [], ...m['record.reportDeleted'](breach.year, breach.published, commit!, breach.commit!.hash.slice(0, 7), file) };
		case 'unpublished':
			return { path: ['draft'], key: true, ...m['record.unpublished'](breach.published) };
		case 'indicator-removed':
			return { path: [], ...m['record.indicatorRemoved'](breach.indicator, catalogueFile, breach.version, breach.year, file, commit!) };
		case 'future-revision':
			return { path: ['revisions', breach.index, 'date'], ...m['record.futureRevision'](breach.index + 1, breach.date) };
	}
}

/* ------------------------------------------------------------------------------------------ */
/* Across reports                                                                               */

function checkAcrossReports(
	mains: Parsed<Report>[],
	mainYears: Set<number>,
	translations: Parsed<{ year: number; lang: Locale }>[],
	catalogue: Catalogue | undefined,
	problems: Problem[],
	today: string,
	published: ReadonlySet<number>,
) {
	const byYear = new Map<number, Parsed<Report>>();
	for (const main of mains) {
		const other = byYear.get(main.value.year);
		if (other) {
			problems.push(problemAt(main.yaml, ['year'], m['reports.sameYear'](other.yaml.file, main.value.year)));
		} else {
			byYear.set(main.value.year, main);
		}
	}
	for (const t of translations) {
		const main = byYear.get(t.value.year);
		if (!mainYears.has(t.value.year)) {
			problems.push(fileProblem(t.yaml.file, m['translation.noMain'](t.value.year)));
		} else if (main && t.value.lang === main.value.lang) {
			problems.push(fileProblem(t.yaml.file, m['translation.sameLanguage'](t.value.year, t.value.lang, LOCALES.find((l) => l !== main.value.lang)!)));
		}
	}

	const sorted = [...byYear.values()].sort((a, b) => a.value.year - b.value.year);
	sorted.forEach((current, i) => {
		const previous = sorted[i - 1];
		const report = current.value;
		if (report.draft && daysBetween(report.published, today) > 365) {
			problems.push(problemAt(current.yaml, ['draft'], m['reports.staleDraft'](report.published), { severity: 'warning' }));
		}
		if (!previous || previous.value.year !== report.year - 1) return;
		const missing: string[] = [];
		const empty = new Set(current.empty);
		const mine = new Map(report.figures.map((f) => [`${f.indicator}@${f.period - report.year}`, f]));
		for (const old of previous.value.figures) {
			const key = `${old.indicator}@${old.period - previous.value.year}`;
			const figure = mine.get(key);
			if (!figure && catalogue?.byId.has(old.indicator) && !report.figures.some((f) => f.indicator === old.indicator) && !empty.has(old.indicator)) {
				if (!missing.includes(old.indicator)) missing.push(old.indicator);
				continue;
			}
			if (figure?.value !== undefined && old.value !== undefined && old.value !== 0 && figure.value !== 0) {
				const ratio = Math.abs(figure.value / old.value);
				if (ratio > 10 || ratio < 0.1) {
					const path = ['indicators', old.indicator];
					const node = current.yaml.doc.getIn([...path, 'value'], true) ? [...path, 'value'] : path;
					problems.push(problemAt(current.yaml, node, (ratio > 10 ? m['reports.tenTimes'] : m['reports.tenth'])(figure.value, previous.value.year, old.value), { severity: 'warning' }));
				}
			}
		}
		// One line for the report, and only while it is being written: once published, a figure
		// cannot be added without a revisions entry, and the warning would only repeat itself.
		if (missing.length > 0 && !published.has(report.year)) problems.push(problemAt(current.yaml, ['indicators'], m['reports.missingIndicators'](missing, previous.value.year), { severity: 'warning', key: true }));
	});
}

/** The years whose report has a committed state the checks accept: published, by the record's rule. */
function publishedYears(files: ContentFiles, history: History, record: RecordCatalogue | undefined): Set<number> {
	const years = new Set<number>();
	if (!history.available) return years;
	for (const file of files.reports) {
		const year = mainReportYear(file.path);
		if (year && committedStates(history, reportFilePath(file.path), year).some((c) => couldHaveBeenPublished(c.state, year, record, c.index))) years.add(year);
	}
	return years;
}

/** The year of a report's own file (`content/reports/2024.mdx`); undefined for a translation or another file. */
function mainReportYear(path: string): number | undefined {
	const match = /^(\d{4})\.mdx?$/.exec(path.split('/').pop() ?? '');
	return match ? Number(match[1]) : undefined;
}

/** Where the content folder is, as the editor sees paths: `content/` for `content/reports/2024.mdx`. */
const contentPrefix = (files: ContentFiles) => files.indicators.path.replace(/indicators\.yaml$/, '');

function daysBetween(from: string, to: string): number {
	return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

