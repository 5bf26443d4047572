/**
 * A worker thread that answers requests one reply each, in any order: the shape shared by the
 * build's helpers (markdown-renderer.ts, social-cards.ts). A request is posted with an id; the
 * worker replies with the same id.
 */
import { Worker, type MessagePort, type Transferable } from 'node:worker_threads';

export interface WorkerService<Request, Reply> {
	call(request: Request): Promise<Reply>;
	stop(): Promise<void>;
}

/**
 * Starts the worker at `url` with a heap of `heapMb`. A request the worker could not answer
 * rejects with its error. When the worker itself fails, every waiting and later call rejects,
 * after `onError` (which typically removes the service, so pages do the work themselves).
 */
export function startWorker<Request, Reply>(url: URL, heapMb: number, onError: (error: Error) => void): WorkerService<Request, Reply> {
	const thread = new Worker(url, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
	// A failed build must not be kept alive by the worker.
	thread.unref();
	const waiting = new Map<number, { done: (reply: Reply) => void; fail: (error: Error) => void }>();
	let failed: Error | undefined;
	let next = 0;
	thread.on('message', (message: { id: number; reply: Reply } | { id: number; error: string }) => {
		const call = waiting.get(message.id);
		waiting.delete(message.id);
		if ('error' in message) call?.fail(new Error(message.error));
		else call?.done(message.reply);
	});
	let stopping = false;
	const fail = (error: Error) => {
		if (failed || stopping) return;
		failed = error;
		onError(error);
		for (const call of waiting.values()) call.fail(error);
		waiting.clear();
	};
	thread.on('error', fail);
	// A worker that exits by itself (process.exit, out of memory) fails too.
	thread.on('exit', (code) => fail(new Error(`the worker exited with code ${code}`)));
	return {
		call: (request) =>
			new Promise((done, fail) => {
				if (failed) return fail(failed);
				const id = next++;
				waiting.set(id, { done, fail });
				thread.postMessage({ id, request });
			}),
		stop: async () => {
			stopping = true;
			await thread.terminate();
		},
	};
}

/** The worker's side: answers each request with `handle`, at most `concurrency` at a time. */
export function serveRequests<Request, Reply>(
	port: MessagePort | null,
	handle: (request: Request) => Promise<Reply>,
	transfer: (reply: Reply) => Transferable[] = () => [],
	concurrency = Infinity,
): void {
	if (!port) return;
	const queue: { id: number; request: Request }[] = [];
	let running = 0;
	const pump = () => {
		while (running < concurrency && queue.length > 0) {
			const { id, request } = queue.shift()!;
			running++;
			void handle(request).then(
				(reply) => port.postMessage({ id, reply }, transfer(reply)),
				(error: unknown) => port.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
			).finally(() => {
				running--;
				pump();
			});
		}
	};
	port.on('message', (message: { id: number; request: Request }) => {
		queue.push(message);
		pump();
	});
}
