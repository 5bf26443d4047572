/** Measuring a build: its time, the peak memory of its whole process tree, and the size of what it wrote. */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { userEnv } from '../user-env.ts';

const root = resolve(import.meta.dirname, '../..');
/* ------------------------------------------------------------------------------------------ */
/* Measuring                                                                                    */

/** Resident memory of a process and all its descendants, from /proc. */
export function treeRss(pid: number): number {
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

export interface Run {
	seconds: number;
	peakRssBytes: number;
	output: string;
}

/** Runs a build command with Node, timing it and sampling the memory of its whole process tree. */
export function timedBuild(command: string[], cwd: string, env: Record<string, string>): Promise<Run> {
	return new Promise((done, fail) => {
		const started = performance.now();
		const child = spawn(process.execPath, command, { cwd, env: userEnv({ ...env, NO_COLOR: '1', FORCE_COLOR: '0' }) });
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

export function duBytes(dir: string): number {
	let total = 0;
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
		if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
	return total;
}

export const gz = (path: string) => gzipSync(readFileSync(path)).length;

/**
 * Astro keeps its content store, and the pages its incremental build keeps, in
 * node_modules/.cache/annals/astro/ unless ANNALS_CACHE_DIR says otherwise (astro.config.mjs;
 * .astro/ and node_modules/.astro/ before). The benchmark's builds keep theirs in their own cache;
 * clearing the project's before and after keeps the project's next build clean.
 */
export function clearContentStore() {
	for (const dir of ['.astro', 'node_modules/.astro', 'node_modules/.cache/annals/astro']) rmSync(join(root, dir), { recursive: true, force: true });
}

/** `n` to `digits` decimals, as the JSON keeps it. */
export const round = (n: number, digits: number) => Number(n.toFixed(digits));

/** The middle value (of an odd count; the mean of the two middle ones of an even count). */
export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const half = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
}
