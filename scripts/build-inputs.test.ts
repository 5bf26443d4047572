import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildInputs, outputFingerprint } from './build-inputs.ts';

const root = mkdtempSync(join(tmpdir(), 'annals-inputs-'));
const content = join(root, 'content');
mkdirSync(join(content, 'reports'), { recursive: true });
mkdirSync(join(root, 'src'), { recursive: true });
writeFileSync(join(content, 'site.yaml'), 'title: x\n');
writeFileSync(join(root, 'src/page.ts'), 'export {};\n');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const base = { root, content, args: [], env: {}, today: '2026-12-01' };

describe('buildInputs', () => {
	test('is the same for the same inputs', () => {
		expect(buildInputs(base)).toBe(buildInputs(base));
	});

	test.each([
		['a content file', () => writeFileSync(join(content, 'site.yaml'), 'title: y\n')],
		['a new report', () => writeFileSync(join(content, 'reports/2025.mdx'), '---\n---\n')],
		['the code', () => writeFileSync(join(root, 'src/page.ts'), 'export const x = 1;\n')],
	])('changes with %s', (_, change) => {
		const before = buildInputs(base);
		change();
		expect(buildInputs(base)).not.toBe(before);
	});

	test('changes with a setting, the deployed figures, the arguments and the day; not with where caches go', () => {
		const before = buildInputs(base);
		expect(buildInputs({ ...base, env: { ARCHIVE_SITE: 'https://example.org' } })).not.toBe(before);
		expect(buildInputs({ ...base, env: { ANNALS_PUBLISHED: 'https://example.org' } })).not.toBe(before);
		expect(buildInputs({ ...base, deployed: { figures: [1] } })).not.toBe(before);
		expect(buildInputs({ ...base, args: ['--verbose'] })).not.toBe(before);
		expect(buildInputs({ ...base, today: '2026-12-02' })).not.toBe(before);
		expect(buildInputs({ ...base, env: { ANNALS_CACHE_DIR: '/tmp/x', ANNALS_BUILD_STATS: '/tmp/s', HOME: '/root' } })).toBe(before);
	});
});

describe('buildInputs in git', () => {
	const git = (...args: string[]) =>
		execFileSync('git', ['-C', content, '-c', 'user.name=Editor', '-c', 'user.email=editor@example.org', ...args], { stdio: 'ignore' });

	test("changes with a commit that changes a report's history; not with one that changes nothing it reads", () => {
		git('init', '-q');
		writeFileSync(join(content, 'reports/2024.mdx'), '---\nyear: 2024\n---\n');
		git('add', '-A');
		git('commit', '-qm', 'The 2024 report');
		const committed = buildInputs(base);
		// A commit of nothing the build reads (a README, a workflow, elsewhere in the repository): kept.
		git('commit', '-q', '--allow-empty', '-m', 'README only');
		expect(buildInputs(base)).toBe(committed);
		// The same files, but the report's change now committed: a new version's commit, built again.
		writeFileSync(join(content, 'reports/2024.mdx'), '---\nyear: 2024\ntitle: x\n---\n');
		const edited = buildInputs(base);
		git('commit', '-qam', 'A title');
		expect(buildInputs(base)).not.toBe(edited);
		expect(buildInputs(base)).not.toBe(committed);
	});
});

describe('outputFingerprint', () => {
	test('changes when a file is changed, touched, added or removed; undefined for no output', () => {
		const out = join(root, 'dist');
		expect(outputFingerprint(out)).toBeUndefined();
		mkdirSync(out);
		writeFileSync(join(out, 'index.html'), 'a');
		const first = outputFingerprint(out);
		expect(outputFingerprint(out)).toBe(first);
		utimesSync(join(out, 'index.html'), new Date(2020, 0, 1), new Date(2020, 0, 1));
		const touched = outputFingerprint(out);
		expect(touched).not.toBe(first);
		writeFileSync(join(out, 'more.html'), 'b');
		expect(outputFingerprint(out)).not.toBe(touched);
		rmSync(join(out, 'more.html'));
		rmSync(join(out, 'index.html'));
		expect(outputFingerprint(out)).toBeUndefined();
	});
});
