/**
 * The record in words: breaches of the rules of src/lib/versions/record.ts over the committed history,
 * and differences from the deployed site, told at the line to fix.
 */
import { reportFilePath, reportShelf } from '../paths.ts';
import { isMap, isSeq } from 'yaml';
import { splitFrontmatter } from '../content/frontmatter.ts';
import { type Breach, checkRecord, compareWithDeployed, couldHaveBeenPublished, type DeployedFigure, type RecordCatalogue } from '../versions/record.ts';
import { buildVersions } from '../versions/versions.ts';
import { committedStates, type History } from '../versions/history.ts';
import { type ContentFile, type ContentFiles, fileProblem, m, type Problem, type Said } from './problems.ts';
import { parseYaml, problemAt, type Yaml } from './yaml.ts';
import type { Catalogue } from './catalogue.ts';
import { contentPrefix, mainReportYear } from './problems.ts';

/** The first 7 characters of a commit and its day: `1a2b3c4 (2025-06-30)`. */
export const commitName = (commit: { hash: string; date: string }) => `${commit.hash.slice(0, 7)} (${commit.date.slice(0, 10)})`;

/**
 * The record over the whole committed history (src/lib/versions/record.ts), each breach told at its line in
 * the report as it is now, with the commit that made it and the way out that needs no history rewrite.
 */
export function checkTheRecord(
	files: ContentFiles,
	catalogue: Catalogue | undefined,
	record: RecordCatalogue | undefined,
	history: History,
	today: string,
	problems: Problem[],
) {
	const byPath = new Map<string, ContentFile>();
	for (const file of files.reports) if (mainReportYear(file.path)) byPath.set(reportFilePath(file.path), file);
	const prefix = contentPrefix(files);
	const breaches = checkRecord({ history, reports: new Map([...byPath].map(([path, file]) => [path, file.text])), catalogue: record, today });
	const docs = new Map<string, Yaml | undefined>();
	const yamlOf = (path: string) => {
		if (!docs.has(path)) {
			const file = byPath.get(path);
			const split = file && splitFrontmatter(file.text);
			docs.set(path, file && split?.yaml !== undefined ? parseYaml(file.path, split.yaml, split.yamlLine, []) : undefined);
		}
		return docs.get(path);
	};
	for (const breach of breaches) {
		const yaml = yamlOf(breach.path);
		const file = `${prefix}${breach.path}`;
		const told = tellBreach(breach, file, catalogue?.file ?? `${prefix}indicators.yaml`);
		if (breach.rule === 'indicator-removed') {
			catalogue?.removed.add(breach.indicator);
			// A report that still uses the id is told so at its own line by the report checks.
			if (yaml?.doc.getIn(['indicators', breach.indicator]) !== undefined) continue;
			problems.push(fileProblem(catalogue?.file ?? file, told));
		} else if (yaml) {
			problems.push(
				problemAt(yaml, existingPath(yaml, told.path, 'change' in breach ? breach.change.period : undefined, breach.year), told, told.key ? { key: true } : {}),
			);
		} else {
			problems.push(fileProblem(file, told));
		}
	}
}

/**
 * Every figure of every version the previous deployment published must be published again as it
 * was. Said once per figure: a breach the history already names at the same line is not repeated.
 */
export function checkDeployed(
	files: ContentFiles,
	history: History,
	deployed: { source: string; figures: readonly DeployedFigure[] },
	catalogue: RecordCatalogue | undefined,
	problems: Problem[],
) {
	const prefix = contentPrefix(files);
	// A report is its shelf and year (`bac_ninh_old/2023`, or `2024` on the archive's own shelf).
	const mains = new Map<string, ContentFile>();
	const shelves = new Set<string>();
	for (const file of files.reports) {
		const year = mainReportYear(file.path);
		const shelf = reportShelf(file.path);
		if (shelf) shelves.add(shelf);
		if (year) mains.set(`${shelf ? `${shelf}/` : ''}${year}`, file);
	}
	// A deployed figure of another entity's report names its entity; the archive's own name theirs, or none (before entities).
	const reportOf = (figure: DeployedFigure) => `${figure.entity && shelves.has(figure.entity) ? `${figure.entity}/` : ''}${figure.report_year}`;
	const versionsOf = (figure: DeployedFigure) => {
		const report = reportOf(figure);
		const year = figure.report_year;
		const file = mains.get(report);
		if (!file) return { report, versions: undefined };
		const { versions } = buildVersions(history, reportFilePath(file.path), year, file.text, (state, commit) =>
			couldHaveBeenPublished(state, year, catalogue, commit),
		);
		const current = versions.at(-1);
		return { report, versions: current?.state.ok && !current.state.draft ? versions : undefined };
	};
	const restore = m['deployed.restore'];
	const where = m['deployed.where'](deployed.source);
	for (const departure of compareWithDeployed(deployed.figures, versionsOf)) {
		const file = mains.get(reportOf(departure.figure));
		const split = file && splitFrontmatter(file.text);
		const yaml = file && split?.yaml !== undefined ? parseYaml(file.path, split.yaml, split.yamlLine, []) : undefined;
		const at = (path: PropertyKey[], said: Said, key = false): Problem =>
			yaml ? problemAt(yaml, path, said, key ? { key: true } : {}) : fileProblem(file?.path ?? `${prefix}reports/${reportOf(departure.figure)}.mdx`, said);
		const { version, year } = departure;
		let problem: Problem;
		switch (departure.rule) {
			case 'report-gone':
				problem = at([], m['deployed.reportGone'](year, where));
				break;
			case 'version-gone':
				problem = at(
					['revisions'],
					history.available
						? m['deployed.versionGone'](version, year, where, departure.date, restore)
						: m['deployed.noHistory'](version, year, where, departure.date),
					true,
				);
				break;
			case 'figure-gone':
				problem = at(
					['indicators', departure.figure.indicator],
					m['deployed.figureGone'](version, year, where, `${departure.figure.indicator} (${departure.figure.period})`, restore),
					true,
				);
				break;
			case 'figure-differs': {
				const f = departure.figure;
				const what = `${f.indicator}${f.period === year ? '' : ` (${f.period})`}${departure.field === 'value' ? '' : ` ${departure.field}`}`;
				const path = yaml ? existingPath(yaml, ['indicators', f.indicator, departure.field], f.period, year) : ['indicators', f.indicator];
				problem = at(
					path,
					m['deployed.figureDiffers'](
						version,
						year,
						where,
						what,
						String(f[departure.field] ?? m['record.none']),
						String(departure.now ?? m['record.none']),
						restore,
					),
				);
				break;
			}
		}
		if (!problems.some((p) => p.file === problem.file && p.line === problem.line && p.field === problem.field)) problems.push(problem);
	}
}

