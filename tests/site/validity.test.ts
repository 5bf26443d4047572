/**
 * Every page of the built archive: valid HTML, no broken link or missing asset (both builds), the
 * meta a shared link needs, and the sitemap, robots.txt, feed and _headers a host needs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pngOf } from './html.ts';
import { load } from 'cheerio';
import { HtmlValidate } from 'html-validate';
import { describe, expect, test } from 'vitest';
import { builds, type Build } from '../setup/site.ts';
import { loadIndex } from './pagefind-node.ts';
import { parsePolicy } from '../../src/lib/headers.ts';

function files(dir: string, ext: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith(ext))
		.sort();
}

/** The file a site path resolves to, or undefined: folders serve their index.html. */
function resolveFile(build: Build, pathname: string): string | undefined {
	if (!pathname.startsWith(build.base)) return undefined;
	const file = join(build.dir, decodeURIComponent(pathname.slice(build.base.length)));
	if (existsSync(file) && statSync(file).isFile()) return file;
	if (existsSync(join(file, 'index.html'))) return join(file, 'index.html');
	return undefined;
}

/** The editing form's pages (/admin/, /en/admin/): no site chrome, a policy of their own. */
const isAdmin = (file: string) => /^(en\/)?admin\//.test(file);
/** The embeddable charts (/embed/…): no site chrome, framed by other sites. */
const isEmbed = (file: string) => /^(en\/)?embed\//.test(file);

