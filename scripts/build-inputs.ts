/**
 * Everything a build's output depends on, as one fingerprint, so that `npm run build` can keep the
 * previous output when nothing changed (a CI run for a commit that touched only the README, a run
 * again): the content files, the last commit that changed a report or the catalogue (versions and
 * the record are read from git, src/data/history.ts historyCommit), the code and
 * its packages, the settings read from the environment, the deployed figures the record is checked
 * against, Node's version and today's date (the checks compare dates with today). The output itself
 * is fingerprinted too (every file's name, size and time), so a `dist/` that was changed or emptied
 * since is built again. Anything else changed builds everything, as before.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { historyCommit } from '../src/data/history.ts';

/** The code, configuration and packages of the project at `root`. */
const CODE = ['src', 'public', 'scripts/build.ts', 'scripts/build-inputs.ts', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** Settings read from the environment that can change the output (not where caches or statistics go). */
const SETTING = /^(ARCHIVE_|ANNALS_|PUBLIC_|ASTRO_)/;
const BOOKKEEPING = new Set(['ANNALS_CACHE_DIR', 'ANNALS_BUILD_STATS', 'ANNALS_HEAP_MB', 'ANNALS_SEARCH_SPOOL']);

/** Adds every file under `path` (or the file itself), by name and content, in a stable order. */
function addFiles(hash: Hash, base: string, path: string, skip: (name: string) => boolean = () => false): void {
	if (!existsSync(path)) return hash.update(`missing ${relative(base, path)}\n`) as unknown as void;
	if (statSync(path).isDirectory()) {
		for (const name of readdirSync(path).sort()) if (!skip(name)) addFiles(hash, base, join(path, name), skip);
	} else {
		hash
			.update(`${relative(base, path)}\n`)
			.update(readFileSync(path))
			.update('\n');
	}
}

export interface InputsOptions {
	root: string;
	content: string;
	/** The extra arguments given to the build. */
	args: string[];
	env: NodeJS.ProcessEnv;
	/** The deployed site's figures, as read for the record check, when the build checks against them. */
	deployed?: unknown;
	today?: string;
}

/** The fingerprint of a build's inputs. */
export function buildInputs({ root, content, args, env, deployed, today = new Date().toISOString().slice(0, 10) }: InputsOptions): string {
	const hash = createHash('sha256');
	hash.update(`node ${process.version}\ntoday ${today}\nargs ${JSON.stringify(args)}\nhistory ${historyCommit(content)}\n`);
	const settings = Object.entries(env)
		.filter(([name]) => SETTING.test(name) && !BOOKKEEPING.has(name))
		.sort(([a], [b]) => a.localeCompare(b));
	hash.update(`settings ${JSON.stringify(settings)}\ndeployed ${JSON.stringify(deployed ?? null)}\n`);
	addFiles(hash, content, content, (name) => name === '.git');
	for (const path of CODE) addFiles(hash, root, join(root, path));
	return hash.digest('hex');
}

/** The fingerprint of what a build wrote: every file's name, size and modification time. */
export function outputFingerprint(dir: string): string | undefined {
	if (!existsSync(dir)) return undefined;
	const hash = createHash('sha256');
	const files = readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name))
		.sort();
	if (files.length === 0) return undefined;
	for (const file of files) {
		const { size, mtimeMs } = statSync(file);
		hash.update(`${relative(dir, file)} ${size} ${mtimeMs}\n`);
	}
	return hash.digest('hex');
}
