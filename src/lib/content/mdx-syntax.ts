/**
 * MDX syntax in a report's text: the first syntax error, with its line, before Astro's MDX compiler
 * meets it (whose message would point at a generated file rather than the editor's); and whether a
 * text needs the MDX compiler at all.
 */
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfm } from 'micromark-extension-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';

export interface MdxSyntaxError {
	/** Line and column within the text given. */
	line: number;
	column: number;
	reason: string;
}

/**
 * What MDX adds to Markdown starts with one of these: JSX and HTML with "<", expressions with "{"
 * (a "}" too, to be safe), ESM with import or export at the start of a line. Without them a text is plain
 * Markdown, which always parses, so the parser (6 ms a report) is not needed.
 */
const MDX_SYNTAX = /[<{}]|^(?:import|export)\b/m;

/** Undefined when the text parses as MDX. */
export function findMdxSyntaxError(text: string): MdxSyntaxError | undefined {
	if (!MDX_SYNTAX.test(text)) return undefined;
	try {
		fromMarkdown(text, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
		return undefined;
	} catch (error) {
		const e = error as { line?: number; column?: number; place?: { line?: number; column?: number; start?: { line: number; column: number } }; reason?: string; message?: string };
		const start = e.place && 'start' in e.place ? e.place.start : e.place;
		return {
			line: e.line ?? start?.line ?? 1,
			column: e.column ?? start?.column ?? 1,
			reason: (e.reason ?? e.message ?? 'unknown error').replace(/\s*\(\d+:\d+-\d+:\d+\)/, ''),
		};
	}
}

/**
 * An indented line may be a code block in Markdown and is a paragraph in MDX: with MDX_SYNTAX, what
 * can make a text read differently as MDX than as Markdown.
 */
const INDENTED = /^(?: {4}|\t)/m;

/**
 * True when a report's text must be compiled as MDX; false when Markdown reads it as the same
 * document, so the same remark and rehype plugins give the same HTML.
 *
 * Most reports are prose, tables and footnotes. Compiling each as an MDX module is most of what
 * Vite does in a build (48 s of 103 s at 1,000 reports); rendering it as Markdown costs a fraction,
 * and Astro keeps the HTML between builds. A text goes to the MDX compiler when it uses MDX
 * (imports, exports, components, expressions), reads differently as MDX (indented code, raw HTML
 * and autolinks, which MDX does not have), or does not parse as MDX, so that the compiler's own
 * error still stops the build.
 */
export function needsMdx(text: string): boolean {
	if (!MDX_SYNTAX.test(text) && !INDENTED.test(text)) return false;
	let asMdx: Nodes;
	try {
		asMdx = fromMarkdown(text, { extensions: [mdxjs(), gfm()], mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown()] });
	} catch {
		return true;
	}
	const asMarkdown = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
	return !sameDocument(asMdx, asMarkdown);
}

/** Two mdast trees are the same document when they agree on everything but source positions. */
function sameDocument(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const keysA = Object.keys(a).filter((key) => key !== 'position');
	const keysB = Object.keys(b).filter((key) => key !== 'position');
	if (keysA.length !== keysB.length) return false;
	return keysA.every((key) => sameDocument((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
