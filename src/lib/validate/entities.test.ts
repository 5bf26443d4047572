/**
 * The checks of whose each report is, over small archives with the 2025 merger's register: an
 * archive of one province without a register works as before; a report of an entity outside its
 * dates, a rank above the count of provinces that year, and a broken register are refused, each
 * at its line, in the editor's language.
 */
import { describe, expect, test } from 'vitest';
import { formatProblem, type ContentFile } from './problems.ts';
import { validateArchive } from './validate.ts';
import { buildSeries } from '../series.ts';

const site = (entity = 'entity: bac_ninh\n'): ContentFile => ({
	path: 'content/site.yaml',
	text: `publisher: { vi: UBND tỉnh, en: Provincial People's Committee }
title: { vi: Lưu trữ, en: Archive }
description: { vi: Mô tả, en: Description }
defaultLocale: vi
url: https://example.org
${entity}`,
});

const indicators: ContentFile = {
	path: 'content/indicators.yaml',
	text: `- id: grdp_growth
  label: { vi: Tăng trưởng GRDP, en: GRDP growth }
  category: economy
  unit: percent_change
  direction: higher
  decimals: 2
  definition: { vi: Mức tăng, en: Growth }
`,
};

const register = (changes = '', extra = ''): ContentFile => ({
	path: 'content/entities.yaml',
	text: `kinds:
  province:
    name: { vi: tỉnh, en: province }
    counts:
      - { until: 2025-06-30, count: 63 }
      - { from: 2025-07-01, count: 34 }
entities:
  - id: bac_giang
    name: { vi: Tỉnh Bắc Giang, en: Bac Giang province }
    kind: province
    until: 2025-06-30
  - id: bac_ninh_old
    name: { vi: Tỉnh Bắc Ninh cũ, en: old Bac Ninh province }
    kind: province
    until: 2025-06-30
  - id: bac_ninh
    name: { vi: Tỉnh Bắc Ninh, en: Bac Ninh province }
    kind: province
    from: 2025-07-01
${extra}changes:
  - date: 2025-07-01
    kind: merger
    from: [bac_giang, bac_ninh_old]
    to: [bac_ninh]
    continues: bac_giang
    note: { vi: Hợp nhất, en: Merger }
${changes}`,
});

const report = (year: number, fields: string, shelf = '') => ({
	path: `content/reports/${shelf ? `${shelf}/` : ''}${year}.mdx`,
	text: `---\nyear: ${year}\ntitle: Report ${year}\nsummary: Summary\npublished: ${year + 1}-01-31\n${fields}---\n\nText.\n`,
});

const check = (files: { site?: ContentFile; entities?: ContentFile | undefined; reports: ContentFile[] }, lang: 'en' | 'vi' = 'en') =>
	validateArchive(
		{ site: files.site ?? site(), indicators, entities: 'entities' in files ? files.entities : register(), reports: files.reports },
		{ today: '2026-11-27', lang },
	);
const problems = (files: Parameters<typeof check>[0], lang: 'en' | 'vi' = 'en') => check(files, lang).problems.map(formatProblem);

