/**
 * The checks of clean report files kept from one check to the next: every check with them finds
 * exactly what a check without them finds, in the same words at the same lines, and reads the same
 * archive; a file with any problem is never kept.
 */
import { describe, expect, test } from 'vitest';
import { formatProblem, type ContentFile } from './problems.ts';
import { validateArchive } from './validate.ts';
import type { KeptChecks } from './kept-checks.ts';
import { indicators, report, site } from './fixtures/small-archive.ts';

/** The catalogue, with grdp_growth shown with `grdpDecimals` decimals. */
const catalogue = (grdpDecimals: number): ContentFile => ({ ...indicators, text: indicators.text.replace('decimals: 2', `decimals: ${grdpDecimals}`) });
const translation = (year: number, title: string) => ({
	path: `content/reports/${year}.en.mdx`,
	text: `---\ntitle: ${title}\nsummary: In English\n---\nText.\n`,
});

/** A store in memory that counts what it was asked for and what it had. */
class Store implements KeptChecks {
	readonly map = new Map<string, Uint8Array>();
	hits = 0;
	get(key: string) {
		const found = this.map.get(key);
		if (found) this.hits++;
		return found;
	}
	set(key: string, checked: Uint8Array) {
		this.map.set(key, checked);
	}
}

const check = (kept: KeptChecks | undefined, indicators: ContentFile, reports: ContentFile[], lang: 'en' | 'vi' = 'en') =>
	validateArchive({ site, indicators, reports }, { today: '2026-11-27', lang, ...(kept ? { kept } : {}) });

describe('the checks of clean report files, kept from one check to the next', () => {
	const old = report(2022, 'draft: true\nindicators:\n  poverty_rate: 1.73\n');
	const broken = report(2021, 'indicators:\n  grdp_growth: [1\n');
	const before = report(2023, 'indicators:\n  grdp_growth: 7.1\n  poverty_rate: 1.73\n');
	const after = report(2024, 'indicators:\n  grdp_growth: 7.2\n  poverty_rate: 18.3\n');
	const odd = report(2025, 'indicators:\n  grdp_growth: "7,1"\n');
	const unfinished = report(2026, 'indicators:\n  poverty_rate: 1.73\n', '\nTODO\n');

	test('find what a check without them finds, edit after edit, in either language', () => {
		const store = new Store();
		const edits: [ContentFile, ContentFile[]][] = [
			[catalogue(2), [broken, old, before, after, translation(2024, 'Report'), odd, unfinished]],
			// The same files again: every clean one is taken as checked, and the warnings across files (a
			// draft dated long ago, a figure ten times last year's) still point at their lines.
			[catalogue(2), [broken, old, before, after, translation(2024, 'Report'), odd, unfinished]],
			// One report's text, one translation's title.
			[catalogue(2), [broken, old, before, { ...after, text: after.text.replace('Text.', 'Other text.') }, translation(2024, 'Another'), odd]],
			// The catalogue: a grdp_growth of 7.1 has a decimal too many where none are shown.
			[catalogue(0), [broken, old, before, after, translation(2024, 'Report'), odd]],
			[catalogue(2), [old, before, after]],
			// A fixed file, then broken again.
			[catalogue(2), [{ ...odd, text: odd.text.replace('"7,1"', '7.1') }, before]],
			[catalogue(2), [odd, before]],
		];
		for (const [indicators, reports] of edits)
			for (const lang of ['en', 'vi'] as const) {
				const kept = check(store, indicators, reports, lang);
				const fresh = check(undefined, indicators, reports, lang);
				expect(kept.problems.map(formatProblem)).toEqual(fresh.problems.map(formatProblem));
				expect(kept.archive).toEqual(fresh.archive);
			}
		expect(store.hits).toBeGreaterThan(10);
		// Warnings across files were found on kept reports, at the lines a fresh check gives.
		expect(check(store, catalogue(2), [old, before, after]).problems.map(formatProblem)).toMatchInlineSnapshot(`
			[
			  "content/reports/2022.mdx:6:8  draft  warning: this draft is dated 2023-01-31, more than a year ago — publish it (remove draft: true) or delete it",
			  "content/reports/2024.mdx:8:17  indicators.poverty_rate  warning: 18.3 is more than ten times the 2023 figure (1.73) — check the unit and the decimal point",
			]
		`);
	});

	test('keep nothing of a file with a problem, not even a warning', () => {
		// The 2026 report's text still holds a placeholder: a warning of its own checks.
		const store = new Store();
		check(store, catalogue(2), [broken, before, odd, unfinished]);
		// Only the clean 2023 report is kept.
		expect(store.map.size).toBe(1);
		check(store, catalogue(2), [broken, before, odd]);
		expect(store.hits).toBe(1);
	});

	test('keep a report as its own checks read it, not as the archive then changed it', () => {
		const store = new Store();
		// The archive adds the translation's title to the report it read.
		expect(check(store, catalogue(2), [before, translation(2023, 'Report')]).archive!.reports[0]!.text).toEqual({
			vi: { title: 'Report 2023', summary: 'Summary' },
			en: { title: 'Report', summary: 'In English' },
		});
		const again = check(store, catalogue(2), [before]).archive!.reports[0]!;
		expect(store.hits).toBe(1);
		expect(again.text).toEqual({ vi: { title: 'Report 2023', summary: 'Summary' } });
		expect(again.figures).toEqual([
			{ indicator: 'grdp_growth', period: 2023, value: 7.1 },
			{ indicator: 'poverty_rate', period: 2023, value: 1.73 },
		]);
	});

	test('check a file again when what was kept of it does not read', () => {
		const store = new Store();
		check(store, catalogue(2), [before]);
		for (const key of store.map.keys()) store.map.set(key, new TextEncoder().encode('not what a check keeps'));
		const kept = check(store, catalogue(2), [before, odd]);
		const fresh = check(undefined, catalogue(2), [before, odd]);
		expect(kept.problems.map(formatProblem)).toEqual(fresh.problems.map(formatProblem));
		expect(kept.archive).toEqual(fresh.archive);
		expect(check(store, catalogue(2), [before]).archive).toEqual(check(undefined, catalogue(2), [before]).archive);
	});
});
