/**
 * `npm run bench -- [--reports 1000] [--json bench.json] [--keep] [--generate dir]`
 *
 * Generates a synthetic archive in a temporary folder (N reports, 40 indicators each, about 800
 * words of Vietnamese and of English each, a real git history with 3 versions of every report, each
 * later version revising figures and rewriting a few sentences), builds it with Annals, and in the
 * same run builds a bare Astro site with the same Astro and MDX set-up rendering the same MDX bodies
 * as the same number of pages (every version, every language): the floor for Astro on that work.
 * Prints a Markdown table; writes JSON with --json. With --generate, only writes the archive into
 * `dir` (content/ and bare/), to build or profile by hand.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { readHistory } from '../src/data/history.ts';
import { SEARCH_BUNDLES } from '../src/lib/search.ts';
import { chromiumPath, launch } from './chromium.ts';
import { serveDist } from './serve.ts';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string) => {
	const i = args.indexOf(`--${name}`);
	return i === -1 ? undefined : args[i + 1];
};
const reports = Number(option('reports') ?? 1000);
const jsonPath = option('json');
const keep = args.includes('--keep');
const generateInto = option('generate');
if (!Number.isInteger(reports) || reports < 1 || reports > 8000) throw new Error('--reports takes a whole number from 1 to 8000');

/* ------------------------------------------------------------------------------------------ */
/* A synthetic archive                                                                          */

