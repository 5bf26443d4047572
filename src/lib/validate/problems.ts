/**
 * What the checks say: a problem located in a file, formatted for a terminal, and the dictionary of
 * the run under way (src/i18n/check/), in the editor's language.
 */
import type { Locale } from '../content/model.ts';
import { checkMessages, type CheckMessages } from '../../i18n/check/index.ts';

/** A content file: its path from the project root (as the editor sees it) and its text. */
export interface ContentFile {
	path: string;
	text: string;
}

/** Everything an archive is made of. */
export interface ContentFiles {
	site: ContentFile;
	indicators: ContentFile;
	/** `entities.yaml`, the register of entities, when the archive has one. */
	entities?: ContentFile | undefined;
	/** `redirects.yaml`, the addresses that moved, when the archive has one. */
	redirects?: ContentFile | undefined;
	/** `reports/<year>.mdx` and their translations `reports/<year>.<lang>.mdx`. */
	reports: ContentFile[];
}

/** One thing wrong with the content, located precisely enough to fix it. */
export interface Problem {
	/** Errors stop the build; warnings are printed and the build goes on. */
	severity: 'error' | 'warning';
	file: string;
	line: number;
	column: number;
	/** The field path, e.g. `indicators.poverty_rate`; empty for the file as a whole. */
	field: string;
	/** What is wrong. */
	message: string;
	/** What to do about it. */
	fix: string;
	/** The language message and fix are written in. */
	lang?: Locale;
}

/** The field of a problem in the text of a report, below its frontmatter. */
export const TEXT_FIELD = '(text)';

/** Formats a problem as `file:line:column  field  what is wrong — what to do`, in the problem's language. */
export function formatProblem(problem: Problem): string {
	const words = checkMessages(problem.lang ?? 'en');
	const where = `${problem.file}:${problem.line}:${problem.column}`;
	const label = problem.severity === 'warning' ? words['format.warning'] : '';
	const field = problem.field === TEXT_FIELD ? words['format.text'] : problem.field || words['format.file'];
	return `${where}  ${field}  ${label}${problem.message} — ${problem.fix}`;
}

/** A short report of all problems, errors first, for a terminal, with a line that counts them. */
export function formatProblems(problems: readonly Problem[], lang: Locale = problems[0]?.lang ?? 'en'): string {
	const errors = problems.filter((p) => p.severity === 'error');
	const warnings = problems.filter((p) => p.severity === 'warning');
	const lines = [...errors, ...warnings].map(formatProblem);
	lines.push(checkMessages(lang)['format.summary'](errors.length, warnings.length));
	return lines.join('\n');
}

/** What a message says: what is wrong, and what to do. */
export type Said = { message: string; fix: string };

/**
 * The messages of the run under way. validateArchive is synchronous and sets this first, so every
 * check below speaks the run's language without passing the dictionary through each call.
 */
export let m: CheckMessages = checkMessages('en');

/** The language of the run under way, for names written in both languages (an entity's). */
export let runLanguage: Locale = 'en';

/** Sets the language of the run under way (validateArchive does, first). */
export function useLanguage(lang: Locale): void {
	m = checkMessages(lang);
	runLanguage = lang;
}

export function fileProblem(file: string, { message, fix }: Said): Problem {
	return { severity: 'error', file, line: 1, column: 1, field: '', message, fix };
}

/** A report file's name: `2024.mdx`, or a translation's `2024.en.mdx`. */
export const REPORT_NAME = /^(?<year>\d{4})(?:\.(?<lang>[a-z]{2}))?\.mdx?$/;

/** The languages a report may be written in. */
export const LOCALES: readonly Locale[] = ['vi', 'en'];

/** The year of a report's own file (`content/reports/2024.mdx`); undefined for a translation or another file. */
export function mainReportYear(path: string): number | undefined {
	const match = /^(\d{4})\.mdx?$/.exec(path.split('/').pop() ?? '');
	return match ? Number(match[1]) : undefined;
}

/** Where the content folder is, as the editor sees paths: `content/` for `content/reports/2024.mdx`. */
export const contentPrefix = (files: ContentFiles) => files.indicators.path.replace(/indicators\.yaml$/, '');
