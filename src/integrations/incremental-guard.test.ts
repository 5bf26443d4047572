import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import incrementalGuard from './incremental-guard.ts';

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

	it('lets a build that had the cache to itself finish', () => {
		const { hooks, logger } = setUp();
		hooks['astro:build:start']!({ logger });
		expect(() => hooks['astro:build:done']!({ logger })).not.toThrow();
	});
});
