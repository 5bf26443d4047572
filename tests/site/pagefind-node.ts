/**
 * Loads a built site's real Pagefind index in Node, the way the browser does, by answering
 * Pagefind's fetches of file: addresses from disk.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Pagefind, SearchIndex } from '../../src/client/search-engine.ts';
import { SEARCH_BUNDLES } from '../../src/lib/search.ts';

let installed = false;
let loads = 0;

export async function loadIndex(dir: string): Promise<SearchIndex> {
	if (!installed) {
		const web = globalThis.fetch;
		globalThis.fetch = async (input, init) => {
			const url = new URL(input instanceof Request ? input.url : String(input));
			return url.protocol === 'file:' ? new Response(await readFile(url)) : web(input, init);
		};
		installed = true;
	}
	// A query string keeps each load's copy of the module apart, so each starts unmerged.
	const pagefind = (await import(`${pathToFileURL(join(dir, SEARCH_BUNDLES.current, 'pagefind.js')).href}?${encodeURIComponent(dir)}&${++loads}`)) as Pagefind;
	await pagefind.options({ baseUrl: '/' });
	await pagefind.init();
	return { pagefind, versionsUrl: `${pathToFileURL(join(dir, SEARCH_BUNDLES.versions)).href}/`, baseUrl: '/' };
}
