/**
 * What the integrations offer the pages during `astro build`: the search indexer takes each page as
 * it is rendered (src/middleware.ts), and worker threads render earlier versions' Markdown, draw
 * social cards and pack the downloads, so all of it runs on the second core while the main thread
 * renders pages. The middleware and pages are bundled by Vite and the integrations are loaded with
 * the config, so the two sides meet through a global symbol rather than a shared module. Outside a
 * build there are none, and pages do the work themselves.
 */
import type { PackageInput } from '../lib/data-package.ts';
import type { PackedSet } from './download-cache.ts';

export interface BuildServices {
	/** A rendered page: its address as requested (with the base) and its HTML. */
	addPage?(pathname: string, html: string): void;
	/** An earlier version's Markdown as HTML, or undefined when it cannot be rendered; rejects if the worker failed. */
	renderMarkdown?(body: string): Promise<string | undefined>;
	/** A social card's SVG drawn as PNG (and kept in the cache); rejects if it could not be drawn. */
	drawSocialCard?(svg: string): Promise<Uint8Array<ArrayBuffer>>;
	/**
	 * These data packages' ZIPs and workbooks, by package name, and the names the cache keeps them
	 * under (src/workers/download-cache.ts); rejects if the worker failed. Two workers take the calls in turn.
	 */
	packDownloads?(packages: readonly PackageInput[]): Promise<PackedSet>;
}

const KEY = Symbol.for('annals.build-services');

/** The services of the build in progress; empty outside a build. */
export function buildServices(): BuildServices {
	return ((globalThis as { [KEY]?: BuildServices })[KEY] ??= {});
}
