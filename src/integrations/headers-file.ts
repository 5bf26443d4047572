/**
 * Writes `_headers` (Netlify, Cloudflare Pages) into the build with the policy of the pages' own
 * <meta> tags, every hash included, so the header and each page's policy agree (src/lib/headers.ts).
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderHeadersFile } from '../lib/headers.ts';

/** The Content-Security-Policy of every HTML page under `dir`, as its <meta> tag gives it. */
export async function pagePolicies(dir: string): Promise<string[]> {
	const policies = new Set<string>();
	for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
		const html = await readFile(join(entry.parentPath, entry.name), 'utf8');
		const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
		if (meta?.[1]) policies.add(meta[1].replace(/&#39;/g, "'"));
	}
	return [...policies];
}

export default function headersFile(base: string): AstroIntegration {
	return {
		name: 'annals-headers-file',
		hooks: {
			'astro:build:done': async ({ dir }) => {
				const out = fileURLToPath(dir);
				await writeFile(join(out, '_headers'), renderHeadersFile(base, await pagePolicies(out)));
			},
		},
	};
}
