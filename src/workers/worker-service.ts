/**
 * A worker thread that answers requests one reply each, in any order: the one shape of every
 * worker of the build (Markdown, social cards, search records, downloads), and the integration that runs one. A
 * request is posted with an id; the worker replies with the same id.
 */
import type { AstroIntegration } from 'astro';
import { Worker, type MessagePort, type Transferable } from 'node:worker_threads';
import { buildServices, type BuildServices } from './services.ts';

export interface WorkerService<Request, Reply> {
	call(request: Request): Promise<Reply>;
	stop(): Promise<void>;
}

export interface WorkerOptions {
	/** Handed to the worker as its `workerData`. */
	workerData?: unknown;
	/**
	 * With no call waiting for this long, the thread ends and its heap is given back; the next call
	 * starts another. Only for a worker that keeps nothing between calls but what it writes down.
	 */
	restAfterMs?: number;
}

/**
 * Starts the worker at `url` with a heap of `heapMb`. A request the worker could not answer rejects
 * with its error. When the worker itself fails, every waiting and later call rejects, after
 * `onError` (which typically removes the service, so pages do the work themselves).
 */
export function startWorker<Request, Reply>(
	url: URL,
	heapMb: number,
	onError: (error: Error) => void,
	{ workerData, restAfterMs }: WorkerOptions = {},
): WorkerService<Request, Reply> {
	const waiting = new Map<number, { done: (reply: Reply) => void; fail: (error: Error) => void }>();
	let failed: Error | undefined;
	let stopping = false;
	let next = 0;
	const fail = (error: Error) => {
		if (failed || stopping) return;
		failed = error;
		onError(error);
		for (const call of waiting.values()) call.fail(error);
		waiting.clear();
	};
	/** The running thread; none while the worker rests. */
	let thread: Worker | undefined;
	let resting: NodeJS.Timeout | undefined;
	const rest = () => {
		resting = undefined;
		if (waiting.size > 0 || !thread) return;
		const ended = thread;
		thread = undefined;
		void ended.terminate();
	};
	const restLater = () => {
		if (restAfterMs !== undefined) (resting = setTimeout(rest, restAfterMs)).unref();
	};
	const launch = (): Worker => {
		const started = new Worker(url, { resourceLimits: { maxOldGenerationSizeMb: heapMb }, ...(workerData === undefined ? {} : { workerData }) });
		// A failed build must not be kept alive by the worker.
		started.unref();
		started.on('message', (message: { id: number; reply: Reply } | { id: number; error: string }) => {
			const call = waiting.get(message.id);
			waiting.delete(message.id);
			if ('error' in message) call?.fail(new Error(message.error));
			else call?.done(message.reply);
			if (waiting.size === 0) restLater();
		});
		started.on('error', fail);
		// A worker that exits by itself (process.exit, out of memory) fails too; one sent to rest does not.
		started.on('exit', (code) => {
			if (started === thread) fail(new Error(`the worker exited with code ${code}`));
		});
		return started;
	};
	thread = launch();
	// A worker never asked rests too.
	restLater();
	return {
		call: (request) =>
			new Promise((done, fail) => {
				if (failed) return fail(failed);
				clearTimeout(resting);
				thread ??= launch();
				const id = next++;
				waiting.set(id, { done, fail });
				thread.postMessage({ id, request });
			}),
		stop: async () => {
			stopping = true;
			clearTimeout(resting);
			await thread?.terminate();
		},
	};
}

/**
 * The worker's side: answers each request with `handle`, at most `concurrency` at a time. With
 * `oneAtATime`, a request equal to one still queued or running waits for it to finish before it is
 * handled, so a handler that keeps what it made (in a cache) makes each thing once.
 */
