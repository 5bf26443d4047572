/**
 * The content collections. Before Astro reads a single file, every loader runs the archive
 * validator (src/lib/validate/validate.ts) over all content at once, so an editor sees every problem in
 * one run, in the same words as `npm run check`, instead of Astro's first schema error.
 */
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { IndicatorSchema } from './schemas/indicator.ts';
import { ReportSchema, TranslationSchema } from './schemas/report.ts';
import { SiteSchema } from './schemas/site.ts';
import { contentDir, readContentFiles } from './data/content-files.ts';
import { readHistory } from './data/history.ts';
import { assertValidContent, buildWork, checkedContent, ContentError, gitHead, previewParses } from './data/validation.ts';
import { readPublished, type Deployed } from './data/published.ts';
import { reportFiles } from './data/report-loader.ts';
import { checkLanguage } from './i18n/check/index.ts';
import { prefetchBuildWork } from './workers/prefetch.ts';
import type { ContentFiles } from './lib/validate/problems.ts';

const dir = contentDir();
/** The deployed site's figures (ANNALS_PUBLISHED), read once per process. */
let published: Promise<Deployed | undefined> | undefined;

/**
 * The content files and the commit the checks read. A build (no file watcher) reads them once for
 * its four collections, which so see one state of the content (at 1,000 reports each reading of
 * the 2,000 files, the commit and their digest took 0.15 s); the preview reads them anew for each
 * load, as a save may have changed them.
 */
let buildContent: { files: ContentFiles; head: string } | undefined;
function contentNow(watching: boolean): { files: ContentFiles; head: string } {
	const read = () => ({ files: readContentFiles(dir), head: gitHead(dir) });
	return watching ? read() : (buildContent ??= read());
}

/** Runs the validator, then hands over to the real loader. */
function validated(loader: Loader): Loader {
	return {
		name: `annals-${loader.name}`,
		load: async (context) => {
			const { files, head } = contentNow(Boolean(context.watcher));
			let deployed: Deployed | undefined;
			try {
				deployed = await (published ??= readPublished(checkLanguage(files.site.text)));
			} catch (error) {
				throw new ContentError((error as Error).message, checkLanguage(files.site.text));
			}
			// The history (one git log, one git cat-file) is read only when the content changed since the last check.
			let changed = false;
			try {
				// The preview (the only run with a file watcher) keeps its parses for the check after the next save.
				const memo = context.watcher ? previewParses() : undefined;
				assertValidContent(files, head, () => ((changed = true), readHistory(dir)), context.logger, { deployed, memo });
			} catch (error) {
				// In `npm run dev` (the only run with a file watcher) a content error must not stop the
				// preview from starting: it is printed here, and every page shows it in the browser's
				// error overlay until it is fixed (src/middleware.ts).
				if (!context.watcher || !(error instanceof ContentError)) throw error;
				context.logger.error(error.message);
				changed = false;
			}
			// Once per build (per state of the content), start the build's workers on what pages will need.
			if (changed) prefetchBuildWork(() => buildWork(checkedContent(dir, readHistory, context.logger)));
			return loader.load(context);
		},
	};
}

/** Loads one YAML file as one entry or as a list of entries keyed by `id`. */
function yamlFile(file: string, shape: 'one' | 'list'): Loader {
	return {
		name: 'yaml',
		load: async ({ store, parseData, watcher }) => {
			const path = join(dir, file);
			const load = async () => {
				const data: unknown = parse(readFileSync(path, 'utf8'), { customTags: ['timestamp'] });
				store.clear();
				// A list keeps its order in `order`: the catalogue order is the order pages list indicators in.
				const entries = shape === 'one' ? [['site', data]] : (data as { id: string }[]).map((entry, order) => [entry.id, { ...entry, order }]);
				for (const [id, entry] of entries as [string, Record<string, unknown>][]) store.set({ id, data: await parseData({ id, data: entry }) });
			};
			watcher?.add(path);
			watcher?.on('change', (changed) => {
				if (changed === path) void load();
			});
			await load();
		},
	};
}

const reportName = (entry: string) => entry.replace(/\.mdx?$/, '');

/**
 * In `npm run dev`, an entry that fails its schema is kept as written instead of stopping the
 * preview (or, after an edit, silently keeping its old figures with zod's own message): the
 * validator has already said what is wrong, and every page shows it in the error overlay until it is
 * fixed (src/middleware.ts), so no page is ever drawn from such an entry. A build stays strict.
 */
function previewSafe<T extends z.ZodType>(schema: T): T {
	return (import.meta.env.DEV ? schema.catch(({ value }) => value as z.infer<T>) : schema) as T;
}

export const collections = {
	site: defineCollection({ loader: validated(yamlFile('site.yaml', 'one')), schema: previewSafe(SiteSchema) }),
	indicators: defineCollection({ loader: validated(yamlFile('indicators.yaml', 'list')), schema: previewSafe(IndicatorSchema.extend({ order: z.number() })) }),
	reports: defineCollection({
		loader: validated(reportFiles(join(dir, 'reports'), /^\d{4}\.mdx?$/, reportName)),
		schema: previewSafe(ReportSchema),
	}),
	translations: defineCollection({
		loader: validated(reportFiles(join(dir, 'reports'), /^\d{4}\..+\.mdx?$/, reportName)),
		schema: previewSafe(TranslationSchema),
	}),
};
