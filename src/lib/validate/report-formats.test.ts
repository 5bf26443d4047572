import { describe, expect, test } from 'vitest';
import { toGithubAnnotations, toGitlabCodeQuality, toJsonReport } from './report-formats.ts';
import type { Problem } from './problems.ts';

const problems: Problem[] = [
	{
		severity: 'error',
		file: 'content/reports/2025.mdx',
		line: 9,
		column: 17,
		field: 'indicators.poverty_rate',
		message: '"1,5" đang ở dạng chữ, không phải con số',
		fix: 'viết 1.5 không có dấu ngoặc kép',
		lang: 'vi',
	},
	{
		severity: 'warning',
		file: 'content/reports/2025.mdx',
		line: 3,
		column: 8,
		field: 'title',
		message: 'a placeholder (TODO) is left in the title: 100%',
		fix: 'write the title,\nthen check',
		lang: 'en',
	},
	{
		severity: 'error',
		file: 'content/reports/2025.mdx',
		line: 7,
		column: 1,
		field: '',
		message: 'a tab is used for indentation',
		fix: 'indent with spaces',
		lang: 'en',
	},
];

describe('the report formats of npm run check', () => {
	test('GitHub annotations: one workflow command a problem, with data and properties escaped', () => {
		expect(toGithubAnnotations(problems)).toMatchInlineSnapshot(`
			[
			  "::error file=content/reports/2025.mdx,line=9,col=17,title=indicators.poverty_rate::"1,5" đang ở dạng chữ, không phải con số — viết 1.5 không có dấu ngoặc kép",
			  "::warning file=content/reports/2025.mdx,line=3,col=8,title=title::a placeholder (TODO) is left in the title: 100%25 — write the title,%0Athen check",
			  "::error file=content/reports/2025.mdx,line=7,col=1::a tab is used for indentation — indent with spaces",
			]
		`);
	});

	test('GitLab Code Quality: severity, path, line and a fingerprint that stays the same between runs', () => {
		const report = JSON.parse(toGitlabCodeQuality(problems)) as {
			severity: string;
			check_name: string;
			fingerprint: string;
			location: { path: string; lines: { begin: number } };
		}[];
		expect(report.map((r) => [r.severity, r.check_name, r.location.path, r.location.lines.begin])).toEqual([
			['major', 'indicators', 'content/reports/2025.mdx', 9],
			['minor', 'title', 'content/reports/2025.mdx', 3],
			['major', 'content', 'content/reports/2025.mdx', 7],
		]);
		expect(new Set(report.map((r) => r.fingerprint)).size).toBe(3);
		expect(JSON.parse(toGitlabCodeQuality(problems))).toEqual(report);
	});

	test('JSON: counts and every problem', () => {
		const report = JSON.parse(toJsonReport(problems)) as { errors: number; warnings: number; problems: Problem[] };
		expect([report.errors, report.warnings, report.problems.length]).toEqual([2, 1, 3]);
		expect(report.problems[0]).toEqual(problems[0]);
	});
});
