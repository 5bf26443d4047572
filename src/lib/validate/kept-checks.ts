/**
 * A report file's own checks, kept from one build to the next when they found nothing wrong.
 *
 * Every build checks every content file, and a rebuild after one edit changes one of them: at 1,000
 * reports the checks of the other 1,999 files took 2.1 s of Astro's main thread (`node --cpu-prof`),
 * two thirds of it their YAML read with its positions. A file's own checks (checkReport,
 * checkTranslation) read nothing but what their key holds: the file's path and text, its year, the
 * archive's language, the catalogue with the indicators the record removed, and the figures its
 * committed state gives. Last year's figures only word a problem's hint, and a check kept here found
 * none. So a file whose checks found no problem at all, not even a warning, is kept as what they
 * gave (the report or translation they read), keyed by all of that; the next check of the same file
 * with the same key takes it, and reads the YAML only if a check across files (a stale draft, a
 * figure ten times last year's) must point at a line in it. A file with any problem is checked
 * every time, so its problems are always found and worded anew. The checks across files, the
 * record's rules and the deployed figures are never kept: they run every time, on every file.
 *
 * The store is the caller's (src/data/kept-checks.ts keeps it in Annals' cache, keyed by the code).
 */
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import type { Problem } from './problems.ts';
import { type Parsed, parseYaml, type Yaml } from './yaml.ts';

/** Where the checks of clean files are kept, by key: bytes in, the same bytes out. */
export interface KeptChecks {
	get(key: string): Uint8Array | undefined;
	set(key: string, checked: Uint8Array): void;
}

/** The key of a file's own checks: a digest of everything they read, in order. */
export function checkKey(...parts: readonly string[]): string {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(part).update('\0');
	return hash.digest('base64url');
}

/** What is kept of a clean file's checks: what they read, without the YAML (read again when a position is needed). */
interface KeptParse<T> {
	value: T;
	empty: string[] | undefined;
}

/**
 * The file's checks as `check` gives them, or as kept for `key` when they found nothing wrong last
 * time. `yaml` is the file's YAML text and the line it starts on, for positions asked later.
 */
export function keptOrChecked<T>(
	kept: KeptChecks | undefined,
	key: string,
	file: string,
	yaml: { text: string; firstLine: number },
	problems: Problem[],
	check: () => Parsed<T> | undefined,
): Parsed<T> | undefined {
	const found = kept && read<T>(kept.get(key));
	if (found) return { value: found.value, yaml: yamlWhenAsked(file, yaml.text, yaml.firstLine), ...(found.empty ? { empty: found.empty } : {}) };
	const before = problems.length;
	const parsed = check();
	// Written now: the caller may change the value it is given (a report gains its translations' titles).
	if (kept && parsed && problems.length === before) kept.set(key, serialize({ value: parsed.value, empty: parsed.empty } satisfies KeptParse<T>));
	return parsed;
}

/** A kept parse, or none when there is none or it does not read as one (the file is then checked). */
function read<T>(bytes: Uint8Array | undefined): KeptParse<T> | undefined {
	if (!bytes) return undefined;
	try {
		const kept = deserialize(bytes) as Partial<KeptParse<T>> | null;
		return kept && typeof kept === 'object' && 'value' in kept ? (kept as KeptParse<T>) : undefined;
	} catch {
		return undefined;
	}
}

/** The file's YAML with its positions, read the first time a check asks for it. */
function yamlWhenAsked(file: string, text: string, firstLine: number): Yaml {
	let read: Yaml | undefined;
	const yaml = (): Yaml => {
		// The file parsed without an error when its checks were kept, and its text is the same.
		read ??= parseYaml(file, text, firstLine, []);
		if (!read) throw new Error(`${file}: kept as checked, but its YAML no longer reads`);
		return read;
	};
	return {
		file,
		firstLine,
		get doc() {
			return yaml().doc;
		},
		get lines() {
			return yaml().lines;
		},
	};
}
