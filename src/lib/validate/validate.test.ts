/**
 * validateArchive over small archives written inline: every message is an inline snapshot, as
 * Starlight tests its config errors. Over 300 lines because each message an editor can get is
 * written out in full here, where a change of wording shows in review.
 */
import { describe, expect, test } from 'vitest';
import { formatProblem, formatProblems, type ContentFile } from './problems.ts';
import { validateArchive } from './validate.ts';
import { ParseMemo } from './parse-memo.ts';
import { indicators, report, site } from './fixtures/small-archive.ts';

/** The formatted problems of an archive made of the given report files. */
function problemsOf(...reports: ContentFile[]): string[] {
	return validateArchive({ site, indicators, reports }, { today: '2026-11-27', lang: 'en' }).problems.map(formatProblem);
}

describe('validateArchive(files)', () => {
	test('accepts a valid archive and flattens its figures', () => {
		const result = validateArchive(
			{
				site,
				indicators,
				reports: [
					report(
						2024,
						'indicators:\n  grdp_growth: 13.85\n  poverty_rate:\n    value: 1.73\n    status: final\n  pci:\n    value: 69.75\n    period: 2023\n    rank: 4\n    of: 63\n',
					),
					{ path: 'content/reports/2024.en.mdx', text: '---\ntitle: Report\nsummary: In English\n---\nText.' },
				],
			},
			{ today: '2026-11-27' },
		);
		expect(result.problems).toEqual([]);
		const [only] = result.archive!.reports;
		expect(only!.text).toEqual({ vi: { title: 'Report 2024', summary: 'Summary' }, en: { title: 'Report', summary: 'In English' } });
		expect(only!.published).toBe('2025-01-31');
		expect(only!.figures).toEqual([
			{ indicator: 'grdp_growth', period: 2024, value: 13.85 },
			{ indicator: 'poverty_rate', period: 2024, value: 1.73, status: 'final' },
			{ indicator: 'pci', period: 2023, value: 69.75, rank: 4, of: 63 },
		]);
	});

	test.each([
		[
			'a number written as text with a decimal comma',
			'indicators:\n  poverty_rate: "1,73"\n',
			'content/reports/2024.mdx:7:17  indicators.poverty_rate  "1,73" is text, not a number — write 1.73 without quotes, with a decimal point',
		],
		[
			'a percentage above 100',
			'indicators:\n  poverty_rate: 173\n',
			'content/reports/2024.mdx:7:17  indicators.poverty_rate  173 is not a percentage (0–100) — did you mean 1.73?',
		],
		[
			'a percentage above 100 inside an object',
			'indicators:\n  poverty_rate:\n    value: 1385\n',
			'content/reports/2024.mdx:8:12  indicators.poverty_rate.value  1385 is not a percentage (0–100) — did you mean 13.85?',
		],
		[
			'an unknown indicator id',
			'indicators:\n  povety_rate: 1.73\n',
			'content/reports/2024.mdx:7:3  indicators.povety_rate  "povety_rate" is not an indicator in content/indicators.yaml — did you mean "poverty_rate"?',
		],
		[
			'an id nothing like a known one',
			'indicators:\n  unemployment: 2.1\n',
			'content/reports/2024.mdx:7:3  indicators.unemployment  "unemployment" is not an indicator in content/indicators.yaml — check the spelling, or add the indicator to content/indicators.yaml first',
		],
		[
			'"n/a" instead of leaving the figure out',
			'indicators:\n  poverty_rate: n/a\n',
			'content/reports/2024.mdx:7:17  indicators.poverty_rate  "n/a" is text, not a number — write the figure as a number, or remove the line if it was not published',
		],
		[
			'an empty value',
			'indicators:\n  poverty_rate:\n',
			'content/reports/2024.mdx:7:3  indicators.poverty_rate  the value is missing — write the figure after the colon, or remove the line if it was not published',
		],
		[
			'a rank above the number ranked',
			'indicators:\n  pci:\n    value: 69.75\n    rank: 64\n    of: 63\n',
			'content/reports/2024.mdx:9:11  indicators.pci.rank  rank 64 is above of: 63 — a rank is at most the number ranked; check both',
		],
		[
			'a rank without "of"',
			'indicators:\n  pci:\n    value: 69.75\n    rank: 4\n',
			'content/reports/2024.mdx:9:11  indicators.pci.rank  rank 4 does not say out of how many — add of: with the number ranked, e.g. of: 63',
		],
		[
			'a period after the report year',
			'indicators:\n  pci:\n    value: 69.75\n    period: 2025\n',
			"content/reports/2024.mdx:9:13  indicators.pci.period  period 2025 is after the report's year 2024 — a 2024 report can only state figures for 2024 or earlier",
		],
		[
			'a misspelt figure field',
			'indicators:\n  pci:\n    vale: 69.75\n',
			'content/reports/2024.mdx:8:5  indicators.pci.vale  "vale" is not a field here — did you mean "value"?',
		],
		[
			'a status that is not estimate or final',
			'indicators:\n  pci:\n    value: 69.75\n    status: estimated\n',
			'content/reports/2024.mdx:9:13  indicators.pci.status  "estimated" is not one of estimate, final — did you mean estimate?',
		],
		[
			'a source that is not a web address',
			'indicators:\n  pci:\n    value: 69.75\n    source: vietnamnews\n',
			'content/reports/2024.mdx:9:13  indicators.pci.source  "vietnamnews" is not a web address — write the full address, starting with https://',
		],
		[
			'a figure with neither value, rank nor target',
			'indicators:\n  pci:\n    note: not yet out\n',
			'content/reports/2024.mdx:7:3  indicators.pci  the figure has no value, rank or target — add value: with the figure, or remove the indicator if it was not published',
		],
		[
			'the same period twice in a list',
			'indicators:\n  pci:\n    - value: 69.75\n      period: 2023\n    - value: 71.24\n      period: 2023\n',
			'content/reports/2024.mdx:11:15  indicators.pci.1.period  period 2023 is given twice for pci — give each entry of the list its own period',
		],
		['an unknown top-level field', 'titel: Oops\n', 'content/reports/2024.mdx:6:1  titel  "titel" is not a field here — did you mean "title"?'],
		[
			'a revision of an unknown kind',
			'revisions:\n  - date: 2025-06-30\n    kind: update\n    note: New figures\n',
			'content/reports/2024.mdx:8:11  revisions.0.kind  "update" is not one of correction, revision — write one of correction, revision',
		],
		[
			'a revision date in the wrong form',
			'revisions:\n  - date: 30/06/2025\n    kind: revision\n    note: New figures\n',
			'content/reports/2024.mdx:7:11  revisions.0.date  "30/06/2025" is not a date — write the date as YYYY-MM-DD, e.g. 2025-01-31',
		],
		[
			'a list never closed',
			'indicators:\n  poverty_rate: [1.73\n',
			'content/reports/2024.mdx:7:17  (file)  a list opened with "[" is never closed — end it with "]" on the same line, or write the value without brackets',
		],
		[
			'a field written twice',
			'indicators:\n  poverty_rate: 1.73\n  poverty_rate: 1.74\n',
			'content/reports/2024.mdx:8:3  (file)  the same field is written twice — keep one of the two lines',
		],
		[
			'a quotation mark never closed, at the line it opens',
			'source:\n  title: "Báo cáo số 5\n  url: https://example.org\n',
			'content/reports/2024.mdx:7:10  (file)  a text opened with " here is never closed — end the text with " on the same line, or remove the "',
		],
		[
			'an over-indented line, at that line and not the one above',
			'indicators:\n  poverty_rate:\n    value: 1.73\n      status: final\n',
			'content/reports/2024.mdx:9:7  (file)  this line is indented further than "value" above it, so it cannot be read as a field — start it at the same column as "value"',
		],
		[
			'a field without its colon',
			'indicators:\n  poverty_rate 1.73\n  pci: 70\n',
			'content/reports/2024.mdx:7:3  (file)  there is no colon after "poverty_rate" — write "poverty_rate:" followed by a space and the value',
		],
		[
			'": " inside a plain text',
			'source:\n  title: Báo cáo: kết quả năm\n  url: https://example.org\n',
			'content/reports/2024.mdx:7:3  (file)  the text after "title:" holds ": ", which YAML reads as the start of another field — put the whole text in quotes: title: "…"',
		],
		[
			'a plain figure with a field under it',
			'indicators:\n  poverty_rate: 1.73\n    status: final\n',
			'content/reports/2024.mdx:7:3  (file)  "poverty_rate" has a value (1.73) and also status: below it, which YAML cannot read — write the figure as a group: "poverty_rate:" alone on its line, then "value: 1.73" and "status: …" under it, each indented two more spaces',
		],
		[
			'a line not lined up with the fields above',
			'indicators:\n  poverty_rate:\n    value: 1.73\n   status: final\n',
			'content/reports/2024.mdx:9:1  (file)  this line does not line up with the fields above it — start it at the same column as the field above it that it belongs with',
		],
	])('reports %s with file, line, field and fix', (_name, fields, expected) => {
		expect(problemsOf(report(2024, fields))).toEqual([expected]);
	});

	test('reports a year that does not match the file name', () => {
		expect(problemsOf({ ...report(2024, ''), path: 'content/reports/2023.mdx' })).toMatchInlineSnapshot(`
			[
			  "content/reports/2023.mdx:2:7  year  the year is 2024 but the file is named 2023.mdx — write year: 2023, or rename the file to 2024.mdx",
			]
		`);
	});

	test('reports a missing required field', () => {
		expect(problemsOf({ path: 'content/reports/2024.mdx', text: '---\nyear: 2024\ntitle: T\npublished: 2025-01-31\n---\n' })).toMatchInlineSnapshot(`
			[
			  "content/reports/2024.mdx:2:1  summary  summary is missing — add a line "summary: <one or two sentences>"",
			]
		`);
	});

	test('reports two reports for one year', () => {
		expect(problemsOf(report(2024, ''), { ...report(2024, ''), path: 'content/reports/2024.md' })).toMatchInlineSnapshot(`
			[
			  "content/reports/2024.mdx:2:7  year  content/reports/2024.md is already the report for 2024 — keep one report per year; merge the two files",
			]
		`);
	});

	test('reports a translation that states figures', () => {
		expect(problemsOf(report(2024, ''), { path: 'content/reports/2024.en.mdx', text: '---\ntitle: T\nsummary: S\nindicators:\n  poverty_rate: 1.73\n---\n' }))
			.toMatchInlineSnapshot(`
			[
			  "content/reports/2024.en.mdx:4:1  indicators  a translation states indicators — remove it: figures and dates come from 2024.mdx; a translation holds title and summary only",
			]
		`);
	});

	test('reports a translation without its report, and a file name that is not a year', () => {
		expect(problemsOf({ path: 'content/reports/2019.en.mdx', text: '---\ntitle: T\nsummary: S\n---\n' }, { path: 'content/reports/report-2020.mdx', text: '' }))
			.toMatchInlineSnapshot(`
			[
			  "content/reports/2019.en.mdx:1:1  (file)  there is no 2019.mdx for this translation — add content/reports/2019.mdx with the figures, or rename the file",
			  "content/reports/report-2020.mdx:1:1  (file)  "report-2020.mdx" is not a report file name — name it <year>.mdx (e.g. 2025.mdx), or <year>.en.mdx for a translation",
			]
		`);
	});

	test('reports every problem of every file in one run', () => {
		const problems = problemsOf(
			report(2022, 'indicators:\n  poverty_rate: "3,81"\n'),
			report(2023, 'indicators:\n  povety_rate: 2.63\n'),
			report(2024, 'indicators:\n  poverty_rate: 173\n  pci:\n    value: 69.75\n    rank: 70\n    of: 63\n'),
		);
		expect(problems).toHaveLength(4);
		expect(problems.map((p) => p.split('  ')[0])).toEqual([
			'content/reports/2022.mdx:7:17',
			'content/reports/2023.mdx:7:3',
			'content/reports/2024.mdx:7:17',
			'content/reports/2024.mdx:10:11',
		]);
	});

	test('warns, without failing, about a missing indicator and a tenfold jump', () => {
		const result = validateArchive(
			{ site, indicators, reports: [report(2023, 'indicators:\n  grdp_growth: 13.45\n  pci: 72.8\n'), report(2024, 'indicators:\n  grdp_growth: 138.5\n')] },
			{ today: '2026-11-27', lang: 'en' },
		);
		expect(result.archive).toBeDefined();
		expect(result.problems.map(formatProblem)).toMatchInlineSnapshot(`
			[
			  "content/reports/2024.mdx:6:1  indicators  warning: 1 indicator of the 2023 report is not in this one: pci — add each that was published; leave out the ones that were not",
			  "content/reports/2024.mdx:7:16  indicators.grdp_growth  warning: 138.5 is more than ten times the 2023 figure (13.45) — check the unit and the decimal point",
			]
		`);
	});

	test('warns about a draft older than a year', () => {
		expect(problemsOf(report(2024, 'draft: true\n'))).toMatchInlineSnapshot(`
			[
			  "content/reports/2024.mdx:6:8  draft  warning: this draft is dated 2025-01-31, more than a year ago — publish it (remove draft: true) or delete it",
			]
		`);
	});

	test('reports a broken catalogue without calling every id unknown', () => {
		const broken = { ...indicators, text: indicators.text.replace('unit: percent\n', 'unit: percentage\n') };
		const { problems } = validateArchive({ site, indicators: broken, reports: [report(2024, 'indicators:\n  poverty_rate: 1.73\n')] }, { lang: 'en' });
		expect(problems.map(formatProblem)).toMatchInlineSnapshot(`
			[
			  "content/indicators.yaml:11:9  poverty_rate.unit  "percentage" is not one of percent, percent_change, count, number, vnd_billion, vnd_trillion, usd, index_points, hectares — did you mean percent?",
			]
		`);
	});

	test('reports a headline id missing from the catalogue', () => {
		const wrong = { ...site, text: site.text.replace('poverty_rate]', 'povrty_rate]') };
		const { problems } = validateArchive({ site: wrong, indicators, reports: [] }, { lang: 'en' });
		expect(problems.map(formatProblem)).toMatchInlineSnapshot(`
			[
			  "content/site.yaml:6:25  headline.1  "povrty_rate" is not in content/indicators.yaml — did you mean "poverty_rate"?",
			]
		`);
	});
});

