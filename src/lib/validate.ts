/**
 * Checks every content file of an archive and says what is wrong in words an editor can act on.
 *
 * One module serves `npm run check`, the Astro content config and the tests, so an editor sees the
 * same message wherever a mistake is caught. It reads plain text in and returns plain data out: no
 * file system, no clock (pass `today`), no Astro.
 *
 * Line and column numbers come from the YAML parser's node positions.
 */
import { isMap, isScalar, isSeq, LineCounter, parse as parseYamlText, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'astro/zod';
import { IndicatorSchema } from '../schemas/indicator.ts';
import { FigureObjectSchema, ReportSchema, RevisionSchema, TranslationSchema } from '../schemas/report.ts';
import { SiteSchema } from '../schemas/site.ts';
import { figuresFromFrontmatter, type Figure, type Indicator, type Locale, type Report, type Site } from './model.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { closestMatch, suggestPercent } from './suggest.ts';
import { readNumberText, THOUSANDS_DOT, writtenDecimals } from './written-number.ts';
import { formatNumber } from './format.ts';
import { findMdxSyntaxError } from './mdx-syntax.ts';
import { checkRecord, compareWithDeployed, couldHaveBeenPublished, recordCatalogue, type RecordCatalogue, type Breach, type DeployedFigure } from './record.ts';
import { buildVersions, readStateLeniently, type History } from './versions.ts';

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
}

/** Formats a problem as `file:line:column  field  what is wrong — what to do`. */
export function formatProblem(problem: Problem): string {
	const where = `${problem.file}:${problem.line}:${problem.column}`;
	const label = problem.severity === 'warning' ? 'warning: ' : '';
	return `${where}  ${problem.field || '(file)'}  ${label}${problem.message} — ${problem.fix}`;
}

/** A short report of all problems, errors first, for a terminal. */
export function formatProblems(problems: readonly Problem[]): string {
	const errors = problems.filter((p) => p.severity === 'error');
	const warnings = problems.filter((p) => p.severity === 'warning');
	const lines = [...errors, ...warnings].map(formatProblem);
	const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	lines.push(`${count(errors.length, 'error')}, ${count(warnings.length, 'warning')} in the content.`);
	return lines.join('\n');
}

const REPORT_NAME = /^(?<year>\d{4})(?:\.(?<lang>[a-z]{2}))?\.mdx?$/;
const LOCALES: readonly Locale[] = ['vi', 'en'];

/** Checks an archive's content files and returns every problem found, plus the archive when it is valid. */
export function validateArchive(files: ContentFiles, options: ValidationOptions = {}): ValidationResult {
	const today = options.today ?? new Date().toISOString().slice(0, 10);
	const problems: Problem[] = [];

	const site = checkSite(files.site, problems);
	const indicators = checkIndicators(files.indicators, problems);
	// Without a readable catalogue every id would look unknown: skip those checks rather than bury the real error.
	const catalogue: Catalogue | undefined = indicators
		? { byId: new Map(indicators.map((indicator) => [indicator.id, indicator])), file: files.indicators.path, removed: new Set() }
		: undefined;
	if (catalogue && options.history?.available) checkCatalogueChanges(files.indicators, catalogue, options.history, problems);
	checkTheRecord(files, catalogue, options.history ?? { available: false, reason: 'not given' }, today, problems);
	if (options.deployed) {
		const history = options.history ?? { available: false, reason: 'not given' };
		checkDeployed(files, history, options.deployed, catalogue && recordCatalogue(history, [...catalogue.byId.values()]), problems);
	}

	// Last year's figures, read leniently, so a hint can say what a mistyped figure probably meant.
	const figuresByYear = new Map<number, Figure[]>();
	for (const file of files.reports) {
		const year = Number(/^(\d{4})\.mdx?$/.exec(file.path.split('/').pop() ?? '')?.[1]);
		const state = year ? readStateLeniently(file.text, year) : undefined;
		if (state?.ok) figuresByYear.set(year, state.figures);
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
			problems.push(fileProblem(file.path, `"${name}" is not a report file name`, 'name it <year>.mdx (e.g. 2025.mdx), or <year>.en.mdx for a translation'));
			continue;
		}
		const year = Number(match.groups['year']);
		const lang = match.groups['lang'];
		if (lang === undefined) {
			mainYears.add(year);
			const report = checkReport(file, year, site?.defaultLocale ?? 'vi', catalogue, problems, previousOf);
			if (report) mains.push(report);
		} else if (!LOCALES.includes(lang as Locale)) {
			problems.push(fileProblem(file.path, `"${lang}" is not a language of this archive`, `use ${LOCALES.map((l) => `${year}.${l}.mdx`).join(' or ')}`));
		} else {
			const translation = checkTranslation(file, year, lang as Locale, problems);
			if (translation) translations.push(translation);
		}
	}

	checkAcrossReports(mains, mainYears, translations, catalogue, problems, today);
	if (site && catalogue) checkHeadline(files.site, catalogue, site, problems);

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
}

