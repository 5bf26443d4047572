/** Processes a cache's files are written by. */

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
