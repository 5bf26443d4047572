/**
 * What the benchmark measures at each size of archive, the budgets it holds them to (issue #20 and
 * the first-view budgets), and the table it prints and writes into the README: one source, so the
 * README's performance section is generated from the JSON, never typed by hand.
 */
import { median, round } from './measure.ts';

/** Everything measured on one generated archive. */
export interface SizeRun {
	reports: number;
	/** How many entities the reports were shared out among (issue #19); runs before December 2026 had one. */
	entities?: number;
	pages: number;
	barePages: number;
	generateSeconds: number;
	historySeconds: number;
	/** Cold: Annals' caches and Astro's content store empty. The medians of `cold`'s runs, when it has several. */
	buildSeconds: number;
	bareBuildSeconds: number;
	/** The median of the ratios of the cold pairs (Annals, then the bare build), each pair built one after the other. */
	ratio: number;
	/** The highest of the cold runs. */
	peakRssBytes: number;
	barePeakRssBytes: number;
	/** Each cold pair's times, in the order they were built (from 4 December 2026; one pair before). */
	cold?: { annalsSeconds: number[]; bareSeconds: number[] };
	pagefindSeconds: number;
	pagefindIndexBytes: number;
	pagefindCurrentIndexBytes: number;
	distBytes: number;
	/** Building again with nothing changed, after editing one report's text, after changing one figure. */
	rebuildNothingSeconds: number;
	rebuildTextSeconds: number;
	rebuildFigureSeconds: number;
	/** The embeds were measured from December 2026; earlier JSON has no figure for them. */
	firstViewGzipBytes: { home: number; report: number; indicatorWithChart: number; firstSearch: number; embedIndicator?: number; embedCompare?: number };
	firstViewsMeasuredIn: string;
	/** Medians of `runs` starts (one before December 2026), with the range of the start's times. */
	preview: {
		runs?: number;
		readySeconds: number;
		readyRangeSeconds?: [number, number];
		firstPageSeconds: number;
		nextPageSeconds: number;
		editShownSeconds: number;
	};
}

export interface Budget {
	id: string;
	/** What is measured, in words, with its budget. */
	label: string;
	/** The measured value, or undefined when the run did not include what it needs. */
	value: number | undefined;
	limit: number;
	unit: 'ratio' | 'share' | 'seconds' | 'bytes' | 'gib';
	met: boolean | undefined;
}

export interface BenchResult {
	date: string;
	machine: { cpus: number; memoryBytes: number; node: string };
	runs: SizeRun[];
	budgets: Budget[];
}

const GIB = 2 ** 30;

/** One cold build's time and peak memory. */
export interface ColdRun {
	seconds: number;
	peakRssBytes: number;
}

/**
 * The cold figures of a size from several pairs of cold builds (Annals', then the bare one's), built
 * alternately: the host's speed moves a build's time by more than a change does within the hour
 * (87 to 134 s for one code on one archive), and pairing keeps each ratio to one stretch of it.
 * Times are medians, the ratio the median of the pairs' ratios, memory the highest peak.
 */
export function coldFigures(
	pairs: readonly { annals: ColdRun; bare: ColdRun }[],
): Pick<SizeRun, 'buildSeconds' | 'bareBuildSeconds' | 'ratio' | 'peakRssBytes' | 'barePeakRssBytes' | 'cold'> {
	if (pairs.length === 0) throw new Error('no cold builds to sum up');
	return {
		buildSeconds: round(median(pairs.map((p) => p.annals.seconds)), 2),
		bareBuildSeconds: round(median(pairs.map((p) => p.bare.seconds)), 2),
		ratio: round(median(pairs.map((p) => p.annals.seconds / p.bare.seconds)), 3),
		peakRssBytes: Math.max(...pairs.map((p) => p.annals.peakRssBytes)),
		barePeakRssBytes: Math.max(...pairs.map((p) => p.bare.peakRssBytes)),
		cold: { annalsSeconds: pairs.map((p) => round(p.annals.seconds, 2)), bareSeconds: pairs.map((p) => round(p.bare.seconds, 2)) },
	};
}