export function serveRequests<Request, Reply>(
	port: MessagePort | null,
	handle: (request: Request) => Promise<Reply>,
	transfer: (reply: Reply) => Transferable[] = () => [],
	concurrency = Infinity,
	oneAtATime = false,
): void {
	if (!port) return;
	const queue: { id: number; request: Request; finished: () => void }[] = [];
	let running = 0;
	const pump = () => {
		while (running < concurrency && queue.length > 0) {
			const { id, request, finished } = queue.shift()!;
			running++;
			void handle(request)
				.then(
					(reply) => port.postMessage({ id, reply }, transfer(reply)),
					(error: unknown) => port.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
				)
				.finally(() => {
					running--;
					finished();
					pump();
				});
		}
	};
	/** The last of the equal requests not yet finished, by request. */
	const latest = new Map<Request, Promise<void>>();
	port.on('message', ({ id, request }: { id: number; request: Request }) => {
		const enqueue = (first: boolean) =>
			new Promise<void>((finished) => {
				// After an equal request, this one is quick (it finds what that one made): no need to
				// wait behind the whole queue again.
				if (first) queue.unshift({ id, request, finished });
				else queue.push({ id, request, finished });
				pump();
			});
		if (!oneAtATime) return void enqueue(false);
		const before = latest.get(request);
		const mine = before ? before.then(() => enqueue(true)) : enqueue(false);
		latest.set(request, mine);
		void mine.then(() => {
			if (latest.get(request) === mine) latest.delete(request);
		});
	});
}

/** The build services a worker can provide: each takes one request and answers asynchronously. */
type WorkerBackedService = 'renderMarkdown' | 'drawSocialCard' | 'packDownloads';
type RequestOf<K extends WorkerBackedService> = Parameters<NonNullable<BuildServices[K]>>[0];
type ReplyOf<K extends WorkerBackedService> = Awaited<ReturnType<NonNullable<BuildServices[K]>>>;

/**
 * How long a build's worker waits for a call before it ends and gives its heap back. Each is busy in
 * bursts (the earlier versions' Markdown and the cards while the content is read, the downloads
 * once the paths are known, the pages asking again later) and idle in between: at 1,000 reports the
 * Markdown and downloads workers held 340 MB of heap, nearly all of it garbage, for the last half
 * of a cold build, when its memory peaks. Starting one again costs a fraction of a second.
 */
const REST_AFTER_MS = 2000;

/**
 * An integration that, during `astro build`, runs the worker at `url` and offers it to the pages
 * as `buildServices()[service]`. It starts with the config, not at build:start, so the content
 * loaders can hand it work before Vite compiles the site (src/workers/prefetch.ts). With `count()`
 * workers (asked when the build is set up), they take the calls in turn. If a worker fails, the
 * service is removed and the pages do the work themselves (`fallback` says what that is); calls
 * the others already have are answered. A worker rests when idle (REST_AFTER_MS): every one keeps
 * what it made in Annals' cache on disk, not in memory.
 */
export function workerIntegration<K extends WorkerBackedService>(
	name: string,
	url: URL,
	heapMb: number,
	service: K,
	fallback: string,
	count: () => number = () => 1,
): AstroIntegration {
	let workers: WorkerService<RequestOf<K>, ReplyOf<K>>[] = [];
	return {
		name,
		hooks: {
			'astro:config:setup': ({ command, logger }) => {
				if (command !== 'build') return;
				let warned = false;
				const started = Array.from({ length: count() }, () =>
					startWorker<RequestOf<K>, ReplyOf<K>>(
						url,
						heapMb,
						(error) => {
							delete buildServices()[service];
							if (!warned) logger.warn(`The worker stopped (${error.message}); ${fallback}.`);
							warned = true;
						},
						{ restAfterMs: REST_AFTER_MS },
					),
				);
				workers = started;
				// The workers take the calls in turn.
				let next = 0;
				buildServices()[service] = ((request: RequestOf<K>) => started[next++ % started.length]!.call(request)) as BuildServices[K];
			},
			'astro:build:done': async () => {
				delete buildServices()[service];
				await Promise.all(workers.map((worker) => worker.stop()));
				workers = [];
			},
		},
	};
}
