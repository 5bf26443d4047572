import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readContentFiles } from '../../src/data/content-files.ts';
import { readHistory } from '../../src/data/history.ts';
import { validateArchive } from '../../src/lib/validate/validate.ts';
import { generate, MAX_REPORTS_PER_ENTITY } from './archive.ts';

const dirs: string[] = [];
const fresh = () => {
	const dir = mkdtempSync(join(tmpdir(), 'annals-bench-test-'));
	dirs.push(dir);
	return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** What the check says of a generated archive, history and all, as `npm run check` reads it. */
function checked(dir: string) {
	const content = join(dir, 'content');
	return validateArchive(readContentFiles(content), { history: readHistory(content), lang: 'en' });
}

describe('the generated benchmark archive', () => {
	test('one entity: every report in reports/, no register, a valid archive with three versions each', () => {
		const dir = fresh();
		expect(generate(dir, 4)).toEqual([2021, 2022, 2023, 2024]);
		const { archive, problems } = checked(dir);
		expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(readdirSync(join(dir, 'content')).sort()).toEqual(['.git', 'indicators.yaml', 'reports', 'site.yaml']);
		expect(archive!.shelves).toEqual([]);
		// Every version of every report in both languages is a page of the bare site.
		expect(readdirSync(join(dir, 'bare/src/bodies'))).toHaveLength(4 * 3 * 2);
	});

	test('several entities: the reports shared out, the first entity the archive’s own, the others on shelves, all valid', () => {
		const dir = fresh();
		// 7 reports among 3 entities: 3, 2 and 2, each entity's ending in 2024.
		expect(generate(dir, 7, 3)).toEqual([2022, 2023, 2024]);
		const { archive, problems } = checked(dir);
		expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(archive!.shelves.map((s) => [s.entity, s.reports.map((r) => r.year)])).toEqual([
			['p02', [2023, 2024]],
			['p03', [2023, 2024]],
		]);
		expect(readdirSync(join(dir, 'bare/src/bodies'))).toHaveLength(7 * 3 * 2);
		// Two provinces' reports of one year differ, in figures and in words.
		const own = readFileSync(join(dir, 'content/reports/2024.mdx'), 'utf8');
		const other = readFileSync(join(dir, 'content/reports/p02/2024.mdx'), 'utf8');
		expect(other.split('\n---\n')[0]).not.toEqual(own.split('\n---\n')[0]);
		expect(other.split('\n---\n')[1]).not.toEqual(own.split('\n---\n')[1]);
	});

	test('more reports than the entities can hold is refused, naming how many entities would do', () => {
		expect(() => generate(fresh(), MAX_REPORTS_PER_ENTITY + 1)).toThrow(/--entities 2 or more/);
	});
});
