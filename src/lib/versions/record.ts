/**
 * The record: the rules that make a published figure permanent. They are checked over the whole
 * committed history of every report, and the working tree after it, because CI only ever builds
 * commits: comparing the working tree with the last commit alone lets a committed change through.
 *
 * A report is published once a state of it without `draft: true` is committed. From then on:
 * - within one version (the same number of `revisions` entries) its figures never change: version n
 *   is the state as first published with n − 1 entries. A change already in history is forgiven
 *   once a later entry documents it, so an editor never has to rewrite history;
 * - `revisions` entries are only ever appended: a committed entry keeps its date and kind;
 * - the report's file stays, and it does not go back to being a draft;
 * - every indicator a published version uses stays in the catalogue;
 * - no entry is dated after today.
 *
 * Plain data in, plain data out: the history is read once per build by src/data/history.ts.
 *
 * Over 300 lines because the rules are one promise and share one walk over the history (which
 * states were published, under which catalogue); the words for a breach are in
 * src/lib/validate/record-checks.ts, and reading the deployed site's figures in src/data/published.ts.
 */
import { parse } from 'yaml';
import { YAML_OPTIONS } from '../content/frontmatter.ts';
import { isPercentUnit } from '../units.ts';
import type { Figure, Indicator } from '../content/model.ts';
import { committedStates, currentState, type History } from './history.ts';
import { diffFigures, type FigureChange } from './figure-diff.ts';
import { shortestDecimals, type ReportState, type RevisionEntry } from './read-state.ts';

/** A commit, as history gives it. */
export interface CommitRef {
	hash: string;
	/** ISO 8601 date and time of the commit. */
	date: string;
}

/** Where a report's figure changed: a commit, or the working tree when `commit` is undefined. */
interface At {
	/** `reports/2024.mdx`, relative to the content folder. */
	path: string;
	year: number;
	commit: CommitRef | undefined;
}

/** One breach of the record, with what a message needs to name it. */
export type Breach =
	| (At & { rule: 'figure-changed'; version: number; change: FigureChange })
	| (At & { rule: 'figure-added' | 'figure-removed'; version: number; figure: Figure })
	| (At & { rule: 'revision-removed'; index: number; entry: RevisionEntry })
	| (At & { rule: 'revision-altered'; index: number; entry: RevisionEntry; now: RevisionEntry })
	| (At & { rule: 'report-deleted'; published: string })
	| (At & { rule: 'unpublished'; published: string })
	| (At & { rule: 'indicator-removed'; indicator: string; version: number })
	| (At & { rule: 'future-revision'; index: number; date: string })
	| (At & { rule: 'early-revision'; index: number; date: string; after: string; first: boolean });

export interface RecordInput {
	/** The reports' committed states. Without history only the working tree's own rules apply. */
	history: History;
	/** The main report files as they are now, `reports/2024.mdx` → text; translations are left out. */
	reports: ReadonlyMap<string, string>;
	/** The catalogue now and the ids it ever had; undefined when it cannot be read. */
	catalogue: RecordCatalogue | undefined;
	/** Today, YYYY-MM-DD. */
	today: string;
}

/** A report's own file as history names it, on the archive's shelf or an entity's: `reports/2024.mdx`, `reports/bac_ninh_old/2023.mdx`. */
const MAIN_REPORT = /^reports\/((?:[a-z][a-z0-9_]*\/)?)(\d{4})\.mdx?$/;

/** What the record needs to know of an indicator. */
export type IndicatorRule = Pick<Indicator, 'unit' | 'decimals'>;

/** What the record needs of the indicator catalogue: as it is now, and as it was at each commit. */
export interface RecordCatalogue {
	/** The indicators as they are now. */
	byId: ReadonlyMap<string, IndicatorRule>;
	/**
	 * The catalogue as committed at or before a commit (its index in the history), by which a state
	 * of that commit was checked; the current one for the working tree or when none was committed.
	 */
	at(commit: number | undefined): ReadonlyMap<string, IndicatorRule>;
}

const committedCatalogues = new WeakMap<History, { commit: number; byId: Map<string, IndicatorRule> }[]>();

