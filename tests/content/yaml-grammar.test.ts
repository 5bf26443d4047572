/**
 * The frontmatter is read by two YAML libraries: the checks use `yaml` (for line numbers), Astro's
 * pages and the history use js-yaml. They must make the same data of whatever the checks accept, or
 * a figure the checks passed could reach readers as something else. (Where the checks refuse a
 * file the readings may differ: js-yaml turns 2026-13-45 into 14 February 2027, which is why the
 * checks read dates as text.) Astro's own reader is used here (parseFrontmatter, what the glob
 * loader calls), not a copy of it.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { load } from 'js-yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { splitFrontmatter, YAML_OPTIONS } from '../../src/lib/content/frontmatter.ts';
import { WRITTEN_NUMBERS_SCHEMA, WrittenNumber } from '../../src/lib/content/written-number.ts';
import { ReportSchema, TranslationSchema } from '../../src/schemas/report.ts';

const root = join(import.meta.dirname, '../..');

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile() && /\.(mdx?)$/.test(e.name))
		.map((e) => join(e.parentPath, e.name))
		.sort();
}

/** Dates as the day they name, numbers as numbers: the data both readers should agree on. */
function plain(value: unknown): unknown {
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (value instanceof WrittenNumber) return value.value;
	if (Array.isArray(value)) return value.map(plain);
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
	return value;
}

type Reading = { data: unknown } | { error: true };

/** What the schemas make of a reading: the data pages get, or that it is refused. */
function accepted(reading: Reading, translation = false): unknown {
	if ('error' in reading) return 'refused';
	const result = (translation ? TranslationSchema : ReportSchema).safeParse(reading.data);
	return result.success ? result.data : 'refused';
}

function byChecks(yaml: string): Reading {
	const doc = parseDocument(yaml, YAML_OPTIONS);
	return doc.errors.length > 0 ? { error: true } : { data: plain(doc.toJS()) };
}

function byAstro(text: string): Reading {
	try {
		return { data: plain(parseFrontmatter(text).frontmatter) };
	} catch {
		return { error: true };
	}
}

function byHistory(yaml: string): Reading {
	try {
		return { data: plain(load(yaml, { schema: WRITTEN_NUMBERS_SCHEMA }) ?? {}) };
	} catch {
		return { error: true };
	}
}

const files = [...filesUnder(join(root, 'content')), ...filesUnder(join(root, 'tests/fixtures'))].map((path) => relative(root, path));

describe('every sample and fixture file', () => {
	test('there are files to compare', () => {
		expect(files.length).toBeGreaterThan(40);
	});

	test.each(files)('%s reads the same for the checks, Astro and the history', (path) => {
		const text = readFileSync(join(root, path), 'utf8');
		const { yaml } = splitFrontmatter(text);
		if (yaml === undefined) return;
		const translation = /\.[a-z]{2}\.mdx?$/.test(path);
		const checks = accepted(byChecks(yaml), translation);
		if (checks === 'refused') return;
		expect(accepted(byAstro(text), translation)).toEqual(checks);
		expect(accepted(byHistory(yaml), translation)).toEqual(checks);
	});

	test('the sample reports are among those compared, and accepted', () => {
		for (const path of files.filter((p) => p.startsWith('content/'))) {
			const yaml = splitFrontmatter(readFileSync(join(root, path), 'utf8')).yaml!;
			expect(accepted(byChecks(yaml), /\.[a-z]{2}\.mdx?$/.test(path)), path).not.toBe('refused');
		}
	});
});

describe('where YAML grammars are known to differ', () => {
	const report = (fields: string) => `year: 2025\ntitle: T\nsummary: S\npublished: 2026-01-31\n${fields}`;
	test.each([
		['merge keys', 'indicators:\n  pci: &b { value: 70.5, rank: 2, of: 63 }\n  papi:\n    <<: *b\n    value: 44.3\n', 'accepted'],
		['a date and time', 'revisions:\n  - { date: 2026-02-01T10:00:00Z, kind: revision, note: x }\n', 'refused'],
		['an impossible date', 'revisions:\n  - { date: 2026-02-30, kind: revision, note: x }\n', 'refused'],
		['a quoted date', 'revisions:\n  - { date: "2026-02-01", kind: revision, note: x }\n', 'accepted'],
		['numbers with a leading zero', 'indicators:\n  pci: 013\n', 'accepted'],
		['numbers with underscores', 'indicators:\n  pci: 1_000\n', 'refused'],
		['yes and no', 'draft: no\n', 'refused'],
		['a thousands dot', 'indicators:\n  pci: 4.850\n', 'accepted'],
		['not a number', 'indicators:\n  pci: .nan\n', 'refused'],
		['infinity', 'indicators:\n  pci: -.inf\n', 'refused'],
		['an empty figure', 'indicators:\n  pci:\n', 'refused'],
	])('%s', (_, fields, expected) => {
		const yaml = report(fields);
		const checks = accepted(byChecks(yaml));
		expect(checks === 'refused' ? 'refused' : 'accepted').toBe(expected);
		if (checks === 'refused') return;
		expect(accepted(byAstro(`---\n${yaml}---\n`))).toEqual(checks);
		expect(accepted(byHistory(yaml))).toEqual(checks);
	});
});
