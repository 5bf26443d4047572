/**
 * Decap CMS as the site serves it at /admin/decap/: the bundle of the pinned `decap-cms` package,
 * the chunks it loads next to itself (`123.decap-cms.js`) and its WebAssembly; no source maps.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const dist = dirname(createRequire(import.meta.url).resolve('decap-cms/dist/decap-cms.js'));

const SERVED: Record<string, RegExp> = { js: /^(decap-cms|\d+\.decap-cms)\.js$/, wasm: /^[0-9a-f]+\.wasm$/ };
const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', wasm: 'application/wasm' };

/** The files of one extension the site serves. */
export async function decapFiles(extension: 'js' | 'wasm'): Promise<string[]> {
	return (await readdir(dist)).filter((name) => SERVED[extension]!.test(name)).sort();
}

/** getStaticPaths and GET of `src/pages/admin/decap/[name].<extension>.ts`. */
export function decapEndpoint(extension: 'js' | 'wasm'): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
	return {
		getStaticPaths: async () => (await decapFiles(extension)).map((file) => ({ params: { name: file.slice(0, -extension.length - 1) } })),
		GET: async ({ params }) => {
			const file = `${String(params['name'])}.${extension}`;
			if (!SERVED[extension]!.test(file)) return new Response(null, { status: 404 });
			return new Response(await readFile(join(dist, file)), { headers: { 'Content-Type': TYPES[extension]! } });
		},
	};
}
