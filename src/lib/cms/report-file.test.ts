import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { structuredPatch } from 'diff';
import { IndicatorCatalogueSchema } from '../../schemas/indicator.ts';
import { cmsWords } from '../../i18n/cms/index.ts';
import { fromFile, toFile, FormError, type FormData, type ReportFormatContext } from './report-file.ts';
import { buildNewReport } from '../new-report.ts';
import { checkMessages } from '../../i18n/check/index.ts';
import { before } from '../../../tests/setup/sample-files.ts';
import { readContentFiles, reportNames } from '../../data/content-files.ts';
import { validateArchive } from '../validate/validate.ts';

const content = join(process.cwd(), 'content');
const indicators = IndicatorCatalogueSchema.parse(parse(readFileSync(join(content, 'indicators.yaml'), 'utf8')));
const context: ReportFormatContext = { indicators, lang: 'vi', words: cmsWords('vi') };
const files = reportNames(join(content, 'reports'))
	.sort()
	.map((name) => ({ name, text: readFileSync(join(content, 'reports', name), 'utf8') }));
const report2024 = files.find((f) => f.name === '2024.mdx')!.text;

/** The lines a change removed and added, as `-old` and `+new`. */
function changedLines(before: string, after: string): string[] {
	return structuredPatch('a', 'b', before, after, '', '', { context: 0 }).hunks.flatMap((h) => h.lines);
}

/** The form's data as Decap hands it to the save: a deep copy, as if edited. */
const edit = (data: FormData, change: (d: FormData) => void): FormData => {
	const copy = structuredClone(data);
	change(copy);
	return copy;
};

