/**
 * The Content-Security-Policy, defined once: astro.config.mjs gives Astro these directives for each
 * page's <meta> (Astro adds the hashes of the scripts and styles each page holds), and `_headers`
 * (Netlify, Cloudflare Pages) carries the same policy, with every hash the pages' <meta> tags list.
 * A browser enforces both, so any difference would block what the other allows.
 */
import { ensureTrailingSlash } from './paths.ts';
import { SEARCH_BUNDLES } from './search.ts';

/** Everything from the site itself; images also inline (the charts' PNG download). */
export const CSP_DIRECTIVES = ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"] as const;
/** Scripts from the site and by hash; WebAssembly for Pagefind's search. */
export const CSP_SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;
/** Styles from the site and by hash. */
export const CSP_STYLE_SOURCES = ["'self'"] as const;
/** Only in the header: a <meta> policy cannot say who may frame the page. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"] as const;

/**
 * The editing form's own policy (/admin/ only): Decap CMS compiles its configuration schema
 * (`'unsafe-eval'`), injects its styles at run time (`'unsafe-inline'` styles), shows avatars from
 * the Git host and talks to it (or to decap-server on this computer). No other page gets any of it.
 */
export function adminPolicy(origins: readonly string[]): string {
	return [
		"default-src 'self'",
		"script-src 'self' 'unsafe-eval'",
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data: blob: https:",
		"font-src 'self' data:",
		`connect-src 'self' ${origins.join(' ')}`.trim(),
		"worker-src 'self' blob:",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
	].join('; ');
}

/** Replaces a page's <meta> Content-Security-Policy with another policy. */
export function withPolicy(html: string, policy: string): string {
	const meta = `<meta http-equiv="content-security-policy" content="${policy.replace(/'/g, '&#39;')}">`;
	const replaced = html.replace(/<meta http-equiv="content-security-policy" content="[^"]*"\s*\/?>/i, meta);
	return replaced === html ? html.replace(/<head>/i, `<head>${meta}`) : replaced;
}

/** The editing form's folder, under the base and under each language's folder. */
export const ADMIN_FOLDER = 'admin';
/** The embeddable charts' folder, likewise. */
export const EMBED_FOLDER = 'embed';

/** The response header an admin page sets to tell src/middleware.ts its policy; never sent. */
export const ADMIN_POLICY_HEADER = 'x-annals-admin-policy';

/** A policy's directives by name, each with its sources: `script-src 'self' 'sha256-…'`. */
export function parsePolicy(policy: string): Map<string, string[]> {
	const directives = new Map<string, string[]>();
	for (const part of policy.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name) directives.set(name, [...(directives.get(name) ?? []), ...sources]);
	}
	return directives;
}

/** The header policy for pages whose <meta> policies are given: every source any of them allows, and the header-only directives. */
export function contentSecurityPolicy(pagePolicies: readonly string[]): string {
	const merged = parsePolicy([...CSP_DIRECTIVES, `script-src ${CSP_SCRIPT_SOURCES.join(' ')}`, `style-src ${CSP_STYLE_SOURCES.join(' ')}`].join(';'));
	for (const policy of pagePolicies) {
		for (const [name, sources] of parsePolicy(policy)) merged.set(name, [...new Set([...(merged.get(name) ?? []), ...sources])]);
	}
	const sorted = [...merged].map(
		([name, sources]) => `${name} ${[...sources.filter((s) => !s.startsWith("'sha")), ...sources.filter((s) => s.startsWith("'sha")).sort()].join(' ')}`,
	);
	return [...sorted, ...HEADER_ONLY_DIRECTIVES].join('; ');
}

/**
 * Where a site's files lie, for `_headers`: the paths its reader pages are under and the editing
 * form's folders. Hosts apply every rule a path matches and join two policies into two enforced
 * policies, so the readers' policy is given per folder, never to /admin/, instead of to `/*`.
 */
export interface SiteLayout {
	/** Rules for reader pages, under the base: `` (the home page), `404.html`, `reports/*`, `en/`, `en/reports/*`. */
	pages: string[];
	/** The editing form's folders under the base: `admin/*`, `en/admin/*`. */
	admin: string[];
	/** The embeddable charts' folders: `embed/*`, `en/embed/*`, which any site may frame. */
	embed: string[];
	/** The editing form's own policy. */
	adminPolicy: string;
}

/** The `_headers` file for a site served under `base`, whose pages carry the given <meta> policies. */
export function renderHeadersFile(base: string, pagePolicies: readonly string[], layout: SiteLayout): string {
	const root = ensureTrailingSlash(base);
	const policy = contentSecurityPolicy(pagePolicies);
	// Embeds may be framed by any site; every other page by none.
	const framable = policy.replace("frame-ancestors 'none'", 'frame-ancestors *');
	return [
		`${root}*`,
		'  X-Content-Type-Options: nosniff',
		'  Referrer-Policy: strict-origin-when-cross-origin',
		'  Permissions-Policy: camera=(), microphone=(), geolocation=()',
		'',
		...layout.pages.flatMap((path) => [`${root}${path}`, `  Content-Security-Policy: ${policy}`, '  X-Frame-Options: DENY', '']),
		...layout.admin.flatMap((path) => [
			`${root}${path}`,
			`  Content-Security-Policy: ${layout.adminPolicy}; frame-ancestors 'none'`,
			'  X-Frame-Options: DENY',
			'  X-Robots-Tag: noindex, nofollow',
			'',
		]),
		...layout.embed.flatMap((path) => [`${root}${path}`, `  Content-Security-Policy: ${framable}`, '  X-Robots-Tag: noindex', '']),
		`${root}_astro/*`,
		'  Cache-Control: public, max-age=31536000, immutable',
		'',
		...Object.values(SEARCH_BUNDLES).flatMap((bundle) => [`${root}${bundle}/*`, '  Cache-Control: public, max-age=3600', '']),
	].join('\n');
}
