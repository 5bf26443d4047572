import { describe, expect, test } from 'vitest';
import type { Register } from '../schemas/entity.ts';
import { countOn, dayBefore, earlierOfLine, existsIn, lineage, lineBreaks, lineChanges, lineEntityFor, registerProblems } from './entities.ts';

const name = (text: string) => ({ vi: text, en: text });
/** The 2025 merger as the sample's register records it. */
const merger: Register = {
	kinds: {
		province: {
			name: { vi: 'tỉnh', en: 'province' },
			counts: [
				{ until: '2025-06-30', count: 63 },
				{ from: '2025-07-01', count: 34 },
			],
		},
	},
	entities: [
		{ id: 'bac_giang', name: name('Bắc Giang'), kind: 'province', code: '24', until: '2025-06-30' },
		{ id: 'bac_ninh_old', name: name('Bắc Ninh (cũ)'), kind: 'province', code: '27', until: '2025-06-30' },
		{ id: 'bac_ninh', name: name('Bắc Ninh'), kind: 'province', code: '24', from: '2025-07-01' },
	],
	changes: [{ date: '2025-07-01', kind: 'merger', from: ['bac_giang', 'bac_ninh_old'], to: ['bac_ninh'], continues: 'bac_giang', note: name('merger') }],
};
const edit = (change: (r: Register) => void): Register => {
	const copy = structuredClone(merger);
	change(copy);
	return copy;
};

describe('the register’s rules', () => {
	test.each<[string, Register, { rule: string; path: PropertyKey[] }[]]>([
		['the merger as recorded', merger, []],
		['an id used twice', edit((r) => r.entities.push({ ...r.entities[0]! })), [{ rule: 'duplicateId', path: ['entities', 3, 'id'] }]],
		['a kind the register does not define', edit((r) => (r.entities[0]!.kind = 'district')), [{ rule: 'unknownKind', path: ['entities', 0, 'kind'] }]],
		['an end before the start', edit((r) => (r.entities[2]!.until = '2025-01-01')), [{ rule: 'endsBeforeStart', path: ['entities', 2, 'until'] }]],
		[
			'a change naming an entity the register does not hold',
			edit((r) => (r.changes[0]!.from[1] = 'ha_bac')),
			[{ rule: 'unknownEntity', path: ['changes', 0, 'from', 1] }],
		],
		['a merger of one', edit((r) => (r.changes[0]!.from = ['bac_giang'])), [{ rule: 'changeShape', path: ['changes', 0, 'kind'] }]],
		['a split into one', edit((r) => (r.changes[0]!.kind = 'split')), [{ rule: 'changeShape', path: ['changes', 0, 'kind'] }]],
		[
			'a predecessor still existing on the day of the change',
			edit((r) => (r.entities[1]!.until = '2025-07-01')),
			[{ rule: 'predecessorEnd', path: ['entities', 1, 'until'] }],
		],
		['a predecessor with no end', edit((r) => delete r.entities[0]!.until), [{ rule: 'predecessorEnd', path: ['entities', 0, 'until'] }]],
		['a successor starting on another day', edit((r) => (r.entities[2]!.from = '2025-06-12')), [{ rule: 'successorStart', path: ['entities', 2, 'from'] }]],
		[
			'continuing an entity that is not a predecessor',
			edit((r) => (r.changes[0]!.continues = 'bac_ninh')),
			[{ rule: 'continuesNotPredecessor', path: ['changes', 0, 'continues'] }],
		],
		[
			'an entity ending in two changes',
			edit((r) => {
				r.entities.push({ id: 'x', name: name('x'), kind: 'province', from: '2025-07-01' });
				r.changes.push({ date: '2025-07-01', kind: 'rename', from: ['bac_giang'], to: ['x'], note: name('rename') });
			}),
			[{ rule: 'endsTwice', path: ['changes', 1, 'from'] }],
		],
	])('%s', (_, register, expected) => {
		expect(registerProblems(register).map(({ rule, path }) => ({ rule, path }))).toEqual(expected);
	});
});

describe('the archive’s line of entities', () => {
	const line = lineage(merger, 'bac_ninh');

	test('runs from the default entity back through the predecessors it continues', () => {
		expect(line.map((e) => e.id)).toEqual(['bac_ninh', 'bac_giang']);
		// Old Bắc Ninh merged in, but the archive does not carry on its reports.
		expect(lineage(merger, 'bac_ninh_old').map((e) => e.id)).toEqual(['bac_ninh_old']);
	});

	test.each([
		[2022, 'bac_giang'],
		[2024, 'bac_giang'],
		// The merger on 1 July: the year's report is the new province's.
		[2025, 'bac_ninh'],
		[2026, 'bac_ninh'],
	])('a report for %i without entity: belongs to %s', (year, id) => {
		expect(lineEntityFor(line, year)?.id).toBe(id);
	});

	test.each([
		['bac_giang', 'bac_giang'],
		['bac_ninh', undefined],
		[undefined, undefined],
		// Not of the line: a report beside it is named by its own pages.
		['bac_ninh_old', undefined],
	])('a report of %s is named as an earlier entity of the line: %s', (entity, named) => {
		expect(earlierOfLine(line, entity)?.id).toBe(named);
	});

	test('a year no entity of the line existed in has none', () => {
		expect(lineEntityFor(lineage(merger, 'bac_giang'), 2026)).toBeUndefined();
	});

	test('knows when an entity existed, and how many of its kind there were', () => {
		expect(existsIn(merger.entities[0]!, 2025)).toBe(true);
		expect(existsIn(merger.entities[0]!, 2026)).toBe(false);
		expect(existsIn(merger.entities[2]!, 2024)).toBe(false);
		expect([countOn(merger, 'province', '2024-12-31'), countOn(merger, 'province', '2025-06-30'), countOn(merger, 'province', '2025-12-31')]).toEqual([
			63, 63, 34,
		]);
		expect(countOn(merger, 'commune', '2025-12-31')).toBeUndefined();
		expect(dayBefore('2025-03-01')).toBe('2025-02-28');
		expect(dayBefore('2024-03-01')).toBe('2024-02-29');
	});

	test('breaks every series where the line passes to the successor, once it holds reports on both sides', () => {
		expect(lineBreaks(merger, line, [2022, 2023, 2024, 2025])).toEqual([{ year: 2025, note: name('merger') }]);
		expect(lineBreaks(merger, line, [2022, 2023, 2024])).toEqual([]);
		expect(lineBreaks(merger, line, [2025, 2026])).toEqual([]);
		// A line that does not continue through the change has no break from it.
		expect(lineBreaks(merger, lineage(merger, 'bac_ninh_old'), [2024, 2025])).toEqual([]);
	});

	test('marks the changes its entities went through', () => {
		expect(lineChanges(merger, line).map((c) => c.date)).toEqual(['2025-07-01']);
		expect(lineChanges(merger, [merger.entities[2]!]).length).toBe(1);
	});
});
