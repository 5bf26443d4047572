/**
 * Properties of `npm run check` over generated frontmatter, good and bad: it never throws (every
 * problem is a located message), and a report it accepts is one the schemas accept too, read as
 * Astro reads it, so the build can never refuse what the check passed. The history's lenient reader
 * counts such a report as complete (it could have been published).
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import fc from 'fast-check';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { stringify } from 'yaml';
import { before } from '../setup/sample-files.ts';
import { readContentFiles } from '../../src/data/content-files.ts';
import { validateArchive } from '../../src/lib/validate/validate.ts';
import { readStateLeniently } from '../../src/lib/versions/read-state.ts';
import { ReportSchema } from '../../src/schemas/report.ts';

const root = join(import.meta.dirname, '../..');
// The archive as it stood when the 2025 report was drafted: the sample up to 2024.
const sample = before(readContentFiles(join(root, 'content'), root), 2025);

const number = fc.oneof(
	fc.integer({ min: -5, max: 200 }),
	fc.double({ min: -10, max: 200, noDefaultInfinity: true, noNaN: true }).map((x) => Math.round(x * 100) / 100),
	fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, 1.5, 63, 4.85),
);
/** Mostly what an editor means to write, sometimes something else. */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: bad, weight: 1 });
const junk = fc.oneof(fc.constantFrom('1,73', '4.850', '', 'x', null, true), fc.constant([]), fc.constant({}), fc.constant({ vi: 'x' }));
const figureObject = fc.record(
	{
		value: mostly(fc.integer({ min: 0, max: 60 }), fc.oneof(number, junk)),
		period: mostly(fc.integer({ min: 2018, max: 2025 }), fc.oneof(fc.integer({ min: 2026, max: 2027 }), junk)),
		rank: mostly(fc.integer({ min: 1, max: 34 }), fc.oneof(fc.integer({ min: 0, max: 70 }), junk)),
		of: mostly(fc.integer({ min: 34, max: 63 }), fc.oneof(fc.integer({ min: 0, max: 33 }), junk)),
		total: mostly(fc.integer({ min: 60, max: 100 }), fc.oneof(number, junk)),
		target: mostly(fc.integer({ min: 0, max: 60 }), fc.oneof(number, junk)),
		status: mostly(fc.constantFrom('estimate', 'final'), fc.constantFrom('provisional', 5)),
		note: mostly(fc.constantFrom('Ghi chú', { vi: 'Ghi chú', en: 'Note' }), fc.oneof(fc.constantFrom({ vi: 'x' }, 5, ''), junk)),
		source: mostly(fc.constant('https://example.org/a'), fc.constantFrom('not a url', 7)),
		vaue: number,
	},
	{ requiredKeys: [] },
).map(({ vaue, ...figure }) => (vaue !== undefined && Object.keys(figure).length % 5 === 0 ? { ...figure, vaue } : figure));
const entry = mostly(fc.oneof(fc.integer({ min: 0, max: 60 }), figureObject, fc.array(figureObject, { maxLength: 3 })), fc.oneof(number, junk, fc.constant([])));
const ids = mostly(fc.constantFrom('grdp_growth', 'poverty_rate', 'pci', 'papi', 'main_targets_met', 'ntm_communes'), fc.constant('povety_rate'));
const revision = fc.record({
	date: mostly(fc.constantFrom('2026-02-01', '2026-03-15'), fc.constantFrom('2026-02-30', '01/02/2026', 5, '2030-01-01')),
	kind: mostly(fc.constantFrom('correction', 'revision'), fc.constant('fix')),
	note: mostly(fc.constantFrom('Sửa số liệu', { vi: 'Sửa', en: 'Fixed' }), fc.oneof(fc.constant({ vi: 'x' }), junk)),
});
const frontmatter = fc.record(
	{
		year: mostly(fc.constant(2025), fc.oneof(fc.constant(2024), junk)),
		title: mostly(fc.constant('Báo cáo năm 2025'), junk),
		summary: mostly(fc.constant('Tóm tắt.'), junk),
		published: mostly(fc.constant('2026-01-31'), fc.oneof(fc.constant('2026-13-45'), junk)),
		draft: mostly(fc.boolean(), junk),
		indicators: mostly(fc.dictionary(ids, entry, { maxKeys: 4 }), junk),
		revisions: mostly(fc.array(revision, { maxLength: 2 }), junk),
	},
	{ requiredKeys: ['year', 'title', 'summary', 'published'] },
);

function check(text: string) {
	const report = { path: 'content/reports/2025.mdx', text };
	return validateArchive({ site: sample.site, indicators: sample.indicators, reports: [...sample.reports, report] }, { today: '2026-11-27' });
}

test('npm run check never throws, and what it accepts the schemas and the history accept', () => {
	let acceptedCount = 0;
	fc.assert(
		fc.property(frontmatter, (data) => {
			// Written as YAML writes it, .nan and .inf included.
			const text = `---\n${stringify(data)}---\n\nVăn bản.\n`;
			const result = check(text);
			for (const problem of result.problems) expect(problem.line).toBeGreaterThan(0);
			if (result.problems.some((p) => p.severity === 'error' && p.file.endsWith('2025.mdx'))) return;
			acceptedCount++;
			expect(ReportSchema.safeParse(parseFrontmatter(text).frontmatter).success).toBe(true);
			const state = readStateLeniently(text, 2025);
			expect(state.ok && state.complete).toBe(true);
		}),
		{ numRuns: 400, seed: 20261201 },
	);
	// The property says nothing unless some generated reports pass.
	expect(acceptedCount).toBeGreaterThan(50);
	// 400 whole-archive checks take 4 s alone: a busy CI machine gets room, the property no fewer runs.
}, 30_000);