function parseYaml(file: string, text: string, firstLine: number, problems: Problem[]): Yaml | undefined {
	const lines = new LineCounter();
	// Dates stay text here, so an impossible date such as 2025-13-45 is caught; Astro's own reader
	// turns valid ones into dates, which the schemas accept too.
	const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
	const yaml: Yaml = { file, doc, lines, firstLine };
	if (doc.errors.length === 0) return yaml;
	// Later errors are nearly always knock-on effects of the first: show the one that matters.
	for (const error of doc.errors.slice(0, 1)) {
		const pos = lines.linePos(error.pos[0]);
		problems.push({
			severity: 'error',
			file,
			line: pos.line + firstLine - 1,
			column: pos.col,
			field: '',
			message: `the YAML cannot be read: ${describeYamlError(error.code, error.message)}`,
			fix: yamlFix(error.code),
		});
	}
	return undefined;
}

function describeYamlError(code: string, message: string): string {
	if (code === 'DUPLICATE_KEY') return 'the same field is written twice';
	if (code === 'TAB_AS_INDENT') return 'a tab is used for indentation';
	if (code === 'BAD_INDENT' || code === 'MISSING_CHAR') return 'the indentation or punctuation is off here';
	return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').toLowerCase();
}

function yamlFix(code: string): string {
	if (code === 'DUPLICATE_KEY') return 'keep one of the two lines';
	if (code === 'TAB_AS_INDENT') return 'indent with spaces, two per level';
	return 'check the spaces before the field and the colon after its name; put text containing ": " or "#" in quotes';
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

function problemAt(yaml: Yaml, path: readonly PropertyKey[], message: string, fix: string, options: { key?: boolean; severity?: 'error' | 'warning' } = {}): Problem {
	const node = options.key ? (keyNodeAt(yaml, path) ?? nodeAt(yaml, path).node) : nodeAt(yaml, path).node;
	return { severity: options.severity ?? 'error', file: yaml.file, ...position(yaml, node), field: path.join('.'), message, fix };
}

function fileProblem(file: string, message: string, fix: string): Problem {
	return { severity: 'error', file, line: 1, column: 1, field: '', message, fix };
}

/* ------------------------------------------------------------------------------------------ */
/* Schema issues in plain words                                                                 */

function show(value: unknown): string {
	if (typeof value === 'string') return JSON.stringify(value);
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (value === null) return 'an empty value';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'a group of fields';
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
function numberTextFix(text: string, wholeOnly = false, otherwise = 'write a number without quotes'): string {
	const readings = readNumberText(text, wholeOnly);
	const [first, second] = readings;
	if (first === undefined) return otherwise;
	if (second !== undefined) {
		return `write ${first} or ${second} without quotes, whichever was published: a comma before three digits is a decimal comma in Vietnamese but separates thousands in English`;
	}
	return `write ${first} without quotes${Number.isInteger(first) ? '' : ', with a decimal point'}`;
}

const FIELD_HINTS: Record<string, string> = {
	year: 'year: 2025',
	title: 'title: <the report title>',
	summary: 'summary: <one or two sentences>',
	published: 'published: 2025-01-31',
	date: 'date: 2025-06-30',
	kind: 'kind: revision',
	note: 'note: <what changed and why>',
	url: 'url: https://…',
};

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
				return {
					path: [...path, key],
					key: true,
					message: `"${key}" is not a field here`,
					fix: guess ? `did you mean "${guess}"?` : `remove it; the fields allowed here are ${allowed.join(', ')}`,
				};
			});
		case 'invalid_type': {
			if (value === undefined) {
				return [{ path, message: `${field} is missing`, fix: `add a line "${FIELD_HINTS[field] ?? `${field}: …`}"` }];
			}
			if (value === null && field === 'value') return [{ path, message: 'the value is missing', fix: 'write the figure after "value:", or remove the indicator if it was not published' }];
			if (value === null) return [{ path, message: `${field} has no value`, fix: `write a value after "${field}:", or remove the line` }];
			if (issue.expected === 'number' && typeof value === 'string') {
				return [{ path, message: `${show(value)} is text, not a number`, fix: numberTextFix(value, ['rank', 'of', 'period'].includes(field)) }];
			}
			const expected = issue.expected === 'string' ? 'text' : issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a group of fields' : issue.expected === 'boolean' ? 'true or false' : issue.expected;
			return [{ path, message: `${show(value)} is not ${expected === 'number' ? 'a number' : expected}`, fix: expected === 'text' ? 'write it as text (in quotes if it looks like a number or a date)' : `write ${expected} here` }];
		}
		case 'invalid_union': {
			if (typeof value === 'string' || value instanceof Date) {
				return [{ path, message: `${show(value)} is not a date`, fix: 'write the date as YYYY-MM-DD, e.g. 2025-01-31' }];
			}
			if (value === undefined) return [{ path, message: `${field} is missing`, fix: `add a line "${FIELD_HINTS[field] ?? `${field}: …`}"` }];
			return [{ path, message: `${show(value)} is not a date`, fix: 'write the date as YYYY-MM-DD, e.g. 2025-01-31' }];
		}
		case 'invalid_format': {
			if (issue.format === 'url') return [{ path, message: `${show(value)} is not a web address`, fix: 'write the full address, starting with https://' }];
			if (issue.format === 'date') return [{ path, message: `${show(value)} is not a date`, fix: 'write the date as YYYY-MM-DD, e.g. 2025-01-31' }];
			if (issue.format === 'regex') return [{ path, message: `${show(value)} is not a valid id`, fix: 'use lower-case letters, digits and underscores, e.g. poverty_rate' }];
			return [{ path, message: `${show(value)} is not in the expected form (${issue.format})`, fix: 'correct the value' }];
		}
		case 'invalid_value': {
			const options = issue.values.map(String);
			const guess = typeof value === 'string' ? closestMatch(value, options) : undefined;
			return [{ path, message: `${show(value)} is not one of ${options.join(', ')}`, fix: guess ? `did you mean ${guess}?` : `write one of ${options.join(', ')}` }];
		}
		case 'too_small':
		case 'too_big': {
			if (issue.origin === 'string') return [{ path, message: `${field} is empty`, fix: `write the ${field}` }];
			if (issue.origin === 'array') return [{ path, message: `${field} is an empty list`, fix: 'add an entry or remove the field' }];
			const bound = issue.code === 'too_small' ? `at least ${String(issue.minimum)}` : `at most ${String(issue.maximum)}`;
			return [{ path, message: `${show(value)} is out of range`, fix: `${field} must be ${bound}` }];
		}
		case 'not_multiple_of':
			return [{ path, message: `${show(value)} is not a whole number`, fix: 'write a whole number' }];
		default:
			return [{ path, message: issue.message, fix: 'correct the value' }];
	}
}

