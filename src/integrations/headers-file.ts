/**
 * Writes `_headers` (Netlify, Cloudflare Pages) into the build with the policy of the pages' own
 * <meta> tags, every hash included, so the header and each page's policy agree (src/lib/headers.ts);
 * the editing form (/admin/) gets its own policy, as its <meta> does.
 */
import type { AstroIntegration } from 'astro';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN_FOLDER, EMBED_FOLDER, renderHeadersFile, type SiteLayout } from '../lib/headers.ts';
import { LocaleSchema } from '../schemas/common.ts';
import { outputFiles } from '../workers/output-files.ts';

/** Whether a path under the build is the editing form's: `admin/…`, or `en/admin/…` in a language's folder. */
export function isAdminPath(path: string): boolean {
	const [first, second] = path.split(/[\\/]/);
	return first === ADMIN_FOLDER || ((LocaleSchema.options as readonly string[]).includes(first ?? '') && second === ADMIN_FOLDER);
}

/**
 * The Content-Security-Policy of every HTML page under `dir` but the editing form's, and the form's.
 * The heads are read one after another without waiting on libuv's threads: at 1,000 reports the
 * 6,177 pages took 0.13–0.15 s so, against 0.6–1.0 s read sixteen at a time with promises.
 */
export function pagePolicies(dir: string, files: readonly string[] = outputFiles(dir)): { pages: string[]; admin: string | undefined } {
	const policies = new Set<string>();
	let admin: string | undefined;
	const start = Buffer.alloc(16 * 1024);
	for (const file of files) {
		if (!file.endsWith('.html')) continue;
		const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(pageHead(join(dir, file), start));
		if (!meta?.[1]) continue;
		const policy = meta[1].replace(/&#39;/g, "'");
		if (isAdminPath(file)) admin = policy;
		else policies.add(policy);
	}
	return { pages: [...policies], admin };
}

/**
 * A page's head, where its policy is: the first 16 KB (read into `start`) when the head ends within
 * them (every page Annals writes: about 4 KB), the whole page otherwise. Reading each whole page
 * again took 2 s of every build at 1,000 reports, whose pages weigh 360 MB.
 */
function pageHead(path: string, start: Buffer): string {
	const file = openSync(path, 'r');
	try {
		const bytesRead = readSync(file, start, 0, start.length, 0);
		const text = start.toString('utf8', 0, bytesRead);
		const end = text.indexOf('</head>');
		if (end !== -1) return text.slice(0, end);
		return bytesRead < start.length ? text : readFileSync(path, 'utf8');
	} finally {
		closeSync(file);
	}
}

/**
 * The rules' paths, from the build's `files` (outputFiles): the home page, each top-level page and
 * folder of pages but the form's, and inside a language's folder (`en/`) the same again. An
 * indicator named `admin` is a reader page. Folders without pages (scripts, images, the search
 * index, which `npm run build` writes after Astro) need no policy, and leaving them out keeps the
 * file the same however the build ran.
 */
export function siteLayout(files: readonly string[], adminPolicy: string, prefix = ''): SiteLayout {
	/** Each name directly under `prefix`: whether it is a folder, and whether pages are inside it. */
	const entries = new Map<string, { folder: boolean; pages: boolean }>();
	for (const file of files) {
		if (!file.startsWith(prefix)) continue;
		const rest = file.slice(prefix.length);
		const slash = rest.indexOf('/');
		const name = slash === -1 ? rest : rest.slice(0, slash);
		const entry = entries.get(name) ?? { folder: slash !== -1, pages: false };
		entry.pages ||= slash !== -1 && file.endsWith('.html');
		entries.set(name, entry);
	}
	const layout: SiteLayout = { pages: [prefix], admin: [], embed: [], adminPolicy };
	for (const name of [...entries.keys()].sort((a, b) => a.localeCompare(b))) {
		const { folder, pages } = entries.get(name)!;
		const path = `${prefix}${name}`;
		if (!folder) {
			if (name.endsWith('.html')) layout.pages.push(path);
		} else if (name === ADMIN_FOLDER) layout.admin.push(`${path}/*`);
		else if (name === EMBED_FOLDER) layout.embed.push(`${path}/*`);
		else if (!prefix && (LocaleSchema.options as readonly string[]).includes(name)) {
			const inner = siteLayout(files, adminPolicy, `${path}/`);
			layout.pages.push(...inner.pages);
			layout.admin.push(...inner.admin);
			layout.embed.push(...inner.embed);
		} else if (pages) layout.pages.push(`${path}/*`);
	}
	return layout;
}

export default function headersFile(base: string): AstroIntegration {
	return {
		name: 'annals-headers-file',
		hooks: {
			'astro:build:done': async ({ dir }) => {
				const out = fileURLToPath(dir);
				const files = outputFiles(out);
				const policies = pagePolicies(out, files);
				const layout = siteLayout(files, policies.admin ?? "default-src 'none'");
				await writeFile(join(out, '_headers'), renderHeadersFile(base, policies.pages, layout));
			},
		},
	};
}
