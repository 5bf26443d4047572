/**
 * The register of entities (content/entities.yaml): which body a report belongs to, how bodies
 * changed (a merger, a split, a rename), and how many bodies of a kind existed on a day, the
 * denominator of a national rank. Pure rules over the register, checked by src/lib/validate/entities.ts.
 */
import type { Change, Entity, Register } from '../schemas/entity.ts';
import type { LocalizedText } from '../schemas/common.ts';

/** A rule the register breaks, where, and what the editor must know to fix it. */
export type RegisterProblem =
	| { rule: 'duplicateId'; path: PropertyKey[]; id: string; first: number }
	| { rule: 'unknownKind'; path: PropertyKey[]; kind: string; kinds: string[] }
	| { rule: 'endsBeforeStart'; path: PropertyKey[]; id: string; from: string; until: string }
	| { rule: 'unknownEntity'; path: PropertyKey[]; id: string; ids: string[] }
	| { rule: 'changeShape'; path: PropertyKey[]; kind: Change['kind']; from: number; to: number }
	| { rule: 'predecessorEnd'; path: PropertyKey[]; id: string; until: string | undefined; expected: string }
	| { rule: 'successorStart'; path: PropertyKey[]; id: string; from: string | undefined; expected: string }
	| { rule: 'continuesNotPredecessor'; path: PropertyKey[]; id: string; from: string[] }
	| { rule: 'endsTwice'; path: PropertyKey[]; id: string; first: number };

/** The day before a `YYYY-MM-DD` day. */
export function dayBefore(day: string): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() - 1);
	return date.toISOString().slice(0, 10);
}

/** Whether an entity existed on a day. */
export function existsOn(entity: Pick<Entity, 'from' | 'until'>, day: string): boolean {
	return (!entity.from || entity.from <= day) && (!entity.until || day <= entity.until);
}

/** Whether an entity existed on any day of a year. */
export function existsIn(entity: Pick<Entity, 'from' | 'until'>, year: number): boolean {
	return (!entity.from || entity.from <= `${year}-12-31`) && (!entity.until || `${year}-01-01` <= entity.until);
}

/** Every rule the register breaks; none for a register that is sound. */
export function registerProblems(register: Register): RegisterProblem[] {
	const problems: RegisterProblem[] = [];
	const byId = new Map<string, number>();
	const kinds = Object.keys(register.kinds);
	register.entities.forEach((entity, i) => {
		const first = byId.get(entity.id);
		if (first !== undefined) problems.push({ rule: 'duplicateId', path: ['entities', i, 'id'], id: entity.id, first: first + 1 });
		else byId.set(entity.id, i);
		if (!kinds.includes(entity.kind)) problems.push({ rule: 'unknownKind', path: ['entities', i, 'kind'], kind: entity.kind, kinds });
		if (entity.from && entity.until && entity.until < entity.from)
			problems.push({ rule: 'endsBeforeStart', path: ['entities', i, 'until'], id: entity.id, from: entity.from, until: entity.until });
	});
	const ids = [...byId.keys()];
	const ended = new Map<string, number>();
	register.changes.forEach((change, c) => {
		const known = (side: 'from' | 'to') =>
			change[side].filter((id, k) => {
				if (byId.has(id)) return true;
				problems.push({ rule: 'unknownEntity', path: ['changes', c, side, k], id, ids });
				return false;
			});
		const [from, to] = [known('from'), known('to')];
		const shape = {
			merger: change.from.length >= 2 && change.to.length === 1,
			split: change.from.length === 1 && change.to.length >= 2,
			rename: change.from.length === 1 && change.to.length === 1,
		};
		if (!shape[change.kind])
			problems.push({ rule: 'changeShape', path: ['changes', c, 'kind'], kind: change.kind, from: change.from.length, to: change.to.length });
		// Predecessors end the day before; successors start that day: a reader's date falls in exactly one.
		const expectedEnd = dayBefore(change.date);
		for (const id of from) {
			const entity = register.entities[byId.get(id)!]!;
			if (entity.until !== expectedEnd)
				problems.push({ rule: 'predecessorEnd', path: ['entities', byId.get(id)!, 'until'], id, until: entity.until, expected: expectedEnd });
			const first = ended.get(id);
			if (first !== undefined) problems.push({ rule: 'endsTwice', path: ['changes', c, 'from'], id, first: first + 1 });
			else ended.set(id, c);
		}
		for (const id of to) {
			const entity = register.entities[byId.get(id)!]!;
			if (entity.from !== change.date)
				problems.push({ rule: 'successorStart', path: ['entities', byId.get(id)!, 'from'], id, from: entity.from, expected: change.date });
		}
		if (change.continues && !change.from.includes(change.continues))
			problems.push({ rule: 'continuesNotPredecessor', path: ['changes', c, 'continues'], id: change.continues, from: change.from });
	});
	return problems;
}

