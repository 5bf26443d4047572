/**
 * The built sample archive, shared by the build-output and browser tests: one build at the root
 * and one under the sub-path /annals/, each built once per change of the inputs.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { userEnv } from '../../scripts/user-env.ts';

export const root = resolve(import.meta.dirname, '../..');

export interface Build {
	/** The base path the build is served under. */
	base: string;
	/** The output folder. */
	dir: string;
}

export const builds = {
	root: { base: '/', dir: join(root, 'dist-test/root') },
	sub: { base: '/annals/', dir: join(root, 'dist-test/annals') },
} satisfies Record<string, Build>;

/**
 * Builds as `npm run build` does (scripts/build.ts: Astro, then the search index once Astro has
 * exited), or with `plain` as a bare `astro build` does (the index written in Astro's process), with
 * the given environment; returns the exit code and combined output.
 */
export function buildArchive(env: Record<string, string>, { plain = false } = {}): { status: number; output: string } {
	const command = plain ? [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'] : [join(root, 'scripts/build.ts')];
	const result = spawnSync(process.execPath, command, {
		cwd: root,
		env: userEnv({ ...env, FORCE_COLOR: '0', NO_COLOR: '1' }),
		encoding: 'utf8',
	});
	return { status: result.status ?? 1, output: `${result.stdout}\n${result.stderr}` };
}

function hashInputs(): string {
	const hash = createHash('sha256');
	const walk = (path: string) => {
		if (!existsSync(path)) return;
		if (statSync(path).isDirectory()) {
			for (const name of readdirSync(path).sort()) walk(join(path, name));
		} else {
			hash.update(path).update(readFileSync(path));
		}
	};
	for (const input of [
		'src',
		'content',
		'public',
		'scripts/build.ts',
		'scripts/build-inputs.ts',
		'scripts/user-env.ts',
		'astro.config.mjs',
		'package-lock.json',
	])
		walk(join(root, input));
	// The pages name the commit that published each version: the content's history is an input too.
	hash.update(spawnSync('git', ['log', '--format=%H', '--', 'content'], { cwd: root, encoding: 'utf8' }).stdout ?? '');
	return hash.digest('hex');
}

/**
 * Astro keeps its content store, and the pages its incremental build keeps, in
 * node_modules/.cache/annals/astro/ (one per content folder, address and base: astro.config.mjs;
 * .astro/ and node_modules/.astro/ before). A test that builds or previews other content (a clone,
 * a copy) clears them before and after, so that a store never lists files the test deletes and the
 * project's next build starts clean.
 */
export function clearContentStore(): void {
	for (const dir of ['.astro', 'node_modules/.astro', 'node_modules/.cache/annals/astro']) rmSync(join(root, dir), { recursive: true, force: true });
}

/** Builds both sites unless an identical build is already there. */
export function ensureBuilds(): void {
	const stamp = join(root, 'dist-test/.inputs');
	const inputs = hashInputs();
	if (existsSync(stamp) && readFileSync(stamp, 'utf8') === inputs && Object.values(builds).every((b) => existsSync(join(b.dir, 'index.html')))) return;
	for (const build of Object.values(builds)) {
		const { status, output } = buildArchive({ ARCHIVE_BASE: build.base, ARCHIVE_OUT: build.dir });
		if (status !== 0) throw new Error(`The sample archive did not build under ${build.base}:\n${output}`);
	}
	writeFileSync(stamp, inputs);
}
