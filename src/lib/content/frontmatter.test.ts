import { describe, expect, test } from 'vitest';
import { splitFrontmatter } from './frontmatter.ts';

describe('splitFrontmatter(text)', () => {
	test('keeps the line numbers of the YAML and of the body', () => {
		const split = splitFrontmatter('---\nyear: 2024\ntitle: A\n---\n\n## Body\n');
		expect(split).toEqual({ yaml: 'year: 2024\ntitle: A', yamlLine: 2, body: '\n## Body\n', bodyLine: 5 });
	});
	test('reads Windows line endings and a byte-order mark', () => {
		expect(splitFrontmatter('\uFEFF---\r\nyear: 2024\r\n---\r\nText').yaml).toBe('year: 2024');
	});
	test('says there is no frontmatter when the file does not start with ---', () => {
		expect(splitFrontmatter('year: 2024\n---\n').yaml).toBeUndefined();
	});
	test('says there is no frontmatter when it is never closed', () => {
		expect(splitFrontmatter('---\nyear: 2024\n').yaml).toBeUndefined();
	});
});
