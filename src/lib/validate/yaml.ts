/**
 * YAML with positions: the checks parse with the `yaml` package for its node positions, so every
 * problem names its line and column, and explain YAML's own errors in plain words.
 */
import { type Document, isMap, isScalar, LineCounter, type Node, parseDocument } from 'yaml';
import { m, type Problem, type Said } from './problems.ts';
import { YAML_OPTIONS } from '../content/frontmatter.ts';
import { parsed } from './parse-memo.ts';

export interface Yaml {
	file: string;
	doc: Document;
	lines: LineCounter;
	/** File line on which the YAML text starts (2 for frontmatter, 1 for a .yaml file). */
	firstLine: number;
}

export interface Parsed<T> {
	value: T;
	yaml: Yaml;
	/** Indicators of a draft whose figures are still empty. */
	empty?: string[];
}

/** Parses `text`, the YAML of `file` from `firstLine`; a YAML error is added to `problems` in plain words. */
export function parseYaml(file: string, text: string, firstLine: number, problems: Problem[]): Yaml | undefined {
	// The same text parses the same way, its error included (messages are in the check's language, the memo's scope).
	const { yaml, error } = parsed(`yaml\0${file}\0${firstLine}`, text, () => {
		const found: Problem[] = [];
		return { yaml: parseYamlNow(file, text, firstLine, found), error: found[0] };
	});
	if (error) problems.push({ ...error });
	return yaml;
}

function parseYamlNow(file: string, text: string, firstLine: number, problems: Problem[]): Yaml | undefined {
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
export const FIGURE_FIELD_NAMES: readonly string[] = ['value', 'period', 'rank', 'of', 'total', 'target', 'status', 'boundaries', 'note', 'source'];

/**
 * A YAML error in plain words, at the place the editor must change. The parser's own words
 * ("Nested mappings are not allowed in compact mappings") describe its state, not the text; and it
 * reports an over-indented line at the line above, an unclosed quote where the file ends.
 */
export function describeYamlError(code: string, message: string, text: string, offset: number): { said: Said; offset: number } {
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
		if (
			key &&
			!FIGURE_FIELD_NAMES.includes(key[1]!) &&
			value &&
			!value.startsWith('#') &&
			field &&
			FIGURE_FIELD_NAMES.includes(field) &&
			indent(rest[next]!) > indent(line)
		) {
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
export function nodeAt(yaml: Yaml, path: readonly PropertyKey[]): { node: Node | undefined; exact: boolean } {
	for (let depth = path.length; depth >= 0; depth--) {
		const node = depth === 0 ? yaml.doc.contents : yaml.doc.getIn(path.slice(0, depth) as unknown[], true);
		if (node && typeof node === 'object' && 'range' in node) return { node: node as Node, exact: depth === path.length };
	}
	return { node: undefined, exact: false };
}

/** The key node of a map entry, to point at a field's name rather than its value. */
export function keyNodeAt(yaml: Yaml, path: readonly PropertyKey[]): Node | undefined {
	const parent = path.length === 1 ? yaml.doc.contents : yaml.doc.getIn(path.slice(0, -1) as unknown[], true);
	if (!isMap(parent)) return undefined;
	const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[path.length - 1]);
	return pair && isScalar(pair.key) ? pair.key : undefined;
}

export function position(yaml: Yaml, node: Node | undefined): { line: number; column: number } {
	if (!node?.range) return { line: yaml.firstLine, column: 1 };
	const pos = yaml.lines.linePos(node.range[0]);
	return { line: pos.line + yaml.firstLine - 1, column: pos.col };
}

export function problemAt(
	yaml: Yaml,
	path: readonly PropertyKey[],
	{ message, fix }: Said,
	options: { key?: boolean; severity?: 'error' | 'warning' } = {},
): Problem {
	const node = options.key ? (keyNodeAt(yaml, path) ?? nodeAt(yaml, path).node) : nodeAt(yaml, path).node;
	return { severity: options.severity ?? 'error', file: yaml.file, ...position(yaml, node), field: path.join('.'), message, fix };
}

/** The text a scalar was written as (`.nan`), when it is one. */
export function writtenAt(yaml: Yaml, path: readonly PropertyKey[]): string | undefined {
	const node = yaml.doc.getIn(path as unknown[], true);
	return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
}
