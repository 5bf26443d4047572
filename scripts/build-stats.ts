/** What `npm run build` measures of itself, written where scripts/bench.ts asks. */
import type { IndexStats } from '../src/workers/search/indexer.ts';

/** Where the build writes what it measured of itself (scripts/bench.ts sets it), as BuildStats JSON. */
export const STATS_VARIABLE = 'ANNALS_BUILD_STATS';

/** What the build measured of itself. */
export interface BuildStats {
	/** The whole build, Astro and the search index. */
	seconds: number;
	/** Writing the search index after Astro. */
	searchIndexSeconds: number;
	/** The index's pages, bytes and files. */
	search: IndexStats;
}
