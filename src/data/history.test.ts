/**
 * The version model over real git histories, built in temporary repositories.
 *
 * Over 300 lines because each case is a small repository built commit by commit, as editors and
 * CI make them: squashes, merges, reverts, catalogue changes, drafts and corrections.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterAll, describe, expect, test } from 'vitest';
import { formatProblem } from '../lib/validate/problems.ts';
import { validateArchive } from '../lib/validate/validate.ts';
import { couldHaveBeenPublished, recordCatalogue } from '../lib/versions/record.ts';
import { buildVersions, compareVersions, type Version } from '../lib/versions/versions.ts';
import { committedStates, currentState } from '../lib/versions/history.ts';
import { readContentFiles } from './content-files.ts';
import { readHistory, readLog, saveKeptStates } from './history.ts';

const SITE = 'publisher: { vi: A, en: A }\ntitle: { vi: T, en: T }\ndescription: { vi: D, en: D }\ndefaultLocale: vi\nurl: https://example.org\n';
const CATALOGUE = ['grdp_growth', 'grdp_rate', 'pci']
	.map(
		(id) =>
			`- id: ${id}\n  label: { vi: ${id}, en: ${id} }\n  category: economy\n  unit: percent_change\n  direction: higher\n  decimals: 2\n  definition: { vi: x, en: x }\n`,
	)
	.join('');

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A git repository holding an archive; `commit` writes files and commits them. */
function repository() {
	const dir = mkdtempSync(join(tmpdir(), 'annals-history-'));
	made.push(dir);
	const git = (...args: string[]) =>
		execFileSync('git', args, {
			cwd: dir,
			env: { ...process.env, GIT_AUTHOR_DATE: '2025-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2025-01-01T00:00:00Z' },
			encoding: 'utf8',
		});
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
	const catalogue = recordCatalogue(
		history,
		validateArchive(files, { today: '2026-01-01' }).archive?.indicators ??
			['grdp_growth', 'grdp_rate', 'pci'].map((id) => ({ id, unit: 'percent_change' as const, decimals: 2 })),
	);
	return buildVersions(history, 'reports/2024.mdx', 2024, files.reports.find((f) => f.path === 'reports/2024.mdx')!.text, (state, commit) =>
		couldHaveBeenPublished(state, 2024, catalogue, commit),
	).versions;
}

function problemsOf(dir: string): string[] {
	return validateArchive(readContentFiles(dir, dir), { history: readHistory(dir), today: '2026-01-01', lang: 'en' }).problems.map(formatProblem);
}

const summary = (versions: Version[]) =>
	versions.map((v) => [v.number, v.date, v.current, v.state.ok ? v.state.figures.map((f) => `${f.indicator}=${f.value}`).join(',') : 'unavailable']);

