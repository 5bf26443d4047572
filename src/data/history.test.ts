/**
 * The version model over real git histories, built in temporary repositories.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { formatProblem, validateArchive } from '../lib/validate.ts';
import { buildVersions, type Version } from '../lib/versions.ts';
import { readContentFiles } from './content-files.ts';
import { readHistory } from './history.ts';

const SITE = 'publisher: { vi: A, en: A }\ntitle: { vi: T, en: T }\ndescription: { vi: D, en: D }\ndefaultLocale: vi\nurl: https://example.org\n';
const CATALOGUE = ['grdp_growth', 'grdp_rate', 'pci']
	.map((id) => `- id: ${id}\n  label: { vi: ${id}, en: ${id} }\n  category: economy\n  unit: percent_change\n  direction: higher\n  decimals: 2\n  definition: { vi: x, en: x }\n`)
	.join('');

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A git repository holding an archive; `commit` writes files and commits them. */
function repository() {
	const dir = mkdtempSync(join(tmpdir(), 'annals-history-'));
	made.push(dir);
	const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_DATE: '2025-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2025-01-01T00:00:00Z' }, encoding: 'utf8' });
	git('init', '-q', '-b', 'main');
	git('config', 'user.email', 'test@example.org');
	git('config', 'user.name', 'Test');
	mkdirSync(join(dir, 'reports'));
	const write = (files: Record<string, string>) => {
		for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
	};
	write({ 'site.yaml': SITE, 'indicators.yaml': CATALOGUE });
	return {
		dir,
		git,
		write,
		commit(files: Record<string, string>, message = 'change') {
			write(files);
			git('add', '-A');
			git('commit', '-q', '-m', message);
		},
	};
}

const report = (figures: string, revisions: string[] = [], extra = '') =>
	`---\nyear: 2024\ntitle: R\nsummary: S\npublished: 2025-01-31\n${extra}indicators:\n${figures}${revisions.length ? `revisions:\n${revisions.map((r) => `  - { date: ${r}, kind: revision, note: New figures }\n`).join('')}` : ''}---\n\nText of ${figures.trim()}.\n`;

function versionsOf(dir: string): Version[] {
	const history = readHistory(dir);
	const files = readContentFiles(dir, dir);
	return buildVersions(history, 'reports/2024.mdx', 2024, files.reports.find((f) => f.path === 'reports/2024.mdx')!.text).versions;
}

function problemsOf(dir: string): string[] {
	return validateArchive(readContentFiles(dir, dir), { history: readHistory(dir), today: '2026-01-01' }).problems.map(formatProblem);
}

const summary = (versions: Version[]) => versions.map((v) => [v.number, v.date, v.current, v.state.ok ? v.state.figures.map((f) => `${f.indicator}=${f.value}`).join(',') : 'unavailable']);

