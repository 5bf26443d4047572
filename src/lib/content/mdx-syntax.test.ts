import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfm } from 'micromark-extension-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';
import { describe, expect, test } from 'vitest';
import { findMdxSyntaxError, needsMdx } from './mdx-syntax.ts';

describe('findMdxSyntaxError(text)', () => {
	test('accepts Markdown, tables and valid MDX', () => {
		expect(findMdxSyntaxError('# Tổng quan\n\nGRDP tăng 8,2%.\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n')).toBeUndefined();
		expect(findMdxSyntaxError('Text with <abbr title="x">GRDP</abbr> and {1 + 1}.')).toBeUndefined();
	});

	test('finds an unclosed tag, an unclosed brace and a bad import, with their line', () => {
		expect(findMdxSyntaxError('Line one\n\nA <b>bold claim\n')).toMatchObject({ line: 3 });
		expect(findMdxSyntaxError('Line one\nThe target { was met.\n')).toMatchObject({ line: 2 });
		expect(findMdxSyntaxError('Line one\n\nimport x from\n')).toBeDefined();
		expect(findMdxSyntaxError('An HTML comment <!-- note --> is not MDX.')).toBeDefined();
	});
});

describe('needsMdx(text)', () => {
	test.each([
		['prose, headings, a table, a footnote', '## Kinh tế\n\nGRDP tăng 13,85%.[^1]\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n\n[^1]: Ước tính.\n', false],
		['lists, emphasis, links and strikethrough', '- **Một**: _hai_ [ba](https://example.org) ~~4.850~~\n- năm\n\n1. sáu\n', false],
		['a quotation and a rule', '> Trích dẫn.\n\n---\n\nHết.', false],
		['an indented list item that is the same either way', '- một\n\n    tiếp theo của mục một\n', false],
		['a component', 'Năm nay <Chart id="grdp" /> cho thấy.', true],
		['an HTML element, which MDX reads as JSX', 'Viết tắt <abbr title="Tổng sản phẩm">GRDP</abbr>.', true],
		['an expression', 'Tổng là {1 + 1}.', true],
		['an import', "import Chart from '../Chart.astro';\n\nVăn bản.", true],
		['an export', 'export const x = 1;\n\nVăn bản.', true],
		['indented code, a paragraph in MDX', 'Đoạn một.\n\n    mã lệnh\n', true],
		['an autolink, which MDX does not have', 'Xem <https://example.org>.', true],
		['a comparison MDX reads as text, like Markdown', 'Tăng trưởng a < b khi', false],
		['an unclosed tag MDX cannot parse', 'Một <b>khẳng định', true],
	])('%s → %s', (_, text, expected) => {
		expect(needsMdx(text)).toBe(expected);
	});

	// The fast path says "plain Markdown" without parsing when none of <, {, }, import/export or an
	// indented line occurs: for any such text, both parsers must give the same document.
	test('a text the fast path passes reads the same as MDX and as Markdown', () => {
		const piece = fc.constantFrom(
			'Kinh tế',
			' tăng ',
			'13,85%',
			'4.850',
			'**đậm**',
			'_nghiêng_',
			'~~cũ~~',
			'[liên kết](https://example.org)',
			'https://example.org',
			'\n\n',
			'\n',
			'\n## Tiêu đề\n',
			'\n- mục\n',
			'\n1. mục\n',
			'\n> trích\n',
			'\n| a | b |\n| --- | --- |\n| 1 | 2 |\n',
			'[^1]',
			'\n\n[^1]: Ghi chú.\n',
			'  ',
			'\\*',
			'`mã`',
			'\n```\nkhối mã\n```\n',
			'***',
			'&amp;',
			'"trích"',
			"'đơn'",
			'--',
			'...',
			'!',
			'[',
			']',
			'(',
			')',
			'#',
			'*',
			'_',
			'|',
		);
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
				const text = pieces.join('');
				fc.pre(!/[<{}]|^(?:import|export)\b|^(?: {4}|\t)/m.test(text));
				const asMdx = fromMarkdown(text, { extensions: [mdxjs(), gfm()], mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown()] });
				const asMarkdown = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
				expect(strip(asMdx)).toEqual(strip(asMarkdown));
			}),
			{ seed: 20261201, numRuns: 2000 },
		);
	});
});

/** A tree without source positions. */
function strip(node: unknown): unknown {
	if (Array.isArray(node)) return node.map(strip);
	if (typeof node !== 'object' || node === null) return node;
	return Object.fromEntries(Object.entries(node).filter(([key]) => key !== 'position').map(([key, value]) => [key, strip(value)]));
}
