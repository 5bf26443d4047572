/**
 * The preview an editor writes with: `astro dev` on the benchmark's archive. How long until it
 * answers, how long a report page takes the first time and the next, and how long after a figure is
 * saved the page, loaded again, shows the new figure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { userEnv } from '../user-env.ts';
import { median } from './measure.ts';

const root = resolve(import.meta.dirname, '../..');

export interface PreviewTimes {
	/** From starting `astro dev` until it answers the home page. */
	readySeconds: number;
	/** The latest report's page, asked for the first time. */
	firstPageSeconds: number;
	/** The same page again (median of five). */
	nextPageSeconds: number;
	/** From saving a changed figure until the page shows it. */
	editShownSeconds: number;
}

/**
 * Starts `astro dev` on `content` at 127.0.0.1:`port` in its own process group (stop it with
 * `process.kill(-pid)`), passing what it prints to `output`. It starts as an editor starts it: not
 * with a test runner's NODE_ENV=test and VITEST variables, which Astro reads.
 */
export function spawnPreview(content: string, port: number, output: (chunk: string) => void, env: Record<string, string> = {}): ChildProcess {
	const server = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
		cwd: root,
		env: userEnv({ ARCHIVE_CONTENT: content, ...env, FORCE_COLOR: '0', NO_COLOR: '1' }),
		detached: true,
	});
	server.stdout!.on('data', (chunk: Buffer) => output(chunk.toString()));
	server.stderr!.on('data', (chunk: Buffer) => output(chunk.toString()));
	return server;
}

/** A port nobody is listening on. */
function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const server = createServer();
		server.on('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => done(port));
		});
	});
}

const seconds = (since: number) => (performance.now() - since) / 1000;

async function timedGet(url: string): Promise<{ seconds: number; status: number; body: string }> {
	const started = performance.now();
	const response = await fetch(url);
	const body = await response.text();
	return { seconds: seconds(started), status: response.status, body };
}

/**
 * Starts the preview on `content`, measures, and stops it. `edit` changes one figure of the report
 * file it is given and returns the text the page must then show.
 */
export async function measurePreview(
	content: string,
	year: number,
	edit: (text: string) => { text: string; shows: string },
	env: Record<string, string> = {},
): Promise<PreviewTimes> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	let log = '';
	const file = join(content, 'reports', `${year}.mdx`);
	let original: string | undefined;
	const started = performance.now();
	const server = spawnPreview(content, port, (chunk) => (log += chunk), env);
	try {
		// Ready once it answers the home page (polled every 100 ms; at most five minutes).
		let readySeconds = 0;
		for (;;) {
			const status = await fetch(`${base}/`, { signal: AbortSignal.timeout(60_000) }).then(
				(r) => r.arrayBuffer().then(() => r.status),
				() => 0,
			);
			if (status === 200) {
				readySeconds = seconds(started);
				break;
			}
			if (server.exitCode !== null || seconds(started) > 300) throw new Error(`astro dev did not start:\n${log.slice(-3000)}`);
			await new Promise((done) => setTimeout(done, 100));
		}
		const page = `${base}/reports/${year}/`;
		const first = await timedGet(page);
		if (first.status !== 200) throw new Error(`${page} answered ${first.status}:\n${log.slice(-3000)}`);
		const again: number[] = [];
		for (let i = 0; i < 5; i++) again.push((await timedGet(page)).seconds);

		original = readFileSync(file, 'utf8');
		const { text, shows } = edit(original);
		if (first.body.includes(shows)) throw new Error(`the page already shows ${shows}; the edit would prove nothing`);
		const saved = performance.now();
		writeFileSync(file, text);
		let editShownSeconds = 0;
		for (;;) {
			const { body } = await timedGet(page);
			if (body.includes(shows)) {
				editShownSeconds = seconds(saved);
				break;
			}
			if (seconds(saved) > 120) throw new Error(`the edit never showed:\n${log.slice(-3000)}`);
			await new Promise((done) => setTimeout(done, 50));
		}
		return { readySeconds, firstPageSeconds: first.seconds, nextPageSeconds: median(again), editShownSeconds };
	} finally {
		if (server.pid) process.kill(-server.pid, 'SIGKILL');
		// The edit is undone: the archive is left as it was found, for the next run.
		if (original !== undefined) writeFileSync(file, original);
	}
}
