/**
 * The reports' git history as the build reads it (src/data/history.ts runs git), and each file's
 * committed states, read once per history.
 */
import { splitFrontmatter } from '../content/frontmatter.ts';
import { readStateLeniently, type ReportState } from './read-state.ts';

/**
 * Committed states read by an earlier process, by the blob git stores the file's text as and the
 * report's year: kept by whoever read the history (src/data/history.ts). A state is kept without its
 * body, which is the text's own, cut again when it is read back.
 */
export interface KeptStates {
	get(blob: string, year: number): Omit<ReportState & { ok: true }, 'body'> | Extract<ReportState, { ok: false }> | undefined;
	set(blob: string, year: number, state: Omit<ReportState & { ok: true }, 'body'> | Extract<ReportState, { ok: false }>): void;
}

/** What `git log` and `git cat-file` gave: every commit touching reports/, and each file's states. */
export type History =
	| {
			available: true;
			/** Oldest first. */
			commits: { hash: string; date: string }[];
			/** `reports/2024.mdx` → its committed states, oldest first; `commit` indexes `commits`; `blob`, git's id of the text. */
			files: Map<string, { commit: number; text: string; blob?: string }[]>;
			/** States parsed by an earlier process; without it, every state is parsed here. */
			kept?: KeptStates;
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
			(states = (history.files.get(path) ?? []).map((s) => ({ commit: history.commits[s.commit]!, index: s.commit, state: readState(history.kept, s, year) }))),
		);
	return states;
}

/**
 * The state of a report's file as it is now: when the file is as its last commit left it (every file
 * of a build a CI makes), that commit's state, read once with the history's; else read here. The
 * checks, the record and the versions each read every report's current state: 3 × 2,000 parses,
 * 1 s at 1,000 reports.
 */
export function currentState(history: History, path: string, text: string, year: number): ReportState {
	const last = history.available ? history.files.get(path)?.at(-1) : undefined;
	if (last?.text === text) return committedStates(history, path, year).at(-1)!.state;
	return readStateLeniently(text, year);
}

/**
 * A committed text read as a state, or taken from the states an earlier process read: the same text
 * (the same blob) of the same year reads the same way. At 1,000 reports, parsing the 3,000 states
 * took 1.5 s of every build and of every preview's start.
 */
function readState(kept: KeptStates | undefined, committed: { text: string; blob?: string }, year: number): ReportState {
	const { text, blob } = committed;
	if (!kept || blob === undefined) return readStateLeniently(text, year);
	const found = kept.get(blob, year);
	if (found) return found.ok ? { ...found, body: splitFrontmatter(text).body } : found;
	const state = readStateLeniently(text, year);
	if (state.ok) {
		const { body: _body, ...rest } = state;
		kept.set(blob, year, rest);
	} else kept.set(blob, year, state);
	return state;
}
