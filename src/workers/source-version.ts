/**
 * A fingerprint of the site's source code: every source file under src/ (not its tests or test
 * fixtures), astro.config.mjs and package-lock.json (the packages' versions), read from the project
 * the build runs in. What Annals keeps
 * between builds and keys by its inputs (pages of the incremental build, search records and
 * indexes) is keyed by this too, so a change to any code makes it all anew: never a stale page.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function sourceVersion(root: string = process.cwd()): string {
	// Read anew each time (a few hundred small files): the preview's code can change while it runs.
	{
		const hash = createHash('sha256');
		const src = join(root, 'src');
		for (const name of readdirSync(src, { recursive: true, encoding: 'utf8' }).sort()) {
			if (/\.(ts|astro|css|js|mjs|json|yaml)$/.test(name) && !/\.test\.ts$/.test(name) && !/(^|\/)fixtures\//.test(name)) {
				hash.update(name).update(readFileSync(join(src, name)));
			}
		}
		for (const file of ['astro.config.mjs', 'package-lock.json']) {
			try {
				hash.update(file).update(readFileSync(join(root, file)));
			} catch {
				// A copy of the site without a lockfile: its packages are whatever is installed.
			}
		}
		return hash.digest('hex');
	}
}

/**
 * The source version as it was when the calling module loaded, for as long as it is still the code
 * on disk; undefined once the code changed (the preview runs on while it is edited; a checkout may
 * move under a build), or where there is no `src/`. What one code read must not be kept, or taken,
 * as another's. Call it when the module loads: `const loadedCode = codeAsLoaded();`.
 */
export function codeAsLoaded(suffix = '', root: string = process.cwd()): () => string | undefined {
	const read = () => {
		try {
			return `${sourceVersion(root)}${suffix}`;
		} catch {
			return undefined;
		}
	};
	const loaded = read();
	return () => (loaded !== undefined && read() === loaded ? loaded : undefined);
}
