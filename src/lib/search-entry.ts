/** How a page appears in search: its kind, and the filters it can be found with. */
export interface SearchEntry {
	kind: 'report' | 'indicator' | 'version';
	year?: number | undefined;
	/** Whose report it is (an entity id), where the archive holds several entities' reports. */
	entity?: string | undefined;
	/** Indicator categories the page covers. */
	categories?: string[] | undefined;
}
