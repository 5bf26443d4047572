/**
 * The checks of one report file and its translations: frontmatter fields, each figure against its
 * indicator (unit, range, decimals as written), and the MDX text.
 *
 * Over 300 lines because a report is checked as one file read once: its YAML, each figure (also
 * past a YAML error elsewhere in the file), the numbers as the editor wrote them, and the text.
 * The rules themselves are the schemas' (src/schemas/report.ts); the words, describe.ts.
 */
import { isMap, isScalar, LineCounter, type Node, parseDocument } from 'yaml';
import { isPercentUnit } from '../units.ts';
import {
	figureEntryIssues,
	FigureFieldsSchema,
	FigureObjectSchema,
	ReportFieldsSchema,
	ReportSchema,
	RevisionSchema,
	TranslationSchema,
} from '../../schemas/report.ts';
import { type Figure, figuresFromFrontmatter, type Indicator, type Locale, type Report } from '../content/model.ts';
import { splitFrontmatter, YAML_OPTIONS } from '../content/frontmatter.ts';
import { closestMatch, suggestPercent } from './suggest.ts';
import { THOUSANDS_DOT, writtenDecimals } from '../content/written-number.ts';
import { formatNumber } from '../format.ts';
import { findMdxSyntaxError } from '../content/mdx-syntax.ts';
import { type ContentFile, fileProblem, m, type Problem, type Said, TEXT_FIELD } from './problems.ts';
import { type Parsed, parseYaml, problemAt, writtenAt, type Yaml } from './yaml.ts';
import { describeIssue, keysOf, numberTextFix, sayRule, schemaProblems, show } from './describe.ts';
import type { Catalogue } from './catalogue.ts';

export function checkReport(
	file: ContentFile,
	fileYear: number,
	lang: Locale,
	catalogue: Catalogue | undefined,
	problems: Problem[],
	previousOf: PreviousFigure,
	written: Figure[] | undefined,
): Parsed<Report> | undefined {
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
		path.length === 0
			? keysOf(ReportFieldsSchema)
			: path[0] === 'revisions'
				? keysOf(RevisionSchema)
				: path[0] === 'events'
					? ['date', 'label']
					: path[0] === 'source'
						? ['title', 'url']
						: [];
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
	// The schema decides, as it does for Astro (given the same frontmatter, a draft's empty figures left out): a rule the
	// checks above did not word is still a located problem, never a crash.
	const result = ReportSchema.safeParse(withoutEmptyDraftFigures(record));
	if (!result.success) {
		for (const issue of result.error.issues)
			for (const d of describeIssue(issue, record, allowedKeys)) problems.push(problemAt(yaml, d.path, d, d.key ? { key: true } : {}));
		return undefined;
	}
	const parsed = result.data;
	const report: Report = {
		year: parsed.year,
		lang,
		text: { [lang]: { title: parsed.title, summary: parsed.summary } },
		published: parsed.published,
		source: parsed.source,
		entity: parsed.entity,
		draft: parsed.draft,
		// The same figures as the schema read them, with the decimals they were written with (30.0).
		figures: written ?? figuresFromFrontmatter(parsed.year, parsed.indicators),
		revisions: parsed.revisions,
		events: parsed.events,
	};
	return { value: report, yaml, empty };
}

/**
 * Every problem in one run, even past a YAML error: the figures whose lines the error does not
 * touch are still read and checked, so a typo in an id and a "1,5" are not hidden behind a
 * mis-indented line elsewhere. The figure the error is in is left alone: what YAML made of it is
 * not what the editor wrote.
 */
export function checkFiguresAroundYamlError(
	file: string,
	text: string,
	firstLine: number,
	year: number,
	catalogue: Catalogue | undefined,
	problems: Problem[],
	previousOf: PreviousFigure,
) {
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

/**
 * A draft's frontmatter without the figures left to fill in, as the checks read it (they warn of
 * those): what the content layer's schema is given, so a draft committed half filled, as
 * `npm run new-report` makes it, builds (it is not published) instead of failing the schema.
 */
export function withoutEmptyDraftFigures(frontmatter: Record<string, unknown>): Record<string, unknown> {
	const indicators = frontmatter['indicators'];
	if (frontmatter['draft'] !== true || !indicators || typeof indicators !== 'object' || Array.isArray(indicators)) return frontmatter;
	return { ...frontmatter, indicators: Object.fromEntries(Object.entries(indicators).filter(([, entry]) => !isEmptyFigure(entry))) };
}

/** A figure left to fill in: no value, rank or target yet (`poverty_rate:`, or `value:` with a comment only). */
export function isEmptyFigure(entry: unknown): boolean {
	if (entry === null) return true;
	if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return false;
	const o = entry as Record<string, unknown>;
	return ['value', 'rank', 'target'].every((k) => o[k] === null || o[k] === undefined) && ['value', 'rank', 'target', 'total', 'of'].some((k) => k in o);
}

export function checkFigureEntry(
	yaml: Yaml,
	id: string,
	entry: unknown,
	year: number,
	catalogue: Catalogue | undefined,
	problems: Problem[],
	previousOf: PreviousFigure,
) {
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
		problems.push(
			problemAt(yaml, path, { message: m['number.text'](show(entry)), fix: numberTextFix(entry, isWhole(indicator), m['number.noReadingFigure']) }),
		);
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
		const numbers = Object.fromEntries(
			['value', 'period', 'target', 'total'].filter((k) => typeof o[k] === 'number' && Number.isFinite(o[k])).map((k) => [k, o[k]]),
		);
		checkFigure(yaml, base, numbers, indicator, problems, false, previousOf(indicator.id, (numbers['period'] as number | undefined) ?? year));
	});
	for (const issue of figureEntryIssues(id, entry, year)) problems.push(problemAt(yaml, [...path, ...issue.path], sayRule(issue.params)));
}

