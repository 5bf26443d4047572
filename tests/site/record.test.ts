/**
 * The record, tried as an editor and a host would: on a clone of this repository (its real
 * history), commit a figure changed without a revisions entry, then document it in a later commit;
 * then rewrite history and build against the previously deployed site.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { userEnv } from '../../scripts/user-env.ts';
import { buildArchive, clearContentStore, root } from '../setup/site.ts';
import { page, text } from './html.ts';

// Inside the project (dist-test/ is ignored), so Astro reads the content like its own.
const work = join(root, 'dist-test/record');
const content = join(work, 'content');
const out = join(root, 'dist-test/record-out');
const deployed = join(root, 'dist-test/record-deployed');
rmSync(work, { recursive: true, force: true });
mkdirSync(join(root, 'dist-test'), { recursive: true });
execFileSync('git', ['clone', '-q', '--no-local', root, work]);
beforeAll(clearContentStore);
afterAll(() => {
	[work, out, deployed].forEach((dir) => rmSync(dir, { recursive: true, force: true }));
	clearContentStore();
});

const env = {
	GIT_AUTHOR_NAME: 'Clerk',
	GIT_AUTHOR_EMAIL: 'clerk@example.org',
	GIT_COMMITTER_NAME: 'Clerk',
	GIT_COMMITTER_EMAIL: 'clerk@example.org',
	GIT_AUTHOR_DATE: '2026-11-30T09:00:00Z',
	GIT_COMMITTER_DATE: '2026-11-30T09:00:00Z',
};
const git = (...args: string[]) => execFileSync('git', args, { cwd: work, env: { ...process.env, ...env }, encoding: 'utf8' }).trim();
const report2023 = join(content, 'reports/2023.mdx');
const edit = (from: string, to: string) => {
	const before = readFileSync(report2023, 'utf8');
	if (!before.includes(from)) throw new Error(`2023.mdx has no "${from}"`);
	writeFileSync(report2023, before.replace(from, to));
};

/** `npm run check` in the clone, as the editor runs it there. */
function check(extra: Record<string, string> = {}): { status: number; output: string } {
	const result = spawnSync(process.execPath, [join(root, 'scripts/check.ts'), '--lang', 'en'], {
		cwd: work,
		env: userEnv(extra),
		encoding: 'utf8',
	});
	return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
}
const build = (extra: Record<string, string> = {}) => buildArchive({ ARCHIVE_CONTENT: content, ARCHIVE_OUT: out, ...extra });

describe('a figure changed silently and committed', () => {
	let silent = '';
	beforeAll(() => {
		edit('value: 2.63', 'value: 2.64');
		git('commit', '-qam', 'Sửa tỷ lệ hộ nghèo');
		silent = git('rev-parse', '--short=7', 'HEAD');
	});

	test('is refused by npm run check, naming the figure, the old and new value and the commit', () => {
		const { status, output } = check();
		expect(status).toBe(1);
		expect(output).toContain(
			`content/reports/2023.mdx:68:12  indicators.poverty_rate.value  poverty_rate: 2.63 → 2.64 changed after publication in commit ${silent} (2026-11-30), without a revisions entry — add a revisions entry`,
		);
	});

	test("is refused by the build, in the archive's language, with no stack trace", () => {
		const { status, output } = build();
		expect(status).not.toBe(0);
		expect(output).toContain(
			`reports/2023.mdx:68:12  indicators.poverty_rate.value  poverty_rate: 2.63 → 2.64 đã bị sửa sau khi công bố trong lần commit ${silent} (2026-11-30) mà không có mục ghi thay đổi`,
		);
		expect(output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
	});
});

describe('the revisions entry added in a later commit', () => {
	beforeAll(() => {
		edit('\n---\n', '\nrevisions:\n  - date: 2025-07-15\n    kind: correction\n    note: Tỷ lệ hộ nghèo được sửa theo số liệu rà soát.\n---\n');
		git('commit', '-qam', 'Ghi lại việc sửa tỷ lệ hộ nghèo');
	});

	test('lets the check and the build pass', () => {
		expect(check().status).toBe(0);
		const { status, output } = build();
		expect(output).toContain('Complete!');
		expect(status).toBe(0);
		cpSync(out, deployed, { recursive: true });
	});

	test('keeps the figure as first published in version 1 and shows the change', () => {
		expect(text(page(out, 'en/reports/2023/v1/'), 'tr[data-indicator="poverty_rate"] .value')).toBe('2.63%');
		expect(text(page(out, 'en/reports/2023/'), 'tr[data-indicator="poverty_rate"] .value')).toBe('2.64%');
		const $ = page(out, 'en/reports/2023/');
		const rows = $('.versions .changes tbody tr')
			.map((_, tr) =>
				$(tr)
					.find('th, td')
					.map((_, c) => $(c).text().replace(/\s+/g, ' ').trim())
					.get()
					.join(' | '),
			)
			.get();
		const catalogue = parse(readFileSync(join(content, 'indicators.yaml'), 'utf8')) as { id: string; label: { en: string } }[];
		const label = catalogue.find((i) => i.id === 'poverty_rate')!.label.en;
		expect(rows).toContain(`${label} | value | 2.63% | 2.64% | +0.01 pp`);
		const rowsOf = (version: number) =>
			(
				JSON.parse(readFileSync(join(out, 'data/indicators.json'), 'utf8')) as {
					figures: { indicator: string; report_year: number; version: number; value: number }[];
				}
			).figures.filter((f) => f.indicator === 'poverty_rate' && f.report_year === 2023 && f.version === version);
		expect(rowsOf(1).map((f) => f.value)).toEqual([2.63]);
		expect(rowsOf(2).map((f) => f.value)).toEqual([2.64]);
	});
});

describe('a rewritten history, against the deployed site', () => {
	test('an amended commit that changes a published figure builds from git alone, but not against the deployed site', () => {
		edit('value: 2.64', 'value: 2.65');
		git('commit', '-q', '--amend', '-a', '--no-edit');
		expect(check().status).toBe(0);
		const { status, output } = check({ ANNALS_PUBLISHED: deployed });
		expect(status).toBe(1);
		expect(output).toContain(
			`content/reports/2023.mdx:68:12  indicators.poverty_rate.value  version 2 of the 2023 report is published on the site deployed at ${deployed} with poverty_rate: 2.64, but would now be published with 2.65 — a deployed figure never changes`,
		);
		expect(build().status).toBe(0);
		const refused = build({ ANNALS_PUBLISHED: deployed });
		expect(refused.status).not.toBe(0);
		expect(refused.output).toContain('poverty_rate: 2.64, nhưng nay sẽ công bố là 2.65');
	});

	test('a squashed history loses earlier versions: refused against the deployed site', () => {
		git('checkout', '-q', '--orphan', 'squashed');
		git('commit', '-qm', 'Everything in one commit');
		expect(check().status).toBe(0);
		const { status, output } = check({ ANNALS_PUBLISHED: deployed });
		expect(status).toBe(1);
		expect(output).toMatch(
			/content\/reports\/2024\.mdx:\d+:1 {2}revisions {2}version 1 of the 2024 report is published on the site deployed at .+ \(2025-01-31\), but the git history no longer holds it: was it squashed, amended or force-pushed\?/,
		);
	});

	test('a deployed site that cannot be read is an error, not a silent pass', () => {
		const { status, output } = check({ ANNALS_PUBLISHED: join(work, 'no-such-site') });
		expect(status).toBe(1);
		expect(output).toContain(`ANNALS_PUBLISHED=${join(work, 'no-such-site')}: ${join(work, 'no-such-site')} cannot be read (ENOENT)`);
	});
});
