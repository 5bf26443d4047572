import { describe, expect, test } from 'vitest';
import { findMdxSyntaxError } from './mdx-syntax.ts';

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
