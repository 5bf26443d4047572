/** A worker thread rendering earlier versions' Markdown (src/workers/markdown.ts) while the main thread renders pages. */
import { parentPort } from 'node:worker_threads';
import { renderCached } from './markdown.ts';
import { serveRequests } from './worker-service.ts';

// renderCached never throws: a body it cannot render comes back as undefined. The same body asked
// again while it renders waits for it, then comes from the cache.
serveRequests(
	parentPort,
	(body: string) => renderCached(body),
	() => [],
	2,
	true,
);