function schemaProblems(yaml: Yaml, schema: z.ZodType, data: unknown, base: PropertyKey[], problems: Problem[], allowedKeys: (path: readonly PropertyKey[]) => readonly string[]): boolean {
	const result = schema.safeParse(data);
	if (result.success) return true;
	for (const issue of result.error.issues) {
		for (const d of describeIssue(issue, data, allowedKeys)) {
			problems.push(problemAt(yaml, [...base, ...d.path], d.message, d.fix, d.key ? { key: true } : {}));
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
		previous = parseYamlText(last.text);
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
			const problem = problemAt(yaml, [current.indexOf(now), 'unit'], `the unit of ${now.id} changed from ${old.unit} to ${now.unit} since it was published`, `record the change under breaks: (the year the new unit applies from, and a note), or keep unit: ${old.unit}`);
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
		problems.push(problemAt(yaml, [], 'the catalogue is not a list', 'start each indicator with "- id: …"'));
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
			problems.push(problemAt(yaml, [i, 'id'], `"${indicator.id}" is already the id of entry ${first + 1}`, 'give each indicator its own id'));
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
		problems.push(problemAt(yaml, ['headline', i], `"${id}" is not in ${catalogueFile}`, guess ? `did you mean "${guess}"?` : `use an id from ${catalogueFile}`));
	}
}

/* ------------------------------------------------------------------------------------------ */
/* Reports                                                                                      */

function checkReport(file: ContentFile, fileYear: number, lang: Locale, catalogue: Catalogue | undefined, problems: Problem[], previousOf: PreviousFigure): Parsed<Report> | undefined {
	const split = splitFrontmatter(file.text);
	if (split.yaml === undefined) {
		problems.push(fileProblem(file.path, 'the file has no frontmatter', 'start it with a line "---", the fields (year, title, summary, published, indicators), and another "---"'));
		return undefined;
	}
	const yaml = parseYaml(file.path, split.yaml, split.yamlLine, problems);
	if (!yaml) return undefined;
	const data: unknown = yaml.doc.toJS();
	if (data === null || typeof data !== 'object' || Array.isArray(data)) {
		problems.push(problemAt(yaml, [], 'the frontmatter is not a set of fields', 'write one "field: value" per line'));
		return undefined;
	}
	const record = data as Record<string, unknown>;
	const before = problems.length;

	const { indicators: rawIndicators, ...rest } = record;
	const allowedKeys = (path: readonly PropertyKey[]) =>
		path.length === 0 ? keysOf(ReportSchema) : path[0] === 'revisions' ? keysOf(RevisionSchema) : path[0] === 'source' ? ['title', 'url'] : [];
	schemaProblems(yaml, ReportSchema.omit({ indicators: true }), rest, [], problems, allowedKeys);

	checkBody(file.path, split.body, split.bodyLine, problems);
	checkPlaceholders(yaml, record, ['title', 'summary'], problems);

	const year = typeof record['year'] === 'number' ? record['year'] : undefined;
	if (year !== undefined && Number.isInteger(year) && year !== fileYear) {
		problems.push(problemAt(yaml, ['year'], `the year is ${year} but the file is named ${fileYear}.mdx`, `write year: ${fileYear}, or rename the file to ${year}.mdx`));
	}
	const reportYear = year ?? fileYear;

	if (rawIndicators !== undefined && rawIndicators !== null) {
		if (typeof rawIndicators !== 'object' || Array.isArray(rawIndicators)) {
			problems.push(problemAt(yaml, ['indicators'], 'indicators is not a set of fields', 'write one "indicator_id: value" per line, indented under indicators:'));
		} else {
			for (const [id, entry] of Object.entries(rawIndicators as Record<string, unknown>)) {
				checkFigureEntry(yaml, id, entry, reportYear, catalogue, problems, previousOf);
			}
		}
	}

	if (problems.slice(before).some((p) => p.severity === 'error')) return undefined;
	const parsed = ReportSchema.parse(data);
	const report: Report = {
		year: parsed.year,
		lang,
		text: { [lang]: { title: parsed.title, summary: parsed.summary } },
		published: parsed.published,
		source: parsed.source,
		draft: parsed.draft,
		// The same figures as the schema read them, with the decimals they were written with (30.0).
		figures: figuresWritten(file.text, parsed.year) ?? figuresFromFrontmatter(parsed.year, parsed.indicators),
		revisions: parsed.revisions,
	};
	return { value: report, yaml };
}

function checkFigureEntry(yaml: Yaml, id: string, entry: unknown, year: number, catalogue: Catalogue | undefined, problems: Problem[], previousOf: PreviousFigure) {
	const path = ['indicators', id];
	if (!catalogue) return;
	const catalogueFile = catalogue.file;
	const indicator = catalogue.byId.get(id);
	if (!indicator && catalogue.removed.has(id)) {
		problems.push(problemAt(yaml, path, `"${id}" was removed from ${catalogueFile}, but this report still uses it`, `put the indicator back in ${catalogueFile}, or rename the figure to the indicator that replaces it`, { key: true }));
		return;
	}
	if (!indicator) {
		const guess = closestMatch(id, catalogue.byId.keys());
		problems.push(problemAt(yaml, path, `"${id}" is not an indicator in ${catalogueFile}`, guess ? `did you mean "${guess}"?` : `check the spelling, or add the indicator to ${catalogueFile} first`, { key: true }));
		return;
	}
	if (entry === null || entry === undefined) {
		problems.push(problemAt(yaml, path, 'the value is missing', 'write the figure after the colon, or remove the line if it was not published', { key: true }));
		return;
	}
	if (typeof entry === 'number') {
		checkFigure(yaml, path, { value: entry }, year, indicator, problems, true, previousOf);
		return;
	}
	if (typeof entry === 'string') {
		problems.push(problemAt(yaml, path, `${show(entry)} is text, not a number`, numberTextFix(entry, isWhole(indicator), 'write the figure as a number, or remove the line if it was not published')));
		return;
	}
	if (typeof entry !== 'object') {
		problems.push(problemAt(yaml, path, `${show(entry)} is not a figure`, 'write a number, or value: with the figure'));
		return;
	}
	const objects = Array.isArray(entry) ? entry : [entry];
	const bases = Array.isArray(entry) ? objects.map((_, i) => [...path, i]) : [path];
	const periods = new Map<number, number>();
	objects.forEach((object: unknown, i) => {
		const base = bases[i]!;
		const before = problems.length;
		schemaProblems(yaml, FigureObjectSchema, object, base, problems, () => keysOf(FigureObjectSchema));
		if (problems.length > before) {
			// Still check the numbers that are there, so every problem shows up in one run.
			if (object && typeof object === 'object') {
				const o = object as Record<string, unknown>;
				const numbers = Object.fromEntries(['value', 'period', 'rank', 'of', 'total', 'target'].filter((k) => typeof o[k] === 'number').map((k) => [k, o[k]]));
				checkFigure(yaml, base, numbers, year, indicator, problems, false, previousOf);
			}
			return;
		}
		const figure = FigureObjectSchema.parse(object);
		if (figure.value === undefined && figure.rank === undefined && figure.target === undefined) {
			problems.push(problemAt(yaml, base, 'the figure has no value, rank or target', 'add value: with the figure, or remove the indicator if it was not published', { key: !Array.isArray(entry) }));
			return;
		}
		checkFigure(yaml, base, figure, year, indicator, problems, false, previousOf);
		const period = figure.period ?? year;
		if (periods.has(period)) {
			problems.push(problemAt(yaml, [...base, 'period'], `period ${period} is given twice for ${id}`, 'give each entry of the list its own period'));
		}
		periods.set(period, i);
	});
}

/** A valid report's figures as history reads them, which keeps the decimals they were written with. */
function figuresWritten(text: string, year: number): Figure[] | undefined {
	const state = readStateLeniently(text, year);
	return state.ok ? state.figures : undefined;
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
	const percent = indicator.unit === 'percent' || indicator.unit === 'percent_change';
	if (THOUSANDS_DOT.test(text) && written > indicator.decimals && !percent) {
		problems.push(problemAt(yaml, path, `${text} looks like ${text.replace(/\./g, ' ')} written with a thousands dot`, `write ${text.replace(/\./g, '')}: in this file a dot is always the decimal point, and thousands are written without a separator`));
		return;
	}
	if (indicator.unit === 'count' && !Number.isInteger(value)) {
		problems.push(problemAt(yaml, path, `${text} is not a whole number, which a count must be`, `write the count without decimals`));
		return;
	}
	const significant = text.includes('.') ? text.replace(/0+$/, '').split('.')[1]!.length : 0;
	if (significant > indicator.decimals) {
		const shown = formatNumber(value, 'vi', indicator.decimals);
		problems.push(problemAt(yaml, path, `${text} has ${significant} decimals, but ${indicator.id} is shown with at most ${indicator.decimals}: readers would see ${shown}`, `write the figure with at most ${indicator.decimals} decimals as it was published, or set decimals: ${significant} for ${indicator.id} in the indicator catalogue`));
	}
}

function checkFigure(yaml: Yaml, path: PropertyKey[], figure: { value?: number | undefined; period?: number | undefined; rank?: number | undefined; of?: number | undefined; total?: number | undefined; target?: number | undefined }, year: number, indicator: Indicator, problems: Problem[], plain: boolean, previousOf: PreviousFigure) {
	const at = (field: string) => (plain ? path : [...path, field]);
	const previous = previousOf(indicator.id, figure.period ?? year);
	for (const field of ['value', 'target', 'total'] as const) {
		const value = figure[field];
		if (value !== undefined) checkWritten(yaml, at(field), value, indicator, problems);
	}
	for (const field of ['value', 'target'] as const) {
		const value = figure[field];
		if (value === undefined) continue;
		if (indicator.unit === 'percent' && (value < 0 || value > 100)) {
			const guess = value > 100 ? suggestPercent(value, previous?.value) : undefined;
			const fix = guess !== undefined ? `did you mean ${guess}?` : previous ? `the ${previous.year} figure was ${previous.value}; write the percentage between 0 and 100` : 'write the percentage between 0 and 100';
			problems.push(problemAt(yaml, at(field), `${value} is not a percentage (0–100)`, fix));
		}
		if ((indicator.unit === 'count' || indicator.unit === 'hectares' || indicator.unit === 'usd') && value < 0) {
			problems.push(problemAt(yaml, at(field), `${value} is negative, which a ${indicator.unit === 'count' ? 'count' : 'figure in this unit'} cannot be`, 'check the sign'));
		}
	}
	if (figure.rank !== undefined && figure.of === undefined) {
		problems.push(problemAt(yaml, [...path, 'rank'], `rank ${figure.rank} does not say out of how many`, 'add of: with the number ranked, e.g. of: 63'));
	}
	if (figure.rank !== undefined && figure.of !== undefined && figure.rank > figure.of) {
		problems.push(problemAt(yaml, [...path, 'rank'], `rank ${figure.rank} is above of: ${figure.of}`, `a rank is at most the number ranked; check both`));
	}
	if (figure.of !== undefined && figure.rank === undefined) {
		problems.push(problemAt(yaml, [...path, 'of'], 'of: is given without a rank', 'add rank:, or use total: for a count out of a total'));
	}
	if (figure.total !== undefined && figure.value !== undefined && figure.value > figure.total) {
		problems.push(problemAt(yaml, [...path, 'value'], `${figure.value} is more than the total ${figure.total}`, 'check the value and the total'));
	}
	if (figure.period !== undefined && figure.period > year) {
		problems.push(problemAt(yaml, [...path, 'period'], `period ${figure.period} is after the report's year ${year}`, `a ${year} report can only state figures for ${year} or earlier`));
	}
}

function checkTranslation(file: ContentFile, year: number, lang: Locale, problems: Problem[]): Parsed<{ year: number; lang: Locale; title: string; summary: string }> | undefined {
	const split = splitFrontmatter(file.text);
	if (split.yaml === undefined) {
		problems.push(fileProblem(file.path, 'the file has no frontmatter', 'start it with "---", a title: and a summary:, and another "---"'));
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
				problems.push(problemAt(yaml, [key], `a translation states ${key}`, `remove it: figures and dates come from ${year}.mdx; a translation holds title and summary only`, { key: true }));
			}
		}
		const words = Object.fromEntries(Object.entries(data).filter(([key]) => !figureKeys.includes(key)));
		schemaProblems(yaml, TranslationSchema, words, [], problems, () => keysOf(TranslationSchema));
	} else {
		problems.push(problemAt(yaml, [], 'the frontmatter is not a set of fields', 'write title: and summary:'));
	}
	checkBody(file.path, split.body, split.bodyLine, problems);
	if (data && typeof data === 'object' && !Array.isArray(data)) checkPlaceholders(yaml, data as Record<string, unknown>, ['title', 'summary'], problems);
	if (problems.slice(before).some((p) => p.severity === 'error')) return undefined;
	const parsed = TranslationSchema.parse(data);
	return { value: { year, lang, ...parsed }, yaml };
}

