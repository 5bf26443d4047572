/**
 * What one process read and the next can take as read, kept in one file of Annals' cache with the
 * code that read it: an entry of other code is never taken. Only the entries this process used are
 * written back, so the file holds one archive's worth at most; a file that cannot be read or
 * written only means everything is read again. Used for the committed states (src/data/history.ts)
 * and the checks of clean report files (src/data/kept-checks.ts).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { cacheDir } from '../workers/cache-dir.ts';
import { removeLeftPartials } from '../workers/processes.ts';

export class KeptEntries<V> {
	readonly #code: string;
	readonly #kind: string;
	readonly #name: string;
	readonly #used = new Map<string, V>();
	#stored: Map<string, V> | undefined;
	#changed = false;

	/** The entries of `code` in the file `name` of the cache's `kind` folder. */
	constructor(kind: string, name: string, code: string) {
		this.#kind = kind;
		this.#name = name;
		this.#code = code;
	}

	get code(): string {
		return this.#code;
	}

	get(key: string): V | undefined {
		const entry = this.#used.get(key) ?? this.#read().get(key);
		if (entry !== undefined) this.#used.set(key, entry);
		return entry;
	}

	set(key: string, entry: V): void {
		this.#used.set(key, entry);
		this.#changed = true;
	}

	/** Writes the entries this process used, when they are not those of the file. */
	save(): void {
		if (!this.#changed && this.#used.size === this.#read().size) return;
		const folder = cacheDir(this.#kind);
		try {
			mkdirSync(folder, { recursive: true });
			// What a process stopped while it wrote this file left half written.
			removeLeftPartials(folder, new RegExp(`^${this.#name.replace(/\./g, '\\.')}\\.(\\d+)\\.\\d+$`));
			const partial = join(folder, `${this.#name}.${process.pid}.${Date.now()}`);
			writeFileSync(partial, serialize({ code: this.#code, entries: [...this.#used] }));
			renameSync(partial, join(folder, this.#name));
			this.#stored = new Map(this.#used);
			this.#changed = false;
		} catch {
			// A read-only cache: the next process reads them again.
		}
	}

	#read(): Map<string, V> {
		if (this.#stored) return this.#stored;
		try {
			const file = deserialize(readFileSync(join(cacheDir(this.#kind), this.#name))) as { code: string; entries: [string, V][] };
			this.#stored = file.code === this.#code ? new Map(file.entries) : new Map();
		} catch {
			this.#stored = new Map();
		}
		return this.#stored;
	}
}
