/**
 * Finds the first MDX syntax error in a report's text, with its line, before Astro's MDX compiler
 * meets it (whose message would point at a generated file rather than the editor's).
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
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
