/**
 * The CI configurations shipped for publishers (GitHub Actions and GitLab CI): they parse, every
 * command they run exists, they read the whole history, and the reports they hand the Git host are
 * what the host reads.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { userEnv } from '../../scripts/user-env.ts';

const root = join(import.meta.dirname, '../..');
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const temp = mkdtempSync(join(tmpdir(), 'annals-ci-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Every npm command in a list of shell lines, as [command, script, arguments]. */
function npmCommands(lines: readonly string[]): { script: string | undefined; args: string }[] {
	return lines.flatMap((line) => [...line.matchAll(/\bnpm (ci|run (\S+))([^&|;]*)/g)].map((m) => ({ script: m[2], args: (m[3] ?? '').replace(/^\s*--\s*/, '').trim() })));
}

/** Runs `npm run check` as the pipeline does, with its arguments. */
function check(args: string): { status: number; stdout: string } {
	const result = spawnSync(process.execPath, [join(root, 'scripts/check.ts'), ...args.split(/\s+/).filter(Boolean)], { cwd: root, env: userEnv(), encoding: 'utf8' });
	return { status: result.status ?? 1, stdout: result.stdout };
}

describe('the GitHub Actions workflow', () => {
	const workflow = parse(readFileSync(join(root, '.github/workflows/annals.yml'), 'utf8')) as { jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> }[] }> };
	const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

	test('runs only scripts package.json has', () => {
		const commands = npmCommands(steps.flatMap((s) => (s.run ? [s.run] : [])));
		expect(commands.length).toBeGreaterThan(3);
		for (const { script } of commands) if (script) expect(Object.keys(scripts)).toContain(script);
	});

	test('checks out the whole history in every job', () => {
		const checkouts = steps.filter((s) => s.uses?.startsWith('actions/checkout@'));
		expect(checkouts.length).toBe(Object.keys(workflow.jobs).length);
		for (const s of checkouts) expect(s.with?.['fetch-depth']).toBe(0);
	});

	test('builds for the Pages sub-path, and checks against the deployed site when told where it is', () => {
		const build = steps.find((s) => s.run === 'npm run build')!;
		expect(build.env?.['ARCHIVE_BASE']).toMatch(/base_path/);
		expect(build.env?.['ANNALS_PUBLISHED']).toBe('${{ vars.ANNALS_PUBLISHED }}');
		expect(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))?.with?.['path']).toBe('dist');
	});

	test('its annotations are workflow commands', () => {
		const args = npmCommands(steps.flatMap((s) => (s.run ? [s.run] : []))).find((c) => c.args.includes('--format github'))!.args;
		const { status, stdout } = check(`${args} --lang en`);
		expect(status).toBe(0);
		expect(stdout.trim().split('\n').at(-1)).toBe('0 errors, 0 warnings in the content.');
	});
});

describe('the GitLab CI configuration', () => {
	const ci = parse(readFileSync(join(root, '.gitlab-ci.yml'), 'utf8')) as Record<string, { script?: string[]; artifacts?: { paths?: string[]; reports?: { codequality?: string } }; publish?: string }> & { variables: Record<string, unknown>; default: { before_script: string[] } };

	test('runs only scripts package.json has, on the whole history', () => {
		expect(ci.variables['GIT_DEPTH']).toBe(0);
		const jobs = Object.values(ci) as { script?: unknown }[];
		const lines = [...ci.default.before_script, ...jobs.flatMap((job) => (Array.isArray(job.script) ? (job.script as string[]) : []))];
		const commands = npmCommands(lines);
		expect(commands.length).toBeGreaterThan(3);
		for (const { script } of commands) if (script) expect(Object.keys(scripts)).toContain(script);
	});

	test('publishes the build for the Pages sub-path', () => {
		expect(ci['pages']!.publish).toBe('dist');
		expect(ci['pages']!.artifacts?.paths).toEqual(['dist']);
		expect(ci['pages']!.script!.join('\n')).toMatch(/ARCHIVE_BASE=.*CI_PAGES_URL/);
	});

	test('writes the Code Quality report the job hands to GitLab', () => {
		const report = ci['check']!.artifacts!.reports!.codequality!;
		const args = npmCommands(ci['check']!.script!).find((c) => c.script === 'check')!.args.replace(report, join(temp, report));
		expect(check(args).status).toBe(0);
		expect(JSON.parse(readFileSync(join(temp, report), 'utf8'))).toEqual([]);
	});
});
