/**
 * Checks every content file of an archive and says what is wrong in words an editor can act on.
 *
 * One module serves `npm run check`, the Astro content config and the tests, so an editor sees the
 * same message wherever a mistake is caught. It reads plain text in and returns plain data out: no
 * file system, no clock (pass `today`), no Astro.
 *
 * Line and column numbers come from the YAML parser's node positions.
 */
import type { Figure, Indicator, Locale, Report, Site } from '../content/model.ts';
import { type DeployedFigure, recordCatalogue } from '../versions/record.ts';
import { currentState, type History } from '../versions/history.ts';
import type { Entity, Register } from '../../schemas/entity.ts';
import { checkEntities, checkReportEntities, checkShelfEntity } from './entities.ts';
import { reportFilePath, reportShelf } from '../paths.ts';
import { parsed, withParseMemo, type ParseMemo } from './parse-memo.ts';
import { checkLanguage } from '../../i18n/check/index.ts';
import { type ContentFile, type ContentFiles, fileProblem, LOCALES, m, mainReportYear, type Problem, REPORT_NAME, useLanguage } from './problems.ts';
import type { Parsed } from './yaml.ts';
import { checkKey, type KeptChecks, keptOrChecked } from './kept-checks.ts';
import { splitFrontmatter } from '../content/frontmatter.ts';
import { type Catalogue, checkCatalogueChanges, checkHeadline, checkIndicators, checkSite } from './catalogue.ts';
import { checkReport, checkTranslation, type PreviousFigure } from './reports.ts';
import { checkDeployed, checkTheRecord, publishedYears } from './record-checks.ts';
import { checkAcrossReports } from './across.ts';
import { checkRedirects } from './redirects.ts';
import type { Redirect } from '../../schemas/redirects.ts';

/** The archive once it passes: plain data, ready for pages. */
export interface ValidArchive {
	site: Site;
	indicators: Indicator[];
	/** Every report of the archive's own line, drafts included, oldest first. */
	reports: Report[];
	/** The reports of entities outside the line, one shelf per entity (`reports/bac_ninh_old/`), by id. */
	shelves: Shelf[];
	/** The register of entities (content/entities.yaml), or the publisher's alone. */
	register: Register;
	/** The archive's line of entities, newest first: whose its reports are. */
	line: Entity[];
	/** The addresses that moved (content/redirects.yaml). */
	redirects: Redirect[];
}

/** The reports of one entity outside the archive's line, drafts included, oldest first. */
export interface Shelf {
	entity: string;
	reports: Report[];
}

export interface ValidationResult {
	/** Every problem found, errors and warnings, in file order. */
	problems: Problem[];
	/** The checked archive, or undefined when there is at least one error. */
	archive: ValidArchive | undefined;
}

export interface ValidationOptions {
	/** Today's date (YYYY-MM-DD), for the stale-draft warning. Defaults to the system clock's day. */
	today?: string;
	/** The reports' git history, to refuse figures changed without a revisions entry. */
	history?: History;
	/**
	 * The figures of the previously deployed site (`ANNALS_PUBLISHED`): every one of every version
	 * must be published again unchanged. `source` names where they were read, for messages.
	 */
	deployed?: { source: string; figures: readonly DeployedFigure[] };
	/** The language of the messages; defaults to the archive's (`defaultLocale` in site.yaml). */
	lang?: Locale;
	/** Parses to keep for the next check, and those the last one kept (the preview's: src/lib/validate/parse-memo.ts). */
	memo?: ParseMemo;
	/** The checks of clean report files kept from the last check, and where to keep this one's (src/lib/validate/kept-checks.ts). */
	kept?: KeptChecks;
}

/** Checks an archive's content files and returns every problem found, plus the archive when it is valid. */
export function validateArchive(files: ContentFiles, options: ValidationOptions = {}): ValidationResult {
	const lang = options.lang ?? checkLanguage(files.site.text);
	useLanguage(lang);
	options.memo?.next(lang);
	return withParseMemo(options.memo, () => validateNow(files, options, lang));
}