/** Whether an indicator's figures are whole numbers: counts, and anything shown without decimals. */
export const isWhole = (indicator: Indicator) => indicator.unit === 'count' || indicator.decimals === 0;

/** Last year's figure of an indicator, for hints: `period` is this report's, shifted back a year. */
export type PreviousFigure = (indicator: string, period: number) => { year: number; value: number } | undefined;

/**
 * A number as the editor wrote it, against the decimals its indicator shows: `4.850` where no
 * decimals are shown is 4 850 with a Vietnamese thousands dot, and a figure with more decimals than
 * shown would be published rounded. Either way the reader would see a figure that was never published.
 */
export function checkWritten(yaml: Yaml, path: PropertyKey[], value: number, indicator: Indicator, problems: Problem[]) {
	const node = yaml.doc.getIn(path as unknown[], true);
	const text = isScalar(node) && typeof node.source === 'string' ? node.source : String(value);
	const written = writtenDecimals(text);
	if (written === undefined) return;
	// A percentage of a thousand or more is no reading at all: 13.855% has a decimal too many.
	const percent = isPercentUnit(indicator.unit);
	if (THOUSANDS_DOT.test(text) && written > indicator.decimals && !percent) {
		// Where the indicator shows decimals, 65.100 may be 65.1 as much as 65 100: say both.
		const decimal = String(Number(text));
		problems.push(
			problemAt(
				yaml,
				path,
				indicator.decimals > 0
					? m['figure.thousandsOrDecimals'](text, text.replace(/\./g, ' '), decimal, text.replace(/\./g, ''))
					: m['figure.thousandsDot'](text, text.replace(/\./g, ' '), text.replace(/\./g, '')),
			),
		);
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
export function checkFigure(
	yaml: Yaml,
	path: PropertyKey[],
	figure: { value?: number; target?: number; total?: number },
	indicator: Indicator,
	problems: Problem[],
	plain: boolean,
	previous: { year: number; value: number } | undefined,
) {
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
			const fix =
				guess !== undefined ? m['figure.didYouMean'](guess) : previous ? m['figure.percentLastYear'](previous.year, previous.value) : m['figure.percentRange'];
			problems.push(problemAt(yaml, at(field), { message: m['figure.notPercent'](value), fix }));
		}
		if ((indicator.unit === 'count' || indicator.unit === 'hectares' || indicator.unit === 'usd') && value < 0) {
			problems.push(problemAt(yaml, at(field), m['figure.negative'](value, indicator.unit === 'count')));
		}
	}
}

export function checkTranslation(
	file: ContentFile,
	year: number,
	lang: Locale,
	problems: Problem[],
): Parsed<{ year: number; lang: Locale; title: string; summary: string }> | undefined {
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
export function describeMdxError(reason: string): Said {
	const lessThan =
		/Unexpected character `(.)` \(U\+[0-9A-F]+\) before name|Unexpected (?:character )?(?:`(.)`|whitespace|end of file).*(?:before name|after `<`)/i.exec(
			reason,
		);
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
export function checkBody(file: string, body: string, bodyLine: number, problems: Problem[]) {
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
export function checkTextComments(yaml: Yaml, fields: string[], problems: Problem[]) {
	for (const field of fields) {
		const node = yaml.doc.get(field, true);
		if (isScalar(node) && node.type === 'PLAIN' && typeof node.value === 'string' && node.comment !== undefined)
			problems.push(problemAt(yaml, [field], m['yaml.comment'](field)));
	}
}

export function checkPlaceholders(yaml: Yaml, record: Record<string, unknown>, fields: string[], problems: Problem[]) {
	for (const field of fields) {
		const value = record[field];
		if (typeof value === 'string' && value.includes(PLACEHOLDER)) {
			problems.push(problemAt(yaml, [field], m['field.placeholder'](PLACEHOLDER, field), { severity: 'warning' }));
		}
	}
}
