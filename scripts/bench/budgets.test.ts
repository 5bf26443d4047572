import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { coldFigures, judge, measuresTable, type BenchResult, type SizeRun } from './budgets.ts';
import { benchSection, BEGIN, END, withBenchSection } from './readme.ts';

const run = (reports: number, seconds: number, memory: number): SizeRun => ({
	reports,
	pages: reports * 6,
	barePages: reports * 6,
	generateSeconds: 1,
	historySeconds: 0.5,
	buildSeconds: seconds,
	bareBuildSeconds: seconds * 2,
	ratio: 0.5,
	peakRssBytes: memory,
	barePeakRssBytes: memory,
	pagefindSeconds: 1,
	pagefindIndexBytes: 1,
	pagefindCurrentIndexBytes: 1,
	distBytes: 1,
	rebuildNothingSeconds: seconds * 0.05,
	rebuildTextSeconds: seconds * 0.2,
	rebuildFigureSeconds: seconds * 0.2,
	firstViewGzipBytes: { home: 1, report: 1, indicatorWithChart: 1, firstSearch: 1 },
	firstViewsMeasuredIn: 'Chromium',
	preview: { readySeconds: 10, firstPageSeconds: 1, nextPageSeconds: 0.1, editShownSeconds: 4 },
});

describe('judge(runs)', () => {
	test('judges the 1,000-report run against each budget, and growth per report from the smallest run', () => {
		const budgets = Object.fromEntries(judge([run(250, 14, 2 ** 28), run(1000, 60, 2 ** 30)]).map((b) => [b.id, b]));
		expect(budgets['coldRatio']).toMatchObject({ value: 0.5, met: true });
		expect(budgets['rebuildNothing']).toMatchObject({ met: true });
		expect(budgets['rebuildText']).toMatchObject({ met: false });
		expect(budgets['rebuildFigure']).toMatchObject({ met: true });
		expect(budgets['peakMemory']).toMatchObject({ value: 1, met: true });
		expect(budgets['timeGrowth']!.value).toBeCloseTo(60 / 14 / 4);
		expect(budgets['timeGrowth']!.met).toBe(false);
		expect(budgets['memoryGrowth']).toMatchObject({ value: 1, met: true });
		expect(budgets['previewEdit']).toMatchObject({ value: 4, met: false });
	});

	test('without a 1,000-report run nothing is judged, and growth needs two sizes', () => {
		expect(judge([run(250, 10, 2 ** 29)]).every((b) => b.met === undefined)).toBe(true);
		expect(judge([run(1000, 60, 2 ** 30)]).find((b) => b.id === 'timeGrowth')!.met).toBeUndefined();
	});
});

describe('coldFigures(pairs)', () => {
	const pair = (annals: number, bare: number, memory = 2 ** 30) => ({
		annals: { seconds: annals, peakRssBytes: memory },
		bare: { seconds: bare, peakRssBytes: memory / 2 },
	});

	test("times are medians, the ratio the median of the pairs' ratios, memory the highest peak", () => {
		// A slow stretch of the host slows both builds of its pair: the ratio of the medians would be 100 / 80.
		const figures = coldFigures([pair(90, 60), pair(130, 120, 2 ** 31), pair(100, 80)]);
		expect(figures).toMatchObject({ buildSeconds: 100, bareBuildSeconds: 80, ratio: 1.25, peakRssBytes: 2 ** 31, barePeakRssBytes: 2 ** 30 });
		expect(figures.cold).toEqual({ annalsSeconds: [90, 130, 100], bareSeconds: [60, 120, 80] });
		expect(coldFigures([pair(90, 60), pair(130, 120)]).ratio).toBeCloseTo((1.5 + 130 / 120) / 2, 3);
		expect(() => coldFigures([])).toThrow();
	});

	test("the table gives the medians with each one's range; one pair, its figures alone", () => {
		const withPairs = { ...run(1000, 100, 2 ** 30), ...coldFigures([pair(90, 60), pair(130, 120), pair(100, 80)]) };
		const table = (r: SizeRun) => measuresTable({ date: '2026-12-04', machine: { cpus: 2, memoryBytes: 1, node: '24' }, runs: [r], budgets: judge([r]) });
		expect(table(withPairs)).toContain(
			"| cold build, Annals / bare Astro (medians of the alternated pairs; each one's range) | 100.0 s / 80.0 s = 1.25× (3 pairs: 90.0–130.0 s / 60.0–120.0 s, 1.08–1.50×) |",
		);
		expect(table(run(1000, 100, 2 ** 30))).toContain('| cold build, Annals / bare Astro | 100.0 s / 200.0 s = 0.50× |');
	});
});

describe("the README's section", () => {
	const result = {
		date: '2026-12-01',
		machine: { cpus: 2, memoryBytes: 24 * 2 ** 30, node: '24.21.0' },
		runs: [run(1000, 60, 2 ** 30)],
		budgets: judge([run(1000, 60, 2 ** 30)]),
	};

	test('replaces only what is between its markers', () => {
		const readme = `# A\n\nbefore\n${BEGIN}\nold table\n${END}\nafter\n`;
		const written = withBenchSection(readme, benchSection(result));
		expect(written.startsWith('# A\n\nbefore\n')).toBe(true);
		expect(written.endsWith(`${END}\nafter\n`)).toBe(true);
		expect(written).not.toContain('old table');
		expect(written).toContain('| cold build, Annals / bare Astro | 0.50× | 0.60× | within |');
		expect(written).toContain("| rebuild after editing one report's text, share of the cold build | 20% | 15% | **over** |");
	});

	test('refuses a README without the markers', () => {
		expect(() => withBenchSection('# A\n', benchSection(result))).toThrow(/no benchmark section/);
	});
});

test("the README's tables are the ones generated from docs/bench.json", () => {
	const root = join(import.meta.dirname, '../..');
	const readme = readFileSync(join(root, 'README.md'), 'utf8');
	const result = JSON.parse(readFileSync(join(root, 'docs/bench.json'), 'utf8')) as BenchResult;
	expect(withBenchSection(readme, benchSection(result))).toBe(readme);
});
