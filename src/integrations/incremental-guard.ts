/**
 * Keeps Astro's incremental build (`experimental.incrementalBuild`, keys in src/data/page-keys.ts)
 * from publishing a stale page after a build that stopped half way, and leaves the last build's
 * pages in the output folder when they are exactly as it wrote them (src/integrations/kept-output.ts).
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
import { INCREMENTAL_MANIFEST, keepLastOutput, recordOutput, type KeptPages } from './kept-output.ts';

const MARK = 'annals-build-running';

export default function incrementalGuard(): AstroIntegration {
	let mark: string | undefined;
	let cache: string | undefined;
	let outDir: string | undefined;
	let kept: KeptPages | undefined;
	return {
		name: 'annals-incremental-guard',
		hooks: {
			'astro:config:setup': ({ command, config, logger, updateConfig }) => {
				if (command !== 'build') return;
				cache = fileURLToPath(config.cacheDir);
				outDir = fileURLToPath(config.outDir).replace(/\/$/, '');
				mark = join(cache, MARK);
				if (existsSync(mark)) {
					rmSync(join(cache, INCREMENTAL_MANIFEST), { force: true });
					logger.info('The last build into this cache did not finish: every page is rendered again.');
				}
				mkdirSync(cache, { recursive: true });
				const last = config.experimental.incrementalBuild && existsSync(outDir) ? keepLastOutput(cache, outDir) : undefined;
				if (last && 'kept' in last) {
					kept = last.kept;
					updateConfig({ vite: { build: { emptyOutDir: false } } });
					logger.info(`Left the last build's ${kept.size} pages in ${outDir} for Astro to keep; removed the rest.`);
				} else if (last) {
					logger.info(`${outDir} is emptied and the unchanged pages copied back from the cache: ${last.why}.`);
				}
				writeFileSync(mark, `${process.pid}\n`);
			},
			'astro:build:done': () => {
				if (cache && outDir) recordOutput(cache, outDir, kept);
				if (mark) rmSync(mark, { force: true });
			},
		},
	};
}
