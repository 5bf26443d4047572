/**
 * `npm run bench -- [--reports 250,1000] [--entities 1] [--cold-runs 3] [--json docs/bench.json] [--readme] [--keep] [--generate dir]`
 *
 * Generates a synthetic archive in a temporary folder (N reports, 40 indicators each, about 800
 * words of Vietnamese and of English each, a real git history with 3 versions of every report, each
 * later version revising figures and rewriting a few sentences), builds it with Annals, and in the
 * same run builds a bare Astro site with the same Astro and MDX set-up rendering the same MDX bodies
 * as the same number of pages (every version, every language): the floor for Astro on that work;
 * --cold-runs pairs of the two, alternated, and the medians.
 * Then it builds again with nothing changed, after editing one report's text and after changing one
 * figure, measures the first views a reader downloads, and times the preview (`astro dev`). It does
 * this for each size in --reports, with the reports shared out among --entities provinces (the
 * archive's own and others' beside it, as the sample holds old Bắc Ninh's: issue #19), prints each budget beside its figure (scripts/bench/budgets.ts)
 * and every measure; writes JSON with --json, and with --readme also the README's performance
 * tables from that JSON. With --generate, only writes one archive into `dir` (content/ and bare/),
 * to build or profile by hand.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { readHistory } from '../src/data/history.ts';
import { formatNumber } from '../src/lib/format.ts';
import { SEARCH_BUNDLES } from '../src/lib/search.ts';
import { chromiumPath } from './chromium.ts';
import { commitEdit, generate, MAX_REPORTS_PER_ENTITY, writeBareSite } from './bench/archive.ts';
import { browserFirstViews, firstSearch, firstView } from './bench/first-views.ts';
import { clearContentStore, duBytes, median, round, timedBuild, type Run } from './bench/measure.ts';
import { STATS_VARIABLE, type BuildStats } from './build-stats.ts';
import { budgetsTable, coldFigures, judge, measuresTable, type BenchResult, type SizeRun } from './bench/budgets.ts';
import { measurePreview, type PreviewTimes } from './bench/dev.ts';
import { writeReadme } from './bench/readme.ts';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string) => {
	const i = args.indexOf(`--${name}`);
	return i === -1 ? undefined : args[i + 1];
};
const sizes = (option('reports') ?? '250,1000').split(',').map(Number);
const jsonPath = option('json');
const keep = args.includes('--keep');
const generateInto = option('generate');
const entities = Number(option('entities') ?? '1');
/** How many cold pairs (Annals', the bare build's) each size builds: their medians are the cold figures. */
const coldRuns = Number(option('cold-runs') ?? '3');
if (!Number.isInteger(coldRuns) || coldRuns < 1) throw new Error(`--cold-runs takes a whole number from 1; got ${option('cold-runs')}`);
if (args.includes('--readme') && !jsonPath) throw new Error('--readme writes the README from the JSON: give --json docs/bench.json too');
if (!Number.isInteger(entities) || entities < 1) throw new Error(`--entities takes a whole number from 1; got ${option('entities')}`);
if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > MAX_REPORTS_PER_ENTITY * entities))
	throw new Error(
		`--reports takes whole numbers from 1 to ${MAX_REPORTS_PER_ENTITY * entities} (${MAX_REPORTS_PER_ENTITY} a year per entity, --entities ${entities}), separated by commas`,
	);

if (generateInto) {
	const dir = resolve(process.cwd(), generateInto);
	if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`--generate needs an empty or new folder; ${dir} is not empty`);
	mkdirSync(dir, { recursive: true });
	generate(dir, sizes[0]!, entities);
	writeBareSite(dir);
	console.log(
		`Wrote ${sizes[0]} reports of ${entities} ${entities === 1 ? 'entity' : 'entities'} to ${join(dir, 'content')} and the bare site to ${join(dir, 'bare')}.`,
	);
	console.log(`Build them with: ARCHIVE_CONTENT=${join(dir, 'content')} ARCHIVE_OUT=${join(dir, 'dist')} npm run build`);
	process.exit(0);
}

/**
 * A published figure of the generated report corrected as an editor corrects one: the value and a
 * revisions entry saying so (without it the record's rules refuse a committed figure's change).
 * `indicator` is one of the counts (100 to 999 in the generated reports); `shows` is `value` as the
 * Vietnamese page writes it (1357 as "1.357").
 */
