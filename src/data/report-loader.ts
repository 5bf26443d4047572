/**
 * The content loader for report files (`2024.mdx`, `2024.en.mdx`): Astro's glob loader, except that
 * a text which reads the same as Markdown (`needsMdx`, src/lib/content/mdx-syntax.ts) is rendered
 * as Markdown here, once, instead of becoming an MDX module that Vite compiles in every build; its
 * HTML is kept in Annals' cache between processes and held in memory for the pages (heldHtml in
 * rendered-texts.ts), and Astro's content store keeps its data. Markdown and MDX run the same remark and rehype
 * plugins (astro.config.mjs), so the page is the same (tests/site/output.test.ts holds every page
 * of the sample archive to what it was). A text that does use MDX is handed to the MDX compiler as
 * the glob loader would, so components, expressions and their errors work as before.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { needsMdx } from '../lib/content/mdx-syntax.ts';
import { reportNames } from './content-files.ts';
import { holdingMark, holdText, releaseText, renderedTexts, textStored } from './rendered-texts.ts';
import { sourceVersion } from '../workers/source-version.ts';
import { withoutEmptyDraftFigures } from '../lib/validate/reports.ts';

/** How long the preview holds the HTML of a text after its file changed or went (see sync). */
const RELEASE_AFTER_MS = 60_000;

/**
 * How soon after a change is reported the loader reads the file again. An editor saving a file may
 * empty it and then write it; the watcher (chokidar, in Vite) reports a file's changes at most once
 * per 50 ms, so the loader can read the emptied file and never hear of the write: the preview then
 * showed the page without its text until the next save (tests/browser/preview.test.ts, 1 save in
 * 300 on an idle machine).
 */
const SETTLE_MS = 150;

/** Lets go of a text's HTML in a minute, unless it is held again meanwhile. */
function releaseLater(digest: string): void {
	const mark = holdingMark();
	setTimeout(() => releaseText(digest, mark), RELEASE_AFTER_MS).unref();
}

/**
 * Loads the files of `dir` whose names match `pattern`, each as the entry `id(name)`.
 * `name` is shown in Astro's log, like the glob loader's.
 */
