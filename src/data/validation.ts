import type { AstroIntegrationLogger } from 'astro';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { formatProblem, type ContentFiles } from '../lib/validate/problems.ts';
import { validateArchive, type ValidArchive, type ValidationResult } from '../lib/validate/validate.ts';
import { ParseMemo } from '../lib/validate/parse-memo.ts';
import type { History } from '../lib/versions/history.ts';
import { saveKeptStates } from './history.ts';
import { keptChecks } from './kept-checks.ts';
import { checkLanguage, checkMessages } from '../i18n/check/index.ts';
import type { Locale } from '../lib/content/model.ts';
import type { Deployed } from './published.ts';
import { readContentFiles } from './content-files.ts';
import { buildVersionsModel, type VersionsModel } from './versions-model.ts';
import type { BuildWork } from '../workers/prefetch.ts';
import { locales } from '../lib/paths.ts';
import { socialCardSvg } from '../lib/social-image.ts';
import { allCards } from './social-cards.ts';

/** A content error: its message is the full list of problems, and it carries no stack worth showing. */
export class ContentError extends Error {
	/** Shown by Astro under "Hint:". */
	readonly hint: string;
	constructor(message: string, lang: Locale = 'en') {
		super(message);
		this.hint = checkMessages(lang)['build.hint'];
		// The preview's error overlay shows the name as its title.
		this.name = checkMessages(lang)['build.title'];
		// The problems say where to look; a stack trace would only point into Annals itself,
		// and Astro prints none when the stack is empty.
		this.stack = '';
	}
}

/**
 * The last checked state of the content, for the whole process. Astro loads the content config and
 * the pages as two separate module instances (the content layer, then the built pages), so the
 * checks' result is kept on globalThis: the pages then read the archive the checks produced
 * instead of a second reading of their own. The history (with its committed states, parsed as the
 * checks read them) and the versions model are kept with it, from the content check to the pages.
 * They were once held only weakly, to spare 200 MiB while Vite compiled the site; V8 then let them
 * go, and the pages read the history and built the model again (3.2 s of every build at 1,000
 * reports, `node --cpu-prof`), while the build's peak memory, which comes later with the pages
 * (which hold them anyway), was the same (full renders of 1,000 reports: 2.35 GiB held, 2.29–2.37
 * GiB held weakly).
 */
interface Checked {
	key: string;
	files: ContentFiles;
	/** The commit and the deployed figures it was checked with, to know the same reading again without its key. */
	head: string;
	deployed: Deployed | undefined;
	history: History;
	result: ValidationResult;
	model?: VersionsModel;
}
const SLOT = Symbol.for('annals.checked-content');
const store = globalThis as { [SLOT]?: Checked };

/**
 * The preview's parses, kept from one check to the next (src/lib/validate/parse-memo.ts): a save
 * changes one file, and the other 1,999 at 1,000 reports need not be parsed again (about a second).
 * One for the process, as the content layer and the pages (two module instances) both check.
 */
export function previewParses(): ParseMemo {
	const slot = globalThis as { [PARSES]?: ParseMemo };
	return (slot[PARSES] ??= new ParseMemo());
}
const PARSES = Symbol.for('annals.preview-parses');

/** The commit checked out in the content's repository ('' outside git): a commit changes the history the checks read. */
export function gitHead(dir: string): string {
	return spawnSync('git', ['rev-parse', '--verify', '-q', 'HEAD'], { cwd: dir, encoding: 'utf8' }).stdout?.trim() ?? '';
}

/**
 * A digest of every content file's path and text, the commit, and the deployed site checked
 * against: the state of the content, without keeping a copy of it.
 */
function contentKey(files: ContentFiles, head: string, deployed: Deployed | undefined): string {
	const hash = createHash('sha256')
		.update(head)
		.update('\0')
		.update(deployed?.source ?? '')
		.update('\0');
	for (const file of [files.site, files.indicators, ...(files.entities ? [files.entities] : []), ...files.reports])
		hash.update(file.path).update('\0').update(file.text).update('\0');
	return hash.digest('hex');
}

/**
 * The state of the content last checked, as an object that is replaced whenever a new state is
 * checked: what the pages' archive is kept for (src/data/archive.ts).
 */
export function lastCheck(): object | undefined {
	return store[SLOT];
}

/** What a check of the content is given besides the files. */
export interface CheckOptions {
	/** The deployed site's figures (ANNALS_PUBLISHED), which must be published again unchanged. */
	deployed?: Deployed | undefined;
	/** The preview's parses, kept from one check to the next. */
	memo?: ParseMemo | undefined;
}

/**
 * Validates the content unless this state of it was checked already, and prints the warnings of a
 * new check. `readHistory` is only called when the content or the commit changed since the last call.
 */