function correctFigure(text: string, indicator: string, value: number, date: string): { text: string; shows: string } {
	const changed = text.replace(new RegExp(`(\\n {2}${indicator}:\\n {4}value: )\\d+`), `$1${value}`);
	if (changed === text) throw new Error(`the generated report has no ${indicator} figure to change`);
	const end = changed.indexOf('\n---\n', 4);
	const entry = `  - date: ${date}\n    kind: revision\n    note: One figure corrected.`;
	// The generated reports end their frontmatter with the revisions list, when they have one.
	const list = /\nrevisions:\n/.test(changed) ? entry : `revisions:\n${entry}`;
	return { text: `${changed.slice(0, end)}\n${list}${changed.slice(end)}`, shows: formatNumber(value, 'vi') };
}

/** How many times the preview is started at each size. */
const PREVIEW_RUNS = 3;

/** Everything measured on one generated archive of `reports` reports. */
async function measureSize(reports: number): Promise<SizeRun> {
	const work = mkdtempSync(join(tmpdir(), 'annals-bench-'));
	clearContentStore();
	try {
		console.log(`\n${reports} reports of ${entities} ${entities === 1 ? 'entity' : 'entities'}: generating ${reports} × 3 versions × 2 languages in ${work} …`);
		let t = performance.now();
		const years = generate(work, reports, entities);
		writeBareSite(work);
		const generateSeconds = (performance.now() - t) / 1000;
		const latest = years.at(-1)!;

		t = performance.now();
		const history = readHistory(join(work, 'content'));
		const historySeconds = (performance.now() - t) / 1000;
		if (!history.available) throw new Error(`no history: ${history.reason}`);

		const dist = join(work, 'dist');
		// Annals builds the way `npm run build` does; the bare site with a plain `astro build`.
		// Annals' own caches (social cards, earlier versions' HTML) start empty: the first build is
		// cold; the rebuilds find what the builds before them kept, as a CI that keeps them would.
		// The build writes what it measured of itself (the search index's time) to a file.
		const statsFile = join(work, 'build-stats.json');
		const annalsBuild = (what: string) => {
			console.log(`  building with Annals: ${what} …`);
			return timedBuild([join(root, 'scripts/build.ts')], root, {
				ARCHIVE_CONTENT: join(work, 'content'),
				ARCHIVE_OUT: dist,
				ANNALS_CACHE_DIR: join(work, 'cache'),
				[STATS_VARIABLE]: statsFile,
			});
		};
		// Cold pairs, Annals' build then the bare one, alternated: each pair's ratio is taken within one
		// stretch of the host's speed. Each starts from nothing; the last Annals build leaves the
		// output and caches the rebuilds start from.
		const pairs: { annals: Run; bare: Run }[] = [];
		for (let pair = 1; pair <= coldRuns; pair++) {
			const which = coldRuns > 1 ? ` (${pair} of ${coldRuns})` : '';
			for (const dir of [dist, join(work, 'cache'), join(work, 'bare/dist'), join(work, 'bare/.astro')]) rmSync(dir, { recursive: true, force: true });
			clearContentStore();
			const annals = await annalsBuild(`cold${which}`);
			console.log(`  building the bare Astro site${which} …`);
			const bare = await timedBuild([join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], join(work, 'bare'), {});
			pairs.push({ annals, bare });
		}
		const annalsStats = JSON.parse(readFileSync(statsFile, 'utf8')) as BuildStats;
		const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
		const distBytes = duBytes(dist);
		const pagefindIndexBytes = Object.values(SEARCH_BUNDLES).reduce((sum, bundle) => sum + duBytes(join(dist, bundle)), 0);
		const pagefindCurrentIndexBytes = duBytes(join(dist, SEARCH_BUNDLES.current));
		const barePages = readdirSync(join(work, 'bare/dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;

		// A reader's first views, from the cold build's output.
		const views = chromiumPath
			? { ...(await browserFirstViews(dist, latest)), measuredIn: 'Chromium' }
			: {
					bytes: {
						home: firstView(dist, '', false),
						report: firstView(dist, `reports/${latest}`, false),
						indicatorWithChart: firstView(dist, 'indicators/ind_01', true),
						firstSearch: await firstSearch(dist, 'kinh tế'),
						embedIndicator: firstView(dist, 'embed/indicators/ind_01', false),
						// Without a browser the pinned comparison's fetched figures are not counted.
						embedCompare: firstView(dist, 'embed/compare', true),
					},
					files: {},
					measuredIn: 'Node (no Chromium found)',
				};
		if (process.env['BENCH_VERBOSE']) for (const [name, list] of Object.entries(views.files)) console.log(`${name}: ${list.join(' ')}`);

		const rebuildNothing = await annalsBuild('again, nothing changed');
		const edited = join(work, 'content/reports', `${latest}.mdx`);
		// Each rebuild must publish its change: a rebuild that skipped it would be fast and wrong.
		const published = (shows: string) => {
			if (!readFileSync(join(dist, 'reports', String(latest), 'index.html'), 'utf8').includes(shows)) throw new Error(`the rebuild did not publish "${shows}"`);
		};
		// Each edit is committed before the build, as every change that reaches a CI is: the commit
		// holding the report's current version moves with it.
		writeFileSync(edited, `${readFileSync(edited, 'utf8')}\nOne more sentence.\n`);
		commitEdit(join(work, 'content'), 'One more sentence');
		const rebuildText = await annalsBuild("again, after editing one report's text");
		published('One more sentence.');
		const figure = correctFigure(readFileSync(edited, 'utf8'), 'ind_03', 1357, `${latest + 1}-09-30`);
		if (readFileSync(join(dist, 'reports', String(latest), 'index.html'), 'utf8').includes(figure.shows))
			throw new Error(`the page already shows ${figure.shows}`);
		writeFileSync(edited, figure.text);
		commitEdit(join(work, 'content'), 'One figure corrected');
		const rebuildFigure = await annalsBuild('again, after changing one figure');
		published(figure.shows);

		// The preview, on the archive as the last build left it (Astro's content store is warm, as
		// an editor's is after a first run); the edit is another figure of the same report, undone
		// after each run. Its start varies from run to run more than a build does (13.5 to 23.5 s
		// at 1,000 reports on one day): three runs, the median of each figure, and the start's range.
		console.log('  timing the preview (astro dev), three times …');
		const previews: PreviewTimes[] = [];
		for (let run = 0; run < PREVIEW_RUNS; run++)
			previews.push(
				await measurePreview(
					join(work, 'content'),
					latest,
					// Another figure of the same report, corrected with its entry (the last correction is committed).
					(text) => correctFigure(text, 'ind_08', 2468, `${latest + 1}-10-31`),
					// The builds' cache, where Astro's content store is (astro.config.mjs).
					{ ANNALS_CACHE_DIR: join(work, 'cache') },
				),
			);
		const middle = (pick: (p: PreviewTimes) => number, digits: number) => round(median(previews.map(pick)), digits);
		const ready = previews.map((p) => p.readySeconds);

		return {
			reports,
			entities,
			pages,
			barePages,
			generateSeconds: round(generateSeconds, 1),
			historySeconds: round(historySeconds, 3),
			...coldFigures(pairs),
			pagefindSeconds: round(annalsStats.searchIndexSeconds, 2),
			pagefindIndexBytes,
			pagefindCurrentIndexBytes,
			distBytes,
			rebuildNothingSeconds: round(rebuildNothing.seconds, 2),
			rebuildTextSeconds: round(rebuildText.seconds, 2),
			rebuildFigureSeconds: round(rebuildFigure.seconds, 2),
			firstViewGzipBytes: views.bytes,
			firstViewsMeasuredIn: views.measuredIn,
			preview: {
				runs: previews.length,
				readySeconds: middle((p) => p.readySeconds, 2),
				readyRangeSeconds: [round(Math.min(...ready), 2), round(Math.max(...ready), 2)],
				firstPageSeconds: middle((p) => p.firstPageSeconds, 3),
				nextPageSeconds: middle((p) => p.nextPageSeconds, 3),
				editShownSeconds: middle((p) => p.editShownSeconds, 3),
			},
		};
	} finally {
		clearContentStore();
		if (keep) console.log(`Kept ${work}`);
		else rmSync(work, { recursive: true, force: true });
	}
}

const runs: SizeRun[] = [];
const resultOf = (measured: SizeRun[]): BenchResult => ({
	date: new Date().toISOString().slice(0, 10),
	machine: { cpus: availableParallelism(), memoryBytes: totalmem(), node: process.versions.node },
	runs: measured,
	budgets: judge(measured),
});
for (const size of sizes) {
	runs.push(await measureSize(size));
	// What is measured so far is kept, should a later size fail.
	if (jsonPath && runs.length < sizes.length) writeFileSync(resolve(process.cwd(), `${jsonPath}.partial`), `${JSON.stringify(resultOf(runs), null, 2)}\n`);
}
const result = resultOf(runs);
if (jsonPath) rmSync(resolve(process.cwd(), `${jsonPath}.partial`), { force: true });
console.log(`\n${budgetsTable(result)}\n\n${measuresTable(result)}\n`);
if (jsonPath) {
	writeFileSync(resolve(process.cwd(), jsonPath), `${JSON.stringify(result, null, 2)}\n`);
	if (args.includes('--readme')) writeReadme(join(root, 'README.md'), result, relative(root, resolve(process.cwd(), jsonPath)));
}