/** A small deterministic random source, so every run builds the same archive. */
function random(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

const VI =
	'kinh tế xã hội tăng trưởng chỉ tiêu công nghiệp nông thôn mới hộ nghèo giảm đầu tư doanh nghiệp tỉnh huyện xã đường giao thông đồng bằng điện nước giáo dục y tế văn hóa dân số lao động việc làm thu nhập sản xuất dịch vụ du lịch xuất khẩu ngân sách kế hoạch năm quý tháng đạt vượt hoàn thành nhiệm vụ chính quyền người dân cải cách hành chính chuyển đổi số môi trường rừng đất đai khu cụm đô thị phát triển bền vững'.split(
		' ',
	);
const EN =
	'economy society growth indicator industry rural new poverty decline investment enterprise province district commune road transport delta power water education health culture population labour jobs income production services tourism exports budget plan year quarter month reached exceeded completed task government people reform administration digital environment forest land park cluster urban development sustainable'.split(
		' ',
	);

/** A sentence of `length` words drawn from `words`, capitalised. */
function sentence(words: string[], rand: () => number): string {
	const out: string[] = [];
	const length = 8 + Math.floor(rand() * 10);
	for (let i = 0; i < length; i++) out.push(words[Math.floor(rand() * words.length)]!);
	out[0] = out[0]![0]!.toUpperCase() + out[0]!.slice(1);
	return `${out.join(' ')}.`;
}

/**
 * About `count` words of prose in sections, a table of figures and a footnote. A later version
 * (`revision` > 0) is the same text with a few sentences rewritten, as a real revision is.
 */
function prose(words: string[], count: number, seed: number, figures: string[], revision = 0): string {
	const rand = random(seed);
	const out: string[] = [];
	let written = 0;
	let section = 0;
	while (written < count) {
		if (written % 260 < 12) out.push(`\n\n## ${words[Math.floor(rand() * words.length)]} ${++section}\n\n`);
		const text = sentence(words, rand);
		// Paragraphs of a few sentences, as an editor writes them.
		out.push(`${text}${rand() < 0.3 ? '\n\n' : ''}`);
		written += text.split(' ').length;
	}
	for (let r = 1; r <= revision; r++) {
		const change = random(seed * 31 + r);
		for (let k = 0; k < 3; k++) {
			const at = Math.floor(change() * out.length);
			if (!out[at]!.startsWith('\n\n##')) out[at] = `${sentence(words, change)}${out[at]!.endsWith('\n\n') ? '\n\n' : ''}`;
		}
	}
	const table = ['', '| | |', '| --- | --- |', ...figures.slice(0, 5).map((f) => `| ${f} |`), ''];
	return `${out.join(' ')}\n${table.join('\n')}\nSee the note.[^1]\n\n[^1]: Figures as published.\n`;
}

const UNITS = ['percent', 'percent_change', 'count', 'vnd_billion', 'index_points'] as const;
const CATEGORIES = ['economy', 'society', 'rural', 'education', 'governance'];

function indicatorsYaml(): string {
	return Array.from({ length: 40 }, (_, i) => {
		const id = `ind_${String(i + 1).padStart(2, '0')}`;
		return `- id: ${id}\n  label: { vi: Chỉ tiêu ${i + 1}, en: Indicator ${i + 1} }\n  category: ${CATEGORIES[i % 5]}\n  unit: ${UNITS[i % 5]}\n  direction: ${['higher', 'lower', 'neutral'][i % 3]}\n  decimals: 2\n  definition: { vi: Định nghĩa chỉ tiêu ${i + 1}., en: Definition of indicator ${i + 1}. }\n`;
	}).join('');
}

function reportText(year: number, version: number): string {
	const figures: string[] = [];
	const lines = [
		'---',
		`year: ${year}`,
		`title: Báo cáo tổng kết năm ${year}`,
		`summary: Tóm tắt tình hình kinh tế – xã hội năm ${year}.`,
		`published: ${year + 1}-01-31`,
		'indicators:',
	];
	for (let i = 0; i < 40; i++) {
		const unit = UNITS[i % 5]!;
		const base =
			unit === 'percent'
				? 10 + ((year * 7 + i * 13) % 80)
				: unit === 'percent_change'
					? ((year + i) % 20) - 2
					: unit === 'count'
						? 100 + ((year * 3 + i) % 900)
						: unit === 'vnd_billion'
							? 1000 + ((year * 11 + i) % 9000)
							: 50 + ((year + i * 3) % 40);
		// Revisions move a figure by a hundredth, or by one for a count, which is whole.
		const value = Number((base + version * (unit === 'count' ? 1 : 0.01) * (i % 4)).toFixed(2));
		figures.push(`Indicator ${i + 1} | ${value}`);
		lines.push(`  ind_${String(i + 1).padStart(2, '0')}:`, `    value: ${value}`, `    status: ${version === 1 ? 'estimate' : 'final'}`);
	}
	if (version > 1) {
		lines.push('revisions:');
		for (let v = 2; v <= version; v++) lines.push(`  - date: ${year + 1}-0${v + 3}-30`, '    kind: revision', `    note: Revised figures, round ${v - 1}.`);
	}
	lines.push('---');
	return `${lines.join('\n')}\n${prose(VI, 800, year * 7, figures, version - 1)}`;
}

function translationText(year: number): string {
	return `---\ntitle: Summary report for ${year}\nsummary: Socio-economic situation in ${year}.\n---\n${prose(EN, 800, year * 13, [])}`;
}

function git(cwd: string, ...command: string[]) {
	execFileSync('git', command, {
		cwd,
		stdio: 'ignore',
		env: { ...process.env, GIT_AUTHOR_DATE: '2025-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2025-01-01T00:00:00Z' },
	});
}

/** Writes the archive and its three-commit history; returns the years and the bare site's bodies. */
function generate(dir: string, n: number): number[] {
	const content = join(dir, 'content');
	const bodies = join(dir, 'bare/src/bodies');
	mkdirSync(join(content, 'reports'), { recursive: true });
	mkdirSync(bodies, { recursive: true });
	writeFileSync(
		join(content, 'site.yaml'),
		'publisher: { vi: Đơn vị, en: Publisher }\ntitle: { vi: Kho lưu trữ, en: Archive }\ndescription: { vi: Mô tả, en: Description }\ndefaultLocale: vi\nurl: https://bench.example.org\nheadline: [ind_01, ind_02, ind_03, ind_04, ind_05, ind_06]\n',
	);
	writeFileSync(join(content, 'indicators.yaml'), indicatorsYaml());
	const years = Array.from({ length: n }, (_, i) => 2024 - n + 1 + i);
	git(content, 'init', '-q', '-b', 'main');
	git(content, 'config', 'user.email', 'bench@example.org');
	git(content, 'config', 'user.name', 'Bench');
	for (const version of [1, 2, 3]) {
		for (const year of years) {
			const text = reportText(year, version);
			writeFileSync(join(content, 'reports', `${year}.mdx`), text);
			const body = text.slice(text.indexOf('\n---\n', 4) + 5);
			writeFileSync(join(bodies, `${year}-v${version}-vi.mdx`), `---\ntitle: Báo cáo ${year} v${version}\n---\n${body}`);
			const translation = translationText(year);
			if (version === 1) writeFileSync(join(content, 'reports', `${year}.en.mdx`), translation);
			writeFileSync(
				join(bodies, `${year}-v${version}-en.mdx`),
				translation.replace(/^---\ntitle: .*\n/, `---\ntitle: Report ${year} v${version}\n`).replace(/summary: .*\n/, ''),
			);
		}
		git(content, 'add', '-A');
		git(content, 'commit', '-q', '-m', `version ${version}`);
	}
	return years;
}

/** The bare Astro site: the same Astro, MDX and remark-gfm, one page per body, a minimal layout. */
function writeBareSite(dir: string) {
	const bare = join(dir, 'bare');
	symlinkSync(join(root, 'node_modules'), join(bare, 'node_modules'));
	writeFileSync(join(bare, 'package.json'), '{ "type": "module", "private": true }\n');
	writeFileSync(
		join(bare, 'astro.config.mjs'),
		`import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nimport { unified } from '@astrojs/markdown-remark';\nimport remarkGfm from 'remark-gfm';\nexport default defineConfig({ build: { concurrency: 2 }, markdown: { processor: unified({ remarkPlugins: [remarkGfm], gfm: false }), syntaxHighlight: false }, integrations: [mdx()], devToolbar: { enabled: false }, vite: { build: { rolldownOptions: { onLog(level, log, handler) { if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log); } } } } });\n`,
	);
	writeFileSync(
		join(bare, 'src/content.config.ts'),
		`import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nimport { z } from 'astro/zod';\nexport const collections = { bodies: defineCollection({ loader: glob({ pattern: '*.mdx', base: './src/bodies' }), schema: z.object({ title: z.string() }) }) };\n`,
	);
	mkdirSync(join(bare, 'src/pages'), { recursive: true });
	writeFileSync(
		join(bare, 'src/pages/[slug].astro'),
		`---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n\treturn (await getCollection('bodies')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));\n}\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<html lang="vi"><head><meta charset="utf-8" /><title>{entry.data.title}</title></head><body><main><h1>{entry.data.title}</h1><Content /></main></body></html>\n`,
	);
}

/* ------------------------------------------------------------------------------------------ */
/* Measuring                                                                                    */

/** Resident memory of a process and all its descendants, from /proc. */
function treeRss(pid: number): number {
	const parents = new Map<number, number>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
		} catch {
			// The process ended while we looked.
		}
	}
	const tree = [pid];
	for (let i = 0; i < tree.length; i++) for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
	let bytes = 0;
	for (const p of tree) {
		try {
			const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
			if (match) bytes += Number(match[1]) * 1024;
		} catch {
			// Gone.
		}
	}
	return bytes;
}