describe('formatProblems(problems)', () => {
	test('lists errors before warnings and ends with a count', () => {
		const text = formatProblems([
			{ severity: 'warning', file: 'a.mdx', line: 3, column: 1, field: 'indicators', message: 'w', fix: 'f' },
			{ severity: 'error', file: 'b.mdx', line: 9, column: 5, field: 'year', message: 'e', fix: 'g' },
		]);
		expect(text).toMatchInlineSnapshot(`
			"b.mdx:9:5  year  e — g
			a.mdx:3:1  indicators  warning: w — f
			1 error, 1 warning in the content."
		`);
	});
});

describe('numbers as a Vietnamese clerk writes them', () => {
	const catalogue: ContentFile = {
		path: 'content/indicators.yaml',
		text: `${indicators.text}- id: grdp_per_capita
  label: { vi: GRDP bình quân đầu người, en: GRDP per capita }
  category: economy
  unit: usd
  direction: higher
  decimals: 0
  definition: { vi: x, en: x }
- id: houses
  label: { vi: Nhà bàn giao, en: Houses handed over }
  category: society
  unit: count
  direction: higher
  decimals: 0
  definition: { vi: x, en: x }
- id: graduation_rate
  label: { vi: Tỷ lệ tốt nghiệp, en: Graduation rate }
  category: education
  unit: percent
  direction: higher
  decimals: 2
  definition: { vi: x, en: x }
`,
	};
	const problems = (...reports: ContentFile[]) =>
		validateArchive({ site, indicators: catalogue, reports }, { today: '2026-11-27', lang: 'en' })
			.problems.filter((p) => p.severity === 'error')
			.map(formatProblem);

	test.each([
		[
			'a thousands dot where no decimals are shown',
			'  grdp_per_capita: 4.850\n',
			'indicators.grdp_per_capita  4.850 looks like 4 850 written with a thousands dot — write 4850: in this file a dot is always the decimal point, and thousands are written without a separator',
		],
		[
			'a thousands dot in a count',
			'  houses:\n    value: 1.520\n',
			'indicators.houses.value  1.520 looks like 1 520 written with a thousands dot — write 1520: in this file a dot is always the decimal point, and thousands are written without a separator',
		],
		['a count with decimals', '  houses: 15.5\n', 'indicators.houses  15.5 is not a whole number, which a count must be — write the count without decimals'],
		[
			'more decimals than the indicator shows',
			'  grdp_growth: 13.855\n',
			'indicators.grdp_growth  13.855 has 3 decimals, but grdp_growth is shown with at most 2: readers would see 13,86 — write the figure with at most 2 decimals as it was published, or set decimals: 3 for grdp_growth in the indicator catalogue',
		],
		['thousands dots written as text', '  houses: 4.850.000\n', 'indicators.houses  "4.850.000" is text, not a number — write 4850000 without quotes'],
		[
			'a thousands dot and a decimal comma',
			'  grdp_per_capita: "1.234,5"\n',
			'indicators.grdp_per_capita  "1.234,5" is text, not a number — write 1234.5 without quotes, with a decimal point',
		],
		[
			'a comma before three digits, where decimals are possible',
			'  grdp_growth: "13,850"\n',
			'indicators.grdp_growth  "13,850" is text, not a number — write 13.85 or 13850 without quotes, whichever was published: three digits after a comma or a dot can be decimals or thousands',
		],
		['a comma before three digits in a count', '  houses: 1,520\n', 'indicators.houses  "1,520" is text, not a number — write 1520 without quotes'],
		[
			'one dot before three digits where decimals are shown',
			'  pci: 65.100\n',
			'indicators.pci  65.100 can be 65.1 or 65 100 written with a thousands dot — write 65.1 if that is the figure, or 65100 for 65 100: in this file a dot is always the decimal point',
		],
		[
			'one dot before three digits in a count written as text',
			'  houses: "4.850"\n',
			'indicators.houses  "4.850" is text, not a number — write 4850 without quotes',
		],
		[
			'a typographic minus and a decimal comma',
			'  grdp_growth: −9,28\n',
			'indicators.grdp_growth  "−9,28" is text, not a number — write -9.28 without quotes, with a decimal point',
		],
		['a space between thousands', '  houses: 4 850\n', 'indicators.houses  "4 850" is text, not a number — write 4850 without quotes'],
		['a percent sign', '  poverty_rate: 1,73%\n', 'indicators.poverty_rate  "1,73%" is text, not a number — write 1.73 without quotes, with a decimal point'],
	])('%s', (_name, figures, expected) => {
		const [problem, ...rest] = problems(report(2025, `indicators:\n${figures}`));
		expect(problem?.replace(/^content\/reports\/2025\.mdx:\d+:\d+ {2}/, '')).toBe(expected);
		expect(rest).toEqual([]);
	});

	test.each([
		['30.0', 'shows its written decimal'],
		['4850', 'a whole number'],
		['13.80', 'a trailing zero within the decimals shown'],
	])('accepts %s (%s)', (value) => {
		expect(problems(report(2025, `indicators:\n  grdp_growth: ${value}\n`))).toEqual([]);
	});

	test("a percentage hint comes from last year's figure, or is not given when none fits", () => {
		const last = report(2024, 'indicators:\n  graduation_rate: 99.76\n  poverty_rate: 2.63\n');
		expect(problems(last, report(2025, 'indicators:\n  graduation_rate: 150\n  poverty_rate: 173\n')).map((p) => p.replace(/^.*? {2}/, ''))).toEqual([
			'indicators.graduation_rate  150 is not a percentage (0–100) — the 2024 figure was 99.76; write the percentage between 0 and 100',
			'indicators.poverty_rate  173 is not a percentage (0–100) — did you mean 1.73?',
		]);
	});

	test('a new indicator with no previous year is still checked', () => {
		expect(problems(report(2025, 'indicators:\n  grdp_per_capita: 4.850\n'))).toHaveLength(1);
	});
});