export function reportFiles(dir: string, pattern: RegExp, id: (name: string) => string): Loader {
	return {
		name: 'annals-report-files',
		load: async (context: LoaderContext) => {
			const { store, watcher, logger } = context;
			const root = context.config.root.pathname;
			// What the HTML is made by besides the text: the code, and the Markdown processor's options
			// in the config, where Astro also puts the plugins given the older way (the footnotes are
			// worded in site.yaml's language, src/lib/footnotes.ts).
			const { processor } = context.config.markdown;
			const code = `${sourceVersion(root)}\0${processor.name}\0${JSON.stringify(processor.options)}`;
			/** The entry's id for each file read, so that a deleted file's entry goes too. */
			const ids = new Map<string, string>();
			// HTML rendered by an earlier process (a build, before this preview), kept with the key of each text it was made from.
			const texts = renderedTexts(`${dir}\0${pattern.source}`);
			const used = new Set<string>();
			/** The digest of each file read, so that the HTML of a text changed or deleted is let go. */
			const digests = new Map<string, string>();

			/** Stores the file `name`, whose text is `contents`. */
			const sync = async (name: string, contents = readFileSync(join(dir, name), 'utf8')) => {
				const path = join(dir, name);
				const entryId = id(name);
				ids.set(name, entryId);
				// One key for the entry in Astro's store and its HTML in Annals' cache: the HTML is made by
				// the code too (the remark and rehype plugins of src/lib), and Astro compares the config
				// without them, so the code and the processor's options are part of it, with the path.
				const filePath = relative(root, path);
				const digest = texts.key(code, filePath, contents);
				used.add(digest);
				const existing = store.get(entryId);
				const before = digests.get(name);
				await put(entryId, path, filePath, contents, digest, existing);
				digests.set(name, digest);
				textStored(filePath, digest);
				// The HTML of the text this one replaces is let go a minute later: the preview's pages see the
				// store as Astro last wrote it to disk, a moment after the loader changed it, and render the
				// old entry until then. Unless it is held again by then (a change undone, the content loaded again).
				if (before !== undefined && before !== digest) releaseLater(before);
			};

			/** Puts the text `contents` of the file at `path` into the store as the entry `entryId`. */
			const put = async (entryId: string, path: string, filePath: string, contents: string, digest: string, existing: ReturnType<typeof store.get>) => {
				// Unchanged since the last build: Astro's store still holds it, with its HTML, its module, or
				// its data with the HTML kept in Annals' cache. (A store written by Astro's glob loader holds
				// every text as MDX: those are looked at again.)
				if (existing?.digest === digest) {
					if (existing.rendered) return;
					if (existing.deferredRender) {
						if (needsMdx(existing.body ?? '')) return store.addModuleImport(filePath);
					} else {
						const kept = texts.get(digest);
						if (kept) return holdText(digest, kept);
					}
				}
				// As @astrojs/mdx reads an entry: the frontmatter replaced by blank lines, the body trimmed.
				const { frontmatter: written, content } = parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' });
				// A draft's figures still to fill in are left out, as the checks leave them (they warn of them).
				const frontmatter = withoutEmptyDraftFigures(written);
				const body = content.trim();
				if (needsMdx(body)) {
					const data = await context.parseData({ id: entryId, data: frontmatter, filePath: path });
					store.set({ id: entryId, data, body, filePath, digest, deferredRender: true });
					return;
				}
				let rendered = texts.get(digest);
				if (!rendered) {
					// The text with its frontmatter blanked out: renderMarkdown would otherwise read the YAML a second time.
					rendered = await context.renderMarkdown(content, { fileURL: pathToFileURL(path) });
					texts.set(digest, rendered);
				}
				if (rendered.metadata?.imagePaths?.length) {
					// Astro finds a text's images from its entry in the store: such a text keeps its HTML there.
					const data = await context.parseData({ id: entryId, data: frontmatter, filePath: path });
					store.set({ id: entryId, data, body, filePath, digest, rendered });
					return;
				}
				// The HTML is held here for the pages (heldHtml), and the store keeps the text's data: a
				// store with every text's HTML and Markdown is bundled and loaded whole (rendered-texts.ts).
				holdText(digest, rendered);
				const data = await context.parseData({ id: entryId, data: frontmatter, filePath: path });
				store.set({ id: entryId, data, filePath, digest });
			};

			// The archive's own reports, and other entities' in a folder each (`bac_ninh_old/2023.mdx`).
			const names = reportNames(dir).filter((name) => pattern.test(basename(name)));
			const untouched = new Set(store.keys());
			for (const name of names) {
				await sync(name);
				untouched.delete(id(name));
			}
			for (const entryId of untouched) store.delete(entryId);
			await texts.prune(used);

			if (!watcher) return;
			watcher.add(dir);
			/** The read-again timer of each file: one at a time, the latest change's. */
			const rereads = new Map<string, ReturnType<typeof setTimeout>>();
			const changed = async (path: string) => {
				const name = relative(dir, path);
				if (!reportNames(dir).includes(name) || !pattern.test(basename(name))) return;
				let read: string | undefined;
				try {
					read = readFileSync(path, 'utf8');
					await sync(name, read);
					// Deleted while it rendered: the watcher's word came first, and the entry just stored goes too.
					if (!existsSync(path)) return removed(path);
					logger.info(`Reloaded ${name}`);
				} catch (error) {
					logger.error(`Failed to reload ${name}: ${(error as Error).message}`);
				}
				// Read again once the save is surely over: a file read while it was written is read whole
				// (a text that fails as it was read, too).
				clearTimeout(rereads.get(name));
				const reread = setTimeout(() => {
					rereads.delete(name);
					let now: string;
					try {
						now = readFileSync(path, 'utf8');
					} catch {
						return; // Deleted meanwhile: the watcher says so.
					}
					if (now !== read) void changed(path);
				}, SETTLE_MS);
				reread.unref();
				rereads.set(name, reread);
			};
			/** The file at `path` was deleted: its entry goes, and its HTML a minute later. */
			const removed = (path: string) => {
				const name = relative(dir, path);
				if (!pattern.test(basename(name))) return;
				clearTimeout(rereads.get(name));
				rereads.delete(name);
				// (The entry's id from the name: a render that finished after the watcher's word stored it again.)
				const entryId = ids.get(name) ?? id(name);
				store.delete(entryId);
				ids.delete(name);
				const digest = digests.get(name);
				digests.delete(name);
				textStored(relative(root, path), undefined);
				if (digest !== undefined) releaseLater(digest);
			};
			watcher.on('change', (path) => void changed(path));
			watcher.on('add', (path) => void changed(path));
			watcher.on('unlink', removed);
		},
	};
}
