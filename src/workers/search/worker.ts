/**
 * A worker thread that turns pages into search records while the main thread renders the next
 * pages: parsing HTML is the costly part of indexing, and a build has a second core to spare.
 * It appends each record to the spool file (workerData.spool) as a line of JSON, and answers
 * whether the page was indexed.
 *
 * With workerData.records, it also keeps each page's record for the next build, keyed by the
 * page's address, its HTML and the source code: a page the incremental build copied from the last
 * build (read back from disk, src/workers/search/indexer.ts) then costs a lookup, not a parse.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { serveRequests } from '../worker-service.ts';
import { sourceVersion } from '../source-version.ts';
import { searchRecord } from './page.ts';

/** A page to read, by its HTML or by its file, or (with `close`) the end of the pages. */
export type SearchRequest = { url: string; html: string } | { url: string; file: string } | { close: true };

const { spool, records } = workerData as { spool: string; records?: string };
const file = openSync(spool, 'w');

/** The last build's records: each line `<key>\t<record JSON, or nothing for a page not indexed>`. */
const kept = new Map<string, [start: number, stop: number]>();
let keptFile: Buffer | undefined;
let next: number | undefined;
if (records) {
	try {
		keptFile = readFileSync(records);
		let start = 0;
		while (start < keptFile.length) {
			const end = keptFile.indexOf(10, start);
			const stop = end === -1 ? keptFile.length : end;
			const tab = keptFile.indexOf(9, start);
			// Lines are read when asked for: only the offsets are held here.
			if (tab > start && tab < stop) kept.set(keptFile.toString('latin1', start, tab), [tab + 1, stop]);
			start = stop + 1;
		}
	} catch {
		// None kept yet.
	}
	next = openSync(`${records}.${process.pid}.next`, 'w');
}
const code = records ? sourceVersion() : '';

function recordLine(url: string, html: string): string {
	if (next === undefined) return JSON.stringify(searchRecord(url, html) ?? null);
	const key = createHash('sha256').update(code).update('\0').update(url).update('\0').update(html).digest('hex');
	const place = kept.get(key);
	let line: string;
	if (place && keptFile) {
		line = keptFile.toString('utf8', ...place);
	} else {
		line = JSON.stringify(searchRecord(url, html) ?? null);
	}
	writeSync(next, `${key}\t${line}\n`);
	return line;
}

// One at a time, in order: the spool is closed only after every page before it is written.
serveRequests(
	parentPort,
	async (request: SearchRequest) => {
		if ('close' in request) {
			closeSync(file);
			if (next !== undefined && records) {
				closeSync(next);
				renameSync(`${records}.${process.pid}.next`, records);
			}
			return false;
		}
		const line = recordLine(request.url, 'html' in request ? request.html : readFileSync(request.file, 'utf8'));
		if (line === 'null') return false;
		writeSync(file, `${line}\n`);
		return true;
	},
	() => [],
	1,
);
