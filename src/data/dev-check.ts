/**
 * The preview's content check: `npm run dev` runs the same validator as `npm run check` on every
 * page request (again only when the content or the last commit changed), and a content error
 * replaces the page with Astro's error overlay, with the same message and place as the check. Astro
 * reloads an edited report on its own but keeps showing its old figures when the new ones do not
 * pass its schema; this says why, in the browser the editor is looking at.
 */
import { resolve } from 'node:path';
import { checkLanguage, checkMessages } from '../i18n/check/index.ts';
import { formatProblem, type Problem } from '../lib/validate/problems.ts';
import { contentDir, readContentFiles } from './content-files.ts';
import { readHistory } from './history.ts';
import { checkContent, ContentError, gitHead, previewParses } from './validation.ts';

const quiet = { warn: () => undefined, error: () => undefined, info: () => undefined };

/**
 * The errors in the content now; an empty list when it passes. The check is the content layer's own
 * (src/data/validation.ts): it runs again only when the files or the commit changed, and reads the
 * history once for both.
 */
export function contentErrors(root: string = process.cwd()): Problem[] {
	const dir = contentDir(root);
	const files = readContentFiles(dir, root);
	// Its warnings were printed by the content layer, or will be: the overlay shows errors only.
	return checkContent(files, gitHead(dir), () => readHistory(dir), quiet, { memo: previewParses() }).problems.filter((p) => p.severity === 'error');
}

/** Throws the content's errors as one error Astro's overlay shows, pointing at the first of them. */
export function assertContentForPreview(root: string = process.cwd()): void {
	const errors = contentErrors(root);
	if (errors.length === 0) return;
	const lang = checkLanguage(readContentFiles(contentDir(root), root).site.text);
	const error = new ContentError(`${checkMessages(lang)['build.header'](errors.length)}\n${errors.map(formatProblem).join('\n')}`, lang);
	const [first] = errors;
	// Astro's overlay shows `loc` as the place of the error, with the lines around it.
	Object.assign(error, { loc: { file: resolve(root, first!.file), line: first!.line, column: first!.column } });
	throw error;
}
