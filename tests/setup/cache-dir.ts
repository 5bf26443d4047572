/**
 * A unit test file's own Annals cache (ANNALS_CACHE_DIR, src/workers/cache-dir.ts): an empty folder
 * for each test, removed after it, with the variable put back as it was.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';

/** Gives each test of the file an empty cache folder named from `prefix`; returns the current test's folder. */
export function emptyCachePerTest(prefix: string): () => string {
	let folder = '';
	beforeEach(() => {
		folder = mkdtempSync(join(tmpdir(), prefix));
		vi.stubEnv('ANNALS_CACHE_DIR', folder);
	});
	afterEach(() => {
		vi.unstubAllEnvs();
		rmSync(folder, { recursive: true, force: true });
	});
	return () => folder;
}