describe('whose each report is', () => {
	test('a report without entity: is the line’s: Bắc Giang’s until 2024, the new Bắc Ninh’s from 2025', () => {
		const result = check({
			reports: [
				report(2024, 'indicators:\n  grdp_growth: { value: 13.87, rank: 1, of: 63 }\n'),
				report(2025, 'indicators:\n  grdp_growth: { value: 10.27, rank: 5, of: 34 }\n'),
			],
		});
		expect(result.problems).toEqual([]);
		expect(result.archive!.reports.map((r) => [r.year, r.entity])).toEqual([
			[2024, 'bac_giang'],
			[2025, 'bac_ninh'],
		]);
		expect(result.archive!.line.map((e) => e.id)).toEqual(['bac_ninh', 'bac_giang']);
	});

	test('the new province’s first report is not held to Bắc Giang’s list of indicators or its scale', () => {
		const result = check({
			reports: [report(2024, 'indicators:\n  grdp_growth: 13.87\n'), report(2025, 'indicators:\n  grdp_growth: 1.02\n')],
		});
		expect(result.problems).toEqual([]);
		// The same two reports of one province: a tenth of last year's growth is worth a warning.
		const one = check({
			site: site(''),
			entities: undefined,
			reports: [report(2024, 'indicators:\n  grdp_growth: 13.87\n'), report(2025, 'indicators:\n  grdp_growth: 1.02\n')],
		});
		expect(one.problems.map((p) => p.severity)).toEqual(['warning']);
	});

	test('an archive of one province without a register works as before: its reports are the publisher’s', () => {
		const result = check({ site: site(''), entities: undefined, reports: [report(2026, 'indicators:\n  grdp_growth: 8\n')] });
		expect(result.problems).toEqual([]);
		expect(result.archive!.register.entities.map((e) => e.name.vi)).toEqual(['UBND tỉnh']);
		expect(result.archive!.reports[0]!.entity).toBe('archive');
	});

	test('refuses a Bắc Giang report for 2026, at its entity: line, in the editor’s language', () => {
		expect(problems({ reports: [report(2026, 'entity: bac_giang\n')] }, 'vi')).toMatchInlineSnapshot(`
			[
			  "content/reports/2026.mdx:6:9  entity  Tỉnh Bắc Giang không tồn tại vào năm 2026 (… – 2025-06-30) — sửa lại năm, hoặc viết entity: với đơn vị thực sự ban hành báo cáo này",
			]
		`);
	});

	test('refuses an entity the register does not hold, and one outside the archive’s line', () => {
		expect(problems({ reports: [report(2024, 'entity: bac_ninh_cu\n'), report(2023, 'entity: bac_ninh_old\n')] })).toMatchInlineSnapshot(`
			[
			  "content/reports/2024.mdx:6:9  entity  "bac_ninh_cu" is not an entity of the register — use one of bac_giang, bac_ninh_old, bac_ninh",
			  "content/reports/2023.mdx:6:9  entity  reports/ holds one report a year, of the archive's own line of entities (bac_ninh ← bac_giang); old Bac Ninh province is not in it — move the file to reports/bac_ninh_old/, the folder of that entity's reports, and remove its entity: line",
			]
		`);
	});

	test('refuses a rank among more provinces than existed that year: 5/63 in 2025, when there were 34', () => {
		expect(problems({ reports: [report(2025, 'indicators:\n  grdp_growth: { value: 10.27, rank: 5, of: 63 }\n')] })).toMatchInlineSnapshot(`
			[
			  "content/reports/2025.mdx:7:45  indicators.grdp_growth.of  "of: 63" ranks among more than existed: there were 34 of kind province on 2025-12-31 — write of: 34, or check the source's ranking",
			]
		`);
	});

	test('a year before the line’s first entity began has none, and the list says which there are', () => {
		const late = register().text.replace(
			'  - id: bac_giang\n    name: { vi: Tỉnh Bắc Giang, en: Bac Giang province }\n    kind: province\n',
			'  - id: bac_giang\n    name: { vi: Tỉnh Bắc Giang, en: Bac Giang province }\n    kind: province\n    from: 1997-01-01\n',
		);
		expect(problems({ entities: { path: 'content/entities.yaml', text: late }, reports: [report(1990, '')] })).toMatchInlineSnapshot(`
			[
			  "content/reports/1990.mdx:2:7  year  none of the archive's entities existed in 1990 — correct the year, or write entity: with one of: bac_giang (1997-01-01 – 2025-06-30), bac_ninh_old (… – 2025-06-30), bac_ninh (2025-07-01 – …)",
			]
		`);
	});
});

describe('figures for a year before their entity existed say on which boundaries they are', () => {
	const poverty = (extra: string) => report(2025, `indicators:\n  grdp_growth:\n    - value: 10.27\n    - period: 2024\n      value: 9.9\n${extra}`);

	test('the new Bắc Ninh’s 2024 figure without boundaries: is refused, at its period, in the editor’s language', () => {
		expect(problems({ reports: [poverty('')] }, 'vi')).toMatchInlineSnapshot(`
			[
			  "content/reports/2025.mdx:9:15  indicators.grdp_growth.1.period  số liệu grdp_growth năm 2024 thuộc thời gian trước khi Tỉnh Bắc Ninh được thành lập (từ 2025-07-01): số liệu này tính theo địa giới nào? — viết boundaries: backdated nếu số liệu được tính lại theo địa giới của đơn vị này (khi đó nó nối vào chuỗi số liệu của đơn vị này), hoặc boundaries: original nếu đó là số liệu riêng của đơn vị cũ",
			]
		`);
	});

	test('back-dated, it is the new province’s own, never a point of Bắc Giang’s series; boundaries: on a year after the merger is refused', () => {
		const result = check({ reports: [report(2024, 'indicators:\n  grdp_growth: 13.87\n'), poverty('      boundaries: backdated\n')] });
		expect(result.problems).toEqual([]);
		expect(buildSeries('grdp_growth', result.archive!.reports).map((p) => [p.period, p.value])).toEqual([
			[2024, 13.87],
			[2025, 10.27],
		]);
		expect(problems({ reports: [report(2025, 'indicators:\n  grdp_growth: { value: 10.27, boundaries: original }\n')] })).toMatchInlineSnapshot(`
			[
			  "content/reports/2025.mdx:7:44  indicators.grdp_growth.boundaries  boundaries: is only for a year before Bac Ninh province existed, and 2025 is not one — remove the boundaries: line",
			]
		`);
	});
});

