/**
 * The checks of clean report files (src/lib/validate/kept-checks.ts), kept in Annals' cache from
 * one check to the next, with the code that made them: a change to any code starts them anew.
 * Each check keeps only the files it used, so the file holds one archive's worth at most; a cache
 * that cannot be read or written only means every file is checked again.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { KeptChecks } from '../lib/validate/kept-checks.ts';
import { cacheDir } from '../workers/cache-dir.ts';
import { removeLeftPartials } from '../workers/processes.ts';
import { codeAsLoaded } from '../workers/source-version.ts';

const checksFile = () => join(cacheDir('checks'), 'reports.bin');

export class CheckFile implements KeptChecks {
	readonly #code: string;
	readonly #used = new Map<string, Uint8Array>();
	#stored: Map<string, Uint8Array> | undefined;
	#changed = false;

	constructor(code: string) {
		this.#code = code;
	}

	get(key: string): Uint8Array | undefined {
		const checked = this.#used.get(key) ?? this.#read().get(key);
		if (checked) this.#used.set(key, checked);
		return checked;
	}

	set(key: string, checked: Uint8Array): void {
		this.#used.set(key, checked);
		this.#changed = true;
	}

	/** Writes the checks this one used, when they are not those of the file. */
	save(): void {
		if (!this.#changed && this.#used.size === this.#read().size) return;
		try {
			mkdirSync(cacheDir('checks'), { recursive: true });
			removeLeftPartials(cacheDir('checks'), /^reports\.bin\.(\d+)\.\d+$/);
			const partial = `${checksFile()}.${process.pid}.${Date.now()}`;
			writeFileSync(partial, serialize({ code: this.#code, checks: [...this.#used] }));
			renameSync(partial, checksFile());
		} catch {
			// A read-only cache: the next check reads every file again.
		}
	}

	#read(): Map<string, Uint8Array> {
		if (this.#stored) return this.#stored;
		try {
			const file = deserialize(readFileSync(checksFile())) as { code: string; checks: [string, Uint8Array][] };
			this.#stored = file.code === this.#code ? new Map(file.checks) : new Map();
		} catch {
			this.#stored = new Map();
		}
		return this.#stored;
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
