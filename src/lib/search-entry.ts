/** How a page appears in search: its kind, and the filters it can be found with. */
export interface SearchEntry {
	kind: 'report' | 'indicator' | 'version';
	year?: number | undefined;
	/** Indicator categories the page covers. */
	categories?: string[] | undefined;
}
