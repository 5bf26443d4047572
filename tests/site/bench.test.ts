/** The benchmark script runs end to end on a tiny archive and reports every figure it promises. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { root } from '../setup/site.ts';

test('npm run bench -- --reports 3 builds Annals and the bare floor and writes its JSON', () => {
	const json = join(mkdtempSync(join(tmpdir(), 'annals-bench-test-')), 'bench.json');
	const run = spawnSync(process.execPath, [join(root, 'scripts/bench.ts'), '--reports', '3', '--json', json], { cwd: root, encoding: 'utf8' });
	expect(run.status, run.stderr + run.stdout).toBe(0);
	expect(run.stdout).toContain('| Annals / bare |');
	const result = JSON.parse(readFileSync(json, 'utf8'));
	for (const key of [
		'buildSeconds',
		'bareBuildSeconds',
		'ratio',
		'peakRssBytes',
		'historySeconds',
		'pagefindSeconds',
		'pagefindIndexBytes',
		'distBytes',
		'rebuildSeconds',
		'pagesPerSecond',
	]) {
		expect(typeof result[key], key).toBe('number');
	}
	expect(result.reports).toBe(3);
	// 3 reports × 3 versions × 2 languages, as pages of the bare site.
	expect(result.barePages).toBe(18);
	expect(result.firstViewGzipBytes.report).toBeGreaterThan(1000);
	expect(result.firstViewGzipBytes.firstSearch).toBeGreaterThan(result.firstViewGzipBytes.report);
}, 300_000);