function validateNow(files: ContentFiles, options: ValidationOptions, lang: Locale): ValidationResult {
	const today = options.today ?? new Date().toISOString().slice(0, 10);
	const problems: Problem[] = [];

	const site = checkSite(files.site, problems);
	const indicators = checkIndicators(files.indicators, problems);
	// Without a readable catalogue every id would look unknown: skip those checks rather than bury the real error.
	const catalogue: Catalogue | undefined = indicators
		? { byId: new Map(indicators.map((indicator) => [indicator.id, indicator])), file: files.indicators.path, removed: new Set() }
		: undefined;
	if (catalogue && options.history?.available) checkCatalogueChanges(files.indicators, catalogue, options.history, problems);
	const history = options.history ?? { available: false, reason: 'not given' };
	const record = catalogue && recordCatalogue(history, [...catalogue.byId.values()]);
	checkTheRecord(files, catalogue, record, history, today, problems);
	if (options.deployed) checkDeployed(files, history, options.deployed, record, problems);

	// Every shelf of reports on its own: the archive's (`reports/`) and each other entity's
	// (`reports/bac_ninh_old/`). A report is compared only with its own shelf's other years.
	const entities = checkEntities(files.entities, site, files.site, problems);
	const shelves = new Map<string, ContentFile[]>([['', []]]);
	for (const file of files.reports) {
		const shelf = reportShelf(file.path);
		shelves.set(shelf, [...(shelves.get(shelf) ?? []), file]);
	}
	const checked = [...shelves].map(([shelf, shelfFiles]) => {
		const { mains, translations } = checkShelf(shelfFiles, site?.defaultLocale ?? 'vi', catalogue, history, problems, options.kept);
		// Whose each report is, first: a report is compared with last year's only when both are one entity's.
		if (entities && shelf) checkShelfEntity(shelf, shelfFiles[0]!.path, mains, entities, problems);
		else if (entities) checkReportEntities(mains, entities, problems);
		const years = new Set(mains.map((main) => main.value.year));
		checkAcrossReports(mains, years, translations, catalogue, problems, today, publishedYears({ ...files, reports: shelfFiles }, history, record));
		return { shelf, mains, translations };
	});
	if (site && catalogue) checkHeadline(files.site, catalogue, site, problems);
	const redirects = checkRedirects(files.redirects, problems);

	for (const problem of problems) problem.lang = lang;
	// In reading order: file by file, top to bottom.
	const order = new Map(
		[
			files.site.path,
			files.indicators.path,
			...(files.entities ? [files.entities.path] : []),
			...files.reports.map((f) => f.path),
			...(files.redirects ? [files.redirects.path] : []),
		].map((path, i) => [path, i]),
	);
	problems.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line || a.column - b.column);
	const hasErrors = problems.some((p) => p.severity === 'error');
	if (hasErrors || !site || !indicators || !entities) return { problems, archive: undefined };
	const reportsOf = ({ mains, translations }: (typeof checked)[number]) => {
		for (const t of translations) {
			const main = mains.find((m) => m.value.year === t.value.year);
			if (main) main.value.text[t.value.lang] = { title: t.value.title, summary: t.value.summary };
		}
		return mains.map((m) => m.value).sort((a, b) => a.year - b.year);
	};
	const [own, ...others] = checked;
	return {
		problems,
		archive: {
			site,
			indicators,
			reports: reportsOf(own!),
			shelves: others.map((shelf) => ({ entity: shelf.shelf, reports: reportsOf(shelf) })).sort((a, b) => a.entity.localeCompare(b.entity)),
			register: entities.register,
			line: entities.line,
			redirects,
		},
	};
}

/**
 * The reports of one shelf, each checked on its own: its figures read as history reads them (they
 * keep the decimals they were written with, 30.0), and last year's tell a hint what a mistyped
 * figure probably meant.
 */
function checkShelf(
	files: readonly ContentFile[],
	defaultLocale: Locale,
	catalogue: Catalogue | undefined,
	history: History,
	problems: Problem[],
	kept: KeptChecks | undefined,
) {
	const figuresByYear = new Map<number, Figure[]>();
	for (const file of files) {
		const year = mainReportYear(file.path);
		const state = year ? parsed(`state\0${year}`, file.text, () => currentState(history, reportFilePath(file.path), file.text, year)) : undefined;
		if (year && state?.ok) figuresByYear.set(year, state.figures);
	}
	// The figure for the period before, as the latest report that states it gives it: indexed once,
	// as a lookup per figure over every report would grow with the square of the archive.
	const latestStated = new Map<string, number>();
	for (const year of [...figuresByYear.keys()].sort((x, y) => x - y))
		for (const figure of figuresByYear.get(year)!) if (figure.value !== undefined) latestStated.set(`${figure.indicator}@${figure.period}`, figure.value);
	const previousOf: PreviousFigure = (indicator, period) => {
		const value = latestStated.get(`${indicator}@${period - 1}`);
		return value === undefined ? undefined : { year: period - 1, value };
	};
	// What a file's own checks read besides the file (src/lib/validate/kept-checks.ts): the catalogue, with the indicators the record removed.
	const catalogueRead = catalogue ? JSON.stringify([catalogue.file, [...catalogue.byId.values()], [...catalogue.removed].sort()]) : 'no catalogue';
	const checkedOnce = <T>(kind: string, file: ContentFile, year: number, written: string, check: () => Parsed<T> | undefined) => {
		const split = splitFrontmatter(file.text);
		if (!kept || split.yaml === undefined) return check();
		const key = checkKey(kind, file.path, file.text, String(year), defaultLocale, catalogueRead, written);
		return keptOrChecked(kept, key, file.path, { text: split.yaml, firstLine: split.yamlLine }, problems, check);
	};
	const mains: Parsed<Report>[] = [];
	const translations: Parsed<{ year: number; lang: Locale; title: string; summary: string }>[] = [];
	for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
		const name = file.path.split('/').pop() ?? file.path;
		const match = REPORT_NAME.exec(name);
		if (!match?.groups) {
			problems.push(fileProblem(file.path, m['file.badName'](name)));
			continue;
		}
		const year = Number(match.groups['year']);
		const lang = match.groups['lang'];
		if (lang === undefined) {
			const written = figuresByYear.get(year);
			const report = checkedOnce('report', file, year, JSON.stringify(written ?? null), () =>
				checkReport(file, year, defaultLocale, catalogue, problems, previousOf, written),
			);
			// A kept report's figures are a copy of the committed state's (its key holds them): the pages read the state's own objects.
			if (report && written) report.value.figures = written;
			if (report) mains.push(report);
		} else if (!LOCALES.includes(lang as Locale)) {
			problems.push(fileProblem(file.path, m['file.badLang'](lang, LOCALES.map((l) => `${year}.${l}.mdx`).join(' or '))));
		} else {
			const translation = checkedOnce(`translation ${lang}`, file, year, '', () => checkTranslation(file, year, lang as Locale, problems));
			if (translation) translations.push(translation);
		}
	}
	return { mains, translations };
}
