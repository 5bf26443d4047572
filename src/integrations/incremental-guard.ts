/**
 * Keeps Astro's incremental build (`experimental.incrementalBuild`, keys in src/data/page-keys.ts)
 * from publishing a stale page after a build that stopped half way.
 *
 * Astro copies each page it renders into its cache as it goes, and writes the list of what it
 * kept, with each page's key, only at the end. A build stopped in between leaves new pages beside
 * the old list: the next build, given the old content back, would find the old key and copy the
 * new page. So a build marks the cache as in use while it runs; a build that finds the mark left
 * behind forgets the list, and renders every page.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Astro's list of the pages it kept (astro/dist/core/build/incremental.js). */
export const INCREMENTAL_MANIFEST = 'incremental-build.json';
const MARK = 'annals-build-running';

export default function incrementalGuard(): AstroIntegration {
	let mark: string | undefined;
	return {
		name: 'annals-incremental-guard',
		hooks: {
			'astro:config:setup': ({ command, config, logger }) => {
				if (command !== 'build') return;
				const dir = fileURLToPath(config.cacheDir);
				mark = join(dir, MARK);
				if (existsSync(mark)) {
					rmSync(join(dir, INCREMENTAL_MANIFEST), { force: true });
					logger.info('The last build into this cache did not finish: every page is rendered again.');
				}
				mkdirSync(dir, { recursive: true });
				writeFileSync(mark, `${process.pid}\n`);
			},
			'astro:build:done': () => {
				if (mark) rmSync(mark, { force: true });
			},
		},
	};
}