describe('versions from git history', () => {
	test('a report without revisions has one version, the current one', () => {
		const repo = repository();
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.85\n') });
		expect(summary(versionsOf(repo.dir))).toEqual([[1, '2025-01-31', true, 'grdp_growth=13.85']]);
		expect(problemsOf(repo.dir)).toEqual([]);
	});

	test('each revision entry makes a version; each earlier one is the last state before its entry', () => {
		const repo = repository();
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.8\n') }, 'draft figure');
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.85\n') }, 'corrected before anyone cited it');
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.87\n', ['2025-06-30']) }, 'revision');
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.9\n', ['2025-06-30', '2025-09-01']) }, 'second revision');
		const versions = versionsOf(repo.dir);
		expect(summary(versions)).toEqual([
			[1, '2025-01-31', false, 'grdp_growth=13.85'],
			[2, '2025-06-30', false, 'grdp_growth=13.87'],
			[3, '2025-09-01', true, 'grdp_growth=13.9'],
		]);
		expect(versions[0]!.commit?.hash).toMatch(/^[0-9a-f]{40}$/);
		expect(problemsOf(repo.dir)).toEqual([]);
	});

	test('a revision that also renames an indicator keeps the old id in the old version', () => {
		const repo = repository();
		repo.commit({ 'reports/2024.mdx': report('  grdp_rate: 13.85\n') });
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.87\n', ['2025-06-30']) });
		expect(summary(versionsOf(repo.dir))).toEqual([
			[1, '2025-01-31', false, 'grdp_rate=13.85'],
			[2, '2025-06-30', true, 'grdp_growth=13.87'],
		]);
	});

	test('a figure changed without a revisions entry is refused, naming the figure', () => {
		const repo = repository();
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.85\n  pci: 69.75\n') });
		repo.write({ 'reports/2024.mdx': report('  grdp_growth: 13.87\n') });
		expect(problemsOf(repo.dir)).toEqual([
			'reports/2024.mdx:6:1  indicators  pci (69.75) was removed after publication — add a revisions entry (date, kind, note) in the same commit, or restore the published figure',
			'reports/2024.mdx:7:16  indicators.grdp_growth  grdp_growth: 13.85 → 13.87 changed after publication — add a revisions entry (date, kind, note) in the same commit, or restore the published figure',
		]);
		repo.write({ 'reports/2024.mdx': report('  grdp_growth: 13.87\n', ['2025-06-30']) });
		expect(problemsOf(repo.dir)).toEqual([]);
		expect(versionsOf(repo.dir).map((v) => v.number)).toEqual([1, 2]);
	});

	test('a draft may change freely and is not a published version', () => {
		const repo = repository();
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.8\n', [], 'draft: true\n') });
		repo.write({ 'reports/2024.mdx': report('  grdp_growth: 13.85\n', [], 'draft: true\n') });
		expect(problemsOf(repo.dir)).toEqual([]);
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.85\n') }, 'publish');
		repo.write({ 'reports/2024.mdx': report('  grdp_growth: 13.86\n') });
		expect(problemsOf(repo.dir)).toHaveLength(1);
	});

	test('an old version that cannot be read is shown as unavailable, not a failure', () => {
		const repo = repository();
		repo.commit({ 'reports/2024.mdx': '---\ntitle: [broken\n---\n' });
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.87\n', ['2025-06-30']) });
		const history = readHistory(repo.dir);
		const { versions, warnings } = buildVersions(history, 'reports/2024.mdx', 2024, report('  grdp_growth: 13.87\n', ['2025-06-30']));
		expect(summary(versions)).toEqual([
			[1, '2025-01-31', false, 'unavailable'],
			[2, '2025-06-30', true, 'grdp_growth=13.87'],
		]);
		expect(warnings).toEqual([expect.stringMatching(/^reports\/2024\.mdx: version 1 is unavailable: its frontmatter is not valid YAML/)]);
	});

	test('a shallow clone says so, shows only the current version, and builds', () => {
		const repo = repository();
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.85\n') });
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.87\n', ['2025-06-30']) });
		const clone = mkdtempSync(join(tmpdir(), 'annals-shallow-'));
		made.push(clone);
		execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone]);
		expect(readHistory(clone)).toEqual({ available: false, reason: 'this is a shallow clone, so earlier versions cannot be read' });
		expect(summary(versionsOf(clone))).toEqual([[2, '2025-06-30', true, 'grdp_growth=13.87']]);
		expect(problemsOf(clone)).toEqual([]);
	});

	test('an indicator removed from the catalogue but still used is an error naming both files', () => {
		const repo = repository();
		repo.commit({ 'reports/2024.mdx': report('  grdp_rate: 13.85\n') });
		repo.write({ 'indicators.yaml': CATALOGUE.replace(/- id: grdp_rate\n(?: .*\n)+?(?=- id)/, '') });
		expect(problemsOf(repo.dir)).toEqual([
			'reports/2024.mdx:7:3  indicators.grdp_rate  "grdp_rate" was removed from indicators.yaml, but this report still uses it — put the indicator back in indicators.yaml, or rename the figure to the indicator that replaces it',
		]);
	});

	test('a unit changed in the catalogue is an error unless a series break records it', () => {
		const repo = repository();
		repo.commit({ 'reports/2024.mdx': report('  pci: 69.75\n') });
		const changed = CATALOGUE.replace(/(- id: pci\n(?: .*\n)*? {2}unit: )percent_change/, '$1index_points');
		repo.write({ 'indicators.yaml': changed });
		expect(problemsOf(repo.dir)).toEqual([
			'indicators.yaml:18:9  pci.unit  the unit of pci changed from percent_change to index_points since it was published — record the change under breaks: (the year the new unit applies from, and a note), or keep unit: percent_change',
		]);
		repo.write({ 'indicators.yaml': `${changed}  breaks:\n    - { year: 2025, note: { vi: Đổi đơn vị, en: New unit } }\n` });
		expect(problemsOf(repo.dir)).toEqual([]);
	});

	test('a folder outside git says so', () => {
		const dir = mkdtempSync(join(tmpdir(), 'annals-nogit-'));
		made.push(dir);
		expect(readHistory(dir)).toMatchObject({ available: false, reason: expect.stringContaining('not in a git repository') });
	});
});