/** The marker `npm run new-report` leaves where the editor still has to write something. */
export const PLACEHOLDER = 'TODO';

/** An MDX syntax error in the text, at its line in the file; and placeholders left in the text. */
function checkBody(file: string, body: string, bodyLine: number, problems: Problem[]) {
	const error = findMdxSyntaxError(body);
	if (error) {
		problems.push({
			severity: 'error',
			file,
			line: bodyLine + error.line - 1,
			column: error.column,
			field: '(text)',
			message: `the text cannot be read as MDX: ${error.reason}`,
			fix: 'close the tag (<br /> not <br>), write "<" as &lt; and "{" as \\{, or put the characters in `code`',
		});
	}
	body.split('\n').forEach((line, i) => {
		const at = line.indexOf(PLACEHOLDER);
		if (at !== -1) problems.push({ severity: 'warning', file, line: bodyLine + i, column: at + 1, field: '(text)', message: `a placeholder (${PLACEHOLDER}) is left in the text`, fix: 'replace it with the report\'s own words' });
	});
}

function checkPlaceholders(yaml: Yaml, record: Record<string, unknown>, fields: string[], problems: Problem[]) {
	for (const field of fields) {
		const value = record[field];
		if (typeof value === 'string' && value.includes(PLACEHOLDER)) {
			problems.push(problemAt(yaml, [field], `a placeholder (${PLACEHOLDER}) is left in the ${field}`, `write the ${field}`, { severity: 'warning' }));
		}
	}
}

