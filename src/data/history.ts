/**
 * Reads the committed states of every report from git, once per build: one `git log` for the list
 * of commits and the blobs they changed, one `git cat-file --batch` for all their contents. Never
 * one process per file.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { cacheDir } from '../workers/cache-dir.ts';
import type { History, KeptStates } from '../lib/versions/history.ts';
import { codeAsLoaded } from '../workers/source-version.ts';
import { removeLeftPartials } from '../workers/processes.ts';
import { KeptEntries } from './kept-entries.ts';

function git(cwd: string, args: string[], input?: string): { ok: boolean; out: string; err: string } {
	const result = spawnSync('git', args, { cwd, input, encoding: 'utf8', maxBuffer: 1 << 30 });
	return { ok: result.status === 0, out: result.stdout ?? '', err: (result.stderr ?? '') + (result.error?.message ?? '') };
}

/** What the history is read of, under the content folder: every report file and the catalogue. */
const HISTORY_PATHS = ['reports', 'indicators.yaml'];

/**
 * What the history read of a content folder depends on, in one line: the last commit of main's
 * first-parent line that changed a report or the catalogue (its hash pins every commit and state
 * below it), and whether the clone is shallow. A commit that changed neither (a README, a
 * workflow, the site's code) leaves it the same; "no git history" outside git.
 */
export function historyCommit(contentDir: string): string {
	const shallow = git(contentDir, ['rev-parse', '--is-shallow-repository']);
	if (!shallow.ok) return 'no git history';
	const last = git(contentDir, ['log', '-1', '--first-parent', '--format=%H', '--', ...HISTORY_PATHS]);
	return `${last.ok ? last.out.trim() : `git log failed: ${last.err.trim()}`} shallow ${shallow.out.trim()}`;
}

/**
 * The history of `reports/` and `indicators.yaml` under a content folder, oldest commit first. Says why when there is
 * none: not a git repository, a shallow clone, or git missing.
 */
export function readHistory(contentDir: string): History {
	const probe = git(contentDir, ['rev-parse', '--is-shallow-repository', 'HEAD']);
	if (!probe.ok) {
		// A repository with no commit yet has no HEAD, and no history either.
		if (git(contentDir, ['rev-parse', '--is-shallow-repository']).ok) return { available: true, commits: [], files: new Map() };
		return { available: false, code: 'not-git', reason: 'the content folder is not in a git repository (a tarball or a copy?)' };
	}
	const [shallow, head] = probe.out.trim().split('\n');
	if (shallow === 'true') return { available: false, code: 'shallow', reason: 'this is a shallow clone, so earlier versions cannot be read' };
	// Whoever asks for the same history while it is still in use gets it, with its parsed states. It
	// is held weakly, so that a build does not keep every committed state in memory while Vite
	// compiles (at 1,000 reports that cost 200 MiB of the 2 GiB budget); if it was let go, the pages
	// read the snapshot the first reading wrote, not git again.
	// The snapshot holds each text's blob since 2 December: one written before is read again.
	const key = `${contentDir}\u0000${head}\u0000blobs`;
	const kept = read()?.key === key ? read()!.history.deref() : undefined;
	if (kept) return kept;
	const last = readSnapshot();
	const history = last?.key === key ? last.history : writeSnapshot(key, (last && readSince(contentDir, last, head!)) ?? readLog(contentDir));
	if (history.available) {
		const kept = keptStates();
		if (kept) history.kept = kept;
	}
	remember({ key, history: new WeakRef(history) });
	return history;
}

/** A committed state as kept between processes (without its body, see KeptStates). */
type Kept = NonNullable<ReturnType<KeptStates['get']>>;

/**
 * The committed states the last process read, kept in the history's cache folder with the code
 * that read them: a commit changes one report's file, and every other state reads as before.
 * Saved by the check (saveKeptStates) with the states it read, so states no history holds any more
 * are let go; a state missing is read again, never wrong.
 */
class StateFile implements KeptStates {
	readonly #states: KeptEntries<Kept>;

	constructor(code: string) {
		this.#states = new KeptEntries('history', 'states.bin', code);
	}

	get code(): string {
		return this.#states.code;
	}

	get(blob: string, year: number): Kept | undefined {
		return this.#states.get(`${blob}\0${year}`);
	}

	set(blob: string, year: number, state: Kept): void {
		this.#states.set(`${blob}\0${year}`, state);
	}

	/** Writes the states read in this process, when they are not those of the file. */
	save(): void {
		this.#states.save();
	}
}

const STATES = Symbol.for('annals.kept-states');

/** The code this module loaded with, while it is still the code on disk. */
const loadedCode = codeAsLoaded();

/**
 * The kept states of the code this process runs: one per process (Astro loads this module twice).
 * None when the code on disk is no longer the code this module loaded (the preview runs on while
 * the code is edited), so that no state read by one code is taken, or saved, as another's; none
 * where the code cannot be read (no `src/` here).
 */
function keptStates(): StateFile | undefined {
	const code = loadedCode();
	if (code === undefined) return undefined;
	const slot = globalThis as { [STATES]?: StateFile };
	if (slot[STATES]?.code !== code) slot[STATES] = new StateFile(code);
	return slot[STATES];
}

/** What a process stopped while it wrote the snapshot left half written (the states' file clears its own). */
const removeLeftHalfWritten = () => removeLeftPartials(cacheDir('history'), /^snapshot\.bin\.(\d+)\.\d+$/);

/** Keeps for the next process the committed states this one read of `history`. */
export function saveKeptStates(history: History): void {
	if (history.available && history.kept instanceof StateFile) history.kept.save();
}

