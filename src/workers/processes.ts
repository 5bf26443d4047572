/** Processes a cache's files are written by, and the files half written by those that stopped. */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Whether the process that writes a file named by its id (`NAME.<pid>.part`) is still running, so
 * its file is not yet whole; never this process, which has nothing half written when it asks.
 */
export function writerRunning(pid: number): boolean {
	if (pid === process.pid) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Removes the files of `folder` that `partial` matches (its first group the writer's process id)
 * whose writer is no longer running: what a build that was stopped while it wrote left behind, which
 * nothing would read or remove again.
 */
export function removeLeftPartials(folder: string, partial: RegExp): void {
	let names: string[];
	try {
		names = readdirSync(folder);
	} catch {
		return;
	}
	for (const name of names) {
		const match = partial.exec(name);
		if (match && !writerRunning(Number(match[1]))) rmSync(join(folder, name), { force: true });
	}
}
