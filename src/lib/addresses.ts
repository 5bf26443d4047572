/**
 * The addresses a built site answers at, and the moves that keep the ones it once answered at
 * working (issue #19: every address the archive has published keeps working and keeps meaning what
 * it meant). Pure: the build integration (src/integrations/addresses.ts) reads and writes the files.
 */
import type { Redirect } from '../schemas/redirects.ts';
import type { Locale } from './content/model.ts';

/** The file, inside the build, that lists every address it answers at: the next build is checked against it. */
export const ADDRESSES_FILE = 'data/addresses.json';

/**
 * Folders and files of a build that are not addresses anyone keeps: the bundles with hashed names,
 * the search index (rewritten by every build), Decap's own chunks, the hosts' rule files.
 */
const NOT_ADDRESSES = /^(?:_astro\/|pagefind[^/]*\/|admin\/decap\/|(?:[a-z]{2}\/)?admin\/decap\/|_headers$|_redirects$)/;

/** Whether an address is a page (`/reports/2024/`) rather than a file (`/data/indicators.csv`). */
export const isPage = (address: string) => address.endsWith('/');

/**
 * The addresses of a build from its files (paths inside it, `/`-separated): `reports/2024/index.html`
 * answers at `/reports/2024/`, `data/indicators.csv` at `/data/indicators.csv`. Sorted.
 */
export function addressesOf(files: readonly string[]): string[] {
	const addresses = new Set<string>();
	for (const file of files) {
		if (NOT_ADDRESSES.test(file)) continue;
		if (file === 'index.html') addresses.add('/');
		else if (file.endsWith('/index.html')) addresses.add(`/${file.slice(0, -'index.html'.length)}`);
		else addresses.add(`/${file}`);
	}
	return [...addresses].sort();
}

/**
 * Every move a build makes: each page move in every language of the archive (`/reports/2024/` and
 * `/en/reports/2024/`), each file move once (files have no language).
 */
export function expandRedirects(redirects: readonly Redirect[], languages: readonly Locale[], defaultLocale: Locale): Redirect[] {
	return redirects.flatMap((redirect) =>
		isPage(redirect.from) && isPage(redirect.to)
			? languages.map((locale) => {
					const prefix = locale === defaultLocale ? '' : `/${locale}`;
					return { from: `${prefix}${redirect.from}`, to: `${prefix}${redirect.to}` };
				})
			: [redirect],
	);
}

/** `_redirects` (Netlify, Cloudflare Pages): one permanent redirect a line, under the site's base. */
export function renderRedirectsFile(redirects: readonly Redirect[], base: string): string {
	const under = (address: string) => `${base.replace(/\/$/, '')}${address}`;
	return redirects.map((r) => `${under(r.from)} ${under(r.to)} 301\n`).join('');
}

/** What is wrong with the moves against the build: a move to nowhere, or one that would hide a page. */
export type MoveProblem = { rule: 'toMissing'; from: string; to: string } | { rule: 'fromExists'; from: string };

/**
 * The moves checked against the addresses the build made of its own pages and files (`built`,
 * before any move was written): each must lead to one of them, and none may start at one.
 */
export function moveProblems(redirects: readonly Redirect[], built: ReadonlySet<string>): MoveProblem[] {
	return redirects.flatMap((r): MoveProblem[] => [
		...(built.has(r.from) ? [{ rule: 'fromExists' as const, from: r.from }] : []),
		...(built.has(r.to) ? [] : [{ rule: 'toMissing' as const, from: r.from, to: r.to }]),
	]);
}

/** The addresses the deployed site answered at that this build would not: each one a broken link. */
export function goneAddresses(deployed: readonly string[], now: ReadonlySet<string>): string[] {
	return deployed.filter((address) => !now.has(address) && !NOT_ADDRESSES.test(address.slice(1)));
}
