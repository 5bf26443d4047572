import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildArchive, builds, root } from '../setup/site.ts';

function fingerprint(dir: string): Record<string, string> {
	const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
	return Object.fromEntries(
		files
			.map((e) => join(e.parentPath, e.name))
			.sort()
			.map((path) => [path.slice(dir.length + 1), createHash('sha256').update(readFileSync(path)).digest('hex')]),
	);
}

describe('building twice from the same commit', () => {
	// The second build is a plain `astro build`, which writes the search index in Astro's own process
	// rather than after it: both ways must give the same site, search index included. It runs with
	// BASE_URL and SITE set in its environment and in a .env file, as a CI's may hold them: Astro would
	// hand them to the pages in place of its own (astro.config.mjs).
	test('gives byte-identical output, with npm run build or a plain astro build, on a busy machine, with BASE_URL and SITE set elsewhere', () => {
		const again = join(builds.root.dir, '../root-again');
		const dotenv = join(root, '.env.production.local');
		if (existsSync(dotenv)) throw new Error(`${dotenv} is in the way of this test: move it aside`);
		writeFileSync(dotenv, 'BASE_URL=/from-dotenv/\nSITE=https://dotenv.example\n');
		// Pages render in an order that depends on timing; keep both cores busy so that a build which
		// depends on that order shows it. Each burner stops by itself after ten minutes at most.
		const burners = [0, 1].map(() => spawn(process.execPath, ['-e', 'const end = Date.now() + 600_000; while (Date.now() < end);'], { stdio: 'ignore' }));
		let result: ReturnType<typeof buildArchive>;
		try {
			result = buildArchive({ ARCHIVE_BASE: '/', ARCHIVE_OUT: again, BASE_URL: '/elsewhere/', SITE: 'https://elsewhere.example' }, { plain: true });
		} finally {
			for (const burner of burners) burner.kill('SIGKILL');
			rmSync(dotenv, { force: true });
		}
		const { status, output } = result;
		expect(status, output).toBe(0);
		const first = fingerprint(builds.root.dir);
		const second = fingerprint(again);
		expect(Object.keys(second)).toEqual(Object.keys(first));
		const differing = Object.keys(first).filter((f) => first[f] !== second[f]);
		expect(differing).toEqual([]);
	});
});