describe('the text of a report, in plain words', () => {
	const textProblems = (body: string) =>
		validateArchive({ site, indicators, reports: [report(2024, '', body)] }, { today: '2026-11-27', lang: 'en' }).problems.map(formatProblem);

	test.each([
		[
			'a "<" before a number',
			'\nTỷ lệ hộ nghèo <2%.\n',
			'content/reports/2024.mdx:8:17  (text)  "<2" is read as the start of a tag (MDX) — write "&lt;" for "<" (e.g. "&lt; 5%"), or put the characters in `code`',
		],
		[
			'a "{" that is never closed',
			'\nKết quả {rất tốt.\n',
			'content/reports/2024.mdx:8:9  (text)  a "{" in the text is never closed (MDX) — write "\\{" for "{", or add the closing "}"',
		],
		[
			'a tag never closed',
			'\nDòng một<br>dòng hai\n',
			'content/reports/2024.mdx:8:1  (text)  the tag <br> is never closed (MDX) — write <br /> for a tag on its own, or close it with </br>',
		],
	])('%s', (_name, body, expected) => {
		expect(textProblems(body)).toEqual([expected]);
	});

	test('a " #" in a plain title, which YAML would cut off as a comment', () => {
		const file = { path: 'content/reports/2024.mdx', text: '---\nyear: 2024\ntitle: Báo cáo số 5 #2\nsummary: S\npublished: 2025-01-31\n---\nText.\n' };
		expect(validateArchive({ site, indicators, reports: [file] }, { lang: 'en' }).problems.map(formatProblem)).toEqual([
			'content/reports/2024.mdx:3:8  title  the text of title holds " #", and everything after it is read as a comment and left out — put the whole text in quotes: title: "…"',
		]);
	});
});

