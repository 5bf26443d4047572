/**
 * Reads the figures of the previously deployed site, named by `ANNALS_PUBLISHED`: a folder (the
 * previous `dist/`), an address (`https://example.gov.vn/annals/`), or its `data/indicators.json`
 * itself. The check against it is src/lib/versions/record.ts `compareWithDeployed`.
 */
import { ensureTrailingSlash } from '../lib/paths.ts';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ADDRESSES_FILE } from '../lib/addresses.ts';
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
	const { where, text } = await readDeployedFile(spec, FIGURES_FILE, root, lang);
	try {
		return { source: spec, figures: readDeployedFigures(text, { notJson: m['deployed.notJson'], noFigures: m['deployed.noFigures'] }) };
	} catch (error) {
		throw new PublishedError(spec, where, (error as Error).message, lang);
	}
}

/** The deployed figures' file inside a site. */
const FIGURES_FILE = 'data/indicators.json';

/**
 * The addresses the deployed site answers at (its `data/addresses.json`), or `missing` with where it
 * looked when the site was built before Annals listed them; undefined when `ANNALS_PUBLISHED` is not set.
 */
export async function readPublishedAddresses(
	lang: Locale,
	spec: string | undefined = process.env[PUBLISHED_VARIABLE],
	root: string = process.cwd(),
): Promise<{ source: string; addresses: string[] } | { source: string; missing: string } | undefined> {
	if (!spec) return undefined;
	let read: { where: string; text: string };
	try {
		read = await readDeployedFile(spec, ADDRESSES_FILE, root, lang, true);
	} catch (error) {
		if (error instanceof NotThere) return { source: spec, missing: error.where };
		throw error;
	}
	try {
		const data = JSON.parse(read.text) as { addresses?: unknown };
		if (!Array.isArray(data.addresses) || !data.addresses.every((a) => typeof a === 'string')) throw new Error('no "addresses" list');
		return { source: spec, addresses: data.addresses };
	} catch (error) {
		throw new PublishedError(spec, read.where, (error as Error).message, lang);
	}
}

/** A file the deployed site does not have (HTTP 404, or no such file in the folder). */
class NotThere extends Error {
	readonly where: string;
	constructor(where: string) {
		super(where);
		this.where = where;
	}
}

/**
 * One file of the deployed site, named by `spec`: a folder (the previous `dist/`), an address, or
 * its `data/indicators.json` itself (the other files are found beside it, by their place in the site).
 */
async function readDeployedFile(spec: string, file: string, root: string, lang: Locale, mayBeMissing = false): Promise<{ where: string; text: string }> {
	const inData = file.startsWith('data/') ? file.slice('data/'.length) : undefined;
	if (/^https?:\/\//.test(spec)) {
		const where = spec.endsWith('.json') ? (inData ? new URL(inData, spec).href : spec) : new URL(file, ensureTrailingSlash(spec)).href;
		try {
			const response = await fetch(where, { signal: AbortSignal.timeout(30_000) });
			if (mayBeMissing && response.status === 404) throw new NotThere(where);
			if (!response.ok) throw new Error(`HTTP ${response.status}`);
			return { where, text: await response.text() };
		} catch (error) {
			if (error instanceof NotThere) throw error;
			throw new PublishedError(spec, where, (error as Error).message, lang);
		}
	}
	const path = resolve(root, spec);
	let isFolder = false;
	try {
		isFolder = statSync(path).isDirectory();
	} catch {
		// Reported below, with the path that was tried.
	}
	const where = isFolder ? join(path, file) : inData && file !== FIGURES_FILE ? join(dirname(path), inData) : path;
	try {
		return { where, text: readFileSync(where, 'utf8') };
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (mayBeMissing && code === 'ENOENT' && (isFolder || file !== FIGURES_FILE)) throw new NotThere(where);
		throw new PublishedError(spec, where, code ?? (error as Error).message, lang);
	}
}