interface Run {
	seconds: number;
	peakRssBytes: number;
	output: string;
}

/** Runs a build command with Node, timing it and sampling the memory of its whole process tree. */
function timedBuild(command: string[], cwd: string, env: Record<string, string>): Promise<Run> {
	return new Promise((done, fail) => {
		const started = performance.now();
		const child = spawn(process.execPath, command, { cwd, env: { ...process.env, ...env, NO_COLOR: '1', FORCE_COLOR: '0' } });
		let output = '';
		child.stdout.on('data', (d: Buffer) => (output += d.toString()));
		child.stderr.on('data', (d: Buffer) => (output += d.toString()));
		let peak = 0;
		const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100);
		child.on('exit', (code) => {
			clearInterval(timer);
			const seconds = (performance.now() - started) / 1000;
			if (code !== 0) fail(new Error(`${command.join(' ')} failed in ${cwd}:\n${output.slice(-4000)}`));
			else done({ seconds, peakRssBytes: peak, output });
		});
	});
}

function duBytes(dir: string): number {
	let total = 0;
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
		if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
	return total;
}

const gz = (path: string) => gzipSync(readFileSync(path)).length;

/** Files a JavaScript module loads, statically and (with `dynamic`) through import(). */
function moduleGraph(dist: string, entry: string, dynamic: boolean, seen = new Set<string>()): Set<string> {
	if (seen.has(entry)) return seen;
	seen.add(entry);
	const code = readFileSync(join(dist, entry), 'utf8');
	const dir = entry.slice(0, entry.lastIndexOf('/') + 1);
	const patterns = [/(?:from|import)\s*["'`]([^"'`]+\.js)["'`]/g, ...(dynamic ? [/import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g] : [])];
	for (const pattern of patterns) {
		for (const m of code.matchAll(pattern)) {
			const target = m[1]!.startsWith('/') ? m[1]!.slice(1) : new URL(m[1]!, `file:///${dir}`).pathname.slice(1);
			if (existsSync(join(dist, target))) moduleGraph(dist, target, dynamic, seen);
		}
	}
	return seen;
}

