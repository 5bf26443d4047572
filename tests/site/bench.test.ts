/** The benchmark script runs end to end on a tiny archive and reports every figure it promises. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import type { BenchResult } from '../../scripts/bench/budgets.ts';
import { userEnv } from '../../scripts/user-env.ts';
import { root } from '../setup/site.ts';

test('npm run bench -- --reports 3 --cold-runs 2 builds Annals and the bare floor in pairs, rebuilds, times the preview, and writes its JSON', () => {
	const json = join(mkdtempSync(join(tmpdir(), 'annals-bench-test-')), 'bench.json');
	const run = spawnSync(process.execPath, [join(root, 'scripts/bench.ts'), '--reports', '3', '--cold-runs', '2', '--json', json], {
		cwd: root,
		env: userEnv(),
		encoding: 'utf8',
	});
	expect(run.status, run.stderr + run.stdout).toBe(0);
	expect(run.stdout).toContain('| cold build, Annals / bare Astro |');
	expect(run.stdout).toContain('| budget (at 1,000 reports) | measured | limit | |');
	const result = JSON.parse(readFileSync(json, 'utf8')) as BenchResult;
	expect(result.runs).toHaveLength(1);
	const [only] = result.runs;
	for (const key of [
		'buildSeconds',
		'bareBuildSeconds',
		'ratio',
		'peakRssBytes',
		'historySeconds',
		'pagefindSeconds',
		'pagefindIndexBytes',
		'distBytes',
		'rebuildNothingSeconds',
		'rebuildTextSeconds',
		'rebuildFigureSeconds',
	] as const) {
		expect(only![key], key).toBeGreaterThan(0);
	}
	// Two cold pairs, each built from nothing; the medians are the figures the budgets judge.
	expect(only!.cold!.annalsSeconds).toHaveLength(2);
	expect(only!.cold!.bareSeconds).toHaveLength(2);
	expect(Math.min(...only!.cold!.annalsSeconds)).toBeLessThanOrEqual(only!.buildSeconds);
	expect(run.stdout).toContain('(medians of the alternated pairs');
	for (const key of ['readySeconds', 'firstPageSeconds', 'nextPageSeconds', 'editShownSeconds'] as const) expect(only!.preview[key], key).toBeGreaterThan(0);
	// The preview is started three times (each run's edit undone before the next): medians, and the start's range.
	expect(only!.preview.runs).toBe(3);
	const [fastest, slowest] = only!.preview.readyRangeSeconds!;
	expect(fastest).toBeLessThanOrEqual(only!.preview.readySeconds);
	expect(slowest).toBeGreaterThanOrEqual(only!.preview.readySeconds);
	expect(only!.reports).toBe(3);
	// 3 reports × 3 versions × 2 languages, as pages of the bare site.
	expect(only!.barePages).toBe(18);
	expect(only!.firstViewGzipBytes.report).toBeGreaterThan(1000);
	expect(only!.firstViewGzipBytes.firstSearch).toBeGreaterThan(only!.firstViewGzipBytes.report);
	// Budgets are set for 1,000 reports: a run without that size says so instead of judging.
	expect(result.budgets.every((b) => b.met === undefined)).toBe(true);
	rmSync(dirname(json), { recursive: true, force: true });
}, 600_000);
