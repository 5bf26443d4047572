/**
 * Draws social cards on a worker thread during `astro build` (see src/workers/services.ts
 * and src/workers/social-image.ts). Pixels live outside its heap, which only holds the cards waiting
 * their turn.
 */
import { createRequire } from 'node:module';
import { workerIntegration } from '../workers/worker-service.ts';

// The pages import resvg on the main thread too (src/workers/social-image.ts, which draws there when
// the worker cannot). Its loader asks process.report.getReport() whether the C library is musl; asked
// when the first chart page loaded, with the workers running, that report took 1.0 s of the main
// thread in a build of 1,000 reports (2 ms in a fresh process), and every page waited for it. Loaded
// here, with the configuration, it is asked before any worker starts.
createRequire(import.meta.url)('@resvg/resvg-js');

export default function socialCards() {
	return workerIntegration(
		'annals-social-cards',
		new URL('../workers/social-card-worker.ts', import.meta.url),
		128,
		'drawSocialCard',
		'pages draw their cards themselves',
	);
}