/**
 * An archive's line of entities, newest first: the default entity, then the predecessor each change
 * says it continues, and so on. Reports without an `entity:` belong to this line.
 */
export function lineage(register: Register, id: string): Entity[] {
	const line: Entity[] = [];
	let current = register.entities.find((e) => e.id === id);
	while (current && !line.includes(current)) {
		line.push(current);
		const change = register.changes.find((c) => c.to.includes(current!.id) && c.continues);
		current = change ? register.entities.find((e) => e.id === change.continues) : undefined;
	}
	return line;
}

/**
 * The entity of the archive's line whose report a year's is: the one that existed at the end of
 * the year (a merger on 1 July makes that year's report the new province's), else the last one
 * that existed during it. Undefined when none did.
 */
export function lineEntityFor(line: readonly Entity[], year: number): Entity | undefined {
	return line.find((e) => existsOn(e, `${year}-12-31`)) ?? line.find((e) => existsIn(e, year));
}

/**
 * The entity of the line a report names when it is not the line's present one (`line[0]`): Bắc
 * Giang for its 2024 report in the archive the new Bắc Ninh carries on. Its pages and card name it,
 * where a report of the present entity goes under the archive's publisher.
 */
export function earlierOfLine<E extends Pick<Entity, 'id'>>(line: readonly E[], entity: string | undefined): E | undefined {
	return entity === undefined || entity === line[0]?.id ? undefined : line.find((e) => e.id === entity);
}

/** How many entities of a kind existed on a day, when the register says. */
export function countOn(register: Register, kind: string, day: string): number | undefined {
	return register.kinds[kind]?.counts.find((c) => existsOn(c, day))?.count;
}

/** The changes an entity's line went through, oldest first: the events its charts mark. */
export function lineChanges(register: Register, line: readonly Entity[]): Change[] {
	const ids = new Set(line.map((e) => e.id));
	return register.changes.filter((c) => c.to.some((id) => ids.has(id)) || c.from.some((id) => ids.has(id))).sort((a, b) => a.date.localeCompare(b.date));
}

/** An archive of one body, with no register: the site's publisher, for all time. */
export function singleRegister(name: Entity['name']): Register {
	return { kinds: { body: { name: { vi: 'cơ quan', en: 'body' }, counts: [] } }, entities: [{ id: 'archive', name, kind: 'body' }], changes: [] };
}

/**
 * Where the archive's line passes from one entity to the next, when it holds reports on both sides:
 * a break in every series at the successor's first year (its report is the year's, see
 * lineEntityFor), explained by the change's note. A predecessor's figures and its successor's are
 * never drawn as one line or compared as one series.
 */
export function lineBreaks(register: Register, line: readonly Entity[], reportYears: readonly number[]): { year: number; note: LocalizedText }[] {
	const ids = new Set(line.map((e) => e.id));
	return register.changes
		.filter((c) => c.continues !== undefined && ids.has(c.continues) && c.to.some((id) => ids.has(id)))
		.map((c) => ({ year: Number(c.date.slice(0, 4)), note: c.note }))
		.filter(({ year }) => reportYears.some((y) => y < year) && reportYears.some((y) => y >= year));
}
