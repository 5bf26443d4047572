import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import incrementalGuard, { keepsLastPages } from './incremental-guard.ts';
import { INCREMENTAL_MANIFEST } from './kept-output.ts';

let root: string;
beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'annals-guard-'));
	mkdirSync(join(root, 'dist'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** The guard's hooks, set up for a build as Astro calls them (only the fields they read). */
function setUp() {
	const hooks = incrementalGuard().hooks as Record<string, (options: unknown) => unknown>;
	const logged: string[] = [];
	const logger = { info: (line: string) => logged.push(line) };
	hooks['astro:config:setup']!({
		command: 'build',
		config: {
			cacheDir: pathToFileURL(`${join(root, 'cache')}/`),
			outDir: pathToFileURL(`${join(root, 'dist')}/`),
			publicDir: pathToFileURL(`${join(root, 'public')}/`),
			experimental: { incrementalBuild: true },
		},
		logger,
		updateConfig: () => undefined,
	});
	return { hooks, logged, logger };
}

describe('the incremental build’s guard', () => {
	it('fails a build when another build took the cache while it ran: Astro judged its pages by that one’s list', () => {
		const { hooks, logger } = setUp();
		hooks['astro:build:start']!({ logger });
		writeFileSync(join(root, 'cache/annals-build-running'), '999999\n');
		expect(() => hooks['astro:build:done']!({ logger })).toThrow(/Another build used the cache .*process 999999/);
	});

	it('says whether the build keeps the last build’s pages: a rebuild, which packs the downloads on two workers', () => {
		const first = setUp();
		expect(keepsLastPages()).toBe(false);
		first.hooks['astro:build:start']!({ logger: first.logger });
		// Astro's list of the pages it kept, written as the build ends.
		writeFileSync(join(root, 'cache', INCREMENTAL_MANIFEST), JSON.stringify({ routes: {} }));
		first.hooks['astro:build:done']!({ logger: first.logger });
		setUp();
		expect(keepsLastPages()).toBe(true);
		rmSync(join(root, 'cache'), { recursive: true });
		setUp();
		expect(keepsLastPages()).toBe(false);
	});

	it('lets a build that had the cache to itself finish', () => {
		const { hooks, logger } = setUp();
		hooks['astro:build:start']!({ logger });
		expect(() => hooks['astro:build:done']!({ logger })).not.toThrow();
	});
});