/** The catalogue now, and every committed state of it (read once per history). */
export function recordCatalogue(history: History, indicators: readonly (IndicatorRule & { id: string })[]): RecordCatalogue {
	let states = committedCatalogues.get(history);
	if (!states) {
		states = [];
		for (const state of history.available ? (history.files.get('indicators.yaml') ?? []) : []) {
			try {
				// The catalogue is read as the checks read it (a few commits, not thousands of report states).
				const list: unknown = parse(state.text, YAML_OPTIONS);
				if (!Array.isArray(list)) continue;
				const byId = new Map<string, IndicatorRule>();
				for (const entry of list)
					if (typeof entry?.id === 'string') byId.set(entry.id, { unit: entry.unit, decimals: typeof entry.decimals === 'number' ? entry.decimals : 0 });
				states.push({ commit: state.commit, byId });
			} catch {
				// An unreadable catalogue of the past: the one before it, or today's, stands in.
			}
		}
		committedCatalogues.set(history, states);
	}
	const byId = new Map(indicators.map((i) => [i.id, { unit: i.unit, decimals: i.decimals }]));
	const committed = states;
	return {
		byId,
		at: (commit) => (commit === undefined ? byId : (committed.findLast((c) => c.commit <= commit)?.byId ?? byId)),
	};
}

/**
 * Whether the checks would have let a committed state through, and so whether readers can have
 * seen it: a draft, or a state CI refused (`poverty_rate: "1,73"`, 173 as a percentage, an id not in
 * the catalogue, a revisions entry without a date), was never published, and the commit that fixes
 * it changes nothing on the record. Judged by the catalogue as committed then (`commit`, its index in
 * the history), so a later change of the catalogue does not rewrite what was published.
 */
export function couldHaveBeenPublished(state: ReportState, year: number, catalogue: RecordCatalogue | undefined, commit?: number): state is Readable {
	if (!state.ok || state.draft || !state.complete) return false;
	if (!catalogue) return true;
	// An id must have been in the catalogue of the time. The figure rules have grown since (a thousands
	// dot, decimals): a figure passes if the catalogue of then or of now lets it through, so a stricter
	// rule or catalogue added later never unpublishes what readers saw.
	const then = catalogue.at(commit);
	return state.figures.every((f) => {
		if (!then.has(f.indicator)) return false;
		return [then.get(f.indicator), catalogue.byId.get(f.indicator)].some((indicator) => indicator !== undefined && figurePasses(f, year, indicator));
	});
}

/** Whether one figure passes the figure rules of the checks for its indicator. */
function figurePasses(f: Figure, year: number, indicator: IndicatorRule): boolean {
	if (f.period > year || (f.rank !== undefined) !== (f.of !== undefined) || (f.rank !== undefined && f.of !== undefined && f.rank > f.of)) return false;
	if (f.total !== undefined && f.value !== undefined && f.value > f.total) return false;
	if (f.value === undefined && f.rank === undefined && f.target === undefined) return false;
	return (['value', 'target', 'total'] as const).every((field) => {
		const v = f[field];
		if (v === undefined) return true;
		if (field !== 'total' && indicator.unit === 'percent' && (v < 0 || v > 100)) return false;
		if ((indicator.unit === 'count' || indicator.unit === 'hectares' || indicator.unit === 'usd') && v < 0) return false;
		if (indicator.unit === 'count' && !Number.isInteger(v)) return false;
		// As written: `4.850` where no decimals are shown reads as 4.85, but was refused as 4 850 with a thousands dot.
		const written = f.decimals?.[field];
		const percent = isPercentUnit(indicator.unit);
		if (written !== undefined && written > indicator.decimals && !percent && /^-?\d{1,3}\.\d{3}$/.test(v.toFixed(written))) return false;
		return shortestDecimals(v) <= indicator.decimals;
	});
}

type Readable = Extract<ReportState, { ok: true }>;
interface Step {
	commit: CommitRef | undefined;
	state: Readable;
}

/** Every breach of the record in an archive's history and working tree, report by report. */
export function checkRecord(input: RecordInput): Breach[] {
	const breaches: Breach[] = [];
	const paths = new Set(input.reports.keys());
	if (input.history.available) for (const path of input.history.files.keys()) if (MAIN_REPORT.test(path)) paths.add(path);
	// A report is its shelf and year: `bac_ninh_old/2023`, or `2024` on the archive's own shelf.
	const reportOf = (path: string) => {
		const match = MAIN_REPORT.exec(path);
		return match ? `${match[1]}${match[2]}` : undefined;
	};
	const reportsNow = new Set([...input.reports.keys()].map(reportOf));
	for (const path of [...paths].sort()) {
		const match = MAIN_REPORT.exec(path);
		if (!match) continue;
		const year = Number(match[2]);
		const text = input.reports.get(path);
		// A report renamed from .md to .mdx keeps its year: that is not a deletion.
		if (text === undefined && reportsNow.has(reportOf(path))) continue;
		checkReportRecord(input, path, year, text, breaches);
	}
	return breaches;
}