describe('reports of entities outside the line, each in its own folder', () => {
	test('old Bắc Ninh’s 2023 beside Bắc Giang’s 2023: two reports of one year, each its entity’s, compared only with its own', () => {
		const result = check({
			reports: [
				report(2022, 'indicators:\n  grdp_growth: 19.3\n'),
				report(2023, 'indicators:\n  grdp_growth: { value: 13.45, rank: 1, of: 63 }\n'),
				report(2022, 'indicators:\n  grdp_growth: 7.39\n', 'bac_ninh_old'),
				// A fall from 7.39 to -9.28 is what happened; Bắc Giang's 19.3 is not its last year.
				report(2023, 'indicators:\n  grdp_growth: { value: -9.28, rank: 63, of: 63 }\n', 'bac_ninh_old'),
			],
		});
		expect(result.problems.map(formatProblem)).toEqual([]);
		expect(result.archive!.reports.map((r) => [r.year, r.entity])).toEqual([
			[2022, 'bac_giang'],
			[2023, 'bac_giang'],
		]);
		expect(result.archive!.shelves.map((s) => [s.entity, s.reports.map((r) => [r.year, r.entity])])).toEqual([
			[
				'bac_ninh_old',
				[
					[2022, 'bac_ninh_old'],
					[2023, 'bac_ninh_old'],
				],
			],
		]);
	});

	test('refuses a folder that names no entity, or one of the line, and a report of a year its entity did not live', () => {
		expect(
			problems(
				{
					reports: [
						report(2023, '', 'bac_ninh_cu'),
						report(2023, '', 'bac_giang'),
						report(2026, '', 'bac_ninh_old'),
						report(2022, 'entity: bac_giang\n', 'bac_ninh_old'),
						report(2024, 'indicators:\n  grdp_growth: { value: 6.03, rank: 9, of: 64 }\n', 'bac_ninh_old'),
					],
				},
				'vi',
			),
		).toMatchInlineSnapshot(`
			[
			  "content/reports/bac_ninh_cu/2023.mdx:1:1  (cả tệp)  thư mục content/reports/bac_ninh_cu/ không mang mã của đơn vị nào trong sổ đơn vị — đổi tên thư mục thành một trong bac_ninh_old, hoặc thêm đơn vị vào entities.yaml",
			  "content/reports/bac_giang/2023.mdx:1:1  (cả tệp)  Tỉnh Bắc Giang thuộc các đơn vị nối tiếp của lưu trữ: báo cáo của đơn vị này để trong reports/, không để trong content/reports/bac_giang/ — chuyển tệp lên thư mục reports/",
			  "content/reports/bac_ninh_old/2026.mdx:2:7  year  Tỉnh Bắc Ninh cũ không tồn tại vào năm 2026 (… – 2025-06-30) — sửa lại năm, hoặc chuyển tệp vào thư mục của đơn vị thực sự ban hành báo cáo này",
			  "content/reports/bac_ninh_old/2022.mdx:6:9  entity  báo cáo ghi entity: bac_giang, nhưng lại nằm trong content/reports/bac_ninh_old/, thư mục báo cáo của một đơn vị khác — xóa dòng entity:, hoặc chuyển tệp vào reports/",
			  "content/reports/bac_ninh_old/2024.mdx:7:44  indicators.grdp_growth.of  "of: 64" xếp hạng trên nhiều đơn vị hơn số đơn vị có thật: ngày 2024-12-31 có 63 đơn vị loại tỉnh — viết of: 63, hoặc kiểm tra lại bảng xếp hạng của nguồn",
			]
		`);
	});
});

describe('the register, checked as it is written', () => {
	test('a site without entity: over a register of several', () => {
		expect(problems({ site: site(''), reports: [] })).toMatchInlineSnapshot(`
			[
			  "content/site.yaml:1:1  (file)  content/entities.yaml holds several entities but site.yaml does not say whose archive this is — write entity: followed by the archive's current entity, one of bac_giang, bac_ninh_old, bac_ninh",
			]
		`);
	});

	test('a merger whose predecessor goes on after it, and a successor named nowhere', () => {
		const wrong = register()
			.text.replace('until: 2025-06-30\n  - id: bac_ninh\n', 'until: 2025-07-31\n  - id: bac_ninh\n')
			.replace('to: [bac_ninh]', 'to: [bac_ninh_moi]');
		expect(problems({ entities: { path: 'content/entities.yaml', text: wrong }, reports: [] })).toMatchInlineSnapshot(`
			[
			  "content/entities.yaml:15:12  entities.1.until  bac_ninh_old ends on 2025-07-31, but the change makes it something else from the next day — write until: 2025-06-30 for bac_ninh_old",
			  "content/entities.yaml:24:10  changes.0.to.0  "bac_ninh_moi" is not an entity of the register — use one of bac_giang, bac_ninh_old, bac_ninh, or add "bac_ninh_moi" under entities:",
			]
		`);
	});
});
