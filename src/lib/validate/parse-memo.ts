/**
 * Parses kept from one check to the next, by the text parsed. The preview checks the whole archive
 * again after every save (src/data/dev-check.ts), and a save changes one file: the other files'
 * YAML and figures are read as they were. Only the parses are kept, never a check's verdict, which
 * may depend on the other files; and only what the last check used, so it holds at most two checks'
 * worth. A build checks once and keeps none.
 */
export class ParseMemo {
	#current = new Map<string, unknown>();
	#previous = new Map<string, unknown>();
	#scope = '';

	/** Starts a check whose messages are in `scope` (a language): what the check before did not use is let go. */
	next(scope: string): void {
		this.#previous = scope === this.#scope ? this.#current : new Map();
		this.#current = new Map();
		this.#scope = scope;
	}

	/** What `make` gives for `key`, made once for as long as the checks keep using it. */
	get<T>(key: string, make: () => T): T {
		if (this.#current.has(key)) return this.#current.get(key) as T;
		const value = this.#previous.has(key) ? (this.#previous.get(key) as T) : make();
		this.#current.set(key, value);
		return value;
	}
}

/** The memo of the check under way, if its caller keeps one (validateArchive sets it for its run). */
let active: ParseMemo | undefined;

/** Runs `check` with `memo` (none: every parse made anew) as the memo of parses. */
export function withParseMemo<T>(memo: ParseMemo | undefined, check: () => T): T {
	const before = active;
	active = memo;
	try {
		return check();
	} finally {
		active = before;
	}
}

/** A parse of `text` by `kind`, kept by the check's memo when there is one. The result must not be changed by whoever reads it. */
export function parsed<T>(kind: string, text: string, make: () => T): T {
	return active ? active.get(`${kind}\0${text}`, make) : make();
}