/** The first 7 characters of a commit and its day: `1a2b3c4 (2025-06-30)`. */
const commitName = (commit: { hash: string; date: string }) => `${commit.hash.slice(0, 7)} (${commit.date.slice(0, 10)})`;

/**
 * The record over the whole committed history (src/lib/record.ts), each breach told at its line in
 * the report as it is now, with the commit that made it and the way out that needs no history rewrite.
 */
function checkTheRecord(files: ContentFiles, catalogue: Catalogue | undefined, history: History, today: string, problems: Problem[]) {
	const byPath = new Map<string, ContentFile>();
	for (const file of files.reports) {
		const name = file.path.split('/').pop() ?? file.path;
		if (/^\d{4}\.mdx?$/.test(name)) byPath.set(`reports/${name}`, file);
	}
	// Where the content folder is, as the editor sees paths: `content/` for `content/reports/2024.mdx`.
	const prefix = files.indicators.path.replace(/indicators\.yaml$/, '');
	const breaches = checkRecord({ history, reports: new Map([...byPath].map(([path, file]) => [path, file.text])), catalogue: catalogue && recordCatalogue(history, [...catalogue.byId.values()]), today });
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
			problems.push(fileProblem(catalogue?.file ?? file, told.message, told.fix));
		} else if (yaml) {
			problems.push(problemAt(yaml, existingPath(yaml, told.path, 'change' in breach ? breach.change.period : undefined), told.message, told.fix, told.key ? { key: true } : {}));
		} else {
			problems.push(fileProblem(file, told.message, told.fix));
		}
	}
}