/** The budgets, judged on the 1,000-report run (the size the budgets are set for) and on growth from the smallest run to the largest. */
export function judge(runs: SizeRun[]): Budget[] {
	const main = runs.find((r) => r.reports === 1000);
	// Growth from the smallest run to the largest: no worse than linear in the number of reports.
	const [small, large] = [runs[0], runs.at(-1)];
	const grown = small && large && large.reports > small.reports ? large.reports / small.reports : undefined;
	const growth = (of: (r: SizeRun) => number) => (grown && small && large ? of(large) / of(small) / grown : undefined);
	const budget = (id: string, label: string, value: number | undefined, limit: number, unit: Budget['unit']): Budget => ({
		id,
		label,
		value,
		limit,
		unit,
		met: value === undefined ? undefined : value <= limit,
	});
	return [
		budget('coldRatio', 'cold build, Annals / bare Astro', main?.ratio, 0.6, 'ratio'),
		budget('rebuildNothing', 'rebuild with nothing changed, share of the cold build', main && main.rebuildNothingSeconds / main.buildSeconds, 0.1, 'share'),
		budget(
			'rebuildText',
			"rebuild after editing one report's text, share of the cold build",
			main && main.rebuildTextSeconds / main.buildSeconds,
			0.15,
			'share',
		),
		budget('rebuildFigure', 'rebuild after changing one figure, share of the cold build', main && main.rebuildFigureSeconds / main.buildSeconds, 0.25, 'share'),
		budget('peakMemory', 'peak memory of the build (whole process tree)', main && main.peakRssBytes / GIB, 1.5, 'gib'),
		budget(
			'timeGrowth',
			'cold build time per report, largest run / smallest (linear: 1)',
			growth((r) => r.buildSeconds),
			1,
			'ratio',
		),
		budget(
			'memoryGrowth',
			'peak memory per report, largest run / smallest (linear: 1)',
			growth((r) => r.peakRssBytes),
			1,
			'ratio',
		),
		budget('history', 'reading the git history', main?.historySeconds, 2, 'seconds'),
		budget('previewReady', 'preview (`npm run dev`) ready', main?.preview.readySeconds, 15, 'seconds'),
		budget('previewFirstPage', 'preview: a report page the first time', main?.preview.firstPageSeconds, 2, 'seconds'),
		budget('previewNextPage', 'preview: the same page again', main?.preview.nextPageSeconds, 0.5, 'seconds'),
		budget('previewEdit', 'preview: a saved figure shows', main?.preview.editShownSeconds, 3, 'seconds'),
		budget('firstViewReport', 'first view of a report, before charts (gzip)', main?.firstViewGzipBytes.report, 60_000, 'bytes'),
		budget('firstViewIndicator', 'first view of an indicator page with its chart (gzip)', main?.firstViewGzipBytes.indicatorWithChart, 130_000, 'bytes'),
		budget('firstSearch', 'first search (gzip)', main?.firstViewGzipBytes.firstSearch, 200_000, 'bytes'),
		budget('embedIndicator', 'an indicator embed with its chart (gzip)', main?.firstViewGzipBytes.embedIndicator, 100_000, 'bytes'),
		budget('embedCompare', 'a pinned compare embed with its charts (gzip)', main?.firstViewGzipBytes.embedCompare, 100_000, 'bytes'),
	];
}

const number = (n: number, digits: number) => n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A value in the unit its budget is stated in. */
export function formatValue(value: number, unit: Budget['unit']): string {
	switch (unit) {
		case 'ratio':
			return `${number(value, 2)}×`;
		case 'share':
			return `${number(value * 100, 0)}%`;
		case 'seconds':
			return `${number(value, value < 10 ? 2 : 1)} s`;
		case 'bytes':
			return `${number(value / 1000, 1)} KB`;
		case 'gib':
			return `${number(value, 2)} GiB`;
	}
}

const seconds = (s: number) => `${number(s, 1)} s`;
const mib = (b: number) => `${number(b / 2 ** 20, 0)} MiB`;
const gib = (b: number) => `${number(b / GIB, 2)} GiB`;
const kb = (b: number) => `${number(b / 1000, 1)} KB`;

