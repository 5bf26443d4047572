/**
 * The HTML of the reports' texts as the report loader rendered it (src/data/report-loader.ts), kept
 * on disk between processes. Astro keeps a build's content store in the build's cache folder and the
 * preview's in `.astro/` at the project's root, one for every content folder it is pointed at, so
 * without this the first `npm run dev` after a build renders every text again (7 s at 1,000
 * reports) before it answers. Kept per loader (a content folder and the files it reads there), one
 * file per text, each named by the code, the file's path and its contents: a change to any of them
 * is a different file, never a stale one.
 */
import type { LoaderContext } from 'astro/loaders';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from '../workers/cache-dir.ts';

export type RenderedText = Awaited<ReturnType<LoaderContext['renderMarkdown']>>;

export interface RenderedTexts {
	/** The name a text's HTML is kept under. */
	key(code: string, filePath: string, contents: string): string;
	/** The HTML kept under `key`, if any. */
	get(key: string): RenderedText | undefined;
	/** Keeps the HTML under `key`; a cache that cannot be written is only slower. */
	set(key: string, rendered: RenderedText): void;
	/** Deletes every text but those under `keep`: what the loader's files hold now. */
	prune(keep: Set<string>): void;
}

/** The texts one loader renders: `scope` names it (its folder and the pattern of its files). */
export function renderedTexts(scope: string): RenderedTexts {
	const folder = cacheDir(`texts/${createHash('sha256').update(scope).digest('hex').slice(0, 16)}`);
	const file = (key: string) => join(folder, `${key}.json`);
	return {
		key: (code, filePath, contents) => createHash('sha256').update(code).update('\0').update(filePath).update('\0').update(contents).digest('hex').slice(0, 40),
		get(key) {
			try {
				return JSON.parse(readFileSync(file(key), 'utf8')) as RenderedText;
			} catch {
				return undefined;
			}
		},
		set(key, rendered) {
			try {
				mkdirSync(folder, { recursive: true });
				// Written whole, then renamed: a preview reading at the same time never sees half a file.
				const partial = `${file(key)}.${process.pid}`;
				writeFileSync(partial, JSON.stringify(rendered));
				renameSync(partial, file(key));
			} catch {
				// A read-only cache: the next process renders the text again.
			}
		},
		prune(keep) {
			let names: string[];
			try {
				names = readdirSync(folder);
			} catch {
				return;
			}
			// Half-written files of a process that stopped go too.
			for (const name of names) if (!name.endsWith('.json') || !keep.has(name.slice(0, -'.json'.length))) rmSync(join(folder, name), { force: true });
		},
	};
}
