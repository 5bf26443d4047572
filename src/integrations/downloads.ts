/**
 * Packs the downloads on worker threads during `astro build` (src/workers/download-worker.ts), and
 * has Astro render the pages that wait for them after every other: the workbooks and data packages
 * themselves, and the indicator pages that give their sizes. The pages ask for them as soon as Astro
 * has their addresses (src/data/downloads.ts, startPacking), so the worker packs while the main
 * thread renders everything else, instead of the main thread packing before it renders anything:
 * Astro renders the data/ routes first, and two pages at a time, both of them waiting.
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { workerIntegration } from '../workers/worker-service.ts';
import { keepsLastPages } from './incremental-guard.ts';

/** The routes whose pages wait for the packed downloads, in the order they go last. */
export const WAITING_ROUTES = ['src/pages/[...lang]/indicators/[id].astro', 'src/pages/data/[id].xlsx.ts', 'src/pages/data/[id].zip.ts'];

/** The paths in Astro's order, but those of WAITING_ROUTES after all others, route by route. */
export function waitingLast<T extends { route: { component: string } }>(paths: readonly T[]): T[] {
	const place = (path: T) => WAITING_ROUTES.indexOf(path.route.component);
	// A stable sort: every other path keeps its place, and a waiting route's paths their order.
	return [...paths].sort((a, b) => place(a) - place(b));
}

/**
 * Astro's own prerenderer, with its paths in that order. A waiting route with no path at all says
 * so (`warn`): moved or renamed, its pages would wait in Astro's order again, unnoticed.
 */
function waitingLastPrerenderer(astro: AstroPrerenderer, warn: (message: string) => void): AstroPrerenderer {
	return {
		name: 'annals:downloads-last',
		// Astro's methods read the prerenderer they were made with: each is called on it.
		...(astro.setup ? { setup: () => astro.setup!() } : {}),
		getStaticPaths: async () => {
			const paths = await astro.getStaticPaths();
			for (const route of WAITING_ROUTES.filter((route) => !paths.some((p) => p.route.component === route)))
				warn(`No page of ${route} to render after the others: if it moved, WAITING_ROUTES in src/integrations/downloads.ts should name it again.`);
			return waitingLast(paths);
		},
		render: (request, options) => astro.render(request, options),
		...(astro.teardown ? { teardown: () => astro.teardown!() } : {}),
		...(astro.collectStaticImages ? { collectStaticImages: () => astro.collectStaticImages!() } : {}),
	};
}

export default function downloads(): AstroIntegration {
	const worker = workerIntegration(
		'annals-downloads',
		new URL('../workers/download-worker.ts', import.meta.url),
		2048,
		'packDownloads',
		'pages pack the downloads themselves',
		// In a rebuild, two: the whole archive's package on one and the indicators' on the other
		// (src/data/downloads.ts). With one, the main thread sat idle for the last 9–10 s of a figure
		// correction's pages at 1,000 reports, waiting. A whole build's pages take a minute and its
		// packing is done long before, while a second worker packing at once took its peak memory
		// from 2.62 to 2.89 GiB: one, which packs both parts in turn.
		() => (keepsLastPages() ? 2 : 1),
	);
	let adapter = false;
	return {
		...worker,
		hooks: {
			...worker.hooks,
			'astro:config:done': ({ config }) => {
				adapter = config.adapter !== undefined;
			},
			// With an adapter, a prerenderer of one's own replaces Astro's entry point: left as it is.
			'astro:build:start': ({ setPrerenderer, logger }) => {
				if (!adapter) setPrerenderer((astro) => waitingLastPrerenderer(astro, (message) => logger.warn(message)));
			},
		},
	};
}
