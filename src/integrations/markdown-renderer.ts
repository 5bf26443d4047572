/**
 * Renders earlier versions' Markdown on a worker thread during `astro build` (see
 * src/workers/services.ts): at 1,000 reports that is a minute of work the main thread
 * no longer waits for. Its heap only ever holds the text at hand; a small one keeps the build's
 * memory down.
 */
import { workerIntegration } from '../workers/worker-service.ts';

export default function markdownRenderer() {
	return workerIntegration(
		'annals-markdown-renderer',
		new URL('../workers/markdown-worker.ts', import.meta.url),
		128,
		'renderMarkdown',
		'pages render earlier versions themselves',
	);
}
