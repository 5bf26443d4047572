/**
 * Addresses that never break (issue #19). The moves in `content/redirects.yaml` become Astro's own
 * static redirect pages (a page with a meta refresh and a canonical link, which any static host
 * serves) for every language, and `_redirects` lines for hosts that read it; a moved file is copied
 * to its old address. After the build, every move must lead to a page or file of the build, and
 * `data/addresses.json` lists every address the build answers at. With ANNALS_PUBLISHED set, each
 * address the deployed site answered at must still answer (as itself, or moved): else the build
 * stops, naming the address and the fix, in the archive's language.
 */
import type { AstroIntegration } from 'astro';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { contentDir, REDIRECTS_FILE } from '../data/content-files.ts';
import { readPublishedAddresses } from '../data/published.ts';
import { ContentError } from '../data/validation.ts';
import { checkLanguage, checkMessages } from '../i18n/check/index.ts';
import { ADDRESSES_FILE, addressesOf, expandRedirects, goneAddresses, isPage, moveProblems, renderRedirectsFile } from '../lib/addresses.ts';
import { locales } from '../lib/paths.ts';
import { formatProblems, type Problem, useLanguage } from '../lib/validate/problems.ts';
import { moveProblemsAt } from '../lib/validate/redirects.ts';
import { RedirectsSchema, type Redirect } from '../schemas/redirects.ts';
import { LocaleSchema } from '../schemas/common.ts';
import { outputFiles } from '../workers/output-files.ts';

/** Astro's own redirect page: how a page written by a move is told from one of the archive's. */
const REDIRECT_PAGE = /<meta http-equiv="refresh" content="0;url=/;

export default function addresses(base: string): AstroIntegration {
	const dir = contentDir();
	const redirectsPath = join(dir, REDIRECTS_FILE);
	const siteText = () => readFileSync(join(dir, 'site.yaml'), 'utf8');
	let moves: Redirect[] = [];
	let written: Redirect[] = [];
	return {
		name: 'annals-addresses',
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				if (!existsSync(redirectsPath)) return;
				// A wrong file is left to the content check, which says where and why, before any page is built.
				const read = RedirectsSchema.safeParse(parse(readFileSync(redirectsPath, 'utf8')) ?? []);
				if (!read.success) return;
				moves = read.data;
				const site = parse(siteText()) as { defaultLocale?: unknown };
				const defaultLocale = LocaleSchema.safeParse(site?.defaultLocale).data ?? 'vi';
				written = expandRedirects(moves, locales(defaultLocale), defaultLocale);
				const pages = written.filter((r) => isPage(r.from));
				// Astro writes the page at the old address as it is (the build's folders have no base),
				// and sends the reader to the new address as given: under the base.
				const under = base.replace(/\/$/, '');
				if (pages.length > 0) updateConfig({ redirects: Object.fromEntries(pages.map((r) => [r.from, `${under}${r.to}`])) });
			},
			'astro:build:done': async ({ dir: outUrl, logger }) => {
				const out = fileURLToPath(outUrl);
				const lang = checkLanguage(siteText());
				const m = checkMessages(lang);

				// The build's own addresses: every page and file but the pages Astro wrote for the moves.
				const own = new Set<string>();
				for (const address of addressesOf(outputFiles(out))) {
					const moved = written.some((r) => r.from === address);
					if (moved && (await readFile(join(out, address.slice(1), 'index.html'), 'utf8')).match(REDIRECT_PAGE)) continue;
					own.add(address);
				}
				const found = moveProblems(written, own);
				if (found.length > 0) {
					const file = { path: relative(process.cwd(), redirectsPath), text: readFileSync(redirectsPath, 'utf8') };
					const prefixes = LocaleSchema.options.map((l) => `/${l}`);
					useLanguage(lang);
					const problems = moveProblemsAt(file, moves, found, prefixes).map((p) => ({ ...p, lang }));
					throw new ContentError(formatProblems(problems, lang), lang);
				}
				// A moved file answers at its old address with the same bytes.
				for (const move of written.filter((r) => !isPage(r.from))) {
					await mkdir(dirname(join(out, move.from.slice(1))), { recursive: true });
					await copyFile(join(out, move.to.slice(1)), join(out, move.from.slice(1)));
				}
				if (written.length > 0) await writeFile(join(out, '_redirects'), renderRedirectsFile(written, base));

				const answers = addressesOf([...outputFiles(out), ADDRESSES_FILE]);
				await mkdir(join(out, dirname(ADDRESSES_FILE)), { recursive: true });
				await writeFile(join(out, ADDRESSES_FILE), `${JSON.stringify({ addresses: answers }, null, '\t')}\n`);

				const deployed = await readPublishedAddresses(lang);
				if (!deployed) return;
				if ('missing' in deployed) {
					logger.warn(m['deployed.noAddresses'](deployed.missing));
					return;
				}
				const gone = goneAddresses(deployed.addresses, new Set(answers));
				if (gone.length > 0) {
					const file = relative(process.cwd(), redirectsPath);
					const problems: Problem[] = gone.map((address) => ({
						severity: 'error',
						file,
						line: 1,
						column: 1,
						field: '',
						lang,
						...m['deployed.addressGone'](address, m['deployed.where'](deployed.source)),
					}));
					throw new ContentError(formatProblems(problems, lang), lang);
				}
				logger.info(m['deployed.addressesChecked'](deployed.addresses.length, deployed.source));
			},
		},
	};
}
