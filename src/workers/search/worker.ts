/**
 * A worker thread that turns pages into search records while the main thread renders the next
 * pages: parsing HTML is the costly part of indexing, and a build has a second core to spare.
 * It appends each record to the spool file (workerData.spool) as a line of JSON, and answers
 * whether the page was indexed.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { serveRequests } from '../worker-service.ts';
import { searchRecord } from './page.ts';

/** A page to read, or (with `close`) the end of the pages. */
export type SearchRequest = { url: string; html: string } | { close: true };

const file = openSync((workerData as { spool: string }).spool, 'w');

// One at a time, in order: the spool is closed only after every page before it is written.
serveRequests(
	parentPort,
	async (request: SearchRequest) => {
		if ('close' in request) {
			closeSync(file);
			return false;
		}
		const record = searchRecord(request.url, request.html);
		if (record) writeSync(file, `${JSON.stringify(record)}\n`);
		return record !== undefined;
	},
	() => [],
	1,
);