/** gzip bytes of a page's HTML, stylesheets and scripts (with `dynamic`, also the code loaded on view). */
function firstView(dist: string, route: string, dynamic: boolean): number {
	const html = readFileSync(join(dist, route, 'index.html'), 'utf8');
	let bytes = gz(join(dist, route, 'index.html'));
	for (const m of html.matchAll(/<link rel="stylesheet" href="\/([^"]+)"/g)) bytes += gz(join(dist, m[1]!));
	const scripts = new Set<string>();
	for (const m of html.matchAll(/<script[^>]*src="\/([^"]+)"/g)) for (const f of moduleGraph(dist, m[1]!, dynamic)) scripts.add(f);
	for (const m of html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)) {
		for (const i of m[1]!.matchAll(/import\s*["'`]\/([^"'`]+)["'`]/g)) for (const f of moduleGraph(dist, i[1]!, dynamic)) scripts.add(f);
	}
	for (const f of scripts) bytes += gz(join(dist, f));
	return bytes;
}

/** gzip bytes a reader downloads for a first search: the search page, then Pagefind and what it fetches. */
async function firstSearch(dist: string, query: string): Promise<number> {
	let bytes = firstView(dist, 'search', false);
	const fetched = new Set<string>();
	const web = globalThis.fetch;
	globalThis.fetch = async (input) => {
		const url = new URL(input instanceof Request ? input.url : String(input));
		fetched.add(url.pathname);
		return new Response(readFileSync(url));
	};
	const pagefindJs = join(dist, SEARCH_BUNDLES.current, 'pagefind.js');
	fetched.add(pagefindJs);
	const { searchWith } = await import('../src/client/search-engine.ts');
	const pagefind = await import(`file://${pagefindJs}?bench`);
	await pagefind.options({ baseUrl: '/' });
	await pagefind.init();
	await searchWith({ pagefind, versionsUrl: `file://${join(dist, SEARCH_BUNDLES.versions)}/`, baseUrl: '/' }, query, {}, 10);
	globalThis.fetch = web;
	for (const file of fetched) bytes += gz(file);
	if (process.env['BENCH_VERBOSE']) for (const file of fetched) console.log(`  first search: ${gz(file)} B gzip  ${file.slice(dist.length)}`);
	return bytes;
}

/** The file a request for `path` is served from. */
function servedFile(dist: string, path: string): string {
	const file = join(dist, decodeURIComponent(path));
	return path.endsWith('/') ? join(file, 'index.html') : file;
}

/**
 * What a reader's browser downloads for each first view, gzip: the files Chromium requests from a
 * local server, fresh cache each time. The report is loaded without scrolling (its charts load only
 * in view); the indicator page is scrolled to its chart and waits for it to be drawn; the search
 * page runs a query and waits for the results.
 */
async function browserFirstViews(
	dist: string,
	latest: number,
): Promise<{ bytes: Record<'home' | 'report' | 'indicatorWithChart' | 'firstSearch', number>; files: Record<string, string[]> }> {
	const served = await serveDist(dist, '/');
	const browser = await launch();
	const origin = new URL(served.url).origin;
	const views: [string, string, ((page: Page) => Promise<void>) | undefined][] = [
		['home', '', undefined],
		['report', `reports/${latest}/`, undefined],
		[
			'indicatorWithChart',
			'indicators/ind_01/',
			async (page) => {
				await page.locator('annals-chart').first().scrollIntoViewIfNeeded();
				await page.waitForSelector('annals-chart canvas', { state: 'attached' });
			},
		],
		[
			'firstSearch',
			`search/?q=${encodeURIComponent('kinh tế')}`,
			async (page) => {
				await page.waitForSelector('annals-search[data-count]');
			},
		],
	];
	const bytes = {} as Record<'home' | 'report' | 'indicatorWithChart' | 'firstSearch', number>;
	const files: Record<string, string[]> = {};
	try {
		for (const [name, path, act] of views) {
			const context = await browser.newContext();
			const page = await context.newPage();
			const requested = new Set<string>();
			page.on('request', (request) => {
				const url = new URL(request.url());
				if (url.origin === origin) requested.add(url.pathname);
			});
			await page.goto(`${served.url}${path}`, { waitUntil: 'networkidle' });
			if (act) {
				await act(page);
				await page.waitForLoadState('networkidle');
				await page.waitForTimeout(500);
			}
			await context.close();
			files[name] = [...requested].sort();
			bytes[name as keyof typeof bytes] = files[name].reduce((sum, p) => sum + (existsSync(servedFile(dist, p)) ? gz(servedFile(dist, p)) : 0), 0);
		}
	} finally {
		await browser.close();
		await served.close();
	}
	return { bytes, files };
}

/* ------------------------------------------------------------------------------------------ */

/**
 * Astro keeps one content store per project (.astro/ and node_modules/.astro/). Built from another
 * content folder, it would list the benchmark's files, which are deleted at the end: clear it before
 * and after, so the benchmark starts cold and the project's next build starts clean.
 */
function clearContentStore() {
	for (const dir of ['.astro', 'node_modules/.astro']) rmSync(join(root, dir), { recursive: true, force: true });
}

if (generateInto) {
	const dir = resolve(process.cwd(), generateInto);
	if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`--generate needs an empty or new folder; ${dir} is not empty`);
	mkdirSync(dir, { recursive: true });
	generate(dir, reports);
	writeBareSite(dir);
	console.log(`Wrote ${reports} reports to ${join(dir, 'content')} and the bare site to ${join(dir, 'bare')}.`);
	console.log(`Build them with: ARCHIVE_CONTENT=${join(dir, 'content')} ARCHIVE_OUT=${join(dir, 'dist')} npm run build`);
	process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'annals-bench-'));
clearContentStore();
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
const kb = (b: number) => `${(b / 1000).toFixed(1)} KB`;
try {
	console.log(`Generating ${reports} reports × 3 versions × 2 languages in ${work} …`);
	let t = performance.now();
	const years = generate(work, reports);
	writeBareSite(work);
	const generateSeconds = (performance.now() - t) / 1000;

	t = performance.now();
	const history = readHistory(join(work, 'content'));
	const historySeconds = (performance.now() - t) / 1000;
	if (!history.available) throw new Error(`no history: ${history.reason}`);

	const dist = join(work, 'dist');
	console.log('Building with Annals …');
	// Annals builds the way `npm run build` does; the bare site with a plain `astro build`.
	// Annals' own caches (social cards, earlier versions' HTML) start empty: the first build is cold,
	// the rebuild finds what the first one kept.
	const annalsBuild = () =>
		timedBuild([join(root, 'scripts/build.ts')], root, { ARCHIVE_CONTENT: join(work, 'content'), ARCHIVE_OUT: dist, ANNALS_CACHE_DIR: join(work, 'cache') });
	const annals = await annalsBuild();
	console.log('Building the bare Astro site …');
	const bare = await timedBuild([join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], join(work, 'bare'), {});

	// Edit one report's text (not its figures) and build again: Astro's content cache is warm.
	const edited = join(work, 'content/reports', `${years.at(-1)}.mdx`);
	writeFileSync(edited, `${readFileSync(edited, 'utf8')}\nOne more sentence.\n`);
	console.log('Rebuilding after editing one report …');
	const rebuild = await annalsBuild();

	const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
	const barePages = readdirSync(join(work, 'bare/dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
	const indexed = /Indexed (\d+) pages for search in (\d+) ms after Astro/.exec(annals.output);
	const latest = years.at(-1)!;
	// A real browser's requests when Chromium is installed; else the files each page names, read statically.
	const views = chromiumPath
		? { ...(await browserFirstViews(dist, latest)), measuredIn: 'Chromium' }
		: {
				bytes: {
					home: firstView(dist, '', false),
					report: firstView(dist, `reports/${latest}`, false),
					indicatorWithChart: firstView(dist, 'indicators/ind_01', true),
					firstSearch: await firstSearch(dist, 'kinh tế'),
				},
				files: {},
				measuredIn: 'Node (no Chromium found)',
			};
	if (process.env['BENCH_VERBOSE']) for (const [name, list] of Object.entries(views.files)) console.log(`${name}: ${list.join(' ')}`);
	const result = {
		reports,
		pages,
		barePages,
		buildSeconds: Number(annals.seconds.toFixed(2)),
		bareBuildSeconds: Number(bare.seconds.toFixed(2)),
		ratio: Number((annals.seconds / bare.seconds).toFixed(3)),
		pagesPerSecond: Number((pages / annals.seconds).toFixed(1)),
		barePagesPerSecond: Number((barePages / bare.seconds).toFixed(1)),
		peakRssBytes: annals.peakRssBytes,
		barePeakRssBytes: bare.peakRssBytes,
		historySeconds: Number(historySeconds.toFixed(3)),
		pagefindSeconds: indexed ? Number(indexed[2]) / 1000 : null,
		pagefindIndexBytes: Object.values(SEARCH_BUNDLES).reduce((sum, bundle) => sum + duBytes(join(dist, bundle)), 0),
		pagefindCurrentIndexBytes: duBytes(join(dist, SEARCH_BUNDLES.current)),
		distBytes: duBytes(dist),
		rebuildSeconds: Number(rebuild.seconds.toFixed(2)),
		firstViewGzipBytes: views.bytes,
		firstViewsMeasuredIn: views.measuredIn,
		generateSeconds: Number(generateSeconds.toFixed(1)),
	};
	const rows = [
		['reports (× 3 versions × 2 languages)', String(reports)],
		['pages built (Annals / bare)', `${pages} / ${barePages}`],
		['build time, Annals', `${result.buildSeconds} s`],
		['build time, bare Astro (floor)', `${result.bareBuildSeconds} s`],
		['Annals / bare', `${result.ratio}×`],
		['pages per second (Annals / bare)', `${result.pagesPerSecond} / ${result.barePagesPerSecond}`],
		['peak memory, RSS of the build (Annals / bare)', `${mib(result.peakRssBytes)} / ${mib(result.barePeakRssBytes)}`],
		['reading git history', `${result.historySeconds} s`],
		['Pagefind indexing', `${result.pagefindSeconds ?? '?'} s`],
		['search index size, all (current pages only)', `${mib(result.pagefindIndexBytes)} (${mib(result.pagefindCurrentIndexBytes)})`],
		['dist/ size', mib(result.distBytes)],
		['rebuild after editing one report', `${result.rebuildSeconds} s (${((1 - rebuild.seconds / annals.seconds) * 100).toFixed(0)}% faster)`],
		['first view, home (gzip)', kb(result.firstViewGzipBytes.home)],
		['first view, report before any chart (gzip)', kb(result.firstViewGzipBytes.report)],
		['first view, indicator page with its chart (gzip)', kb(result.firstViewGzipBytes.indicatorWithChart)],
		['first search (gzip)', kb(result.firstViewGzipBytes.firstSearch)],
		['first views measured in', result.firstViewsMeasuredIn],
	];
	console.log(`\n| measure | value |\n| --- | --- |\n${rows.map(([a, b]) => `| ${a} | ${b} |`).join('\n')}\n`);
	if (jsonPath) writeFileSync(resolve(process.cwd(), jsonPath), `${JSON.stringify(result, null, 2)}\n`);
} finally {
	clearContentStore();
	if (keep) console.log(`Kept ${work}`);
	else rmSync(work, { recursive: true, force: true });
}
