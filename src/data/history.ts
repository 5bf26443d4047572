/**
 * Reads the committed states of every report from git, once per build: one `git log` for the list
 * of commits and files, one `git cat-file --batch` for all their contents. Never one process per file.
 */
import { spawnSync } from 'node:child_process';
import type { History } from '../lib/versions.ts';

function git(cwd: string, args: string[], input?: string): { ok: boolean; out: string; err: string } {
	const result = spawnSync('git', args, { cwd, input, encoding: 'utf8', maxBuffer: 1 << 30 });
	return { ok: result.status === 0, out: result.stdout ?? '', err: (result.stderr ?? '') + (result.error?.message ?? '') };
}

/**
 * The history of `reports/` and `indicators.yaml` under a content folder, oldest commit first. Says why when there is
 * none: not a git repository, a shallow clone, or git missing.
 */
export function readHistory(contentDir: string): History {
	const probe = git(contentDir, ['rev-parse', '--is-shallow-repository', '--show-prefix']);
	if (!probe.ok) return { available: false, reason: 'the content folder is not in a git repository (a tarball or a copy?)' };
	const [shallow, prefix = ''] = probe.out.split('\n');
	if (shallow === 'true') return { available: false, reason: 'this is a shallow clone, so earlier versions cannot be read' };

	const log = git(contentDir, ['log', '--reverse', '--no-renames', '--relative', '--format=%x1e%H%x1f%cI', '--name-only', '--', 'reports', 'indicators.yaml']);
	if (!log.ok) return { available: false, reason: `git log failed: ${log.err.trim()}` };
	const commits: Extract<History, { available: true }>['commits'] = [];
	const wanted: { commit: number; path: string }[] = [];
	for (const chunk of log.out.split('\x1e').slice(1)) {
		const [head = '', ...names] = chunk.split('\n');
		const [hash = '', date = ''] = head.split('\x1f');
		const index = commits.push({ hash, date }) - 1;
		for (const name of names) if (/^reports\/[^/]+\.mdx?$/.test(name) || name === 'indicators.yaml') wanted.push({ commit: index, path: name });
	}

	const files: Extract<History, { available: true }>['files'] = new Map();
	if (wanted.length > 0) {
		const batch = spawnSync('git', ['cat-file', '--batch'], {
			cwd: contentDir,
			input: wanted.map((w) => `${commits[w.commit]!.hash}:${prefix}${w.path}`).join('\n') + '\n',
			maxBuffer: 1 << 30,
		});
		if (batch.status !== 0) return { available: false, reason: `git cat-file failed: ${batch.stderr.toString().trim()}` };
		const out = batch.stdout;
		let offset = 0;
		for (const w of wanted) {
			const newline = out.indexOf(0x0a, offset);
			const header = out.subarray(offset, newline).toString('utf8');
			offset = newline + 1;
			if (header.endsWith(' missing')) continue; // deleted in that commit
			const size = Number(header.split(' ')[2]);
			const text = out.subarray(offset, offset + size).toString('utf8');
			offset += size + 1;
			const states = files.get(w.path) ?? [];
			states.push({ commit: w.commit, text });
			files.set(w.path, states);
		}
	}
	return { available: true, commits, files };
}