/** Every measure of every size, one row each: the table `npm run bench` prints and the README holds. */
export function measuresTable(result: BenchResult): string {
	const { runs } = result;
	const row = (label: string, cell: (r: SizeRun) => string) => `| ${label} | ${runs.map(cell).join(' | ')} |`;
	const paired = runs.some((r) => (r.cold?.annalsSeconds.length ?? 1) > 1);
	return [
		`| measure | ${runs.map((r) => `${number(r.reports, 0)} reports${(r.entities ?? 1) > 1 ? ` of ${r.entities} entities` : ''}`).join(' | ')} |`,
		`| --- | ${runs.map(() => '---').join(' | ')} |`,
		row('pages built, Annals / bare', (r) => `${number(r.pages, 0)} / ${number(r.barePages, 0)}`),
		row(paired ? "cold build, Annals / bare Astro (medians of the alternated pairs; each one's range)" : 'cold build, Annals / bare Astro', (r) => {
			const figures = `${seconds(r.buildSeconds)} / ${seconds(r.bareBuildSeconds)} = ${number(r.ratio, 2)}×`;
			const cold = r.cold;
			if (!cold || cold.annalsSeconds.length < 2) return figures;
			const range = (values: number[]) => `${number(Math.min(...values), 1)}–${number(Math.max(...values), 1)} s`;
			const ratios = cold.annalsSeconds.map((s, i) => s / cold.bareSeconds[i]!);
			return `${figures} (${cold.annalsSeconds.length} pairs: ${range(cold.annalsSeconds)} / ${range(cold.bareSeconds)}, ${number(Math.min(...ratios), 2)}–${number(Math.max(...ratios), 2)}×)`;
		}),
		row('cold build per report, Annals', (r) => `${number((r.buildSeconds / r.reports) * 1000, 0)} ms`),
		row('peak memory, Annals / bare', (r) => `${gib(r.peakRssBytes)} / ${gib(r.barePeakRssBytes)}`),
		row('peak memory per report, Annals', (r) => `${number(r.peakRssBytes / r.reports / 2 ** 20, 2)} MiB`),
		row(
			'rebuild: nothing changed / one text / one figure',
			(r) => `${seconds(r.rebuildNothingSeconds)} / ${seconds(r.rebuildTextSeconds)} / ${seconds(r.rebuildFigureSeconds)}`,
		),
		row('reading the git history', (r) => `${number(r.historySeconds, 2)} s`),
		row('Pagefind indexing, after Astro', (r) => seconds(r.pagefindSeconds)),
		row('search index, current pages and earlier versions (current pages only)', (r) => `${mib(r.pagefindIndexBytes)} (${mib(r.pagefindCurrentIndexBytes)})`),
		row('`dist/` size', (r) => mib(r.distBytes)),
		row(
			"preview: ready / first page / again / edit shown (median of the runs; the start's range)",
			(r) =>
				`${seconds(r.preview.readySeconds)}${r.preview.readyRangeSeconds ? ` (${r.preview.readyRangeSeconds.map((x) => number(x, 1)).join('–')} s, ${r.preview.runs} runs)` : ''} / ${number(r.preview.firstPageSeconds, 2)} s / ${number(r.preview.nextPageSeconds, 2)} s / ${number(r.preview.editShownSeconds, 2)} s`,
		),
		row('first views, gzip: home / report / indicator with chart / search', (r) =>
			[r.firstViewGzipBytes.home, r.firstViewGzipBytes.report, r.firstViewGzipBytes.indicatorWithChart, r.firstViewGzipBytes.firstSearch].map(kb).join(' / '),
		),
		row('embeds, gzip: indicator / pinned comparison', (r) =>
			[r.firstViewGzipBytes.embedIndicator, r.firstViewGzipBytes.embedCompare].map((b) => (b === undefined ? 'not measured' : kb(b))).join(' / '),
		),
	].join('\n');
}

/** Each budget beside its figure. */
export function budgetsTable(result: BenchResult): string {
	const mark = (met: boolean | undefined) => (met === undefined ? 'not measured in this run' : met ? 'within' : '**over**');
	return [
		'| budget (at 1,000 reports) | measured | limit | |',
		'| --- | --- | --- | --- |',
		...result.budgets.map(
			(b) => `| ${b.label} | ${b.value === undefined ? '–' : formatValue(b.value, b.unit)} | ${formatValue(b.limit, b.unit)} | ${mark(b.met)} |`,
		),
	].join('\n');
}
