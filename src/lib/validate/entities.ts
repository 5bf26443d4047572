/**
 * The checks of the register of entities (content/entities.yaml) and of whose each report is: the
 * register's own rules (src/lib/entities.ts), the archive's entity in site.yaml, a report's
 * entity and year, and a rank's denominator against how many entities of its kind existed.
 */
import { EntitySchema, RegisterSchema, type Entity, type Register } from '../../schemas/entity.ts';
import type { Report, Site } from '../content/model.ts';
import { countOn, existsIn, lineage, lineEntityFor, registerProblems, singleRegister, type RegisterProblem } from '../entities.ts';
import { keysOf, schemaProblems } from './describe.ts';
import { type ContentFile, m, type Problem, runLanguage, type Said } from './problems.ts';
import { parseYaml, problemAt, type Parsed } from './yaml.ts';

/** The register and the archive's line of entities, newest first. */
export interface Entities {
	register: Register;
	line: Entity[];
}

function said(problem: RegisterProblem): Said {
	switch (problem.rule) {
		case 'duplicateId':
			return m['entities.duplicateId'](problem.id, problem.first);
		case 'unknownKind':
			return m['entities.unknownKind'](problem.kind, problem.kinds.join(', '));
		case 'endsBeforeStart':
			return m['entities.endsBeforeStart'](problem.id, problem.from, problem.until);
		case 'unknownEntity':
			return m['entities.unknownEntity'](problem.id, problem.ids.join(', '));
		case 'changeShape':
			return m['entities.changeShape'](problem.kind, problem.from, problem.to);
		case 'predecessorEnd':
			return m['entities.predecessorEnd'](problem.id, problem.until, problem.expected);
		case 'successorStart':
			return m['entities.successorStart'](problem.id, problem.from, problem.expected);
		case 'continuesNotPredecessor':
			return m['entities.continuesNotPredecessor'](problem.id, problem.from.join(', '));
		case 'endsTwice':
			return m['entities.endsTwice'](problem.id, problem.first);
	}
}

/**
 * The register, or for an archive without one, a register of its publisher alone (it looks and
 * works as it always did). Undefined when the register or the site's entity is wrong.
 */
export function checkEntities(file: ContentFile | undefined, site: Site | undefined, siteFile: ContentFile, problems: Problem[]): Entities | undefined {
	if (!file) {
		if (!site) return undefined;
		const register = singleRegister(site.publisher);
		return { register, line: register.entities };
	}
	const yaml = parseYaml(file.path, file.text, 1, problems);
	if (!yaml) return undefined;
	const data: unknown = yaml.doc.toJS();
	const allowed = (path: readonly PropertyKey[]) =>
		path.length === 0
			? keysOf(RegisterSchema)
			: path[0] === 'entities' && path.length === 2
				? keysOf(EntitySchema)
				: path[0] === 'changes' && path.length === 2
					? ['date', 'kind', 'from', 'to', 'continues', 'note', 'source']
					: path[0] === 'kinds' && path.length === 2
						? ['name', 'counts']
						: path[0] === 'kinds' && path.length === 4
							? ['from', 'until', 'count']
							: ['vi', 'en'];
	if (!schemaProblems(yaml, RegisterSchema, data, [], problems, allowed)) return undefined;
	const register = RegisterSchema.parse(data);
	const broken = registerProblems(register);
	for (const problem of broken) problems.push(problemAt(yaml, problem.path, said(problem)));
	if (broken.length > 0 || !site) return undefined;
	const ids = register.entities.map((e) => e.id);
	const id = site.entity ?? (ids.length === 1 ? ids[0] : undefined);
	const siteYaml = parseYaml(siteFile.path, siteFile.text, 1, []);
	if (id === undefined) {
		problems.push(
			siteYaml
				? problemAt(siteYaml, [], m['site.entityMissing'](file.path, ids.join(', ')))
				: { ...fileAt(siteFile), ...m['site.entityMissing'](file.path, ids.join(', ')) },
		);
		return undefined;
	}
	if (!ids.includes(id)) {
		problems.push(
			siteYaml
				? problemAt(siteYaml, ['entity'], m['site.entityUnknown'](id, ids.join(', ')))
				: { ...fileAt(siteFile), ...m['site.entityUnknown'](id, ids.join(', ')) },
		);
		return undefined;
	}
	return { register, line: lineage(register, id) };
}

function fileAt(file: ContentFile): Omit<Problem, 'message' | 'fix'> {
	return { severity: 'error', file: file.path, line: 1, column: 1, field: '' };
}

/** "until 30 June 2025", as dates: the days an entity existed. */
function lifeOf(entity: Entity): string {
	return `${entity.from ?? '…'} – ${entity.until ?? '…'}`;
}

/**
 * Whose each report is: the frontmatter's `entity:`, else the entity of the archive's line that
 * existed at the end of its year. Sets `report.entity`; refuses an entity unknown, one that did not
 * exist that year, one outside the archive's line, a year none of the line existed in, and a rank
 * among more entities than existed of its kind.
 */
