import { describe, expect, test } from 'vitest';
import { checkRecord, compareWithDeployed, readDeployedFigures, type Breach, type DeployedFigure } from './record.ts';
import type { History } from './history.ts';

const report = (figures: string, revisions: string[] = [], extra = '') =>
	`---\nyear: 2024\ntitle: R\nsummary: S\npublished: 2025-01-31\n${extra}indicators:\n${figures}${revisions.length ? `revisions:\n${revisions.map((r) => `  - { date: ${r}, kind: revision, note: N }\n`).join('')}` : ''}---\nText.\n`;

/** A history of one report, `reports/2024.mdx`, one commit per state. */
function historyOf(states: string[]): History {
	return {
		available: true,
		commits: states.map((_, i) => ({ hash: `${i}`.repeat(40).slice(0, 40), date: `2025-0${i + 1}-01T00:00:00Z` })),
		files: new Map([['reports/2024.mdx', states.map((text, commit) => ({ commit, text }))]]),
	};
}

const rules = (committed: string[], now: string | undefined, catalogue = ['a', 'b']) =>
	checkRecord({
		history: historyOf(committed),
		reports: new Map(now === undefined ? [] : [['reports/2024.mdx', now]]),
		catalogue: {
			byId: new Map(catalogue.map((id) => [id, { unit: 'percent', decimals: 2 } as const])),
			at: () => new Map(['a', 'b'].map((id) => [id, { unit: 'percent', decimals: 2 } as const])),
		},
		today: '2026-01-01',
	}).map((b: Breach) => `${b.rule}${b.commit ? ` @${b.commit.hash[0]}` : ' (working tree)'}`);

describe('checkRecord({ history, reports, catalogue, today })', () => {
	test.each([
		['nothing changed', [report('  a: 1\n')], report('  a: 1\n'), []],
		['a draft changed before it was published', [report('  a: 1\n', [], 'draft: true\n')], report('  a: 2\n'), []],
		['a figure changed in the working tree', [report('  a: 1\n')], report('  a: 2\n'), ['figure-changed (working tree)']],
		['a figure changed in a commit', [report('  a: 1\n'), report('  a: 2\n')], report('  a: 2\n'), ['figure-changed @1']],
		[
			'a figure changed in a commit, then documented',
			[report('  a: 1\n'), report('  a: 2\n'), report('  a: 2\n', ['2025-06-30'])],
			report('  a: 2\n', ['2025-06-30']),
			[],
		],
		['a change undone', [report('  a: 1\n'), report('  a: 2\n'), report('  a: 1\n')], report('  a: 1\n'), []],
		['a figure added and one removed', [report('  a: 1\n')], report('  b: 1\n'), ['figure-added (working tree)', 'figure-removed (working tree)']],
		[
			'the change named at the commit from which it stands',
			[report('  a: 1\n'), report('  a: 1\n  b: 5\n'), report('  a: 2\n  b: 5\n')],
			report('  a: 2\n  b: 5\n'),
			['figure-changed @2', 'figure-added @1'],
		],
		['an entry removed', [report('  a: 1\n'), report('  a: 2\n', ['2025-06-30'])], report('  a: 2\n'), ['revision-removed @1']],
		['an entry redated', [report('  a: 1\n'), report('  a: 2\n', ['2025-06-30'])], report('  a: 2\n', ['2025-06-29']), ['revision-altered @1']],
		['an uncommitted entry edited', [report('  a: 1\n')], report('  a: 2\n', ['2025-06-29']), []],
		['an entry dated after today', [report('  a: 1\n')], report('  a: 2\n', ['2026-01-03']), ['future-revision (working tree)']],
		['an entry dated tomorrow in UTC, which is today east of it', [report('  a: 1\n')], report('  a: 2\n', ['2026-01-02']), []],
		['an entry dated before the report was published', [report('  a: 1\n')], report('  a: 2\n', ['2024-06-30']), ['early-revision (working tree)']],
		['entries out of order', [report('  a: 1\n')], report('  a: 2\n', ['2025-06-30', '2025-03-01']), ['early-revision (working tree)']],
		['an entry on the day the report was published', [report('  a: 1\n')], report('  a: 2\n', ['2025-01-31']), []],
		['a published report deleted', [report('  a: 1\n')], undefined, ['report-deleted @0']],
		['a published report made a draft', [report('  a: 1\n')], report('  a: 1\n', [], 'draft: true\n'), ['unpublished (working tree)']],
	])('%s', (_, committed, now, expected) => {
		expect(rules(committed, now)).toEqual(expected);
	});

	test('an indicator a published version used must stay in the catalogue', () => {
		expect(rules([report('  a: 1\n'), report('  b: 1\n', ['2025-06-30'])], report('  b: 1\n', ['2025-06-30']), ['b'])).toEqual(['indicator-removed @0']);
	});

	test('another entity’s report of the same year keeps its own record, in its own folder', () => {
		const shelf = 'reports/bac_ninh_old/2024.mdx';
		const history: History = {
			available: true,
			commits: ['a', 'b'].map((c, i) => ({ hash: c.repeat(40), date: `2025-0${i + 1}-01T00:00:00Z` })),
			files: new Map([
				['reports/2024.mdx', [{ commit: 0, text: report('  a: 1\n') }]],
				[shelf, [0, 1].map((commit) => ({ commit, text: report(`  a: ${commit + 5}\n`) }))],
			]),
		};
		const catalogue = {
			byId: new Map([['a', { unit: 'percent', decimals: 2 } as const]]),
			at: () => new Map([['a', { unit: 'percent', decimals: 2 } as const]]),
		};
		const check = (reports: [string, string][]) =>
			checkRecord({ history, reports: new Map(reports), catalogue, today: '2026-01-01' }).map(
				(b) => `${b.rule} ${b.path}${b.commit ? ` @${b.commit.hash[0]}` : ''}`,
			);
		// The change committed to old Bắc Ninh's 2024 is its own report's, not the archive's 2024.
		expect(
			check([
				['reports/2024.mdx', report('  a: 1\n')],
				[shelf, report('  a: 6\n')],
			]),
		).toEqual([`figure-changed ${shelf} @b`]);
		// Deleting it is a deletion, though the archive's own 2024 is still there.
		expect(check([['reports/2024.mdx', report('  a: 1\n')]])).toEqual([`report-deleted ${shelf} @b`]);
	});

	test('without history, only the working tree is checked', () => {
		const breaches = checkRecord({
			history: { available: false, reason: 'shallow' },
			reports: new Map([['reports/2024.mdx', report('  a: 2\n', ['2027-01-01'])]]),
			catalogue: undefined,
			today: '2026-01-01',
		});
		expect(breaches.map((b) => b.rule)).toEqual(['future-revision']);
	});
});

