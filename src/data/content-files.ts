/**
 * Reads an archive's content files from disk for the validator. The only place, besides
 * Astro's own loaders, that touches the content folder.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { ContentFiles } from '../lib/validate/problems.ts';
import { SHELF_NAME } from '../lib/paths.ts';

/** The content folder: `ARCHIVE_CONTENT` when set (tests and benchmarks; relative or absolute), else `content/`. */
export function contentDir(root: string = process.cwd()): string {
	return resolve(root, process.env['ARCHIVE_CONTENT'] || 'content');
}

/** The content folder as the repository names it (`content`), for the editing form's collections. */
export function contentFolder(root: string = process.cwd()): string {
	return relative(root, contentDir(root)).split(sep).join('/') || '.';
}

/**
 * The report files under `reports/`, as paths inside it: the archive's own (`2024.mdx`) and those of
 * other entities, one folder each (`bac_ninh_old/2023.mdx`).
 */
export function reportNames(reportsDir: string): string[] {
	const isReport = (name: string) => name.endsWith('.mdx') || name.endsWith('.md');
	const names: string[] = [];
	for (const entry of readdirSync(reportsDir, { withFileTypes: true })) {
		if (entry.isFile() && isReport(entry.name)) names.push(entry.name);
		else if (entry.isDirectory() && SHELF_NAME.test(entry.name))
			for (const name of readdirSync(join(reportsDir, entry.name))) if (isReport(name)) names.push(`${entry.name}/${name}`);
	}
	return names;
}

/** The addresses that moved (src/schemas/redirects.ts), inside the content folder. */
export const REDIRECTS_FILE = 'redirects.yaml';

/** Reads site.yaml, indicators.yaml, entities.yaml and redirects.yaml when there are, and every report file under reports/, with paths as the editor sees them. */
export function readContentFiles(dir: string = contentDir(), root: string = process.cwd()): ContentFiles {
	const read = (path: string) => ({ path: relative(root, path) || path, text: readFileSync(path, 'utf8') });
	const reportsDir = join(dir, 'reports');
	const names = reportNames(reportsDir);
	return {
		site: read(join(dir, 'site.yaml')),
		indicators: read(join(dir, 'indicators.yaml')),
		...(existsSync(join(dir, 'entities.yaml')) ? { entities: read(join(dir, 'entities.yaml')) } : {}),
		...(existsSync(join(dir, REDIRECTS_FILE)) ? { redirects: read(join(dir, REDIRECTS_FILE)) } : {}),
		reports: names.sort().map((name) => read(join(reportsDir, name))),
	};
}
