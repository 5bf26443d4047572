// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import remarkSmartypantsWhenNeeded from './src/lib/smartypants.ts';
import headersFile from './src/integrations/headers-file.ts';
import { CSP_DIRECTIVES, CSP_SCRIPT_SOURCES, CSP_STYLE_SOURCES } from './src/lib/headers.ts';
import { rehypeLocalizedFootnotes } from './src/lib/footnotes.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { contentDir } from './src/data/content-files.ts';
import markdownRenderer from './src/integrations/markdown-renderer.ts';
import searchIndex from './src/integrations/search-index.ts';
import socialCards from './src/integrations/social-cards.ts';
import downloads from './src/integrations/downloads.ts';
import addresses from './src/integrations/addresses.ts';
import { cacheDir } from './src/workers/cache-dir.ts';
import incrementalGuard from './src/integrations/incremental-guard.ts';
import previewMode from './src/integrations/preview-mode.ts';
import { createHash } from 'node:crypto';

/**
 * Astro hands server code every environment variable as `import.meta.env.NAME`, and one named like
 * Vite's or Astro's own (BASE_URL, DEV, …) replaces it: a BASE_URL in a CI's environment moved some
 * of the links and not others, a DEV=1 made every built page run the preview's content check. Annals
 * reads none of these from the environment; its settings are the ARCHIVE_ ones below. (The same
 * goes for .env files, which Vite would read for Astro: `envDir: false` below.)
 */
for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX']) delete process.env[name];

/**
 * ARCHIVE_SITE: the absolute address the site is published at (canonical links, sitemap, feed).
 * ARCHIVE_BASE: the sub-path it is served under, e.g. /annals/ (default: the root).
 * ARCHIVE_OUT:  the output folder (default: dist), so tests can build root and sub-path side by side.
 */
const settings = siteSettings();
const base = process.env.ARCHIVE_BASE || '/';
const site = process.env.ARCHIVE_SITE || settings.url || 'https://annals.example.org';
const outDir = process.env.ARCHIVE_OUT || 'dist';

/**
 * Astro's content store and the pages its incremental build keeps, with Annals' own caches in the
 * one folder a CI keeps between builds (node_modules/.cache/annals, or ANNALS_CACHE_DIR): one store
 * for each content folder, address and base, so two builds side by side (the tests' root and
 * sub-path sites) never copy each other's pages, and the preview (`npm run dev`) of the content
 * just built starts from the build's store.
 */
const astroCache = cacheDir(`astro/${createHash('sha256').update([contentDir(), site, base].join('\n')).digest('hex').slice(0, 16)}`);

/**
 * What the build needs of site.yaml before the content is read: the address the archive is published
 * at (`url`: canonical links, the sitemap, the feed) and its own language (`defaultLocale`, the
 * language of each report's main file). A file the check refuses is read as far as it goes here; the
 * content check then says what is wrong with it.
 */
function siteSettings() {
	let yaml;
	try {
		yaml = parse(readFileSync(join(contentDir(), 'site.yaml'), 'utf8'));
	} catch {
		yaml = undefined;
	}
	return {
		url: typeof yaml?.url === 'string' && URL.canParse(yaml.url) ? yaml.url : undefined,
		language: yaml?.defaultLocale === 'en' ? 'en' : 'vi',
	};
}

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	outDir,
	// Two pages at a time: social images render on resvg's threads while the next page renders here.
	build: { format: 'directory', concurrency: 2 },
	markdown: {
		// remark-gfm through the unified processor: tables, footnotes, strikethrough and autolinks,
		// and room for our own remark plugins later. Astro's built-in GFM is off so it does not run twice.
		// Astro's SmartyPants is swapped for the same plugin run only on texts it would change, in the
		// place Astro runs it (before the others): the same HTML in about half the time (src/lib/smartypants.ts).
		processor: unified({ remarkPlugins: [remarkSmartypantsWhenNeeded, remarkGfm], gfm: false, smartypants: false }),
		// remark-gfm words its footnotes in English; each report's text gets its own language's words.
		rehypePlugins: [[rehypeLocalizedFootnotes, { defaultLocale: settings.language }]],
		// Reports hold no code; Shiki's inline styles would also need exceptions in the CSP.
		syntaxHighlight: false,
	},
	// incrementalGuard comes before the integrations that read the built pages (search, _headers,
	// addresses): when a build is done it removes the pages the archive no longer has. And before
	// downloads, which asks it whether the build is a rebuild (keepsLastPages) when set up.
	integrations: [previewMode(), incrementalGuard(), mdx(), markdownRenderer(), socialCards(), downloads(), searchIndex(), headersFile(base), addresses(base)],
	devToolbar: { enabled: false },
	cacheDir: astroCache,
	experimental: {
		// A report's pages whose key (src/data/page-keys.ts) and code are as in the last build are
		// copied from it instead of rendered again.
		incrementalBuild: true,
	},
	// A Content-Security-Policy in every page: scripts and styles only from the site itself or
	// hashed by Astro; WebAssembly allowed for Pagefind's search. The same policy goes into _headers
	// for hosts (src/lib/headers.ts).
	security: {
		csp: {
			directives: [...CSP_DIRECTIVES],
			scriptDirective: { resources: [...CSP_SCRIPT_SOURCES] },
			styleDirective: { resources: [...CSP_STYLE_SOURCES] },
		},
	},
	vite: {
		envDir: false,
		build: {
			rolldownOptions: {
				onLog(level, log, handler) {
					// Harmless noise from every MDX entry in Astro 7 with rolldown:
					// https://github.com/withastro/astro/issues/18087
					if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
					handler(level, log);
				},
			},
		},
	},
});
