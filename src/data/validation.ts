import type { AstroIntegrationLogger } from 'astro';
import { formatProblem, validateArchive, type ContentFiles, type ValidArchive } from '../lib/validate.ts';
import type { History } from '../lib/versions.ts';

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

/**
 * Validates the content and prints warnings; throws a ContentError listing every error.
 * Used by the content loaders, so `astro build`, `astro dev` and `astro check` all stop on bad content.
 */
export function assertValidContent(files: ContentFiles, history: History, logger: Pick<AstroIntegrationLogger, 'warn' | 'error'>): ValidArchive {
	// Every collection's loader calls this; check and warn once per state of the content.
	const key = JSON.stringify(files);
	const seen = key === last?.key;
	const { problems, archive } = seen ? last!.result : validateArchive(files, { history });
	last = { key, result: { problems, archive } };
	if (!seen && !history.available) logger.warn(historyWarning(history.reason));
	if (!seen) for (const warning of problems.filter((p) => p.severity === 'warning')) logger.warn(formatProblem(warning));
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
