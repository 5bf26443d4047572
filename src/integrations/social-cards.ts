/**
 * Draws social cards on a worker thread during `astro build` (see src/integrations/build-services.ts
 * and src/data/social-image.ts). Pixels live outside its heap, which only holds the cards waiting
 * their turn.
 */
import { workerIntegration } from './worker-service.ts';

export default function socialCards() {
	return workerIntegration('annals-social-cards', new URL('./social-card-worker.ts', import.meta.url), 128, 'drawSocialCard', 'pages draw their cards themselves');
}