describe.each(Object.entries(builds))('the %s build', (_name, build) => {
	const pages = files(build.dir, '.html');
	const readerPages = pages.filter((f) => !isAdmin(f));
	const origin = 'https://annals.example.org';

	test('has no broken internal link, asset or anchor on any page', () => {
		const broken: string[] = [];
		let checked = 0;
		for (const file of pages) {
			const $ = load(readFileSync(join(build.dir, file), 'utf8'));
			const pageUrl = new URL(`${build.base}${file.replace(/index\.html$/, '')}`, origin);
			const refs = [
				...$('a[href], link[href]')
					.map((_, el) => $(el).attr('href')!)
					.get(),
				...$('script[src], img[src], source[src]')
					.map((_, el) => $(el).attr('src')!)
					.get(),
				...$('meta[property="og:image"], meta[name="twitter:image"]')
					.map((_, el) => $(el).attr('content')!)
					.get(),
			];
			for (const ref of refs) {
				const url = new URL(ref, pageUrl);
				if (url.origin !== origin || url.protocol === 'mailto:') continue;
				checked++;
				const target = resolveFile(build, url.pathname);
				if (!target) {
					broken.push(`${file}: ${ref}`);
					continue;
				}
				if (url.hash && target.endsWith('.html')) {
					const id = decodeURIComponent(url.hash.slice(1));
					const $t = target === join(build.dir, file) ? $ : load(readFileSync(target, 'utf8'));
					if ($t(`[id="${id}"]`).length === 0) broken.push(`${file}: ${ref} (no element with id "${id}")`);
				}
			}
		}
		expect(broken).toEqual([]);
		expect(checked).toBeGreaterThan(pages.length * 10);
	});

	test('names only assets that exist in its stylesheets', () => {
		const missing: string[] = [];
		for (const css of files(build.dir, '.css')) {
			for (const m of readFileSync(join(build.dir, css), 'utf8').matchAll(/url\(["']?([^"')]+)["']?\)/g)) {
				if (m[1]!.startsWith('data:')) continue;
				if (!resolveFile(build, new URL(m[1]!, new URL(`${build.base}${css}`, origin)).pathname)) missing.push(`${css}: ${m[1]}`);
			}
		}
		expect(missing).toEqual([]);
	});

	test('lists every indexable page in the sitemap, with its language pair, and points robots.txt at it', () => {
		const index = readFileSync(join(build.dir, 'sitemap-index.xml'), 'utf8');
		expect(index).toContain(`<loc>${origin}${build.base}sitemap-0.xml</loc>`);
		const sitemap = load(readFileSync(join(build.dir, 'sitemap-0.xml'), 'utf8'), { xml: true });
		const locs = sitemap('url > loc')
			.map((_, el) => sitemap(el).text())
			.get();
		for (const loc of locs) expect(resolveFile(build, new URL(loc).pathname), loc).toBeDefined();
		expect(locs).toContain(`${origin}${build.base}en/reports/2024/`);
		expect(locs.some((l) => l.includes('/v1/'))).toBe(false);
		expect(sitemap('url').first().find('xhtml\\:link').length).toBe(2);
		expect(readFileSync(join(build.dir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${origin}${build.base}sitemap-index.xml`);
	});

	test('writes _headers with the policy, and long caching for hashed assets, under the base path', () => {
		const headers = readFileSync(join(build.dir, '_headers'), 'utf8');
		// The readers' policy per folder of pages, never to the whole site: hosts join two policies, and
		// the editing form's would be blocked by the readers'.
		expect(headers).toContain(`${build.base}\n  Content-Security-Policy: default-src 'self'; `);
		expect(headers).toContain(`${build.base}reports/*\n  Content-Security-Policy: default-src 'self'; `);
		expect(headers).toContain(`${build.base}en/reports/*\n  Content-Security-Policy: default-src 'self'; `);
		expect(headers).not.toMatch(new RegExp(`^${build.base}\\*\\n(  .*\\n)*  Content-Security-Policy`, 'm'));
		expect(headers).not.toMatch(new RegExp(`^${build.base}(en/)?admin/\\*\\n  Content-Security-Policy: default-src 'self'; img-src`, 'm'));
		expect(headers).toContain(`${build.base}_astro/*\n  Cache-Control: public, max-age=31536000, immutable`);
		expect(headers).toContain('X-Content-Type-Options: nosniff');
		expect(headers).toContain('Referrer-Policy: strict-origin-when-cross-origin');
	});

	test("the header's policy allows exactly what each page's <meta> policy allows, and may frame nothing", () => {
		// A browser enforces both policies: a hash missing from either blocks that script or style.
		const header = parsePolicy(/Content-Security-Policy: (.*)/.exec(readFileSync(join(build.dir, '_headers'), 'utf8'))![1]!);
		expect(header.get('frame-ancestors')).toEqual(["'none'"]);
		const fromPages = new Map<string, Set<string>>();
		for (const file of readerPages) {
			const policy = load(readFileSync(join(build.dir, file), 'utf8'))('meta[http-equiv="content-security-policy"]').attr('content');
			expect(policy, file).toBeDefined();
			for (const [name, sources] of parsePolicy(policy!)) fromPages.set(name, new Set([...(fromPages.get(name) ?? []), ...sources]));
		}
		expect(fromPages.get('style-src')?.size).toBeGreaterThan(1);
		for (const [name, sources] of fromPages) expect(new Set(header.get(name)), name).toEqual(sources);
		expect([...header.keys()].filter((name) => !fromPages.has(name))).toEqual(['frame-ancestors']);
	});

	test('the editing form has its own policy, in its <meta> and in _headers, is noindex, and is in no sitemap or search index', async () => {
		const headers = readFileSync(join(build.dir, '_headers'), 'utf8');
		for (const path of ['admin/', 'en/admin/']) {
			const $ = load(readFileSync(join(build.dir, path, 'index.html'), 'utf8'));
			const meta = $('meta[http-equiv="content-security-policy"]');
			expect(meta.length, path).toBe(1);
			const policy = parsePolicy(meta.attr('content')!);
			expect(policy.get('script-src')).toEqual(["'self'", "'unsafe-eval'"]);
			expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
			expect(policy.get('connect-src')).toContain('http://127.0.0.1:8081');
			const rule = new RegExp(
				`^${build.base}${path}\\*\\n  Content-Security-Policy: (.*)\\n  X-Frame-Options: DENY\\n  X-Robots-Tag: noindex, nofollow$`,
				'm',
			).exec(headers);
			expect(rule?.[1], path).toBe(`${meta.attr('content')}; frame-ancestors 'none'`);
			expect($('meta[name="robots"]').attr('content')).toBe('noindex, nofollow');
			// Decap from the site itself, no other origin.
			expect($('script[src]').length).toBe(1);
			expect($('script[src]').attr('src')).toMatch(new RegExp(`^${build.base}_astro/`));
			expect(JSON.parse($('#annals-cms').text()).decap).toBe(`${build.base}admin/decap/decap-cms.js`);
		}
		expect(existsSync(join(build.dir, 'admin/decap/decap-cms.js'))).toBe(true);
		expect(readFileSync(join(build.dir, 'sitemap-0.xml'), 'utf8')).not.toContain('admin');
		// Its page says "Biên tập lưu trữ"; no search for it, or for anything, finds it.
		const index = await loadIndex(build.dir);
		for (const query of ['Biên tập lưu trữ', 'JavaScript', 'GRDP']) {
			const urls = await Promise.all((await index.pagefind.search(query))!.results.map(async (r) => (await r.data()).url));
			expect(
				urls.filter((url) => url.includes('admin')),
				query,
			).toEqual([]);
		}
	});

	test('no reader page loads anything of the editing form', () => {
		for (const file of readerPages) expect(readFileSync(join(build.dir, file), 'utf8'), file).not.toMatch(/admin\/decap|annals-cms|decap/i);
	});
});

describe('every page of the root build', () => {
	const { dir } = builds.root;
	const pages = files(dir, '.html');

	test('is valid HTML', async () => {
		const validator = new HtmlValidate({
			extends: ['html-validate:recommended'],
			rules: {
				'no-inline-style': 'error',
				// Titles are the names editors give reports and indicators; cutting them at 70 characters
				// would lose meaning. Search engines shorten long titles themselves.
				'long-title': 'off',
			},
		});
		const errors: string[] = [];
		for (const file of pages) {
			const report = await validator.validateString(readFileSync(join(dir, file), 'utf8'), file);
			for (const result of report.results) for (const m of result.messages) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
		}
		expect(errors).toEqual([]);
	});

	test('carries a canonical link, Open Graph and Twitter meta, and a favicon; the 404 page is noindex', () => {
		const notFound = load(readFileSync(join(dir, '404.html'), 'utf8'));
		expect(notFound('meta[name="robots"]').attr('content')).toBe('noindex');
		expect(notFound('link[rel="canonical"]').length).toBe(0);
		for (const file of pages.filter((f) => f !== '404.html' && !isAdmin(f) && !isEmbed(f))) {
			const $ = load(readFileSync(join(dir, file), 'utf8'));
			for (const selector of [
				'link[rel="canonical"]',
				'meta[property="og:title"]',
				'meta[property="og:image"]',
				'meta[property="og:url"]',
				'meta[name="twitter:card"]',
				'link[rel="icon"]',
				'meta[http-equiv="content-security-policy"]',
			]) {
				expect($(selector).length, `${file} ${selector}`).toBe(1);
			}
		}
	});

	test('gives each report its own social image, a 1200 × 630 PNG', () => {
		const $ = load(readFileSync(join(dir, 'en/reports/2024/index.html'), 'utf8'));
		expect($('meta[property="og:image"]').attr('content')).toBe('https://annals.example.org/en/og/reports/2024.png');
		// Decoded back (pngjs): the right size, and a drawing, not a blank or a single colour.
		const png = pngOf(dir, 'en/og/reports/2024.png');
		expect([png.width, png.height]).toEqual([1200, 630]);
		expect(png.colours).toBeGreaterThan(20);
	});

	test('has a valid RSS 2.0 feed in each language', () => {
		for (const feed of ['feed.xml', 'en/feed.xml']) {
			const xml = load(readFileSync(join(dir, feed), 'utf8'), { xml: true });
			expect(xml('rss[version="2.0"] > channel > title').length, feed).toBe(1);
			expect(xml('channel > link').text()).toMatch(/^https:\/\//);
			xml('item').each((_, item) => {
				for (const child of ['title', 'link', 'guid', 'pubDate', 'description']) expect(xml(item).find(child).length, `${feed} ${child}`).toBe(1);
				expect(new Date(xml(item).find('pubDate').text()).toString()).not.toBe('Invalid Date');
			});
		}
	});

	test("ships no schema library to readers' browsers", () => {
		// zod belongs to the build; one import of a schema module from client code once added 25 KB gzip to every chart.
		const scripts = files(join(dir, '_astro'), '.js');
		expect(scripts.length).toBeGreaterThan(0);
		for (const file of scripts) expect(readFileSync(join(dir, '_astro', file), 'utf8'), file).not.toMatch(/_zod|\$ZodType|__zod_global/);
	});

	test('leaves nothing out of place in dist/: what a host serves, and nothing else', () => {
		// A host serves 404.html from the root for a missing page; nothing of the build's own (a cache, a spool) is left in.
		expect(readdirSync(dir).sort()).toEqual(
			[
				'404.html',
				'_astro',
				'_headers',
				'admin',
				'compare',
				'data',
				'embed',
				'en',
				'entities',
				'favicon.svg',
				'feed.xml',
				'index.html',
				'indicators',
				'og',
				'pagefind',
				'pagefind-versions',
				'reports',
				'robots.txt',
				'search',
				'sitemap-0.xml',
				'sitemap-index.xml',
			].sort(),
		);
	});
});
