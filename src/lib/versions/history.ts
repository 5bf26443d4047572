/**
 * The reports' git history as the build reads it (src/data/history.ts runs git), and each file's
 * committed states, read once per history.
 */
import { readStateLeniently, type ReportState } from './read-state.ts';

/** What `git log` and `git cat-file` gave: every commit touching reports/, and each file's states. */
export type History =
	| {
			available: true;
			/** Oldest first. */
			commits: { hash: string; date: string }[];
			/** `reports/2024.mdx` → its committed states, oldest first; `commit` indexes `commits`. */
			files: Map<string, { commit: number; text: string }[]>;
	  }
	| { available: false; reason: string; /** Why, for a message in the editor's language: not in git, or a shallow clone. */ code?: 'not-git' | 'shallow' };

/** A committed state with its commit. */
export interface Committed {
	commit: { hash: string; date: string };
	index: number;
	state: ReportState;
}

/**
 * Each history's states as read, per path and year: a build asks for the same states from many
 * pages. Kept for the whole process, not per instance of this module: Astro loads the content
 * checks and the pages as two instances of it, and both read the same history (src/data/validation.ts),
 * so the pages would otherwise parse every committed state a second time (1 s at 1,000 reports).
 */
const SLOT = Symbol.for('annals.committed-states');
const readStates = ((globalThis as { [SLOT]?: WeakMap<History, Map<string, Committed[]>> })[SLOT] ??= new WeakMap());

/** A report's committed states, oldest first, each read once per history. */
export function committedStates(history: History, path: string, year: number): Committed[] {
	if (!history.available) return [];
	let byPath = readStates.get(history);
	if (!byPath) readStates.set(history, (byPath = new Map()));
	const key = `${year}\u0000${path}`;
	let states = byPath.get(key);
	if (!states)
		byPath.set(
			key,
			(states = (history.files.get(path) ?? []).map((s) => ({ commit: history.commits[s.commit]!, index: s.commit, state: readStateLeniently(s.text, year) }))),
		);
	return states;
}
