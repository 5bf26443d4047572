/**
 * `npm run build` keeps the previous output when nothing it depends on changed
 * (scripts/build-inputs.ts), and never otherwise: on a clone of this repository, each kind of input
 * is changed in turn (a figure with its revisions entry, the commit, a translation, the catalogue,
 * the site settings, the code, the output itself) and the pages that show it must change.
 *
 * Between those builds Astro's incremental build copies the pages whose keys did not change
 * (src/data/page-keys.ts): so each change is looked for in pages it copies when their keys are
 * wrong (another year's report, an earlier version, an indicator's page), and the pages a change
 * does not touch must be copied, not rendered.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { userEnv } from '../../scripts/user-env.ts';
import { clearContentStore, root } from '../setup/site.ts';

const work = join(root, 'dist-test/rebuild');
const dist = join(work, 'dist');

function build(): { status: number; output: string; kept: boolean; copied: (route: string) => boolean } {
	const result = spawnSync(process.execPath, [join(work, 'scripts/build.ts')], {
		cwd: work,
		encoding: 'utf8',
		env: userEnv({ ANNALS_CACHE_DIR: join(work, '.cache'), ARCHIVE_CONTENT: '', ARCHIVE_OUT: '', FORCE_COLOR: '0', NO_COLOR: '1' }),
	});
	const output = `${result.stdout}\n${result.stderr}`;
	return {
		status: result.status ?? 1,
		output,
		kept: output.includes('Nothing changed since the last build'),
		// Astro's line for a page it copied from the last build.
		copied: (route) => new RegExp(`├─ /${route}${route.endsWith('/') || !route ? 'index\\.html' : ''} \\((restored|cached)\\)`).test(output),
	};
}

const page = (route: string) => readFileSync(join(dist, route, 'index.html'), 'utf8');
const edit = (file: string, from: string | RegExp, to: string) => {
	const path = join(work, file);
	const text = readFileSync(path, 'utf8');
	const changed = text.replace(from, to);
	if (changed === text) throw new Error(`${file} has no ${from}`);
	writeFileSync(path, changed);
};
/** Commits the given files (else every changed file) as an editor would; the commit's short hash, as pages show it. */
const commit = (message: string, ...paths: string[]) => {
	execFileSync('git', [
		'-C',
		work,
		'-c',
		'user.name=Editor',
		'-c',
		'user.email=editor@example.org',
		'commit',
		'-q',
		'-m',
		message,
		...(paths.length ? paths : ['-a']),
	]);
	return execFileSync('git', ['-C', work, 'rev-parse', '--short=10', 'HEAD'], { encoding: 'utf8' }).trim();
};

