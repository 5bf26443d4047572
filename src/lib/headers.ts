/**
 * Security and caching headers for hosts that read a `_headers` file (Netlify, Cloudflare Pages),
 * matching the Content-Security-Policy each page carries in its <meta>.
 */
import { SEARCH_BUNDLES } from './search.ts';

/** The policy: everything from the site itself; inline scripts only by hash; WebAssembly for search. */
export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
	return [
		"default-src 'self'",
		`script-src 'self' 'wasm-unsafe-eval'${scriptHashes.map((h) => ` '${h}'`).join('')}`,
		"style-src 'self'",
		"img-src 'self' data:",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"frame-ancestors 'none'",
	].join('; ');
}

/** The `_headers` file for a site served under `base`. */
export function renderHeadersFile(base: string, scriptHashes: readonly string[]): string {
	const root = base.endsWith('/') ? base : `${base}/`;
	return [
		`${root}*`,
		`  Content-Security-Policy: ${contentSecurityPolicy(scriptHashes)}`,
		'  X-Content-Type-Options: nosniff',
		'  Referrer-Policy: strict-origin-when-cross-origin',
		'  X-Frame-Options: DENY',
		'  Permissions-Policy: camera=(), microphone=(), geolocation=()',
		'',
		`${root}_astro/*`,
		'  Cache-Control: public, max-age=31536000, immutable',
		'',
		...Object.values(SEARCH_BUNDLES).flatMap((bundle) => [`${root}${bundle}/*`, '  Cache-Control: public, max-age=3600', '']),
	].join('\n');
}