describe('the editing form writes what the editor changed and nothing else', () => {
	it.each(files.map((f) => [f.name, f.text]))('saving %s unchanged leaves it byte-identical', (_, text) => {
		expect(toFile(fromFile(text, context), context)).toBe(text);
	});

	it('a report loads with its figures by category, numbers the Vietnamese way and notes in two fields', () => {
		const data = fromFile(report2024, context);
		expect(data.kind).toBe('report');
		expect(data.year).toBe(2024);
		expect(data.figures?.['economy']?.['grdp_growth']).toEqual([
			expect.objectContaining({ value: '13,87', status: 'final', rank: 1, of: 63, target: '14,5', note_vi: 'Số ước tính tháng 1/2025 là 13,85%.' }),
		]);
		// Written with a trailing zero, shown so: the decimal is part of the published figure.
		expect(data.figures?.['economy']?.['iip_growth']?.[0]?.value).toBe('30,0');
		expect(data.figures?.['governance']?.['pci']).toHaveLength(2);
	});

	it('changing one figure changes one line, and needs a revisions entry', () => {
		const data = fromFile(report2024, context);
		const changed = edit(data, (d) => (d.figures!['economy']!['grdp_growth']![0]!.value = '13,9'));
		expect(() => toFile(changed, context)).toThrow(FormError);
		expect(() => toFile(changed, context)).toThrow(/Đính chính và điều chỉnh/);
		const withRevision = edit(changed, (d) =>
			d.revisions!.push({ date: '2026-12-01', kind: 'correction', note_vi: 'Sửa số GRDP.', note_en: 'GRDP corrected.' }),
		);
		const out = toFile(withRevision, context);
		expect(changedLines(report2024, out)).toEqual([
			'-    value: 13.87',
			'+    value: 13.9',
			'+  - date: 2026-12-01',
			'+    kind: correction',
			'+    note:',
			'+      vi: Sửa số GRDP.',
			'+      en: GRDP corrected.',
		]);
	});

	it('a figure typed the Vietnamese way is written as YAML reads it', () => {
		const data = fromFile(report2024, context);
		const out = toFile(
			edit(data, (d) => {
				d.figures!['economy']!['grdp_per_capita']![0]!.value = '4.850';
				d.revisions!.push({ date: '2026-12-01', kind: 'revision', note_vi: 'Số chính thức.' });
			}),
			context,
		);
		expect(changedLines(report2024, out).slice(0, 2)).toEqual(['-    value: 4400', '+    value: 4850']);
	});

	it('a figure that is not a number is refused with the indicator, the text and the fix', () => {
		const data = edit(fromFile(report2024, context), (d) => (d.figures!['economy']!['grdp_growth']![0]!.value = '13,8,7'));
		expect(() => toFile(data, context)).toThrow('Tốc độ tăng trưởng kinh tế (GRDP): "13,8,7" không phải là con số. Viết theo kiểu Việt Nam: 13,87 hoặc 4.850.');
	});

	it('a count takes whole numbers only', () => {
		const data = edit(fromFile(report2024, context), (d) => {
			d.figures!['economy']!['main_targets_met']![0]!.value = '15,5';
		});
		expect(() => toFile(data, context)).toThrow(/không phải là số nguyên/);
	});

	it('adding a figure to a published report adds its lines where the catalogue puts it, no revision needed', () => {
		const data = fromFile(report2024, context);
		const category = indicators.find((i) => i.id === 'grdp_growth')!.category;
		const missing = indicators.find((i) => (data.figures?.[i.category]?.[i.id] ?? []).length === 0)!;
		const out = toFile(
			edit(data, (d) => (d.figures![missing.category]![missing.id] = [{ value: '12,5' }])),
			context,
		);
		expect(changedLines(report2024, out)).toEqual([`+  ${missing.id}: 12.5`]);
		expect(category).toBe('economy');
	});

	it('a file the form cannot read loads with the reason, and its save is refused with it', () => {
		const broken = '---\nyear: 2025\ntitle: [unclosed\n---\n\nText.\n';
		const data = fromFile(broken, context);
		expect(data.annals_error).toMatch(/^Không đọc được phần thông tin đầu của tệp/);
		expect(() => toFile(data, context)).toThrow(data.annals_error);
	});

	it('changing the text changes the text only', () => {
		const data = fromFile(report2024, context);
		const out = toFile(
			edit(data, (d) => (d.body = d.body!.replace('Bắc Giang', 'Bắc Giang (cũ)'))),
			context,
		);
		const lines = changedLines(report2024, out);
		expect(lines).toHaveLength(2);
		expect(lines[1]).toContain('Bắc Giang (cũ)');
	});

	it('the editor widget trimming the text’s blank lines is no change', () => {
		const data = fromFile(report2024, context);
		expect(
			toFile(
				edit(data, (d) => (d.body = d.body!.trim())),
				context,
			),
		).toBe(report2024);
	});

	it('a draft made by npm run new-report, filled in the form and published: its comments stay, its placeholders and draft line go, and it passes the check', () => {
		const made = buildNewReport(
			{ year: '2025', existing: [2022, 2023, 2024], latest: { year: 2024, text: report2024 }, indicators, today: '2026-12-01', force: false },
			checkMessages('vi'),
			'vi',
		);
		if (!made.ok) throw new Error(made.error);
		const data = fromFile(made.text, context);
		// Placeholders are no figures; saving the draft as it is changes nothing.
		expect(data.figures?.['economy']?.['grdp_growth']).toEqual([]);
		expect(toFile(data, context)).toBe(made.text);
		// An edition's placeholder shows its period; filling the value keeps it.
		expect(data.figures?.['governance']?.['par_index']).toEqual([{ period: 2024 }]);
		const edition = toFile(
			edit(data, (d) => (d.figures!['governance']!['par_index'] = [{ value: '91,5', period: 2024 }])),
			context,
		);
		expect(changedLines(made.text, edition)).toEqual([expect.stringMatching(/^- {4}value: #/), expect.stringMatching(/^\+ {4}value: 91\.5 # /)]);
		// Still a draft: a figure changes freely, no revisions entry needed.
		const draft = toFile(
			edit(data, (d) => (d.figures!['economy']!['grdp_growth'] = [{ value: '8,5' }])),
			context,
		);
		expect(changedLines(made.text, draft)).toEqual([
			expect.stringMatching(/^- {2}grdp_growth: #/),
			expect.stringMatching(/^\+ {2}grdp_growth: 8\.5 # % tăng\/giảm; /),
		]);
		const published = toFile(
			edit(fromFile(draft, context), (d) => {
				d.figures!['economy']!['main_targets_met'] = [{ value: '16', total: '18' }];
				d.title = 'Báo cáo năm 2025';
				d.summary = 'Kinh tế tăng trưởng 8,5%.';
				d.body = 'Năm 2025, kinh tế của tỉnh tăng trưởng 8,5%.';
				d.draft = false;
			}),
			context,
		);
		expect(published).toContain('  grdp_growth: 8.5 # % tăng/giảm; báo cáo năm 2024: 13.87, hạng 1/63\n  main_targets_met:\n    value: 16 # ');
		expect(published).toContain('    total: 18\n---\n');
		expect(published).not.toMatch(/draft|Xóa dòng dưới đây khi báo cáo sẵn sàng/);
		// The archive as it stood when the 2025 report was drafted: the sample up to 2024.
		const sample = before(readContentFiles(join(process.cwd(), 'content')), 2025);
		const problems = validateArchive(
			{ ...sample, reports: [...sample.reports, { path: 'content/reports/2025.mdx', text: published }] },
			{ today: '2026-12-01' },
		).problems.filter((p) => p.severity === 'error');
		expect(problems).toEqual([]);
	});

	it('a new report gets canonical order and catalogue order', () => {
		const out = toFile(
			{
				kind: 'report',
				year: 2025,
				title: 'Báo cáo năm 2025',
				summary: 'Tóm tắt: GRDP tăng 10,27%.',
				published: '2026-01-15',
				draft: false,
				figures: {
					society: { poverty_rate: [{ value: '1,2' }] },
					economy: { grdp_growth: [{ value: '10,27', rank: 5, of: 34, status: 'estimate' }], grdp_per_capita: [{ value: '4.850' }] },
				},
				revisions: [],
				body: 'Năm 2025, tỉnh đạt nhiều kết quả.',
			},
			context,
		);
		expect(out).toBe(
			[
				'---',
				'year: 2025',
				'title: Báo cáo năm 2025',
				'summary: "Tóm tắt: GRDP tăng 10,27%."',
				'published: 2026-01-15',
				'indicators:',
				'  grdp_growth:',
				'    value: 10.27',
				'    status: estimate',
				'    rank: 5',
				'    of: 34',
				'  grdp_per_capita: 4850',
				'  poverty_rate: 1.2',
				'---',
				'',
				'Năm 2025, tỉnh đạt nhiều kết quả.',
				'',
			].join('\n'),
		);
		const reread = fromFile(out, context);
		expect(toFile(reread, context)).toBe(out);
	});

	it('a translation keeps its bytes and changes only what was edited', () => {
		const translation = files.find((f) => f.name === '2024.en.mdx')!.text;
		const data = fromFile(translation, context);
		expect(data.kind).toBe('translation');
		expect(toFile(data, context)).toBe(translation);
		const out = toFile(
			edit(data, (d) => (d.summary = 'A new summary.')),
			context,
		);
		expect(changedLines(translation, out)).toEqual([expect.stringMatching(/^-summary: /), '+summary: A new summary.']);
	});

	describe('files as editors and tools really write them', () => {
		const mini = (frontmatter: string, body = '\nText.\n') => `---\nyear: 2023\ntitle: T\nsummary: S\npublished: 2023-12-06\n${frontmatter}---\n${body}`;

		it('Windows line ends (CRLF) are kept, and an edit changes its line only', () => {
			const crlf = report2024.replace(/\n/g, '\r\n');
			const data = fromFile(crlf, context);
			expect(toFile(data, context)).toBe(crlf);
			const out = toFile(
				edit(data, (d) => (d.body = d.body!.replace('Bắc Giang', 'Bắc Giang (cũ)'))),
				context,
			);
			expect(out.split('\r\n').filter((line, i) => line !== crlf.split('\r\n')[i])).toHaveLength(1);
			expect(out).not.toMatch(/[^\r]\n/);
			const translation = files.find((f) => f.name === '2024.en.mdx')!.text.replace(/\n/g, '\r\n');
			const edited = toFile(
				edit(fromFile(translation, context), (d) => (d.body = `${d.body!.trim()}\n\nOne more paragraph.`)),
				context,
			);
			expect(edited.startsWith(translation.trimEnd())).toBe(true);
			expect(edited.endsWith('\r\n\r\nOne more paragraph.\r\n')).toBe(true);
		});

		it('notes written en before vi, or as block text, are no change; a correction with them is accepted', () => {
			const file = mini(
				'indicators:\n  poverty_rate:\n    value: 2.63\n    note:\n      en: Reviewed.\n      vi: >-\n        Đã rà soát.\nrevisions:\n  - date: 2024-06-30\n    kind: revision\n    note:\n      en: Official.\n      vi: Chính thức.\n',
			);
			const data = fromFile(file, context);
			expect(toFile(data, context)).toBe(file);
			const fixed = edit(data, (d) => {
				d.figures!['society']!['poverty_rate']![0]!.value = '2,64';
				d.revisions!.push({ date: '2026-12-01', kind: 'correction', note_vi: 'Sửa.' });
			});
			expect(changedLines(file, toFile(fixed, context))).toEqual([
				'-    value: 2.63',
				'+    value: 2.64',
				'+  - date: 2026-12-01',
				'+    kind: correction',
				'+    note: Sửa.',
			]);
		});

		it('figures shared with YAML anchors are refused, not half-edited', () => {
			const file = mini('indicators:\n  par_index: &gov\n    value: 91.16\n    period: 2023\n  sipas: *gov\n');
			const data = fromFile(file, context);
			expect(data.annals_error).toBe(context.words.sharedNodes);
			expect(() => toFile(data, context)).toThrow(context.words.sharedNodes);
		});

		it('a block title (>-), multi-line text beside a comment, an empty text, 1e-7 and a date-like title are written right', () => {
			const file = mini('indicators:\n  poverty_rate: 1e-7\n', '')
				.replace('title: T', 'title: >-\n  Long\n  title')
				.replace('summary: S', 'summary: S # said so');
			const data = fromFile(file, context);
			expect(data.figures!['society']!['poverty_rate']![0]!.value).toBe('0,0000001');
			expect(toFile(data, context)).toBe(file);
			const out = toFile(
				edit(data, (d) => {
					d.title = '2025-06-30';
					d.summary = 'Two\nlines';
					d.body = 'Now a text.';
				}),
				context,
			);
			expect(out).toContain('title: "2025-06-30"\n');
			expect(out).toContain('summary: |-\n  Two\n  lines\n');
			expect(out.endsWith('---\n\nNow a text.\n')).toBe(true);
		});
	});

	describe('the record, as the form keeps it', () => {
		const data = () => fromFile(report2024, context);
		const revision = { date: '2026-12-01', kind: 'correction', note_vi: 'Sửa.' };

		it('a published report never goes back to draft', () => {
			expect(() =>
				toFile(
					edit(data(), (d) => (d.draft = true)),
					context,
				),
			).toThrow(context.words.noRedraft);
		});

		it('a second figure for a period already published is a change that needs a revisions entry', () => {
			const twice = edit(data(), (d) => d.figures!['economy']!['grdp_growth']!.push({ value: '14' }));
			expect(() => toFile(twice, context)).toThrow(/Đính chính và điều chỉnh/);
		});

		it('entries already in the revisions keep their date and kind, and stay', () => {
			expect(() =>
				toFile(
					edit(data(), (d) => (d.revisions![0]!.date = '2025-07-01')),
					context,
				),
			).toThrow(context.words.revisionsKept);
			expect(() =>
				toFile(
					edit(data(), (d) => d.revisions!.splice(0, 1, revision)),
					context,
				),
			).toThrow(context.words.revisionsKept);
			// Their wording may be improved.
			expect(() =>
				toFile(
					edit(data(), (d) => (d.revisions![0]!.note_en = 'Official figures replace the estimates.')),
					context,
				),
			).not.toThrow();
		});

		it('a report never changes year', () => {
			expect(() =>
				toFile(
					edit(data(), (d) => (d.year = 2025)),
					context,
				),
			).toThrow(context.words.yearFixed(2024));
		});
	});

	it('any edit of any figure of any report reads back as the form holds it (or is refused)', () => {
		// Each report is read once: the property is about the edit, and the form hands the save a copy.
		const reports = files.filter((f) => /^\d{4}\.mdx$/.test(f.name)).map((f) => ({ name: f.name, data: fromFile(f.text, context) }));
		const fields = ['value', 'target', 'rank', 'of', 'status', 'note_vi', 'source'] as const;
		fc.assert(
			fc.property(
				fc.constantFrom(...reports),
				fc.constantFrom(...indicators),
				fc.constantFrom(...fields),
				fc.oneof(fc.constant(''), fc.integer({ min: 1, max: 99 }).map(String), fc.constantFrom('13,87', '4.850', 'final', 'Ghi chú: mới')),
				({ data }, indicator, field, value) => {
					const written = ['rank', 'of'].includes(field) && value !== '' ? Number.parseInt(value, 10) || 1 : value;
					const changed = edit(data, (d) => {
						const list = (d.figures![indicator.category]![indicator.id] ??= []);
						if (list.length === 0) list.push({});
						(list[0] as Record<string, unknown>)[field] = written;
						d.revisions!.push({ date: '2026-12-01', kind: 'correction', note_vi: 'Sửa.' });
					});
					let out: string;
					try {
						out = toFile(changed, context);
					} catch (error) {
						// Refused for what the editor typed, never for the patching.
						expect(error).toBeInstanceOf(FormError);
						expect((error as Error).message).not.toBe(context.words.internal);
						return;
					}
					const again = fromFile(out, context);
					// What the editor typed is what the form shows when the file is opened again; a
					// number with a thousands dot comes back without it, the same number.
					const shown = ['value', 'target'].includes(field) && written === '4.850' ? '4850' : written;
					const read = again.figures?.[indicator.category]?.[indicator.id]?.[0]?.[field];
					// …and a field emptied is gone, not written as an empty value.
					if (written === '') expect(read).toBeUndefined();
					else expect(read).toEqual(shown);
					expect(toFile(again, context)).toBe(out);
				},
			),
			{ numRuns: 300 },
		);
	});
});