beforeAll(() => {
	rmSync(work, { recursive: true, force: true });
	execFileSync('git', ['clone', '-q', '--no-local', root, work]);
	// The history from the clone, the code as it is in the working tree (what is being tested).
	for (const path of ['src', 'scripts', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'])
		cpSync(join(root, path), join(work, path), { recursive: true });
	symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
	clearContentStore();
	const first = build();
	expect(first.status, first.output).toBe(0);
	expect(first.kept).toBe(false);
}, 300_000);
afterAll(() => {
	rmSync(work, { recursive: true, force: true });
	clearContentStore();
});

describe('npm run build, run again', () => {
	test('with nothing changed, keeps the output as it was', () => {
		const before = statSync(join(dist, 'index.html')).mtimeMs;
		const again = build();
		expect(again.status, again.output).toBe(0);
		expect(again.kept, again.output).toBe(true);
		expect(statSync(join(dist, 'index.html')).mtimeMs).toBe(before);
	});

	test('after a commit that changes nothing it reads (the README), keeps the output as it was', () => {
		const before = statSync(join(dist, 'index.html')).mtimeMs;
		writeFileSync(join(work, 'README.md'), `${readFileSync(join(work, 'README.md'), 'utf8')}\nOne more line.\n`);
		commit('README: one more line', 'README.md');
		const again = build();
		expect(again.status, again.output).toBe(0);
		expect(again.kept, again.output).toBe(true);
		expect(statSync(join(dist, 'index.html')).mtimeMs).toBe(before);
	});

	test('after a figure is corrected with its revisions entry, publishes the new figure', () => {
		expect(page('en/reports/2024/')).not.toContain('4,410');
		edit('content/reports/2024.mdx', /grdp_per_capita:\n {4}value: 4400/, 'grdp_per_capita:\n    value: 4410');
		edit(
			'content/reports/2024.mdx',
			/\n---\n\n## Kinh tế/,
			'\n  - date: 2026-11-30\n    kind: correction\n    note:\n      vi: Sửa GRDP bình quân đầu người.\n      en: GRDP per capita corrected.\n---\n\n## Kinh tế',
		);
		const rebuilt = build();
		expect(rebuilt.status, rebuilt.output).toBe(0);
		expect(rebuilt.kept).toBe(false);
		expect(page('en/reports/2024/')).toContain('4,410');
		expect(page('en/reports/2024/')).toContain('GRDP per capita corrected.');
		expect(page('en/indicators/grdp_per_capita/')).toContain('4,410');
		// The years before do not: they are copied from the last build.
		expect(rebuilt.copied('en/reports/2022/'), rebuilt.output).toBe(true);
		expect(rebuilt.copied('reports/2023/'), rebuilt.output).toBe(true);
		// Built once more with nothing changed, it is kept again.
		expect(build().kept).toBe(true);
	});

	test('after the correction is committed, publishes it as a new version with its commit', () => {
		const hash = commit('Correct GRDP per capita 2024');
		const rebuilt = build();
		expect(rebuilt.status, rebuilt.output).toBe(0);
		expect(rebuilt.kept).toBe(false);
		expect(page('en/reports/2024/')).toContain(hash);
		// The version before now says it was superseded by this one.
		expect(page('en/reports/2024/v1/')).toContain(hash);
		expect(rebuilt.copied('en/reports/2023/'), rebuilt.output).toBe(true);
	});

	test('after an earlier figure is corrected, publishes the next year that compares with it, and copies the years it does not touch', () => {
		edit('content/reports/2022.mdx', /grdp_growth:\n {4}value: 19\.3\n/, 'grdp_growth:\n    value: 19.4\n');
		edit(
			'content/reports/2022.mdx',
			/\n---\n/,
			'\nrevisions:\n  - date: 2026-11-30\n    kind: correction\n    note:\n      vi: Sửa tốc độ tăng GRDP.\n      en: GRDP growth corrected.\n---\n',
		);
		const next = page('en/reports/2023/');
		const rebuilt = build();
		expect(rebuilt.status, rebuilt.output).toBe(0);
		expect(page('en/reports/2022/')).toContain('GRDP growth corrected.');
		// 2023's growth is shown against 2022's: its page changes with it.
		expect(page('en/reports/2023/')).not.toBe(next);
		// The new province's 2025 report is compared with none of Bắc Giang's figures (the merger breaks every series).
		expect(rebuilt.copied('en/reports/2025/'), rebuilt.output).toBe(true);
	});

	test("after an edit to a report's text is committed, publishes it with its commit, and copies the pages made from the figures", () => {
		// As an editor's change arrives: committed (the web editor commits; CI builds the commit).
		edit('content/reports/2024.mdx', /\n---\n\n## Kinh tế/, '\n---\n\nMột đoạn mở đầu mới.\n\n## Kinh tế');
		const hash = commit('A new opening', 'content/reports/2024.mdx');
		const rebuilt = build();
		expect(rebuilt.status, rebuilt.output).toBe(0);
		expect(page('reports/2024/')).toContain('Một đoạn mở đầu mới.');
		expect(page('reports/2024/')).toContain(hash);
		// The commit holding the current version moved, but no figure did: the pages made from the
		// figures (which show no commit) are copied, not rendered again.
		for (const route of [
			'indicators/grdp_growth/',
			'en/indicators/grdp_per_capita/',
			'embed/indicators/grdp_growth/',
			'en/reports/2023/',
			'data/indicators.xlsx',
			'data/grdp_growth.zip',
			'embed/figures/grdp_growth.json',
		])
			expect(rebuilt.copied(route), `${route}\n${rebuilt.output}`).toBe(true);
		// An earlier version's search record is what it said that the next no longer says: a paragraph
		// added to the current text leaves every record of the earlier versions, and their bundle, as they were.
		expect(rebuilt.output).toMatch(/pagefind-versions\/0\/ [^;)]*kept: the same pages as the last build/);
		expect(rebuilt.output).not.toMatch(/pagefind\/ [^;)]*kept: the same pages as the last build/);
	});

	test.each([
		// What changed, in which file, and pages a stale cache would have copied (each is keyed, src/data/page-keys.ts),
		// with what they must show. Changes to one file share a build.
		{
			what: 'a translation',
			file: 'content/reports/2024.en.mdx',
			edits: [['title: Summary of emulation', 'title: Revised summary of emulation']],
			shown: [[['en/reports/2024/'], 'Revised summary of emulation']],
		},
		{
			what: 'the catalogue',
			file: 'content/indicators.yaml',
			edits: [['en: GRDP growth rate }', 'en: Growth rate of GRDP }']],
			shown: [[['en/indicators/grdp_growth/', 'en/reports/2022/', 'en/embed/indicators/grdp_growth/'], 'Growth rate of GRDP']],
		},
		{
			what: 'the site settings (title, address)',
			file: 'content/site.yaml',
			edits: [
				['en: Annual report archive', 'en: Archive of annual reports'],
				// Where the archive is published (site.yaml's url, unless ARCHIVE_SITE says otherwise): every canonical link.
				['url: https://annals.example.org', 'url: https://bacninh.example.gov.vn'],
			],
			shown: [
				[['en/', 'en/reports/2023/', 'en/indicators/grdp_growth/'], 'Archive of annual reports'],
				[['en/', 'reports/2023/', 'en/indicators/grdp_growth/'], '<link rel="canonical" href="https://bacninh.example.gov.vn/'],
			],
		},
		{
			what: 'the code (pages, texts)',
			file: 'src/i18n/en.ts',
			edits: [
				["'footer.publisher': 'Published by'", "'footer.publisher': 'Publisher'"],
				// A report's text is rendered into Astro's content store and Annals' texts cache, both kept
				// between builds: a page rendered anew could still show a text rendered by the old code.
				["'footnotes.label': 'Footnotes'", "'footnotes.label': 'Notes and sources'"],
			],
			shown: [
				[['en/', 'en/reports/2025/v1/', 'en/indicators/poverty_rate/'], '>Publisher:'],
				[['en/reports/2024/'], 'id="footnote-label">Notes and sources</h2>'],
			],
		},
	] satisfies { what: string; file: string; edits: [string, string][]; shown: [string[], string][] }[])(
		'after a change of $what, publishes it',
		({ file, edits, shown }) => {
			for (const [routes, shows] of shown) for (const route of routes) expect(page(route), route).not.toContain(shows);
			for (const [from, to] of edits) edit(file, from, to);
			const rebuilt = build();
			expect(rebuilt.status, rebuilt.output).toBe(0);
			expect(rebuilt.kept).toBe(false);
			for (const [routes, shows] of shown) for (const route of routes) expect(page(route), route).toContain(shows);
		},
	);

	test('after a build that did not finish, renders every page again', () => {
		edit('content/reports/2023.mdx', /\n---\n/, '\n---\n\nMột câu nữa.\n');
		// What a build stopped half way leaves: its mark on the cache (src/integrations/incremental-guard.ts).
		const astro = join(work, '.cache/astro');
		for (const store of readdirSync(astro)) writeFileSync(join(astro, store, 'annals-build-running'), '1\n');
		const rebuilt = build();
		expect(rebuilt.status, rebuilt.output).toBe(0);
		expect(rebuilt.output).toContain('every page is rendered again');
		expect(rebuilt.copied('en/reports/2022/'), rebuilt.output).toBe(false);
		expect(page('reports/2023/')).toContain('Một câu nữa.');
		// And the build after it copies again.
		edit('content/reports/2023.mdx', 'Một câu nữa.', 'Hai câu nữa.');
		const next = build();
		expect(next.status, next.output).toBe(0);
		expect(next.copied('en/reports/2022/'), next.output).toBe(true);
		expect(page('reports/2023/')).toContain('Hai câu nữa.');
	});

	test('after its output was changed or deleted, builds it again, and leaves in place the pages it keeps', () => {
		rmSync(join(dist, 'en/index.html'));
		writeFileSync(join(dist, 'stray.html'), '<p>Not a page of this archive.</p>');
		const kept = statSync(join(dist, 'en/reports/2022/index.html'));
		const rebuilt = build();
		expect(rebuilt.status, rebuilt.output).toBe(0);
		expect(rebuilt.kept).toBe(false);
		expect(page('en/')).toContain('Archive of annual reports');
		// The pages Astro keeps are left where the last build wrote them (src/integrations/kept-output.ts),
		// not copied back; every other file is written again, and one no build writes is gone.
		expect(rebuilt.output).toMatch(/Left the last build's \d+ pages in .* for Astro to keep/);
		const now = statSync(join(dist, 'en/reports/2022/index.html'));
		expect([now.ino, now.mtimeMs]).toEqual([kept.ino, kept.mtimeMs]);
		expect(existsSync(join(dist, 'stray.html'))).toBe(false);
	});

	test('after a page it keeps was changed by hand, publishes the page as built', () => {
		const built = page('en/reports/2022/');
		writeFileSync(join(dist, 'en/reports/2022/index.html'), built.replace('</h1>', ' (edited by hand)</h1>'));
		const rebuilt = build();
		expect(rebuilt.status, rebuilt.output).toBe(0);
		expect(rebuilt.kept).toBe(false);
		expect(rebuilt.output).toContain('en/reports/2022/index.html changed since the last build');
		expect(page('en/reports/2022/')).toBe(built);
	});

	// Last: it moves every page. site.yaml's language is the language of each report's own file, and
	// words its notes' heading, which is rendered into the texts' HTML that Astro's store and Annals'
	// cache keep between builds (src/data/report-loader.ts).
	test("after the archive's language changes, words each text's notes in it", () => {
		expect(page('reports/2024/')).toContain('id="footnote-label">Chú thích</h2>');
		edit('content/site.yaml', /^defaultLocale: vi$/m, 'defaultLocale: en');
		// A translation is then in the other language (`npm run check` says so).
		renameSync(join(work, 'content/reports/2024.en.mdx'), join(work, 'content/reports/2024.vi.mdx'));
		const rebuilt = build();
		expect(rebuilt.status, rebuilt.output).toBe(0);
		expect(page('reports/2024/')).toContain('id="footnote-label">Notes and sources</h2>');
	});
});
