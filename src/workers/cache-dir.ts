/**
 * Where Annals keeps what it can reuse between builds (social cards, earlier versions' HTML):
 * node_modules/.cache/annals, the usual home of build caches, or ANNALS_CACHE_DIR when set
 * (the benchmark starts each run from an empty one).
 */
import { join } from 'node:path';

export function cacheDir(kind: string): string {
	return join(process.env['ANNALS_CACHE_DIR'] || join(process.cwd(), 'node_modules/.cache/annals'), kind);
}
