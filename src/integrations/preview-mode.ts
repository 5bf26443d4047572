/**
 * `astro dev` is the editors' preview whatever NODE_ENV says. Left at production (a container's or a
 * shell profile's setting), Vite would serve the preview as production code: no content check in
 * the browser (src/middleware.ts), the build's strict schemas (src/content.config.ts), and no reload
 * after a save. A build is production whatever it says (scripts/build.ts).
 */
import type { AstroIntegration } from 'astro';

export default function previewMode(): AstroIntegration {
	return {
		name: 'annals-preview-mode',
		hooks: {
			// Before Vite reads it: Astro creates Vite's server after its integrations' setup.
			'astro:config:setup': ({ command }) => {
				if (command === 'dev') process.env['NODE_ENV'] = 'development';
			},
		},
	};
}
