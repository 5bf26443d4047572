/**
 * The link between the pages Astro renders and the build steps that read them: during
 * `astro build` the search-index integration puts a collector here, and src/middleware.ts hands it
 * every page as it is rendered. The middleware is bundled with the pages and the integration is
 * loaded with the config, so the two share it through a global symbol rather than a module.
 */
export interface PageCollector {
	/** A rendered page: its address as requested (with the base) and its HTML. */
	add(pathname: string, html: string): void;
}

const KEY = Symbol.for('annals.page-collector');

/** The collector of the build in progress, if any. */
export function pageCollector(): PageCollector | undefined {
	return (globalThis as { [KEY]?: PageCollector })[KEY];
}

/** Starts (or, with undefined, stops) collecting pages. */
export function setPageCollector(collector: PageCollector | undefined): void {
	(globalThis as { [KEY]?: PageCollector | undefined })[KEY] = collector;
}
