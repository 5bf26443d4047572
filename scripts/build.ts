/**
 * `npm run build [-- astro build options]`: builds the archive with Astro, then writes its search
 * index once Astro has exited.
 *
 * Why not `astro build` alone (which works too, and writes the index itself): Pagefind holds every
 * word of every page until it writes the index, and at 1,000 reports that is most of a gigabyte on
 * top of Astro's own memory. Here the pages are still read for search while they render (on a
 * worker thread, into a spool file), but Pagefind only starts once Astro's memory is free again.
 * Astro also runs with a heap sized to the archive, so V8 collects garbage instead of growing to
 * its default of a quarter of the machine's memory. When nothing the output depends on changed
 * since the last build into the same folder, the build keeps that output (scripts/build-inputs.ts).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { contentDir, reportNames } from '../src/data/content-files.ts';
import { readPublished, readPublishedAddresses } from '../src/data/published.ts';
import { cacheDir } from '../src/workers/cache-dir.ts';
import { buildInputs, outputFingerprint } from './build-inputs.ts';
import { describeIndex, indexSpool, SPOOL_VARIABLE } from '../src/workers/search/indexer.ts';
import { STATS_VARIABLE, type BuildStats } from './build-stats.ts';

const root = resolve(import.meta.dirname, '..');

/** Heap for Astro in MiB: the live set grows by about half a megabyte a report (measured with `npm run bench`). */
function heapMegabytes(): number {
	const reports = join(contentDir(root), 'reports');
	const count = existsSync(reports) ? reportNames(reports).filter((name) => /(^|\/)\d{4}\.mdx?$/.test(name)).length : 0;
	return Math.max(1024, Math.round(300 + 0.75 * count));
}

/**
 * When nothing the output depends on changed since the last build into the same folder, and the
 * folder is as that build left it, the build keeps it (scripts/build-inputs.ts). ANNALS_REBUILD=1
 * builds anyway.
 */
const content = contentDir(root);
const outDir = resolve(root, process.env['ARCHIVE_OUT'] || 'dist');
const fingerprintFile = join(cacheDir('build'), `${createHash('sha256').update(outDir).digest('hex').slice(0, 16)}.json`);
let inputs: string | undefined;
try {
	// The deployed figures are part of what is checked; when they cannot be read, Astro's check says so.
	// So are the addresses the deployed site answers at (src/integrations/addresses.ts).
	const deployed = await readPublished('en');
	const addresses = await readPublishedAddresses('en');
	inputs = buildInputs({ root, content, args: process.argv.slice(2), env: process.env, deployed: deployed && { ...deployed, addresses } });
} catch {
	inputs = undefined;
}
if (inputs && process.env['ANNALS_REBUILD'] !== '1') {
	try {
		const last = JSON.parse(readFileSync(fingerprintFile, 'utf8')) as { inputs: string; output: string };
		if (last.inputs === inputs && last.output === outputFingerprint(outDir)) {
			console.log(
				`${new Date().toTimeString().slice(0, 8)} [build] Nothing changed since the last build of ${relative(root, outDir) || outDir} (content and its history, code, settings and deployed figures are the same, and the output is as it was written): kept it.`,
			);
			process.exit(0);
		}
	} catch {
		// No earlier build into this folder.
	}
}

const spool = join(tmpdir(), `annals-search-${process.pid}-${Date.now()}.jsonl`);
const heap = process.env['ANNALS_HEAP_MB'] || String(heapMegabytes());
const started = performance.now();
const status = await new Promise<number>((done) => {
	const child = spawn(process.execPath, [`--max-old-space-size=${heap}`, join(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)], {
		cwd: root,
		stdio: 'inherit',
		env: {
			// glibc keeps two arenas, not one per thread. (mimalloc, in resvg and rolldown, keeps its
			// default: told to return freed memory at once, it made each social card fault its pages
			// back in, 20 s of system time at 1,000 reports.)
			MALLOC_ARENA_MAX: '2',
			// Social cards are drawn and compressed on libuv's threads; more of them keep Astro's file
			// writes from queueing behind the cards.
			UV_THREADPOOL_SIZE: '8',
			...process.env,
			// A build is for publishing. Left at development or test (a test runner sets it, a CI's
			// environment may), Vite sets import.meta.env.DEV: every page then ran the preview's content
			// check, a build took twice as long, and the schemas were the preview's lenient ones. Astro's
			// own --devOutput asks for a development build, and gets one.
			...(process.argv.includes('--devOutput') ? {} : { NODE_ENV: 'production' }),
			[SPOOL_VARIABLE]: spool,
		},
	});
	child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
});

try {
	if (status !== 0) {
		process.exitCode = status;
	} else {
		const out = readFileSync(`${spool}.out`, 'utf8');
		const indexing = performance.now();
		const stats = await indexSpool(spool, out);
		const now = performance.now();
		const time = new Date().toTimeString().slice(0, 8);
		console.log(`${time} [annals-search-index] ${describeIndex(stats, now - indexing, 'after Astro')}`);
		console.log(`${time} [build] Built with its search index in ${((now - started) / 1000).toFixed(1)} s.`);
		if (inputs) {
			mkdirSync(dirname(fingerprintFile), { recursive: true });
			writeFileSync(fingerprintFile, JSON.stringify({ inputs, output: outputFingerprint(outDir) }));
		}
		const statsFile = process.env[STATS_VARIABLE];
		if (statsFile) {
			const measured: BuildStats = { seconds: (now - started) / 1000, searchIndexSeconds: (now - indexing) / 1000, search: stats };
			writeFileSync(statsFile, `${JSON.stringify(measured, null, 2)}\n`);
		}
	}
} finally {
	rmSync(spool, { force: true });
	rmSync(`${spool}.out`, { force: true });
}
