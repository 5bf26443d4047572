/**
 * `node bundle.ts SPOOL DIR current|versions`: writes the current pages' search bundle, or the
 * earlier versions' parts, from a spool file in a process of its own, and prints their figures as JSON (src/workers/search/indexer.ts runs two at once).
 */
import { indexBundle } from './indexer.ts';

const [spool, dir, which] = process.argv.slice(2);
if (!spool || !dir || (which !== 'current' && which !== 'versions')) throw new Error('usage: bundle.ts SPOOL DIR current|versions');
const stats = await indexBundle(spool, dir, which === 'versions');
process.stdout.write(JSON.stringify(stats));
