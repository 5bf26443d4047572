/**
 * Versions of a report, from its committed states in git.
 *
 * Version n of a report is its state as first published with n − 1 revisions entries (the first
 * committed state with that many); the current state is the latest version. The rules that keep
 * those states honest over the whole history are in record.ts. Old states are read
 * leniently: a later change of schema or indicator ids must not break the build, so what can be
 * read is kept and what cannot is reported as unavailable.
 */
import { committedStates, currentState, type History } from './history.ts';
import { type ReportState, type RevisionEntry } from './read-state.ts';
import { diffFigures, type FigureDiff, sameFigures } from './figure-diff.ts';
import { diffText, type TextChange } from './text-diff.ts';

/** One version of a report. */
export interface Version {
	/** 1 for the report as first published. */
	number: number;
	/** The day it was published: the report's date for version 1, the revision's date after. */
	date: string;
	/** The revisions entry that made this version; undefined for version 1. */
	revision: RevisionEntry | undefined;
	/**
	 * The commit holding this state, when it is committed. Shown on the report's own pages only: the
	 * pages made from the figures are keyed by whether it is set, not by which commit it is
	 * (src/data/page-keys.ts figuresKey), so one that shows it must add it to that key.
	 */
	commit: { hash: string; date: string } | undefined;
	/** Whether this is the current version. */
	current: boolean;
	state: ReportState;
}

/**
 * Every version of a report, oldest first, the current one last. Warnings say which earlier
 * versions could not be read.
 */
export function buildVersions(
	history: History,
	path: string,
	year: number,
	currentText: string,
	/** Whether a committed state was published; record.ts `couldHaveBeenPublished` also leaves out states the checks refused. */
	published: (state: ReportState, commit: number) => boolean = (state) => state.ok && !state.draft,
): { versions: Version[]; warnings: string[] } {
	const current = currentState(history, path, currentText, year);
	if (!current.ok) return { versions: [], warnings: [`${path}: the current file cannot be read (${current.error})`] };
	// Unreadable states stay, so a version that cannot be read is said to be unavailable.
	const states = committedStates(history, path, year).filter((s) => !s.state.ok || published(s.state, s.index));
	const warnings: string[] = [];
	const versions: Version[] = [];
	const lastCommitted = states.at(-1);
	for (let n = 1; n <= current.revisions.length; n++) {
		const revision = n === 1 ? undefined : current.revisions[n - 2];
		// As first published: a later commit with the same number of entries may not change it (src/lib/versions/record.ts).
		const match = states.find((s) => s.state.ok && s.state.revisions.length === n - 1);
		let state: ReportState;
		if (!history.available) continue;
		if (match) {
			state = match.state;
		} else {
			const unreadable = states.find((s) => !s.state.ok);
			state = { ok: false, error: unreadable && !unreadable.state.ok ? unreadable.state.error : `no commit holds it with ${n - 1} revisions entries` };
			warnings.push(`${path}: version ${n} is unavailable: ${state.error}`);
		}
		versions.push({
			number: n,
			date: revision?.date ?? (state.ok ? state.published : undefined) ?? current.published ?? '',
			revision,
			commit: match?.commit,
			current: false,
			state,
		});
	}
	const unchangedSinceCommit =
		lastCommitted?.state.ok && lastCommitted.state.revisions.length === current.revisions.length && sameFigures(lastCommitted.state.figures, current.figures);
	versions.push({
		number: current.revisions.length + 1,
		date: current.revisions.at(-1)?.date ?? current.published ?? '',
		revision: current.revisions.at(-1),
		commit: unchangedSinceCommit ? lastCommitted.commit : undefined,
		current: true,
		state: current,
	});
	return { versions, warnings };
}

/** The state of a translation as it was when a version was committed: its last state at or before that commit. */
export function translationAt(history: History, path: string, year: number, commitHash: string | undefined): ReportState | undefined {
	if (!history.available || commitHash === undefined) return undefined;
	const at = history.commits.findIndex((c) => c.hash === commitHash);
	const states = committedStates(history, path, year).filter((s) => s.index <= at);
	return states.at(-1)?.state;
}

/** Everything that changed from one version to the next. */
export interface VersionComparison {
	from: Version;
	to: Version;
	figures: FigureDiff;
	/** Prose changes; empty when the text is the same. */
	text: TextChange[];
}

/**
 * What changed between two readable versions; undefined when either cannot be read. The prose is
 * compared in the given texts (a translation) when both are passed, else in the report's own.
 */
export function compareVersions(from: Version, to: Version, texts?: { from: string | undefined; to: string | undefined }): VersionComparison | undefined {
	if (!from.state.ok || !to.state.ok) return undefined;
	const before = texts?.from !== undefined && texts.to !== undefined ? texts.from : from.state.body;
	const after = texts?.from !== undefined && texts.to !== undefined ? texts.to : to.state.body;
	return { from, to, figures: diffFigures(from.state.figures, to.state.figures), text: diffText(before, after) };
}
