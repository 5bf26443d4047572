/**
 * The integration that indexes the built site for search (src/workers/search/indexer.ts): the
 * middleware hands each rendered page to the indexer, and the index is written when the build is
 * done, or by scripts/build.ts once Astro has exited.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { buildServices } from '../workers/services.ts';
import { describeIndex, SearchIndexer, SPOOL_VARIABLE } from '../workers/search/indexer.ts';

export default function searchIndex(): AstroIntegration {
	let base = '/';
	let indexer: SearchIndexer | undefined;
	return {
		name: 'annals-search-index',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base;
			},
			'astro:build:start': () => {
				const created = new SearchIndexer(base, process.env[SPOOL_VARIABLE] || undefined);
				indexer = created;
				buildServices().addPage = (pathname, html) => created.add(pathname, html);
			},
			'astro:build:done': async ({ dir, logger }) => {
				delete buildServices().addPage;
				const started = performance.now();
				const result = await (indexer ?? new SearchIndexer(base, process.env[SPOOL_VARIABLE] || undefined)).finish(fileURLToPath(dir));
				indexer = undefined;
				if ('spool' in result) logger.info(`Read ${result.pages} pages for search; the index is written once Astro has exited.`);
				else logger.info(describeIndex(result, performance.now() - started, 'after the pages were built'));
			},
		},
	};
}