function checkReportRecord(input: RecordInput, path: string, year: number, text: string | undefined, breaches: Breach[]) {
	const { history } = input;
	const committed = history.available ? committedStates(history, path, year) : [];
	const texts = history.available ? (history.files.get(path) ?? []) : [];
	const now = text === undefined ? undefined : currentState(history, path, text, year);
	const at = (commit: CommitRef | undefined): At => ({ path, year, commit });

	if (now?.ok) {
		// `today` is the day in UTC; in Vietnam (UTC+7) the new day starts seven hours earlier, and an
		// entry dated today there must not be refused. A day of grace covers every time zone.
		const latest = new Date(Date.parse(`${input.today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
		now.revisions.forEach((entry, index) => {
			if (entry.date > latest) breaches.push({ ...at(undefined), rule: 'future-revision', index, date: entry.date });
			// A version is dated by its entry: after the report's publication and after the version before,
			// or "as of" a day would name the wrong version (embeds pin by day).
			const after = index === 0 ? now.published : now.revisions[index - 1]!.date;
			const day = /^\d{4}-\d{2}-\d{2}$/;
			if (after && day.test(after) && day.test(entry.date) && entry.date < after)
				breaches.push({ ...at(undefined), rule: 'early-revision', index, date: entry.date, after, first: index === 0 });
		});
	}

	const steps: Step[] = committed.flatMap((c) =>
		couldHaveBeenPublished(c.state, year, input.catalogue, c.index) ? [{ commit: c.commit, state: c.state }] : [],
	);
	const first = steps[0];
	if (!first) return; // Never published: a draft may change freely.
	if (text === undefined) {
		breaches.push({ ...at(steps.at(-1)!.commit), rule: 'report-deleted', published: first.state.published ?? '' });
		return;
	}
	// An unreadable file is the validator's to report; its rules here would only echo it.
	if (!now?.ok) return;
	if (now.draft) {
		breaches.push({ ...at(undefined), rule: 'unpublished', published: first.state.published ?? '' });
		return;
	}
	// The working tree is the last step when it differs from the last commit.
	if (texts.at(-1)?.text !== text) steps.push({ commit: undefined, state: now });
	const final = steps.at(-1)!.state;

	const before = breaches.length;
	checkRevisionsAppended(steps, final, at, breaches);
	// With an entry missing, versions cannot be told apart; putting it back is the fix for both.
	if (!breaches.slice(before).some((b) => b.rule === 'revision-removed')) checkVersionsUnchanged(steps, final, at, breaches);
	if (input.catalogue) checkIndicatorsKept(steps, input.catalogue.byId, at, breaches);
}

/** A committed entry keeps its place, date and kind; its note may be reworded. */
function checkRevisionsAppended(steps: readonly Step[], final: Readable, at: (commit: CommitRef | undefined) => At, breaches: Breach[]) {
	const seen = new Set<number>();
	for (const step of steps) {
		if (!step.commit) continue; // Entries not yet committed may still be edited.
		step.state.revisions.forEach((entry, index) => {
			if (seen.has(index)) return;
			seen.add(index);
			const now = final.revisions[index];
			if (!now) breaches.push({ ...at(step.commit), rule: 'revision-removed', index, entry });
			else if (now.date !== entry.date || now.kind !== entry.kind) breaches.push({ ...at(step.commit), rule: 'revision-altered', index, entry, now });
		});
	}
}

/**
 * Within one version the figures never change. The states with n − 1 entries are compared with the
 * first of them; a difference is a breach until a later entry documents it.
 */
function checkVersionsUnchanged(steps: readonly Step[], final: Readable, at: (commit: CommitRef | undefined) => At, breaches: Breach[]) {
	const groups = new Map<number, Step[]>();
	for (const step of steps) {
		const n = step.state.revisions.length;
		groups.set(n, [...(groups.get(n) ?? []), step]);
	}
	for (const [entries, group] of groups) {
		// A later entry documents every change made before it; more entries than now is the revisions rule's breach.
		if (entries !== final.revisions.length) continue;
		const first = group[0]!.state;
		const last = group.at(-1)!.state;
		const diff = diffFigures(first.figures, last.figures);
		const version = entries + 1;
		// Name the commit from which the figure has stood as it does now.
		const since = (holds: (figures: readonly Figure[]) => boolean) => {
			let k = group.length - 1;
			while (k > 0 && holds(group[k - 1]!.state.figures)) k--;
			return group[k]!.commit;
		};
		const find = (figures: readonly Figure[], f: { indicator: string; period: number }) =>
			figures.find((g) => g.indicator === f.indicator && g.period === f.period);
		for (const change of diff.changed) {
			breaches.push({ ...at(since((figures) => find(figures, change)?.[change.field] === change.to)), rule: 'figure-changed', version, change });
		}
		for (const figure of diff.added) breaches.push({ ...at(since((figures) => find(figures, figure) !== undefined)), rule: 'figure-added', version, figure });
		for (const figure of diff.removed)
			breaches.push({ ...at(since((figures) => find(figures, figure) === undefined)), rule: 'figure-removed', version, figure });
	}
}

/** Every indicator a published version uses stays in the catalogue: its pages and downloads are cited. */
function checkIndicatorsKept(steps: readonly Step[], catalogue: ReadonlyMap<string, unknown>, at: (commit: CommitRef | undefined) => At, breaches: Breach[]) {
	const seen = new Set<string>();
	for (const step of steps) {
		if (!step.commit) continue; // The working tree's ids are checked by the validator.
		for (const figure of step.state.figures) {
			if (catalogue.has(figure.indicator) || seen.has(figure.indicator)) continue;
			seen.add(figure.indicator);
			breaches.push({ ...at(step.commit), rule: 'indicator-removed', indicator: figure.indicator, version: step.state.revisions.length + 1 });
		}
	}
}

/* ------------------------------------------------------------------------------------------ */
/* Against what was deployed                                                                    */

/** One figure of one version as the deployed site's `data/indicators.json` lists it. */
export interface DeployedFigure {
	indicator: string;
	period: number;
	report_year: number;
	/** Whose report states it (downloads since entities): tells another entity's report from the archive's own of the same year. */
	entity?: string | null;
	version: number;
	version_date?: string;
	value: number | null;
	rank: number | null;
	of: number | null;
	total: number | null;
	target: number | null;
	status: string | null;
}

const ENGLISH = { notJson: (reason: string) => `it is not JSON (${reason})`, noFigures: 'it has no "figures" list: is it an Annals data/indicators.json?' };

/** The fields compared with what was deployed: the figure itself, not its note or source. */
const DEPLOYED_FIELDS = ['value', 'rank', 'of', 'total', 'target', 'status'] as const;

/** A deployed figure that the archive would now publish differently, or not at all. */
export type Departure =
	| { rule: 'report-gone'; year: number; version: number; date: string; figure: DeployedFigure }
	| { rule: 'version-gone'; year: number; version: number; date: string; figure: DeployedFigure }
	| { rule: 'figure-gone'; year: number; version: number; figure: DeployedFigure }
	| { rule: 'figure-differs'; year: number; version: number; figure: DeployedFigure; field: (typeof DEPLOYED_FIELDS)[number]; now: number | string | null };

/**
 * Reads the figures of a deployed `data/indicators.json`; throws with a plain reason when the file
 * is not one.
 */
export function readDeployedFigures(json: string, words: { notJson: (reason: string) => string; noFigures: string } = ENGLISH): DeployedFigure[] {
	let data: unknown;
	try {
		data = JSON.parse(json.replace(/^\uFEFF/, ''));
	} catch (error) {
		throw new Error(words.notJson((error as Error).message), { cause: error });
	}
	const figures = (data as { figures?: unknown } | null)?.figures;
	if (!Array.isArray(figures)) throw new Error(words.noFigures);
	return figures.filter(
		(f): f is DeployedFigure =>
			typeof f?.indicator === 'string' && typeof f?.report_year === 'number' && typeof f?.version === 'number' && typeof f?.period === 'number',
	);
}

/**
 * Every figure of every version that was deployed must be published again exactly: this catches a
 * history rewritten by a squash, an amend or a force-push, which the history alone cannot show.
 * `versionsOf` gives a report's versions as this build would publish them, or undefined when the
 * archive has no such report.
 */
export function compareWithDeployed(
	deployed: readonly DeployedFigure[],
	versionsOf: (figure: DeployedFigure) => { report: string; versions: readonly { number: number; state: ReportState }[] | undefined },
): Departure[] {
	const departures: Departure[] = [];
	const told = new Set<string>();
	for (const figure of deployed) {
		const { report_year: year, version: number } = figure;
		const date = figure.version_date ?? '';
		const { report, versions } = versionsOf(figure);
		if (!versions) {
			if (!told.has(report)) departures.push({ rule: 'report-gone', year, version: number, date, figure });
			told.add(report);
			continue;
		}
		const version = versions.find((v) => v.number === number);
		if (!version?.state.ok) {
			if (!told.has(`${report}/v${number}`)) departures.push({ rule: 'version-gone', year, version: number, date, figure });
			told.add(`${report}/v${number}`);
			continue;
		}
		const now = version.state.figures.find((f) => f.indicator === figure.indicator && f.period === figure.period);
		if (!now) {
			departures.push({ rule: 'figure-gone', year, version: number, figure });
			continue;
		}
		for (const field of DEPLOYED_FIELDS) {
			const value = now[field] ?? null;
			if (value !== (figure[field] ?? null)) departures.push({ rule: 'figure-differs', year, version: number, figure, field, now: value });
		}
	}
	return departures;
}