export function checkContent(
	files: ContentFiles,
	head: string,
	readHistory: () => History,
	logger: Pick<AstroIntegrationLogger, 'warn' | 'error' | 'info'>,
	{ deployed, memo }: CheckOptions = {},
): ValidationResult {
	let last = store[SLOT];
	// The very reading the last check was given (a build's four collections share one): its result, without hashing every file again.
	if (last && last.files === files && last.head === head && last.deployed === deployed) return last.result;
	const key = contentKey(files, head, deployed);
	if (key !== last?.key) {
		const history = readHistory();
		// A clean report file whose own checks read the same as last time is taken as checked (src/lib/validate/kept-checks.ts).
		const kept = keptChecks();
		last = store[SLOT] = {
			key,
			files,
			head,
			deployed,
			history,
			result: validateArchive(files, { history, ...(deployed ? { deployed } : {}), ...(memo ? { memo } : {}), ...(kept ? { kept } : {}) }),
		};
		// The check read every committed state: the next process takes them as read; and so for the clean files' checks.
		saveKeptStates(history);
		kept?.save();
		const lang = checkLanguage(files.site.text);
		if (!history.available) logger.warn(historyWarning(history, lang));
		if (deployed) logger.info(checkMessages(lang)['deployed.checked'](deployed.figures.length, deployed.source));
		for (const warning of last.result.problems.filter((p) => p.severity === 'warning')) logger.warn(formatProblem(warning));
	}
	return last.result;
}

/**
 * Validates the content (once per state of it: every collection's loader calls this) and prints
 * warnings; throws a ContentError listing every error. Used by the content loaders, so
 * `astro build`, `astro dev` and `astro check` all stop on bad content.
 */
export function assertValidContent(
	files: ContentFiles,
	head: string,
	readHistory: () => History,
	logger: Pick<AstroIntegrationLogger, 'warn' | 'error' | 'info'>,
	options: CheckOptions = {},
): ValidArchive {
	const { problems, archive } = checkContent(files, head, readHistory, logger, options);
	const errors = problems.filter((p) => p.severity === 'error');
	if (errors.length > 0 || !archive) {
		const lang = checkLanguage(files.site.text);
		const list = errors.map(formatProblem).join('\n');
		throw new ContentError(`${checkMessages(lang)['build.header'](errors.length)}\n${list}`, lang);
	}
	return archive;
}

/** Whether two readings of the content folder hold the same files. */
function sameFiles(a: ContentFiles, b: ContentFiles): boolean {
	const all = (f: ContentFiles) => [f.site, f.indicators, ...(f.entities ? [f.entities] : []), ...f.reports];
	const [x, y] = [all(a), all(b)];
	return x.length === y.length && x.every((file, i) => file.path === y[i]!.path && file.text === y[i]!.text);
}

/** The checked archive, its history and its versions: what every page, download and feed reads. */
export interface CheckedContent {
	/** The archive as the checks read it; drafts included. */
	archive: ValidArchive;
	history: History;
	files: ContentFiles;
	/** The published reports' versions, built once. */
	model: VersionsModel;
}

/**
 * The content as the checks last read it, when it is still what is on disk; else it is checked
 * again (a page module loaded without the content layer, as in tests), and a content error throws.
 */
export function checkedContent(
	dir: string,
	readHistory: (dir: string) => History,
	logger: Pick<AstroIntegrationLogger, 'warn' | 'error' | 'info'> = console,
): CheckedContent {
	const files = readContentFiles(dir);
	const checked = store[SLOT];
	// The pages check nothing the content layer has not: its result stands for these files (the
	// preview's check, src/data/dev-check.ts, checks again when the commit changes), whatever
	// deployed site it was checked against.
	const archive =
		checked?.result.archive && sameFiles(checked.files, files)
			? checked.result.archive
			: assertValidContent(files, gitHead(dir), () => readHistory(dir), logger);
	const last = store[SLOT]!;
	const { history } = last;
	last.model ??= buildVersionsModel(
		last.files,
		history,
		archive.reports.filter((r) => !r.draft),
		archive.site.defaultLocale,
		archive.indicators,
	);
	return { archive, history, files: last.files, model: last.model };
}

/** What the build says when it cannot read earlier versions, in the editor's language. */
export function historyWarning(history: Extract<History, { available: false }>, lang: Locale): string {
	const m = checkMessages(lang);
	return m['history.missing'](history.code === 'not-git' ? m['history.notGit'] : history.code === 'shallow' ? m['history.shallow'] : history.reason);
}

/** What the build's workers can start on before the pages ask (src/workers/prefetch.ts): the pages' own lists, from the one versions model. */
export function buildWork({ archive, model }: CheckedContent): BuildWork {
	const reports = archive.reports.filter((r) => !r.draft);
	return {
		bodies: model.earlierBodies(locales(archive.site.defaultLocale)),
		cards: allCards({ ...archive, reports, versions: model.versions, versionText: model.versionText }).map(socialCardSvg),
	};
}
