/**
 * Writes `_headers` (Netlify, Cloudflare Pages) into the build with the policy of the pages' own
 * <meta> tags, every hash included, so the header and each page's policy agree (src/lib/headers.ts);
 * the editing form (/admin/) gets its own policy, as its <meta> does.
 */
import type { AstroIntegration } from 'astro';
import { open, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN_FOLDER, EMBED_FOLDER, renderHeadersFile, type SiteLayout } from '../lib/headers.ts';
import { LocaleSchema } from '../schemas/common.ts';

/** Whether a path under the build is the editing form's: `admin/…`, or `en/admin/…` in a language's folder. */
export function isAdminPath(path: string): boolean {
	const [first, second] = path.split(/[\\/]/);
	return first === ADMIN_FOLDER || ((LocaleSchema.options as readonly string[]).includes(first ?? '') && second === ADMIN_FOLDER);
}

/** The Content-Security-Policy of every HTML page under `dir` but the editing form's, and the form's. */
export async function pagePolicies(dir: string): Promise<{ pages: string[]; admin: string | undefined }> {
	const pages = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile() && entry.name.endsWith('.html'));
	// Read several at a time: one after another, 6,000 pages took 3–6 s of waiting on the file system.
	const heads: string[] = new Array(pages.length);
	let next = 0;
	const reader = async () => {
		for (let i = next++; i < pages.length; i = next++) heads[i] = await pageHead(join(pages[i]!.parentPath, pages[i]!.name));
	};
	await Promise.all(Array.from({ length: 16 }, reader));
	const policies = new Set<string>();
	let admin: string | undefined;
	pages.forEach((entry, i) => {
		const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(heads[i]!);
		if (!meta?.[1]) return;
		const policy = meta[1].replace(/&#39;/g, "'");
		if (isAdminPath(relative(dir, entry.parentPath))) admin = policy;
		else policies.add(policy);
	});
	return { pages: [...policies], admin };
}

/**
 * A page's head, where its policy is: the first 16 KB when the head ends within them (every page
 * Annals writes: about 4 KB), the whole page otherwise. Reading each whole page again took 2 s of
 * every build at 1,000 reports, whose pages weigh 360 MB.
 */
async function pageHead(path: string): Promise<string> {
	const file = await open(path);
	try {
		const start = Buffer.alloc(16 * 1024);
		const { bytesRead } = await file.read(start, 0, start.length, 0);
		const text = start.toString('utf8', 0, bytesRead);
		const end = text.indexOf('</head>');
		if (end !== -1) return text.slice(0, end);
		return bytesRead < start.length ? text : await readFile(path, 'utf8');
	} finally {
		await file.close();
	}
}

/** Whether a folder holds a page anywhere inside. */
async function holdsPages(dir: string): Promise<boolean> {
	return (await readdir(dir, { recursive: true })).some((name) => name.endsWith('.html'));
}

/**
 * The rules' paths: the home page, each top-level page and folder of pages but the form's, and
 * inside a language's folder (`en/`) the same again. An indicator named `admin` is a reader page. Folders
 * without pages (scripts, images, the search index, which `npm run build` writes after Astro) need
 * no policy, and leaving them out keeps the file the same however the build ran.
 */
export async function siteLayout(dir: string, adminPolicy: string, prefix = ''): Promise<SiteLayout> {
	const entries = await readdir(join(dir, prefix), { withFileTypes: true });
	const layout: SiteLayout = { pages: [prefix], admin: [], embed: [], adminPolicy };
	for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
		const path = `${prefix}${entry.name}`;
		if (!entry.isDirectory()) {
			if (entry.name.endsWith('.html')) layout.pages.push(path);
		} else if (entry.name === ADMIN_FOLDER) layout.admin.push(`${path}/*`);
		else if (entry.name === EMBED_FOLDER) layout.embed.push(`${path}/*`);
		else if (!prefix && (LocaleSchema.options as readonly string[]).includes(entry.name)) {
			const inner = await siteLayout(dir, adminPolicy, `${path}/`);
			layout.pages.push(...inner.pages);
			layout.admin.push(...inner.admin);
			layout.embed.push(...inner.embed);
		} else if (await holdsPages(join(dir, path))) layout.pages.push(`${path}/*`);
	}
	return layout;
}

export default function headersFile(base: string): AstroIntegration {
	return {
		name: 'annals-headers-file',
		hooks: {
			'astro:build:done': async ({ dir }) => {
				const out = fileURLToPath(dir);
				const policies = await pagePolicies(out);
				const layout = await siteLayout(out, policies.admin ?? "default-src 'none'");
				await writeFile(join(out, '_headers'), renderHeadersFile(base, policies.pages, layout));
			},
		},
	};
}