describe('compareWithDeployed(deployed, versionsOf)', () => {
	const figure = (o: Partial<DeployedFigure>): DeployedFigure => ({
		indicator: 'a',
		period: 2024,
		report_year: 2024,
		version: 1,
		value: 1,
		rank: null,
		of: null,
		total: null,
		target: null,
		status: null,
		...o,
	});
	const state = (figures: { indicator: string; period: number; value?: number; rank?: number; of?: number }[]) => ({
		ok: true as const,
		title: 'R',
		summary: 'S',
		published: '2025-01-31',
		draft: false,
		revisions: [],
		figures,
		complete: true,
		body: '',
	});
	const versions = [
		{ number: 1, state: state([{ indicator: 'a', period: 2024, value: 1 }]) },
		{ number: 2, state: state([{ indicator: 'a', period: 2024, value: 2, rank: 4, of: 63 }]) },
	];
	const rules = (deployed: DeployedFigure[]) =>
		compareWithDeployed(deployed, (f) => ({ report: String(f.report_year), versions: f.report_year === 2024 ? versions : undefined })).map((d) =>
			'field' in d ? `${d.rule} ${d.field}: ${String(d.figure[d.field])} → ${String(d.now)}` : d.rule,
		);

	test.each([
		['every figure as deployed', [figure({}), figure({ version: 2, value: 2, rank: 4, of: 63 })], []],
		['a value changed', [figure({ value: 1.5 })], ['figure-differs value: 1.5 → 1']],
		['a rank added', [figure({ version: 2, value: 2 })], ['figure-differs rank: null → 4', 'figure-differs of: null → 63']],
		['a figure gone', [figure({ indicator: 'b' })], ['figure-gone']],
		['a version gone', [figure({ version: 3 }), figure({ version: 3, indicator: 'b' })], ['version-gone']],
		['a report gone', [figure({ report_year: 2023 })], ['report-gone']],
	])('%s', (_, deployed, expected) => {
		expect(rules(deployed)).toEqual(expected);
	});

	test('reads a deployed data/indicators.json and says plainly what else it is not', () => {
		expect(readDeployedFigures('\uFEFF{"indicators":[],"figures":[{"indicator":"a","period":2024,"report_year":2024,"version":1,"value":1}]}')).toHaveLength(1);
		expect(() => readDeployedFigures('<html>')).toThrow(/^it is not JSON/);
		expect(() => readDeployedFigures('{"rows":[]}')).toThrowErrorMatchingInlineSnapshot(
			`[Error: it has no "figures" list: is it an Annals data/indicators.json?]`,
		);
	});
});
