/**
 * Reads an archive's content files from disk for the validator. The only place, besides
 * Astro's own loaders, that touches the content folder.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { ContentFiles } from '../lib/validate/problems.ts';

/** The content folder: `ARCHIVE_CONTENT` when set (tests and benchmarks; relative or absolute), else `content/`. */
export function contentDir(root: string = process.cwd()): string {
	return resolve(root, process.env['ARCHIVE_CONTENT'] || 'content');
}

/** The content folder as the repository names it (`content`), for the editing form's collections. */
export function contentFolder(root: string = process.cwd()): string {
	return relative(root, contentDir(root)).split(sep).join('/') || '.';
}

/** Reads site.yaml, indicators.yaml, entities.yaml when there is one, and every .mdx file under reports/, with paths as the editor sees them. */
export function readContentFiles(dir: string = contentDir(), root: string = process.cwd()): ContentFiles {
	const read = (path: string) => ({ path: relative(root, path) || path, text: readFileSync(path, 'utf8') });
	const reportsDir = join(dir, 'reports');
	const names = readdirSync(reportsDir).filter((name) => name.endsWith('.mdx') || name.endsWith('.md'));
	return {
		site: read(join(dir, 'site.yaml')),
		indicators: read(join(dir, 'indicators.yaml')),
		...(existsSync(join(dir, 'entities.yaml')) ? { entities: read(join(dir, 'entities.yaml')) } : {}),
		reports: names.sort().map((name) => read(join(reportsDir, name))),
	};
}
