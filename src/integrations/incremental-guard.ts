/**
 * Keeps Astro's incremental build (`experimental.incrementalBuild`, keys in src/data/page-keys.ts)
 * from publishing a stale page after a build that stopped half way or ran beside another, and
 * leaves the last build's pages in the output folder when they are exactly as it wrote them
 * (src/integrations/kept-output.ts).
 *
 * Astro copies each page it renders into its cache as it goes, and writes the list of what it
 * kept, with each page's key, only at the end. A build stopped in between leaves new pages beside
 * the old list: the next build, given the old content back, would find the old key and copy the
 * new page. So a build marks the cache as in use while it runs, with its process id; a build that
 * finds the mark left behind forgets the list, and renders every page. A build that finds at its
 * end that another one took the mark meanwhile fails: Astro read that one's list, not its own.
 *
 * Its hooks run before those of the integrations that read the built pages (search, _headers,
 * addresses: astro.config.mjs lists it first), so they never see a page the build removes.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEARCH_BUNDLES } from '../lib/search.ts';
import { INCREMENTAL_MANIFEST, lastOutput, OUTPUT_RECORD, pruneOutput, recordOutput, type KeptPages } from './kept-output.ts';

const MARK = 'annals-build-running';

/** Whether the build under way found the last build's pages to keep (set when the build is set up). */
let keeping = false;

/**
 * Whether this build keeps the last build's pages and renders only what changed: a rebuild, whose
 * pages take far less time and memory than a whole build's. Known once this integration's
 * `astro:config:setup` has run: for the integrations listed after it (astro.config.mjs).
 */
export function keepsLastPages(): boolean {
	return keeping;
}

export default function incrementalGuard(): AstroIntegration {
	let mark: string | undefined;
	let cache = '';
	let outDir = '';
	let publicDir = '';
	let incremental = false;
	let kept: KeptPages | undefined;
	return {
		name: 'annals-incremental-guard',
		hooks: {
			'astro:config:setup': ({ command, config, logger, updateConfig }) => {
				keeping = false;
				if (command !== 'build') return;
				cache = fileURLToPath(config.cacheDir);
				outDir = fileURLToPath(config.outDir).replace(/[\\/]$/, '');
				publicDir = fileURLToPath(config.publicDir);
				incremental = config.experimental.incrementalBuild === true;
				mark = join(cache, MARK);
				if (existsSync(mark)) {
					rmSync(join(cache, INCREMENTAL_MANIFEST), { force: true });
					logger.info('The last build into this cache did not finish: every page is rendered again.');
				}
				mkdirSync(cache, { recursive: true });
				const last = incremental ? lastOutput(cache, outDir) : undefined;
				rmSync(join(cache, OUTPUT_RECORD), { force: true });
				keeping = last !== undefined && 'pages' in last;
				if (last && 'pages' in last) {
					kept = last.pages;
					updateConfig({ vite: { build: { emptyOutDir: false } } });
				} else if (last && existsSync(outDir)) {
					logger.info(`${outDir} is emptied and the unchanged pages copied back from the cache: ${last.why}.`);
				}
				writeFileSync(mark, `${process.pid}\n`);
			},
			// Files are removed only now, once the content is checked: a build refused for its content
			// leaves the last output whole.
			'astro:build:start': ({ logger }) => {
				if (!kept) return;
				// The search bundles stay for the indexer, which leaves one in place when it is still the one it wrote.
				const changed = pruneOutput(outDir, kept, Object.values(SEARCH_BUNDLES));
				if (changed === undefined) logger.info(`Left the last build's ${kept.size} pages in ${outDir} for Astro to keep; removed the rest.`);
				else {
					kept = undefined;
					logger.info(`${outDir} is emptied and the unchanged pages copied back from the cache: ${changed} changed since the last build.`);
				}
			},
			'astro:build:done': () => {
				if (!mark) return;
				const holder = existsSync(mark) ? readFileSync(mark, 'utf8').trim() : '';
				if (holder !== String(process.pid))
					throw new Error(
						`Another build used the cache ${cache} while this one ran (${holder ? `process ${holder}` : 'and finished'}): this build's pages may have been judged by its list of pages. Build again, one build at a time for each cache.`,
					);
				if (incremental) recordOutput(cache, outDir, publicDir, kept);
				rmSync(mark, { force: true });
			},
		},
	};
}
