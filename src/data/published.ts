/**
 * Reads the figures of the previously deployed site, named by `ANNALS_PUBLISHED`: a folder (the
 * previous `dist/`), an address (`https://example.gov.vn/annals/`), or its `data/indicators.json`
 * itself. The check against it is src/lib/versions/record.ts `compareWithDeployed`.
 */
import { ensureTrailingSlash } from '../lib/paths.ts';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkMessages } from '../i18n/check/index.ts';
import type { Locale } from '../lib/content/model.ts';
import { readDeployedFigures, type DeployedFigure } from '../lib/versions/record.ts';

/** The environment variable that names the deployed site. */
export const PUBLISHED_VARIABLE = 'ANNALS_PUBLISHED';

/** What was read, and from where. */
export interface Deployed {
	source: string;
	figures: DeployedFigure[];
}

/** Why the deployed figures could not be read: a message for the person who set the variable. */
export class PublishedError extends Error {
	constructor(spec: string, where: string, reason: string, lang: Locale) {
		super(checkMessages(lang)['deployed.unreadable'](PUBLISHED_VARIABLE, spec, where, reason));
		this.name = 'PublishedError';
		this.stack = '';
	}
}

/** The deployed figures, or undefined when `ANNALS_PUBLISHED` is not set. */
export async function readPublished(
	lang: Locale,
	spec: string | undefined = process.env[PUBLISHED_VARIABLE],
	root: string = process.cwd(),
): Promise<Deployed | undefined> {
	if (!spec) return undefined;
	const m = checkMessages(lang);
	let where: string;
	let text: string;
	if (/^https?:\/\//.test(spec)) {
		where = spec.endsWith('.json') ? spec : new URL('data/indicators.json', ensureTrailingSlash(spec)).href;
		try {
			const response = await fetch(where, { signal: AbortSignal.timeout(30_000) });
			if (!response.ok) throw new Error(`HTTP ${response.status}`);
			text = await response.text();
		} catch (error) {
			throw new PublishedError(spec, where, (error as Error).message, lang);
		}
	} else {
		const path = resolve(root, spec);
		let isFolder = false;
		try {
			isFolder = statSync(path).isDirectory();
		} catch {
			// Reported below, with the path that was tried.
		}
		where = isFolder ? join(path, 'data/indicators.json') : path;
		try {
			text = readFileSync(where, 'utf8');
		} catch (error) {
			throw new PublishedError(spec, where, (error as NodeJS.ErrnoException).code ?? (error as Error).message, lang);
		}
	}
	try {
		return { source: spec, figures: readDeployedFigures(text, { notJson: m['deployed.notJson'], noFigures: m['deployed.noFigures'] }) };
	} catch (error) {
		throw new PublishedError(spec, where, (error as Error).message, lang);
	}
}