describe('the preview keeps its parses from one check to the next', () => {
	// A YAML error, a figure with a problem and a good report: every kind of parse the memo keeps.
	const broken = report(2022, 'indicators:\n  grdp_growth: [1\n');
	const odd = report(2023, 'indicators:\n  grdp_growth: "7,1"\n');
	const good = report(2024, 'indicators:\n  grdp_growth: 7.2\n  poverty_rate: 1.73\n');
	const check = (memo: ParseMemo | undefined, lang: 'en' | 'vi', ...reports: ContentFile[]) =>
		validateArchive({ site, indicators, reports }, { today: '2026-11-27', lang, ...(memo ? { memo } : {}) });

	test('and finds what a check without them finds, save after save, in either language', () => {
		const memo = new ParseMemo();
		const saves: ContentFile[][] = [
			[broken, odd, good],
			[broken, odd, { ...good, text: good.text.replace('7.2', '7.3') }],
			[{ ...broken, text: broken.text.replace('[1', '[1]') }, odd, good],
			[broken, odd, good],
			[good],
			[{ ...good, text: good.text.replace('7.2', '7.3') }],
		];
		for (const files of saves)
			for (const lang of ['en', 'vi', 'en'] as const) {
				const kept = check(memo, lang, ...files);
				const fresh = check(undefined, lang, ...files);
				expect(kept.problems.map(formatProblem)).toEqual(fresh.problems.map(formatProblem));
				expect(kept.archive).toEqual(fresh.archive);
			}
	});
});