/**
 * Every figure of every version the previous deployment published must be published again as it
 * was. Said once per figure: a breach the history already names at the same line is not repeated.
 */
function checkDeployed(files: ContentFiles, history: History, deployed: { source: string; figures: readonly DeployedFigure[] }, catalogue: RecordCatalogue | undefined, problems: Problem[]) {
	const prefix = files.indicators.path.replace(/indicators\.yaml$/, '');
	const mains = new Map<number, ContentFile>();
	for (const file of files.reports) {
		const match = /^(\d{4})\.mdx?$/.exec(file.path.split('/').pop() ?? '');
		if (match) mains.set(Number(match[1]), file);
	}
	const versionsOf = (year: number) => {
		const file = mains.get(year);
		if (!file) return undefined;
		const { versions } = buildVersions(history, `reports/${file.path.split('/').pop()}`, year, file.text, (state) => couldHaveBeenPublished(state, year, catalogue));
		const current = versions.at(-1);
		return current?.state.ok && !current.state.draft ? versions : undefined;
	};
	const restore = `restore the history that was deployed (the previous main: a clone, a backup or "git reflog" has it), then make any change in a new commit with a revisions entry`;
	const where = `the site deployed at ${deployed.source}`;
	for (const departure of compareWithDeployed(deployed.figures, versionsOf)) {
		const file = mains.get(departure.year);
		const split = file && splitFrontmatter(file.text);
		const yaml = file && split?.yaml !== undefined ? parseYaml(file.path, split.yaml, split.yamlLine, []) : undefined;
		const at = (path: PropertyKey[], message: string, fix: string, key = false): Problem =>
			yaml ? problemAt(yaml, path, message, fix, key ? { key: true } : {}) : fileProblem(file?.path ?? `${prefix}reports/${departure.year}.mdx`, message, fix);
		const version = `version ${departure.version} of the ${departure.year} report`;
		let problem: Problem;
		switch (departure.rule) {
			case 'report-gone':
				problem = at([], `the ${departure.year} report is published on ${where}, but it is not in the content (or is a draft)`, `restore it as it was deployed: a published report stays in the archive`);
				break;
			case 'version-gone':
				problem = at(['revisions'], `${version} is published on ${where} (${departure.date}), but the git history no longer holds it: was it squashed, amended or force-pushed?`, restore, true);
				break;
			case 'figure-gone':
				problem = at(['indicators', departure.figure.indicator], `${version} is published on ${where} with ${departure.figure.indicator} (${departure.figure.period}), which it no longer has`, restore, true);
				break;
			case 'figure-differs': {
				const f = departure.figure;
				const what = departure.field === 'value' ? '' : ` ${departure.field}`;
				problem = at(yaml ? existingPath(yaml, ['indicators', f.indicator, departure.field], f.period) : ['indicators', f.indicator], `${version} is published on ${where} with ${f.indicator}${f.period === departure.year ? '' : ` (${f.period})`}${what}: ${f[departure.field] ?? '(none)'}, but would now be published with ${departure.now ?? '(none)'}`, `a deployed figure never changes: ${restore}`);
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
function existingPath(yaml: Yaml, path: readonly PropertyKey[], period: number | undefined): PropertyKey[] {
	const [head, id, field] = path;
	if (head === 'indicators' && id !== undefined && field !== undefined) {
		const entry = yaml.doc.getIn(['indicators', id], true);
		if (isSeq(entry)) {
			const i = entry.items.findIndex((item) => isMap(item) && item.get('period') === period);
			const listed = entry.items.length === 1 ? 0 : i;
			if (listed !== -1) return ['indicators', id, listed, field];
		}
		if (yaml.doc.getIn(path as unknown[], true)) return [...path];
		return ['indicators', id];
	}
	return [...path];
}

/** One breach of the record in words: where in the report it shows, what happened, what to do. */
function tellBreach(breach: Breach, file: string, catalogueFile: string): { path: PropertyKey[]; message: string; fix: string; key?: boolean } {
	const where = breach.commit ? ` in commit ${commitName(breach.commit)}` : '';
	const label = (indicator: string, period: number) => (period === breach.year ? indicator : `${indicator} (${period})`);
	const document = 'add a revisions entry (date, kind, note) saying why';
	const keep = breach.commit
		? `${document} in a new commit: version ${'version' in breach ? breach.version : 1} keeps the figure as first published and the new version shows the change. Git history need not be rewritten`
		: `${document} in the same commit, or restore the published figure`;
	switch (breach.rule) {
		case 'figure-changed': {
			const c = breach.change;
			const what = c.field === 'value' ? '' : ` ${c.field}`;
			return {
				path: ['indicators', c.indicator, c.field],
				message: `${label(c.indicator, c.period)}${what}: ${c.from ?? '(none)'} → ${c.to ?? '(none)'} changed after publication${where}, without a revisions entry`,
				fix: breach.commit ? `${keep}; or restore ${c.from ?? 'the published figure'}` : keep,
			};
		}
		case 'figure-added':
			return { path: ['indicators', breach.figure.indicator], key: true, message: `${label(breach.figure.indicator, breach.figure.period)} was added after publication${where}, without a revisions entry`, fix: keep };
		case 'figure-removed': {
			const f = breach.figure;
			return { path: ['indicators'], key: true, message: `${label(f.indicator, f.period)} (${f.value ?? f.rank ?? f.target}) was removed after publication${where}, without a revisions entry`, fix: keep };
		}
		case 'revision-removed':
			return {
				path: ['revisions'],
				key: true,
				message: `revisions entry ${breach.index + 1} (${breach.entry.date}, ${breach.entry.kind}), committed in ${commitName(breach.commit!)}, has been removed`,
				fix: 'put it back as it was: entries are only ever added at the end, and an earlier version is read from them',
			};
		case 'revision-altered': {
			const field = breach.now.date !== breach.entry.date ? 'date' : 'kind';
			return {
				path: ['revisions', breach.index, field],
				message: `revisions entry ${breach.index + 1} was committed in ${commitName(breach.commit!)} as ${breach.entry.date}, ${breach.entry.kind} and now reads ${breach.now.date}, ${breach.now.kind}`,
				fix: `restore ${field}: ${breach.entry[field]}; the note may be reworded, but a new change is a new entry at the end`,
			};
		}
		case 'report-deleted':
			return {
				path: [],
				message: `the ${breach.year} report, published ${breach.published}, has been deleted (last committed in ${commitName(breach.commit!)})`,
				fix: `restore it with "git checkout ${breach.commit!.hash.slice(0, 7)} -- ${file}": a published report stays in the archive; to correct it, change it and add a revisions entry`,
			};
		case 'unpublished':
			return {
				path: ['draft'],
				key: true,
				message: `the report was published on ${breach.published} and cannot become a draft again`,
				fix: 'remove draft: true; to change a published figure, add a revisions entry',
			};
		case 'indicator-removed':
			return {
				path: [],
				message: `"${breach.indicator}" is no longer in ${catalogueFile}, but version ${breach.version} of the ${breach.year} report published a figure for it (${file}, commit ${commitName(breach.commit!)})`,
				fix: `put it back in ${catalogueFile}: the id of a published figure is permanent, and its page and downloads are cited; new reports may simply leave it out`,
			};
		case 'future-revision':
			return { path: ['revisions', breach.index, 'date'], message: `revisions entry ${breach.index + 1} is dated ${breach.date}, which is after today`, fix: 'date it the day the changed figures are published, today at the latest' };
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
) {
	const byYear = new Map<number, Parsed<Report>>();
	for (const main of mains) {
		const other = byYear.get(main.value.year);
		if (other) {
			problems.push(problemAt(main.yaml, ['year'], `${other.yaml.file} is already the report for ${main.value.year}`, 'keep one report per year; merge the two files'));
		} else {
			byYear.set(main.value.year, main);
		}
	}
	for (const t of translations) {
		const main = byYear.get(t.value.year);
		if (!mainYears.has(t.value.year)) {
			problems.push(fileProblem(t.yaml.file, `there is no ${t.value.year}.mdx for this translation`, `add content/reports/${t.value.year}.mdx with the figures, or rename the file`));
		} else if (main && t.value.lang === main.value.lang) {
			problems.push(fileProblem(t.yaml.file, `${t.value.year}.mdx is already in ${t.value.lang}`, `a translation is in the other language; name it ${t.value.year}.${LOCALES.find((l) => l !== main.value.lang)}.mdx`));
		}
	}

	const sorted = [...byYear.values()].sort((a, b) => a.value.year - b.value.year);
	sorted.forEach((current, i) => {
		const previous = sorted[i - 1];
		const report = current.value;
		if (report.draft && daysBetween(report.published, today) > 365) {
			problems.push(problemAt(current.yaml, ['draft'], `this draft is dated ${report.published}, more than a year ago`, 'publish it (remove draft: true) or delete it', { severity: 'warning' }));
		}
		if (!previous || previous.value.year !== report.year - 1) return;
		const mine = new Map(report.figures.map((f) => [`${f.indicator}@${f.period - report.year}`, f]));
		for (const old of previous.value.figures) {
			const key = `${old.indicator}@${old.period - previous.value.year}`;
			const figure = mine.get(key);
			if (!figure && catalogue?.byId.has(old.indicator) && !report.figures.some((f) => f.indicator === old.indicator)) {
				problems.push(problemAt(current.yaml, ['indicators'], `${old.indicator} was in the ${previous.value.year} report but is missing here`, 'add it if it was published, or ignore this warning if it was not', { severity: 'warning', key: true }));
				continue;
			}
			if (figure?.value !== undefined && old.value !== undefined && old.value !== 0 && figure.value !== 0) {
				const ratio = Math.abs(figure.value / old.value);
				if (ratio > 10 || ratio < 0.1) {
					const path = ['indicators', old.indicator];
					const node = current.yaml.doc.getIn([...path, 'value'], true) ? [...path, 'value'] : path;
					problems.push(problemAt(current.yaml, node, ratio > 10 ? `${figure.value} is more than ten times the ${previous.value.year} figure (${old.value})` : `${figure.value} is less than a tenth of the ${previous.value.year} figure (${old.value})`, 'check the unit and the decimal point', { severity: 'warning' }));
				}
			}
		}
	});
}

function daysBetween(from: string, to: string): number {
	return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

/** The figures of a report for one indicator, for callers that need to look one up. */
export function figuresOf(report: Report, indicator: string): Figure[] {
	return report.figures.filter((f) => f.indicator === indicator);
}
