import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { before } from '../setup/sample-files.ts';
import { readContentFiles } from '../../src/data/content-files.ts';
import { checkMessages } from '../../src/i18n/check/index.ts';
import { buildNewReport } from '../../src/lib/new-report.ts';
import { formatProblem } from '../../src/lib/validate/problems.ts';
import { validateArchive } from '../../src/lib/validate/validate.ts';

const root = join(import.meta.dirname, '../..');
// The archive as it stood when the 2025 report was drafted: the sample up to 2024.
const sample = before(readContentFiles(join(root, 'content'), root), 2025);
const indicators = validateArchive(sample).archive!.indicators;
const latest = { year: 2024, text: sample.reports.find((f) => f.path.endsWith('/2024.mdx'))!.text };
const input = { existing: [2022, 2023, 2024], latest, indicators, today: '2026-11-27', force: false };

function check(text: string) {
	const report = { path: 'content/reports/2025.mdx', text };
	return validateArchive({ ...sample, reports: [...sample.reports, report] }, { today: '2026-11-27', lang: 'en' }).problems.filter((p) => p.file === report.path);
}

describe('npm run new-report', () => {
	const made = buildNewReport({ ...input, year: '2025' });
	if (!made.ok) throw new Error(made.error);

	test('copies every indicator of the latest report with its unit and last figure, as a dated draft', () => {
		expect(made.text).toContain('published: 2026-11-27\n');
		expect(made.text).toContain('\ndraft: true\n');
		expect(made.text).toContain('  poverty_rate: # %; 2024 report: 1.73\n');
		expect(made.text).toContain('  grdp_growth: # % change; 2024 report: 13.87, rank 1/63\n');
		expect(made.text).toContain('  par_index:\n    value: # index points; 2024 report, 2023 edition: 91.16, rank 4/63\n    period: 2024\n');
		const ids = [...made.text.matchAll(/^ {2}([a-z_]+):/gm)].map((m) => m[1]);
		expect(ids).toEqual([...new Set(validateArchive(sample).archive!.reports.at(-1)!.figures.map((f) => f.indicator))]);
	});

	test('keeps the total of a figure counted out of a total', () => {
		expect(made.text).toContain('  main_targets_met:\n    value: # count of targets; 2024 report: 15, out of 18\n    total:\n');
	});

	test('speaks the archive\'s language: Vietnamese comments and placeholders for a Vietnamese archive', () => {
		const vi = buildNewReport({ ...input, year: '2025' }, checkMessages('vi'), 'vi');
		if (!vi.ok) throw new Error(vi.error);
		expect(vi.text).toContain('title: "TODO: tiêu đề báo cáo năm 2025"\n');
		expect(vi.text).toContain('# Xóa dòng dưới đây khi báo cáo sẵn sàng công bố.\ndraft: true\n');
		expect(vi.text).toContain('  poverty_rate: # %; báo cáo năm 2024: 1.73\n');
		expect(vi.text).toContain('  par_index:\n    value: # điểm; báo cáo năm 2024, kỳ 2023: 91.16, hạng 4/63\n    period: 2024\n');
		expect(buildNewReport({ ...input, year: '2024' }, checkMessages('vi'), 'vi')).toEqual({ ok: false, error: 'content/reports/2024.mdx đã có — hãy sửa tệp đó; báo cáo không bao giờ bị ghi đè' });
		// Filled in, it checks clean like the English one.
		expect(check(vi.text).filter((p) => p.severity === 'error')).toEqual([]);
	});

	test('passes npm run check with no error, and one warning that lists the figures still empty', () => {
		const problems = check(made.text);
		expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(problems.filter((p) => p.severity === 'warning').map((p) => p.field)).toEqual(['title', 'summary', 'indicators', '(text)']);
		const empty = problems.find((p) => p.field === 'indicators')!;
		const ids = [...made.text.matchAll(/^ {2}([a-z_]+):/gm)].map((m) => m[1]);
		expect(empty.message).toBe(`${ids.length} figures of this draft have no value yet: ${ids.join(', ')}`);
	});

	test('becomes a valid report once the values are filled in', () => {
		// Last year's figure, from the comment, stands in for this year's.
		const filled = made.text
			.replace(/^( {4}value): #.*: ([\d.]+), out of ([\d.]+)\n {4}total:$/gm, '$1: $2\n    total: $3')
			.replace(/^( {2}[a-z_]+): #.*(?:report|edition): ([\d.]+).*$/gm, '$1: $2')
			.replace(/^( {4}value): #.*(?:report|edition): ([\d.]+).*$/gm, '$1: $2')
			.replace(/"TODO: the title of the 2025 report"/, 'Báo cáo năm 2025')
			.replace(/"TODO: one or two sentences on 2025"/, 'Tóm tắt.')
			.replace(/^TODO: .*$/m, 'Nội dung.');
		// 2025 is the new Bắc Ninh's first year: the 2024 editions of the indices ranked Bắc Giang, before it existed,
		// and the check asks on which boundaries each is rather than join them to the new province's series.
		expect(check(filled).map((p) => `${p.field} ${p.message.split(':')[0]}`)).toEqual(
			['par_index', 'sipas', 'papi'].map((id) => `indicators.${id} the ${id} figure for 2024 is from before Bac Ninh province existed (from 2025-07-01)`),
		);
		const said = filled.replace(/^( {4}period: 2024)$/gm, '$1\n    boundaries: original');
		expect(check(said).map(formatProblem)).toEqual([]);
	});

	test.each([
		['2024', 'content/reports/2024.mdx already exists — edit that file instead; a report is never overwritten'],
		['20x5', '"20x5" is not a year — give four digits, e.g. npm run new-report -- 2025'],
		['2030', '2030 is 6 years from the nearest report (2024) — check the year, or add --force if it is right'],
	])('refuses %s', (year, error) => {
		expect(buildNewReport({ ...input, year })).toEqual({ ok: false, error });
	});

	test('makes a far year with --force', () => {
		expect(buildNewReport({ ...input, year: '2030', force: true }).ok).toBe(true);
	});
});
