// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import searchIndex from './src/integrations/search-index.ts';

/**
 * ARCHIVE_SITE: the absolute address the site is published at (canonical links, sitemap, feed).
 * ARCHIVE_BASE: the sub-path it is served under, e.g. /annals/ (default: the root).
 * ARCHIVE_OUT:  the output folder (default: dist), so tests can build root and sub-path side by side.
 */
const base = process.env.ARCHIVE_BASE || '/';

export default defineConfig({
	site: process.env.ARCHIVE_SITE || 'https://annals.example.org',
	base,
	trailingSlash: 'always',
	outDir: process.env.ARCHIVE_OUT || 'dist',
	build: { format: 'directory' },
	markdown: {
		// remark-gfm through the unified processor: tables, footnotes, strikethrough and autolinks,
		// and room for our own remark plugins later. Astro's built-in GFM is off so it does not run twice.
		processor: unified({ remarkPlugins: [remarkGfm], gfm: false }),
	},
	integrations: [mdx(), searchIndex()],
	devToolbar: { enabled: false },
	vite: {
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
