/**
 * Renders the Markdown of an earlier version, which comes from git rather than from a content
 * collection, with the same remark-gfm pipeline as astro.config.mjs.
 *
 * An earlier version never changes once committed, so its HTML is kept: in memory for the build
 * (the same text shows on several pages, and a translation often stays the same across versions),
 * and in node_modules/.cache/annals/markdown (or $ANNALS_CACHE_DIR/markdown) keyed by the text,
 * the lockfile and the options, so a rebuild only renders texts it has not seen. During `astro build` the rendering itself runs on a
 * worker thread (src/workers/markdown-worker.ts) while the main thread renders pages.
 */
import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkSmartypantsWhenNeeded from '../lib/smartypants.ts';
import { buildServices } from './services.ts';
import { cacheDir } from './cache-dir.ts';
import { sourceVersion } from './source-version.ts';

const root = process.cwd();
const cache = cacheDir('markdown');
/**
 * What the HTML depends on besides the text: the code (the plugins in src/lib, the options below)
 * and the installed packages, both in sourceVersion. Without the source nothing is kept on disk.
 */
const renderer = (() => {
	try {
		return `${sourceVersion(root)} remark-gfm, smartypants, no highlighting`;
	} catch {
		return undefined;
	}
})();

let processor: Promise<MarkdownRenderer> | undefined;
const rendered = new Map<string, Promise<string | undefined>>();

/** HTML for a Markdown body, or undefined when it cannot be rendered (say, MDX syntax from long ago). */
export function renderMarkdown(body: string): Promise<string | undefined> {
	let html = rendered.get(body);
	if (!html) {
		// On the build's worker when there is one; here if it failed.
		const service = buildServices().renderMarkdown;
		html = service ? service(body).catch(() => renderCached(body)) : renderCached(body);
		rendered.set(body, html);
	}
	return html;
}

/** Renders a body here and now, or reads it from the cache on disk. */
export async function renderCached(body: string): Promise<string | undefined> {
	const file = renderer && join(cache, `${createHash('sha256').update(renderer).update('\0').update(body).digest('hex').slice(0, 40)}.html`);
	if (file) {
		try {
			return readFileSync(file, 'utf8');
		} catch {
			// Not rendered yet.
		}
	}
	// As astro.config.mjs: no syntax highlighting, whose inline styles the CSP would refuse. Astro's
	// SmartyPants is swapped for one that skips the documents it would not change: the same HTML, in
	// half the time (src/lib/smartypants.ts); it runs where Astro's would, before remark-gfm.
	processor ??= createMarkdownProcessor({ remarkPlugins: [remarkSmartypantsWhenNeeded, remarkGfm], gfm: false, smartypants: false, syntaxHighlight: false });
	let html: string;
	try {
		html = (await (await processor).render(body)).code;
	} catch {
		return undefined;
	}
	if (file) {
		mkdirSync(cache, { recursive: true });
		writeFileSync(file, html);
	}
	return html;
}
