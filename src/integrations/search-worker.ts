/**
 * A worker thread that turns pages into search records while the main thread renders the next
 * pages: parsing HTML is the costly part of indexing, and a build has a second core to spare.
 * It appends each record to the spool file (workerData.spool) as a line of JSON.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { searchRecord } from './search-page.ts';

/** A page to read, or (with `close`) the end of the pages. */
export type SearchRequest = { id: number; url: string; html: string } | { id: number; close: true };

export type SearchReply = { id: number; indexed: boolean } | { id: number; error: string };

const file = openSync((workerData as { spool: string }).spool, 'w');

parentPort?.on('message', (request: SearchRequest) => {
	try {
		if ('close' in request) {
			closeSync(file);
			parentPort!.postMessage({ id: request.id, indexed: false } satisfies SearchReply);
			return;
		}
		const record = searchRecord(request.url, request.html);
		if (record) writeSync(file, `${JSON.stringify(record)}\n`);
		parentPort!.postMessage({ id: request.id, indexed: record !== undefined } satisfies SearchReply);
	} catch (error) {
		parentPort!.postMessage({ id: request.id, error: (error as Error).message } satisfies SearchReply);
	}
});
