/**
 * Draws social cards on a worker thread during `astro build` (see src/integrations/build-services.ts
 * and src/data/social-image.ts).
 */
import type { AstroIntegration } from 'astro';
import { buildServices } from './build-services.ts';
import { startWorker, type WorkerService } from './worker-service.ts';

export default function socialCards(): AstroIntegration {
	let worker: WorkerService<string, Uint8Array<ArrayBuffer>> | undefined;
	return {
		name: 'annals-social-cards',
		hooks: {
			// Started with the config, not at build:start, so the content loaders can hand it work before
			// Vite compiles the site (src/data/build-prefetch.ts).
			'astro:config:setup': ({ command, logger }) => {
				if (command !== 'build') return;
				// Pixels live outside the heap; the heap only holds the cards waiting their turn.
				const service = startWorker<string, Uint8Array<ArrayBuffer>>(new URL('./social-card-worker.ts', import.meta.url), 128, (error) => {
					// Pages fall back to drawing here.
					delete buildServices().drawSocialCard;
					logger.warn(`The social card worker stopped (${error.message}); pages draw their cards themselves.`);
				});
				worker = service;
				buildServices().drawSocialCard = (svg) => service.call(svg);
			},
			'astro:build:done': async () => {
				delete buildServices().drawSocialCard;
				await worker?.stop();
				worker = undefined;
			},
		},
	};
}
