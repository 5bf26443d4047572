/**
 * The checks of clean report files (src/lib/validate/kept-checks.ts), kept in Annals' cache from
 * one check to the next, with the code that made them: a change to any code starts them anew.
 * Each check keeps only the files it used, so the file holds one archive's worth at most; a cache
 * that cannot be read or written only means every file is checked again.
 */
import type { KeptChecks } from '../lib/validate/kept-checks.ts';
import { KeptEntries } from './kept-entries.ts';
import { codeAsLoaded } from '../workers/source-version.ts';

/** The checks of clean report files, by their keys (src/lib/validate/kept-checks.ts checkKey). */
export class CheckFile extends KeptEntries<Uint8Array> implements KeptChecks {
	constructor(code: string) {
		super('checks', 'reports.bin', code);
	}
}

/** The code this process checks with, as it loaded, and the Node that runs it (a URL's rules are Node's). */
const loadedCode = codeAsLoaded(` ${process.version}`);

/**
 * The kept checks for one check of the content, by the code this process runs. None when the code
 * on disk is no longer the code it loaded: that process's checks must not be kept as the new
 * code's, nor take its.
 */
export function keptChecks(): CheckFile | undefined {
	const code = loadedCode();
	return code === undefined ? undefined : new CheckFile(code);
}
