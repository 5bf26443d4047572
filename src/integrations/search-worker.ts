/**
 * A worker thread that turns pages into search records while the main thread renders the next
 * pages: parsing HTML is the costly part of indexing, and a build has a second core to spare.
 */
import { parentPort } from 'node:worker_threads';
import { searchRecord } from './search-page.ts';

/** A page to read: its address and its HTML. */
export interface SearchJob {
	id: number;
	url: string;
	html: string;
}

parentPort?.on('message', ({ id, url, html }: SearchJob) => {
	try {
		parentPort!.postMessage({ id, record: searchRecord(url, html) });
	} catch (error) {
		parentPort!.postMessage({ id, error: `${(error as Error).message}` });
	}
});
