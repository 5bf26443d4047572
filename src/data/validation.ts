import type { AstroIntegrationLogger } from 'astro';
import { createHash } from 'node:crypto';
import { formatProblem, validateArchive, type ContentFiles, type ValidArchive } from '../lib/validate.ts';
import type { History } from '../lib/versions.ts';
import type { Deployed } from './published.ts';

/** A content error: its message is the full list of problems, and it carries no stack worth showing. */
export class ContentError extends Error {
	/** Shown by Astro under "Hint:". */
	readonly hint = 'Fix each line above, then build again. "npm run check" lists the problems without building.';
	constructor(message: string) {
		super(message);
		this.name = 'ContentError';
		// The problems say where to look; a stack trace would only point into Annals itself,
		// and Astro prints none when the stack is empty.
		this.stack = '';
	}
}

let last: { key: string; result: ReturnType<typeof validateArchive> } | undefined;

/** A digest of every content file's path and text: the state of the content, without keeping a copy of it. */
function contentKey(files: ContentFiles): string {
	const hash = createHash('sha256');
	for (const file of [files.site, files.indicators, ...files.reports]) hash.update(file.path).update('\0').update(file.text).update('\0');
	return hash.digest('hex');
}

/**
 * Validates the content and prints warnings; throws a ContentError listing every error.
 * Used by the content loaders, so `astro build`, `astro dev` and `astro check` all stop on bad content.
 * `readHistory` is only called when the content changed since the last call.
 */
export function assertValidContent(files: ContentFiles, readHistory: () => History, logger: Pick<AstroIntegrationLogger, 'warn' | 'error' | 'info'>, deployed?: Deployed): ValidArchive {
	// Every collection's loader calls this; check and warn once per state of the content.
	const key = contentKey(files);
	if (key !== last?.key) {
		const history = readHistory();
		last = { key, result: validateArchive(files, { history, ...(deployed ? { deployed } : {}) }) };
		if (!history.available) logger.warn(historyWarning(history.reason));
		if (deployed) logger.info(`Checked against the ${deployed.figures.length} figures deployed at ${deployed.source}.`);
		for (const warning of last.result.problems.filter((p) => p.severity === 'warning')) logger.warn(formatProblem(warning));
	}
	const { problems, archive } = last.result;
	const errors = problems.filter((p) => p.severity === 'error');
	if (errors.length > 0 || !archive) {
		const list = errors.map(formatProblem).join('\n');
		throw new ContentError(`${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} in the content must be fixed before the archive can be built:\n${list}`);
	}
	return archive;
}

/** What the build says when it cannot read earlier versions. */
export function historyWarning(reason: string): string {
	return `No git history for versions: ${reason}. The site shows current versions only, and figures changed without a revisions entry cannot be caught. Build from a full clone (git fetch --unshallow) to publish earlier versions.`;
}