/**
 * The deepest part of a figure's path that the file has: `indicators.pci.1.value` for the second
 * edition of a listed figure, `indicators.poverty_rate` for a plain number.
 */
export function existingPath(yaml: Yaml, path: readonly PropertyKey[], period: number | undefined, year?: number): PropertyKey[] {
	const [head, id, field] = path;
	if (head === 'indicators' && id !== undefined && field !== undefined) {
		const entry = yaml.doc.getIn(['indicators', id], true);
		if (isSeq(entry)) {
			// An entry without period: measures the report's year.
			const i = entry.items.findIndex((item) => isMap(item) && (item.get('period') ?? year) === period);
			const listed = entry.items.length === 1 ? 0 : i;
			if (listed !== -1) return ['indicators', id, listed, field];
		}
		if (yaml.doc.getIn(path as unknown[], true)) return [...path];
		return ['indicators', id];
	}
	return [...path];
}

/** One breach of the record in words: where in the report it shows, what happened, what to do. */
export function tellBreach(breach: Breach, file: string, catalogueFile: string): Said & { path: PropertyKey[]; key?: boolean } {
	const commit = breach.commit && commitName(breach.commit);
	const label = (indicator: string, period: number) => (period === breach.year ? indicator : `${indicator} (${period})`);
	const fix = breach.commit ? m['record.fixLater']('version' in breach ? breach.version : 1) : m['record.fixNow'];
	switch (breach.rule) {
		case 'figure-changed': {
			const c = breach.change;
			const what = `${label(c.indicator, c.period)}${c.field === 'value' ? '' : ` ${c.field}`}`;
			const none = m['record.none'];
			return {
				path: ['indicators', c.indicator, c.field],
				message: m['record.figureChanged'](what, String(c.from ?? none), String(c.to ?? none), commit),
				fix: breach.commit && c.from !== undefined ? m['record.orRestore'](fix, String(c.from)) : fix,
			};
		}
		case 'figure-added':
			return {
				path: ['indicators', breach.figure.indicator],
				key: true,
				message: m['record.figureAdded'](label(breach.figure.indicator, breach.figure.period), commit),
				fix,
			};
		case 'figure-removed': {
			const f = breach.figure;
			return {
				path: ['indicators'],
				key: true,
				message: m['record.figureRemoved'](label(f.indicator, f.period), String(f.value ?? f.rank ?? f.target), commit),
				fix,
			};
		}
		case 'revision-removed':
			return { path: ['revisions'], key: true, ...m['record.revisionRemoved'](breach.index + 1, breach.entry.date, breach.entry.kind, commit!) };
		case 'revision-altered': {
			const field = breach.now.date !== breach.entry.date ? 'date' : 'kind';
			return {
				path: ['revisions', breach.index, field],
				...m['record.revisionAltered'](
					breach.index + 1,
					commit!,
					`${breach.entry.date}, ${breach.entry.kind}`,
					`${breach.now.date}, ${breach.now.kind}`,
					field,
					breach.entry[field],
				),
			};
		}
		case 'report-deleted':
			return { path: [], ...m['record.reportDeleted'](breach.year, breach.published, commit!, breach.commit!.hash.slice(0, 7), file) };
		case 'unpublished':
			return { path: ['draft'], key: true, ...m['record.unpublished'](breach.published) };
		case 'indicator-removed':
			return { path: [], ...m['record.indicatorRemoved'](breach.indicator, catalogueFile, breach.version, breach.year, file, commit!) };
		case 'future-revision':
			return { path: ['revisions', breach.index, 'date'], ...m['record.futureRevision'](breach.index + 1, breach.date) };
		case 'early-revision':
			return { path: ['revisions', breach.index, 'date'], ...m['record.earlyRevision'](breach.index + 1, breach.date, breach.after, breach.first) };
	}
}

/** The years whose report has a committed state the checks accept: published, by the record's rule. */
export function publishedYears(files: ContentFiles, history: History, record: RecordCatalogue | undefined): Set<number> {
	const years = new Set<number>();
	if (!history.available) return years;
	for (const file of files.reports) {
		const year = mainReportYear(file.path);
		if (year && committedStates(history, reportFilePath(file.path), year).some((c) => couldHaveBeenPublished(c.state, year, record, c.index))) years.add(year);
	}
	return years;
}
