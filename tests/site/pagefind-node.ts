/**
 * Loads a built site's real Pagefind index in Node, the way the browser does, by answering
 * Pagefind's fetches of file: addresses from disk.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Pagefind } from '../../src/client/search-engine.ts';

let installed = false;

export async function loadIndex(dir: string): Promise<Pagefind> {
	if (!installed) {
		const web = globalThis.fetch;
		globalThis.fetch = async (input, init) => {
			const url = new URL(input instanceof Request ? input.url : String(input));
			return url.protocol === 'file:' ? new Response(await readFile(url)) : web(input, init);
		};
		installed = true;
	}
	// A query string keeps each site's copy of the module apart.
	const pagefind = (await import(`${pathToFileURL(join(dir, 'pagefind/pagefind.js')).href}?${encodeURIComponent(dir)}`)) as Pagefind;
	await pagefind.options({ baseUrl: '/' });
	await pagefind.init();
	return pagefind;
}
