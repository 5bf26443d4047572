/**
 * A worker thread packing the data packages' ZIPs and workbooks (src/workers/download-cache.ts): at
 * 1,000 reports a changed figure makes every package again, 20 s of write-excel-file and deflate
 * that the main thread spent before it could render an indicator page. Here they are made, or taken
 * from the cache, while the main thread renders the pages that do not need them.
 */
import { parentPort } from 'node:worker_threads';
import type { PackageInput } from '../lib/data-package.ts';
import { cachedPack } from './download-cache.ts';
import { serveRequests } from './worker-service.ts';

// One request of some of the packages once per build, for each of the two workers (src/data/downloads.ts
// splits them). The files are copied back (20 MB at 1,000 reports): kept ones are slices of one
// buffer per package, which cannot be handed over one by one. The cache is pruned by the build once both are done.
serveRequests(
	parentPort,
	(packages: PackageInput[]) => cachedPack(packages),
	() => [],
	1,
);
