/**
 * A worker thread that turns pages into search records while the main thread renders the next
 * pages: parsing HTML is the costly part of indexing, and a build has a second core to spare.
 * It appends each record to the spool file (workerData.spool) as a line of JSON, and answers
 * whether the page was indexed.
 *
 * With workerData.records, it also keeps each page's record for the next build, keyed by the
 * page's address, its HTML and the source code: a page the incremental build copied from the last
 * build (read back from disk, src/workers/search/indexer.ts) then costs a lookup, not a parse. A
 * page's file is also known by its size, time and inode once written: a page the next build leaves
 * in place (src/integrations/kept-output.ts) is then not even read (at 1,000 reports, 350 MB).
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { serveRequests } from '../worker-service.ts';
import { sourceVersion } from '../source-version.ts';
import { searchRecord } from './page.ts';

/**
 * A page to read, by its HTML or by its file; a page handed over as HTML, now `written` to its
 * file; or (with `close`) the end of the pages.
 */
export type SearchRequest = { url: string; html: string } | { url: string; file: string } | { url: string; written: string } | { close: true };

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

/** The kept line under `key`, if any. */
function keptLine(key: string): string | undefined {
	const place = kept.get(key);
	return place && keptFile ? keptFile.toString('utf8', ...place) : undefined;
}

/** The key of a page's HTML, for each page handed over as HTML in this build. */
const handed = new Map<string, string>();

/** A page file's key: its address, size, time and inode, and the code (the HTML's key is kept under it). */
function fileKey(url: string, path: string): string {
	const { size, mtimeMs, ino } = statSync(path);
	return `f${createHash('sha256').update(code).update('\0').update(url).update('\0').update(`${size} ${mtimeMs} ${ino}`).digest('hex')}`;
}

function recordLine(url: string, html: string): { key: string; line: string } {
	if (next === undefined) return { key: '', line: JSON.stringify(searchRecord(url, html) ?? null) };
	const key = createHash('sha256').update(code).update('\0').update(url).update('\0').update(html).digest('hex');
	const line = keptLine(key) ?? JSON.stringify(searchRecord(url, html) ?? null);
	writeSync(next, `${key}\t${line}\n`);
	return { key, line };
}

/** The record of a page read from its file: the kept one when the file is as it was written, unread. */
function fileLine(url: string, path: string): string {
	if (next === undefined) return recordLine(url, readFileSync(path, 'utf8')).line;
	const byFile = fileKey(url, path);
	const htmlKey = keptLine(byFile)?.slice(1);
	const line = htmlKey === undefined ? undefined : keptLine(htmlKey);
	if (htmlKey !== undefined && line !== undefined) {
		writeSync(next, `${htmlKey}\t${line}\n${byFile}\t=${htmlKey}\n`);
		return line;
	}
	const read = recordLine(url, readFileSync(path, 'utf8'));
	writeSync(next, `${byFile}\t=${read.key}\n`);
	return read.line;
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
		if ('written' in request) {
			const key = handed.get(request.url);
			if (next !== undefined && key !== undefined) writeSync(next, `${fileKey(request.url, request.written)}\t=${key}\n`);
			return false;
		}
		let line: string;
		if ('html' in request) {
			const record = recordLine(request.url, request.html);
			handed.set(request.url, record.key);
			line = record.line;
		} else line = fileLine(request.url, request.file);
		if (line === 'null') return false;
		writeSync(file, `${line}\n`);
		return true;
	},
	() => [],
	1,
);