/** The last history read, by folder and commit, for the whole process (Astro loads this module twice). */
const SLOT = Symbol.for('annals.history');
const read = () => (globalThis as { [SLOT]?: { key: string; history: WeakRef<History> } })[SLOT];
const remember = (last: { key: string; history: WeakRef<History> }) => void ((globalThis as { [SLOT]?: typeof last })[SLOT] = last);

/** Where the last history read is kept: one file, for one folder and commit. */
const snapshotFile = () => join(cacheDir('history'), 'snapshot.bin');

/** What the last reading wrote: a history, and the folder and commit it is of (its key). */
export interface Snapshot {
	key: string;
	history: History;
}

/** The history written by the last reading. */
function readSnapshot(): Snapshot | undefined {
	try {
		return deserialize(readFileSync(snapshotFile())) as Snapshot;
	} catch {
		return undefined;
	}
}

/**
 * The history at `head`, from the one the last reading kept at an earlier commit of main's
 * first-parent line: only the commits since, and the texts they hold, are asked of git (at 1,000
 * reports every text of every state was read again for each new commit, 0.7 s). Undefined when the
 * last reading was of another folder, or of a commit main's line no longer goes through (an
 * amended or rebased commit): that history is read whole.
 */
export function readSince(contentDir: string, last: Snapshot, head: string): History | undefined {
	const [dir, before, kind] = last.key.split('\u0000');
	if (dir !== contentDir || kind !== 'blobs' || !before || !last.history.available) return undefined;
	const line = git(contentDir, ['rev-list', '--first-parent', head]);
	if (!line.ok || !line.out.split('\n').includes(before)) return undefined;
	const since = readLog(contentDir, `${before}..${head}`);
	if (!since.available) return undefined;
	const offset = last.history.commits.length;
	const files = new Map([...last.history.files].map(([path, states]) => [path, [...states]]));
	for (const [path, states] of since.files) {
		const list = files.get(path) ?? [];
		for (const state of states) list.push({ ...state, commit: state.commit + offset });
		files.set(path, list);
	}
	return { available: true, commits: [...last.history.commits, ...since.commits], files };
}

/** Keeps a history read from git (V8's own serialization: a Map of 4,000 states in a tenth of a second). */
function writeSnapshot(key: string, history: History): History {
	if (!history.available) return history;
	try {
		mkdirSync(cacheDir('history'), { recursive: true });
		// Written whole, then renamed: a reading at the same time never sees half a file.
		removeLeftHalfWritten();
		const partial = `${snapshotFile()}.${process.pid}.${Date.now()}`;
		writeFileSync(partial, serialize({ key, history }));
		renameSync(partial, snapshotFile());
	} catch {
		// A read-only cache: the next reading asks git again.
	}
	return history;
}

/** The history read from git: every commit of main's first-parent line, or those of `range` (`a..b`). */
export function readLog(contentDir: string, range?: string): History {
	// --raw names each changed file's new blob, so cat-file reads blobs by id: looking them up as
	// commit:path would walk the reports/ tree once per file (2 s for 4,000 states).
	// The states main went through, in the order it went through them: its first-parent line, a merge
	// as the change it made to main (not each commit of the branch merged), oldest first by ancestry,
	// not by date (commit dates can be equal or out of order).
	const log = git(contentDir, [
		'log',
		'--reverse',
		'--first-parent',
		'--topo-order',
		'--diff-merges=first-parent',
		'--no-renames',
		'--relative',
		'--raw',
		'--no-abbrev',
		'--format=%x1e%H%x1f%cI',
		...(range ? [range] : []),
		'--',
		...HISTORY_PATHS,
	]);
	if (!log.ok) return { available: false, reason: `git log failed: ${log.err.trim()}` };
	const commits: Extract<History, { available: true }>['commits'] = [];
	const wanted: { commit: number; path: string; blob: string }[] = [];
	for (const chunk of log.out.split('\x1e').slice(1)) {
		const [head = '', ...lines] = chunk.split('\n');
		const [hash = '', date = ''] = head.split('\x1f');
		const index = commits.push({ hash, date }) - 1;
		for (const line of lines) {
			// :100644 100644 <old blob> <new blob> M<tab>reports/2024.mdx — a deleted file's new blob is all zeros.
			const match = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) [A-Z]\d*\t(.+)$/.exec(line);
			if (!match || /^0+$/.test(match[1]!)) continue;
			const path = match[2]!;
			if (/^reports\/(?:[a-z][a-z0-9_]*\/)?[^/]+\.mdx?$/.test(path) || path === 'indicators.yaml') wanted.push({ commit: index, path, blob: match[1]! });
		}
	}

	const files: Extract<History, { available: true }>['files'] = new Map();
	if (wanted.length > 0) {
		const blobs = [...new Set(wanted.map((w) => w.blob))];
		const batch = spawnSync('git', ['cat-file', '--batch'], { cwd: contentDir, input: `${blobs.join('\n')}\n`, maxBuffer: 1 << 30 });
		if (batch.status !== 0) return { available: false, reason: `git cat-file failed: ${batch.stderr.toString().trim()}` };
		const out = batch.stdout;
		const texts = new Map<string, string>();
		let offset = 0;
		for (const blob of blobs) {
			const newline = out.indexOf(0x0a, offset);
			const header = out.subarray(offset, newline).toString('utf8');
			offset = newline + 1;
			if (header.endsWith(' missing')) continue;
			const size = Number(header.split(' ')[2]);
			texts.set(blob, out.subarray(offset, offset + size).toString('utf8'));
			offset += size + 1;
		}
		for (const w of wanted) {
			const text = texts.get(w.blob);
			if (text === undefined) continue;
			const states = files.get(w.path) ?? [];
			states.push({ commit: w.commit, text, blob: w.blob });
			files.set(w.path, states);
		}
	}
	return { available: true, commits, files };
}
