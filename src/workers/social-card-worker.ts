/**
 * A worker thread drawing social cards (src/workers/social-image.ts): resvg draws on libuv's threads
 * and zlib compresses there too, but each card passes through 3 MB of pixels, which on the main
 * thread cost more in garbage collection than the drawing itself.
 */
import { parentPort } from 'node:worker_threads';
import { cachedOrDrawn } from './social-image.ts';
import { serveRequests } from './worker-service.ts';

// Three cards at a time keep both cores busy without holding many cards' pixels at once.
// The same card asked again while it is drawn waits for it, then comes from the cache.
serveRequests(
	parentPort,
	(svg: string) => cachedOrDrawn(svg),
	(png) => [png.buffer],
	3,
	true,
);
