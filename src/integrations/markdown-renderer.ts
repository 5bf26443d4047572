/**
 * Renders earlier versions' Markdown on a worker thread during `astro build` (see
 * src/integrations/build-services.ts): at 1,000 reports that is a minute of work the main thread
 * no longer waits for.
 */
import type { AstroIntegration } from 'astro';
import { buildServices } from './build-services.ts';
import { startWorker, type WorkerService } from './worker-service.ts';

export default function markdownRenderer(): AstroIntegration {
	let worker: WorkerService<string, string | undefined> | undefined;
	return {
		name: 'annals-markdown-renderer',
		hooks: {
			// Started with the config, not at build:start, so the content loaders can hand it work before
			// Vite compiles the site (src/data/build-prefetch.ts).
			'astro:config:setup': ({ command, logger }) => {
				if (command !== 'build') return;
				// Its heap only ever holds the text at hand; a small one keeps the build's memory down.
				const service = startWorker<string, string | undefined>(new URL('./markdown-worker.ts', import.meta.url), 128, (error) => {
					// Pages fall back to rendering here.
					delete buildServices().renderMarkdown;
					logger.warn(`The Markdown worker stopped (${error.message}); pages render earlier versions themselves.`);
				});
				worker = service;
				buildServices().renderMarkdown = (body) => service.call(body);
			},
			'astro:build:done': async () => {
				delete buildServices().renderMarkdown;
				await worker?.stop();
				worker = undefined;
			},
		},
	};
}
