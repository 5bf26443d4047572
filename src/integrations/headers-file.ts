/**
 * Writes `_headers` (Netlify, Cloudflare Pages) into the build, with the hashes of the inline
 * scripts the pages actually hold, so the header policy and each page's <meta> policy agree.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderHeadersFile } from '../lib/headers.ts';

/** sha256 hashes ("sha256-…") of every inline script in the HTML files under `dir`. */
export async function inlineScriptHashes(dir: string): Promise<string[]> {
	const hashes = new Set<string>();
	for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
		const html = await readFile(join(entry.parentPath, entry.name), 'utf8');
		for (const match of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
			if (match[1]) hashes.add(`sha256-${createHash('sha256').update(match[1]).digest('base64')}`);
		}
	}
	return [...hashes].sort();
}

export default function headersFile(base: string): AstroIntegration {
	return {
		name: 'annals-headers-file',
		hooks: {
			'astro:build:done': async ({ dir }) => {
				const out = fileURLToPath(dir);
				await writeFile(join(out, '_headers'), renderHeadersFile(base, await inlineScriptHashes(out)));
			},
		},
	};
}