export function checkReportEntities(reports: readonly Parsed<Report>[], entities: Entities, problems: Problem[]): void {
	const { register, line } = entities;
	const ids = register.entities.map((e) => e.id);
	for (const { value: report, yaml } of reports) {
		const named = report.entity;
		const entity = named === undefined ? lineEntityFor(line, report.year) : register.entities.find((e) => e.id === named);
		if (named !== undefined && !entity) {
			problems.push(problemAt(yaml, ['entity'], m['report.entityUnknown'](named, ids.join(', '))));
			continue;
		}
		if (!entity) {
			const list = register.entities.map((e) => `${e.id} (${lifeOf(e)})`).join(', ');
			problems.push(problemAt(yaml, ['year'], m['report.noEntityForYear'](report.year, list)));
			continue;
		}
		if (named !== undefined && !existsIn(entity, report.year)) {
			problems.push(problemAt(yaml, ['entity'], m['report.entityOutsideDates'](entity.name[runLanguage], report.year, lifeOf(entity))));
			continue;
		}
		if (named !== undefined && lineEntityFor(line, report.year) !== entity) {
			const said = m['report.entityNotInLine'](entity.name[runLanguage], line.map((e) => e.id).join(' ← '), `reports/${entity.id}/`);
			problems.push(problemAt(yaml, ['entity'], said));
			continue;
		}
		report.entity = entity.id;
		checkRanks(report, entity, register, yaml, problems);
		checkBoundaries(report, entity, yaml, problems);
	}
}

/**
 * The reports of an entity outside the archive's line, in their own folder (`reports/bac_ninh_old/`):
 * the folder names a registered entity that is not in the line, a report names no other one, and
 * each year is one the entity existed in. Sets `report.entity` to the folder's entity.
 */
export function checkShelfEntity(shelf: string, path: string, reports: readonly Parsed<Report>[], entities: Entities, problems: Problem[]): void {
	const { register, line } = entities;
	const folder = `${path.slice(0, path.lastIndexOf('/'))}/`;
	const entity = register.entities.find((e) => e.id === shelf);
	if (!entity) {
		problems.push({
			...fileAt({ path, text: '' }),
			...m['shelf.unknownEntity'](
				folder,
				register.entities
					.filter((e) => !line.includes(e))
					.map((e) => e.id)
					.join(', '),
			),
		});
		return;
	}
	if (line.includes(entity)) {
		problems.push({ ...fileAt({ path, text: '' }), ...m['shelf.lineEntity'](folder, entity.name[runLanguage]) });
		return;
	}
	for (const { value: report, yaml } of reports) {
		if (report.entity !== undefined && report.entity !== entity.id) {
			const named = line.some((e) => e.id === report.entity) ? 'reports/' : `reports/${report.entity}/`;
			problems.push(problemAt(yaml, ['entity'], m['shelf.otherEntity'](report.entity, folder, named)));
			continue;
		}
		if (!existsIn(entity, report.year)) {
			problems.push(problemAt(yaml, ['year'], m['shelf.outsideDates'](entity.name[runLanguage], report.year, lifeOf(entity))));
			continue;
		}
		report.entity = entity.id;
		checkRanks(report, entity, register, yaml, problems);
		checkBoundaries(report, entity, yaml, problems);
	}
}

/** A national rank counts the entities that existed at the end of the period, or when this one ended. */
function checkRanks(report: Report, entity: Entity, register: Register, yaml: Parsed<Report>['yaml'], problems: Problem[]) {
	for (const figure of report.figures) {
		if (figure.of === undefined) continue;
		const end = `${figure.period}-12-31`;
		const day = entity.until && entity.until < end ? entity.until : end;
		const count = countOn(register, entity.kind, day);
		if (count !== undefined && figure.of > count) {
			problems.push(
				problemAt(yaml, figurePath(report, figure), m['report.rankAboveCount'](figure.of, count, register.kinds[entity.kind]!.name[runLanguage], day)),
			);
		}
	}
}

/**
 * A figure for a year before its report's entity existed (the new Bắc Ninh's report stating 2024)
 * says on which boundaries it is, or it would be joined to a series across the merger; and only
 * such a figure says so.
 */
function checkBoundaries(report: Report, entity: Entity, yaml: Parsed<Report>['yaml'], problems: Problem[]) {
	for (const figure of report.figures) {
		const before = entity.from !== undefined && `${figure.period}-12-31` < entity.from;
		if (before && figure.boundaries === undefined) {
			const at =
				report.figures.filter((f) => f.indicator === figure.indicator).length > 1 ? figurePath(report, figure, 'period') : ['indicators', figure.indicator];
			problems.push(
				problemAt(yaml, at, m['report.boundariesMissing'](figure.indicator, figure.period, entity.name[runLanguage], entity.from!), { key: at.length === 2 }),
			);
		} else if (!before && figure.boundaries !== undefined) {
			problems.push(problemAt(yaml, figurePath(report, figure, 'boundaries'), m['report.boundariesNeedless'](figure.period, entity.name[runLanguage])));
		}
	}
}

/** The field path of a figure's field in the frontmatter: a plain group, or the item of a list. */
function figurePath(report: Report, figure: Report['figures'][number], field = 'of'): PropertyKey[] {
	const same = report.figures.filter((f) => f.indicator === figure.indicator);
	return same.length > 1 ? ['indicators', figure.indicator, same.indexOf(figure), field] : ['indicators', figure.indicator, field];
}
