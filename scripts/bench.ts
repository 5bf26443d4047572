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
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readHistory } from '../src/data/history.ts';
import { SEARCH_BUNDLES } from '../src/lib/search.ts';
import { chromiumPath } from './chromium.ts';
import { generate, writeBareSite } from './bench/archive.ts';
import { browserFirstViews, firstSearch, firstView } from './bench/first-views.ts';
import { clearContentStore, duBytes, timedBuild } from './bench/measure.ts';
import { STATS_VARIABLE, type BuildStats } from './build-stats.ts';

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
	// The build writes what it measured of itself (the search index's time) to a file, not only to its log.
	const statsFile = join(work, 'build-stats.json');
	const annalsBuild = () =>
		timedBuild([join(root, 'scripts/build.ts')], root, {
			ARCHIVE_CONTENT: join(work, 'content'),
			ARCHIVE_OUT: dist,
			ANNALS_CACHE_DIR: join(work, 'cache'),
			[STATS_VARIABLE]: statsFile,
		});
	const annals = await annalsBuild();
	const annalsStats = JSON.parse(readFileSync(statsFile, 'utf8')) as BuildStats;
	console.log('Building the bare Astro site …');
	const bare = await timedBuild([join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], join(work, 'bare'), {});

	// Edit one report's text (not its figures) and build again: Astro's content cache is warm.
	const edited = join(work, 'content/reports', `${years.at(-1)}.mdx`);
	writeFileSync(edited, `${readFileSync(edited, 'utf8')}\nOne more sentence.\n`);
	console.log('Rebuilding after editing one report …');
	const rebuild = await annalsBuild();

	const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
	const barePages = readdirSync(join(work, 'bare/dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
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
		pagefindSeconds: Number(annalsStats.searchIndexSeconds.toFixed(2)),
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
		['Pagefind indexing', `${result.pagefindSeconds} s`],
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
