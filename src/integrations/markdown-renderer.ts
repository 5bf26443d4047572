/**
 * Renders earlier versions' Markdown on a worker thread during `astro build` (see
 * src/integrations/build-services.ts): at 1,000 reports that is a minute of work the main thread
 * no longer waits for.
 */
import type { AstroIntegration } from 'astro';
import { Worker } from 'node:worker_threads';
import { buildServices } from './build-services.ts';
import type { MarkdownReply, MarkdownRequest } from './markdown-worker.ts';

export default function markdownRenderer(): AstroIntegration {
	let worker: Worker | undefined;
	return {
		name: 'annals-markdown-renderer',
		hooks: {
			'astro:build:start': ({ logger }) => {
				// Its heap only ever holds the text at hand; a small one keeps the build's memory down.
				const thread = new Worker(new URL('./markdown-worker.ts', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 128 } });
				worker = thread;
				// A failed build must not be kept alive by the worker.
				thread.unref();
				const waiting = new Map<number, (html: string | undefined) => void>();
				let next = 0;
				thread.on('message', ({ id, html }: MarkdownReply) => {
					waiting.get(id)?.(html);
					waiting.delete(id);
				});
				thread.on('error', (error) => {
					for (const done of waiting.values()) done(undefined);
					waiting.clear();
					// Pages fall back to rendering here.
					delete buildServices().renderMarkdown;
					logger.warn(`The Markdown worker stopped (${error.message}); pages render earlier versions themselves.`);
				});
				buildServices().renderMarkdown = (body) =>
					new Promise((done) => {
						const id = next++;
						waiting.set(id, done);
						thread.postMessage({ id, body } satisfies MarkdownRequest);
					});
			},
			'astro:build:done': async () => {
				delete buildServices().renderMarkdown;
				await worker?.terminate();
				worker = undefined;
			},
		},
	};
}
