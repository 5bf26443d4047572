/**
 * Draws social cards on a worker thread during `astro build` (see src/workers/services.ts
 * and src/workers/social-image.ts). Pixels live outside its heap, which only holds the cards waiting
 * their turn.
 */
import { workerIntegration } from '../workers/worker-service.ts';

export default function socialCards() {
	return workerIntegration(
		'annals-social-cards',
		new URL('../workers/social-card-worker.ts', import.meta.url),
		128,
		'drawSocialCard',
		'pages draw their cards themselves',
	);
}