describe('versions from git history', () => {
	test('a report without revisions has one version, the current one', () => {
		const repo = repository();
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.85\n') });
		expect(summary(versionsOf(repo.dir))).toEqual([[1, '2025-01-31', true, 'grdp_growth=13.85']]);
		expect(problemsOf(repo.dir)).toEqual([]);
	});

	test('each revision entry makes a version; each earlier one is its state as first published', () => {
		const repo = repository();
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.8\n') }, 'first published');
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.85\n') }, 'changed silently, documented by the next entry');
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.87\n', ['2025-06-30']) }, 'revision');
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.9\n', ['2025-06-30', '2025-09-01']) }, 'second revision');
		const versions = versionsOf(repo.dir);
		expect(summary(versions)).toEqual([
			[1, '2025-01-31', false, 'grdp_growth=13.8'],
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
		expect(problemsOf(repo.dir)).toMatchInlineSnapshot(`
			[
			  "reports/2024.mdx:6:1  indicators  pci (69.75) was removed after publication, without a revisions entry — add a revisions entry (date, kind, note) saying why in the same commit, or restore the published figure",
			  "reports/2024.mdx:7:16  indicators.grdp_growth  grdp_growth: 13.85 → 13.87 changed after publication, without a revisions entry — add a revisions entry (date, kind, note) saying why in the same commit, or restore the published figure",
			]
		`);
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
		expect(readHistory(clone)).toEqual({ available: false, code: 'shallow', reason: 'this is a shallow clone, so earlier versions cannot be read' });
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

describe('the record over the whole committed history', () => {
	/** Problems with each commit's short hash replaced by the name of its commit message, for stable snapshots. */
	function named(repo: ReturnType<typeof repository>): string[] {
		const names = new Map(
			repo
				.git('log', '--format=%h %s')
				.trim()
				.split('\n')
				.map((line) => [line.slice(0, 7), `<${line.slice(8)}>`] as const),
		);
		return problemsOf(repo.dir).map((p) => p.replace(/\b[0-9a-f]{7}\b/g, (hash) => names.get(hash) ?? hash));
	}
	const figures = (versions: Version[]) => summary(versions).map(([n, , , f]) => `v${n}: ${f}`);

	test('a committed silent change is refused, naming the figure and the commit; a later entry documents it', () => {
		const repo = repository();
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 2.63\n') }, 'publish');
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 2.64\n') }, 'silent');
		expect(named(repo)).toMatchInlineSnapshot(`
			[
			  "reports/2024.mdx:7:16  indicators.grdp_growth  grdp_growth: 2.63 → 2.64 changed after publication in commit <silent> (2025-01-01), without a revisions entry — add a revisions entry (date, kind, note) saying why in a new commit: version 1 keeps the figure as first published and the new version shows the change. Git history need not be rewritten; or restore 2.63",
			]
		`);
		// Until then version 1 is still the figure as first published.
		expect(figures(versionsOf(repo.dir))).toEqual(['v1: grdp_growth=2.64']);
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 2.64\n', ['2025-06-30']) }, 'document');
		expect(named(repo)).toEqual([]);
		const versions = versionsOf(repo.dir);
		expect(figures(versions)).toEqual(['v1: grdp_growth=2.63', 'v2: grdp_growth=2.64']);
		expect(compareVersions(versions[0]!, versions[1]!)?.figures.changed).toEqual([
			{ indicator: 'grdp_growth', period: 2024, field: 'value', from: 2.63, to: 2.64, delta: 0.01 },
		]);
	});

	test.each([
		['a number written as text', '  grdp_growth: "13,85"\n'],
		['more decimals than the indicator shows', '  grdp_growth: 13.855\n'],
		['an unknown indicator id', '  grdp_growht: 13.85\n'],
	])('a commit the checks refused (%s) was never published: the commit that fixes it is no change to the record', (_, broken) => {
		const repo = repository();
		repo.commit({ 'reports/2024.mdx': report(broken) }, 'refused by CI');
		expect(named(repo)).not.toEqual([]);
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.85\n') }, 'fixed');
		expect(named(repo)).toEqual([]);
		expect(figures(versionsOf(repo.dir))).toEqual(['v1: grdp_growth=13.85']);
	});

	test('a commit refused for its revisions entry, its draft line or a status is fixed without an entry', () => {
		const repo = repository();
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 2.63\n') }, 'publish');
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 2.64\n', ['30/06/2025']) }, 'date written the Vietnamese way');
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 2.64\n', ['2025-06-30']) }, 'date fixed');
		expect(named(repo)).toEqual([]);
		const figure = (status: string) => `  grdp_growth:\n    value: 2.64\n    status: ${status}\n`;
		repo.commit({ 'reports/2024.mdx': report(figure('estimate'), ['2025-06-30']) }, 'a status, with its own entry');
		repo.commit({ 'reports/2024.mdx': report(figure('estimate'), ['2025-06-30', '2025-07-01']) }, 'second entry');
		repo.commit({ 'reports/2024.mdx': report(figure('estimated'), ['2025-06-30', '2025-07-01'], 'draft: yes\n') }, 'two typos');
		repo.commit({ 'reports/2024.mdx': report(figure('estimate'), ['2025-06-30', '2025-07-01'], 'draft: false\n') }, 'typos fixed');
		expect(named(repo)).toEqual([]);
	});

	test('a branch merged into main counts by what it brought to main, not by each commit on it', () => {
		const repo = repository();
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 2.63\n') }, 'publish');
		repo.git('checkout', '-q', '-b', 'fix');
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 2.70\n', ['2025-06-30']) }, 'on the branch, a typo');
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 2.64\n', ['2025-06-30']) }, 'on the branch, the typo fixed before merging');
		repo.git('checkout', '-q', 'main');
		repo.git('merge', '-q', '--no-ff', '-m', 'merge the fix', 'fix');
		expect(named(repo)).toEqual([]);
		expect(figures(versionsOf(repo.dir))).toEqual(['v1: grdp_growth=2.63', 'v2: grdp_growth=2.64']);
	});

	test('a change undone in a later commit leaves nothing to document', () => {
		const repo = repository();
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 2.63\n') });
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 2.64\n') });
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 2.63\n') });
		expect(named(repo)).toEqual([]);
	});

	test('a change within the newest version, after an earlier revision, is refused too', () => {
		const repo = repository();
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 2.63\n') }, 'publish');
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 2.64\n', ['2025-06-30']) }, 'revise');
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 2.64\n  pci: 70\n', ['2025-06-30']) }, 'add pci');
		expect(named(repo)).toMatchInlineSnapshot(`
			[
			  "reports/2024.mdx:8:3  indicators.pci  pci was added after publication in commit <add pci> (2025-01-01), without a revisions entry — add a revisions entry (date, kind, note) saying why in a new commit: version 2 keeps the figure as first published and the new version shows the change. Git history need not be rewritten",
			]
		`);
	});

	test('revisions entries are only ever appended: removing one or changing its date or kind is refused', () => {
		const repo = repository();
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 2.63\n') }, 'publish');
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 2.64\n', ['2025-06-30']) }, 'revise');
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 2.64\n', ['2025-07-01']) }, 'redate');
		expect(named(repo)).toMatchInlineSnapshot(`
			[
			  "reports/2024.mdx:9:13  revisions.0.date  revisions entry 1 was committed in <revise> (2025-01-01) as 2025-06-30, revision and now reads 2025-07-01, revision — restore date: 2025-06-30; the note may be reworded, but a new change is a new entry at the end",
			]
		`);
		repo.write({ 'reports/2024.mdx': report('  grdp_growth: 2.64\n') });
		expect(named(repo)).toMatchInlineSnapshot(`
			[
			  "reports/2024.mdx:2:1  revisions  revisions entry 1 (2025-06-30, revision), committed in <revise> (2025-01-01), has been removed — put it back as it was: entries are only ever added at the end, and an earlier version is read from them",
			]
		`);
		// Restoring the entry is the whole fix; its note may be reworded.
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 2.64\n', ['2025-06-30']).replace('New figures', 'Official figures') }, 'restore');
		expect(named(repo)).toEqual([]);
	});

	test('a published report cannot be deleted or turned back into a draft', () => {
		const repo = repository();
		repo.commit(
			{ 'reports/2023.mdx': report('  grdp_growth: 5\n').replace('year: 2024', 'year: 2023'), 'reports/2024.mdx': report('  grdp_growth: 2.63\n') },
			'publish',
		);
		repo.write({ 'reports/2024.mdx': report('  grdp_growth: 2.63\n', [], 'draft: true\n') });
		expect(named(repo)).toMatchInlineSnapshot(`
			[
			  "reports/2024.mdx:6:1  draft  the report was published on 2025-01-31 and cannot become a draft again — remove draft: true; to change a published figure, add a revisions entry",
			]
		`);
		repo.git('rm', '-q', '-f', 'reports/2024.mdx');
		repo.git('commit', '-q', '-m', 'delete');
		expect(named(repo)).toMatchInlineSnapshot(`
			[
			  "reports/2024.mdx:1:1  (file)  the 2024 report, published 2025-01-31, has been deleted (last committed in <publish> (2025-01-01)) — restore it with "git checkout <publish> -- reports/2024.mdx": a published report stays in the archive; to correct it, change it and add a revisions entry",
			]
		`);
	});

	test('an indicator that any published version used cannot leave the catalogue', () => {
		const repo = repository();
		repo.commit({ 'reports/2024.mdx': report('  grdp_rate: 2.63\n') }, 'publish');
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 2.63\n', ['2025-06-30']) }, 'rename');
		expect(named(repo)).toEqual([]);
		repo.commit({ 'indicators.yaml': CATALOGUE.replace(/- id: grdp_rate\n(?: .*\n)+?(?=- id)/, '') }, 'drop grdp_rate');
		expect(named(repo)).toMatchInlineSnapshot(`
			[
			  "indicators.yaml:1:1  (file)  "grdp_rate" is no longer in indicators.yaml, but version 1 of the 2024 report published a figure for it (reports/2024.mdx, commit <publish> (2025-01-01)) — put it back in indicators.yaml: the id of a published figure is permanent, and its page and downloads are cited; new reports may simply leave it out",
			]
		`);
	});

	test('a revisions entry dated after today is refused', () => {
		const repo = repository();
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 2.63\n') });
		repo.write({ 'reports/2024.mdx': report('  grdp_growth: 2.64\n', ['2026-01-05']) });
		expect(named(repo)).toMatchInlineSnapshot(`
			[
			  "reports/2024.mdx:9:13  revisions.0.date  revisions entry 1 is dated 2026-01-05, which is after today — date it the day the changed figures are published, today at the latest",
			]
		`);
	});
});

describe('the record, told in Vietnamese', () => {
	test("each rule speaks the archive's language", () => {
		const repo = repository();
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 2.63\n') }, 'publish');
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 2.64\n', ['2025-06-30']) }, 'revise');
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 2.65\n', ['2025-07-01']) }, 'redate');
		const told = validateArchive(readContentFiles(repo.dir, repo.dir), { history: readHistory(repo.dir), today: '2026-01-01', lang: 'vi' }).problems.map(
			formatProblem,
		);
		expect(told.map((p) => p.replace(/\b[0-9a-f]{7}\b/g, '<commit>'))).toMatchInlineSnapshot(`
			[
			  "reports/2024.mdx:7:16  indicators.grdp_growth  grdp_growth: 2.64 → 2.65 đã bị sửa sau khi công bố trong lần commit <commit> (2025-01-01) mà không có mục ghi thay đổi — thêm một mục vào revisions (date, kind, note) nói rõ lý do, trong một lần commit mới: phiên bản 2 vẫn giữ số liệu như khi công bố lần đầu và phiên bản mới cho thấy thay đổi. Không cần viết lại lịch sử git; hoặc trả lại 2.64",
			  "reports/2024.mdx:9:13  revisions.0.date  mục ghi thay đổi thứ 1 đã commit trong <commit> (2025-01-01) là 2025-06-30, revision, nay lại ghi 2025-07-01, revision — trả lại date: 2025-06-30; có thể sửa câu chữ của ghi chú, nhưng thay đổi mới phải là một mục mới ở cuối danh sách",
			]
		`);
	});
});

/**
 * A git that notes every command it is given, in front of the real one, and a cache of its own,
 * for the length of a test: `commands()` lists them ("log --reverse …"), `restore()` puts PATH and
 * the cache back.
 */
function notingGit(): { commands: () => string[]; restore: () => void } {
	const bin = mkdtempSync(join(tmpdir(), 'annals-git-'));
	made.push(bin);
	const calls = join(bin, 'calls');
	const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
	writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$*" >> ${calls}\nexec ${real} "$@"\n`, { mode: 0o755 });
	const saved = { path: process.env['PATH'], cache: process.env['ANNALS_CACHE_DIR'] };
	process.env['PATH'] = `${bin}:${saved.path}`;
	process.env['ANNALS_CACHE_DIR'] = join(bin, 'cache');
	return {
		commands: () => readFileSync(calls, 'utf8').split('\n'),
		restore: () => {
			process.env['PATH'] = saved.path;
			if (saved.cache === undefined) delete process.env['ANNALS_CACHE_DIR'];
			else process.env['ANNALS_CACHE_DIR'] = saved.cache;
		},
	};
}

describe('readHistory(dir), read once per build', () => {
	test('a second reading of the same commit, after the first was let go, comes from the snapshot, not from git log', () => {
		const repo = repository();
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.85\n') });
		const git = notingGit();
		const forget = () => delete (globalThis as Record<symbol, unknown>)[Symbol.for('annals.history')];
		const logs = () => git.commands().filter((c) => c.startsWith('log ')).length;
		try {
			forget();
			const first = readHistory(repo.dir);
			expect(logs()).toBe(1);
			forget();
			const again = readHistory(repo.dir);
			expect(logs()).toBe(1);
			expect(again).not.toBe(first);
			expect(again).toEqual(first);
			// A new commit is a new history: git is asked again.
			repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.87\n', ['2025-06-30']) });
			forget();
			expect(readHistory(repo.dir)).not.toEqual(first);
			expect(logs()).toBe(2);
		} finally {
			git.restore();
		}
	});

	test('after new commits, the next reading asks git only for those, and reads as the whole history does; a rewritten line is read whole', () => {
		const repo = repository();
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.85\n') });
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.87\n', ['2025-06-30']) });
		const git = notingGit();
		const forget = () => delete (globalThis as Record<symbol, unknown>)[Symbol.for('annals.history')];
		const lastLog = () =>
			git
				.commands()
				.filter((c) => c.startsWith('log '))
				.at(-1)!;
		const parts = (history: ReturnType<typeof readHistory>) => {
			if (!history.available) throw new Error(history.reason);
			return { commits: history.commits, files: history.files };
		};
		const whole = () => parts(readLog(repo.dir));
		const read = () => {
			forget();
			return parts(readHistory(repo.dir));
		};
		try {
			read();
			expect(lastLog()).not.toMatch(/\.\./);
			// A new report, a commit that changes no report, and a branch merged into main.
			repo.commit({ 'reports/2025.mdx': report('  grdp_growth: 10.27\n').replace('year: 2024', 'year: 2025') });
			repo.commit({ 'site.yaml': `${SITE}# a comment\n` });
			repo.git('checkout', '-q', '-b', 'fix');
			repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.88\n', ['2025-06-30', '2025-09-30']) });
			repo.git('checkout', '-q', 'main');
			repo.git('merge', '-q', '--no-ff', '-m', 'merge fix', 'fix');
			const since = read();
			expect(lastLog()).toMatch(/ [0-9a-f]{40}\.\.[0-9a-f]{40} /);
			expect(since).toEqual(whole());
			expect(since.commits).toHaveLength(4);
			// The last commit amended: main no longer goes through the commit read last.
			repo.write({ 'reports/2025.mdx': report('  grdp_growth: 10.3\n').replace('year: 2024', 'year: 2025') });
			repo.git('commit', '-q', '-a', '--amend', '-m', 'merge fix, amended');
			const rewritten = read();
			expect(lastLog()).not.toMatch(/\.\./);
			expect(rewritten).toEqual(whole());
		} finally {
			git.restore();
		}
	});

	test('what a process stopped while it wrote the history or its states left half written is removed by the next that writes them', () => {
		const repo = repository();
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.85\n') });
		const cache = mkdtempSync(join(tmpdir(), 'annals-history-cache-'));
		made.push(cache);
		const saved = process.env['ANNALS_CACHE_DIR'];
		process.env['ANNALS_CACHE_DIR'] = cache;
		for (const slot of ['annals.history', 'annals.kept-states']) delete (globalThis as Record<symbol, unknown>)[Symbol.for(slot)];
		try {
			const ended = execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
			mkdirSync(join(cache, 'history'), { recursive: true });
			const left = [`snapshot.bin.${ended}.1764700000000`, `states.bin.${ended}.1764700000000`];
			const writing = `snapshot.bin.${process.ppid}.1764700000000`;
			for (const name of [...left, writing]) writeFileSync(join(cache, 'history', name), 'cut short');
			const history = readHistory(repo.dir);
			committedStates(history, 'reports/2024.mdx', 2024);
			saveKeptStates(history);
			expect(readdirSync(join(cache, 'history')).sort()).toEqual(['snapshot.bin', writing, 'states.bin']);
		} finally {
			if (saved === undefined) delete process.env['ANNALS_CACHE_DIR'];
			else process.env['ANNALS_CACHE_DIR'] = saved;
		}
	});

	test('a committed state is read once: the next process takes it by its blob and year, and a new commit reads only its own', () => {
		const repo = repository();
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.85\n') });
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.87\n', ['2025-06-30']) });
		const cache = mkdtempSync(join(tmpdir(), 'annals-states-'));
		made.push(cache);
		const saved = process.env['ANNALS_CACHE_DIR'];
		process.env['ANNALS_CACHE_DIR'] = cache;
		const slots = globalThis as Record<symbol, unknown>;
		// A new process: nothing read yet, nothing held.
		const newProcess = () => [Symbol.for('annals.history'), Symbol.for('annals.kept-states')].forEach((slot) => delete slots[slot]);
		const file = join(cache, 'history', 'states.bin');
		const titles = () => committedStates(readHistory(repo.dir), 'reports/2024.mdx', 2024).map((c) => (c.state.ok ? c.state.title : c.state.error));
		try {
			newProcess();
			const history = readHistory(repo.dir);
			const read = committedStates(history, 'reports/2024.mdx', 2024);
			expect(read.map((c) => c.state.ok && c.state.title)).toEqual(['R', 'R']);
			saveKeptStates(history);
			// Marked, to tell a state taken from the file from one read again.
			const kept = deserialize(readFileSync(file)) as { code: string; entries: [string, { title: string }][] };
			expect(kept.entries).toHaveLength(2);
			const mark = (code: string) =>
				writeFileSync(file, serialize({ code, entries: kept.entries.map(([key, state]) => [key, { ...state, title: `kept ${state.title}` }]) }));
			mark(kept.code);

			newProcess();
			expect(titles()).toEqual(['kept R', 'kept R']);
			// Its body is the text's own, cut again from the commit.
			expect(committedStates(readHistory(repo.dir), 'reports/2024.mdx', 2024).map((c) => c.state.ok && c.state.body)).toEqual(
				read.map((c) => c.state.ok && c.state.body),
			);

			// A new commit: its state is read, the others are taken as kept.
			repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.87\n', ['2025-06-30'], 'draft: false\n') });
			expect(titles()).toEqual(['kept R', 'kept R', 'R']);

			// States kept by other code are read again.
			mark('other code');
			newProcess();
			expect(titles()).toEqual(['R', 'R', 'R']);
		} finally {
			newProcess();
			if (saved === undefined) delete process.env['ANNALS_CACHE_DIR'];
			else process.env['ANNALS_CACHE_DIR'] = saved;
		}
	});

	test("a file as committed reads as its last commit's state, read once; a file changed since is read as it is", () => {
		const repo = repository();
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.85\n') });
		repo.commit({ 'reports/2024.mdx': report('  grdp_growth: 13.87\n', ['2025-06-30']) });
		const history = readHistory(repo.dir);
		const text = readFileSync(join(repo.dir, 'reports/2024.mdx'), 'utf8');
		const last = committedStates(history, 'reports/2024.mdx', 2024).at(-1)!.state;
		expect(currentState(history, 'reports/2024.mdx', text, 2024)).toBe(last);
		const edited = currentState(history, 'reports/2024.mdx', text.replace('13.87', '13.9'), 2024);
		expect(edited).not.toBe(last);
		expect(edited.ok && edited.figures.map((f) => f.value)).toEqual([13.9]);
		// Another file with the same text is read as its own.
		expect(currentState(history, 'reports/bac_ninh_old/2024.mdx', text, 2024)).not.toBe(last);
	});
});
