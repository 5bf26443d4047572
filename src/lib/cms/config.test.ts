import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { IndicatorCatalogueSchema, type Indicator } from '../../schemas/indicator.ts';
import { cmsWords } from '../../i18n/cms/index.ts';
import { cmsBackend, cmsCollections, cmsOrigins, figureHint, nextReportYear, type CmsConfigInput } from './config.ts';

const indicators = IndicatorCatalogueSchema.parse(parse(readFileSync(join(process.cwd(), 'content/indicators.yaml'), 'utf8')));
const input = (catalogue: Indicator[] = indicators): CmsConfigInput => ({
	indicators: catalogue,
	latest: new Map(),
	locale: 'vi',
	lang: 'vi',
	words: cmsWords('vi'),
	nextYear: 2025,
	contentFolder: 'content',
	siteUrl: 'https://annals.example.org/',
});
type Field = { name: string; widget: string; label?: string; fields?: Field[]; hint?: string };
const figures = (collections: Record<string, unknown>[]) => ((collections[0]!['fields'] as Field[]).find((f) => f.name === 'figures')!.fields ?? []) as Field[];

describe('the editing form is made from the catalogue', () => {
	it('every indicator has a field, under its category, with its label in the form’s language', () => {
		const categories = figures(cmsCollections(input()));
		expect(categories.map((c) => c.name)).toEqual([...new Set(indicators.map((i) => i.category))]);
		const fields = categories.flatMap((c) => (c.fields ?? []).map((f) => [c.name, f.name, f.label]));
		expect(fields).toEqual(indicators.map((i) => [i.category, i.id, i.label.vi]));
	});

	it('a new indicator in the catalogue appears in the form, with nothing else to edit', () => {
		const added: Indicator = {
			id: 'forest_cover',
			label: { vi: 'Tỷ lệ che phủ rừng', en: 'Forest cover' },
			category: 'environment',
			unit: 'percent',
			direction: 'higher',
			decimals: 1,
			definition: { vi: 'Diện tích rừng trên diện tích tự nhiên.', en: 'Forest area over land area.' },
			breaks: [],
			events: [],
		};
		const categories = figures(cmsCollections(input([...indicators, added])));
		expect(categories.at(-1)).toMatchObject({ name: 'environment', fields: [{ name: 'forest_cover', label: 'Tỷ lệ che phủ rừng', widget: 'list' }] });
	});

	it('only counts out of a total have a total field; every figure has value, period, status, boundaries, rank, of, target, notes, source', () => {
		const byId = new Map(figures(cmsCollections(input())).flatMap((c) => (c.fields ?? []).map((f) => [f.name, (f.fields ?? []).map((x) => x.name)])));
		expect(byId.get('main_targets_met')).toEqual(['value', 'total', 'period', 'status', 'boundaries', 'rank', 'of', 'target', 'note_vi', 'note_en', 'source']);
		expect(byId.get('grdp_growth')).toEqual(['value', 'period', 'status', 'boundaries', 'rank', 'of', 'target', 'note_vi', 'note_en', 'source']);
	});

	it('the hint beside a figure gives its unit and the latest published value the Vietnamese way', () => {
		const growth = indicators.find((i) => i.id === 'grdp_growth')!;
		const latest = { year: 2024, figure: { indicator: 'grdp_growth', period: 2024, value: 13.87, rank: 1, of: 63 } };
		expect(figureHint(growth, latest, 'vi', cmsWords('vi'))).toBe('đơn vị: % tăng/giảm. Đã công bố năm 2024: 13,87 hạng 1/63.');
		expect(figureHint(growth, latest, 'en', cmsWords('en'))).toBe('in % change. Published for 2024: 13,87 rank 1 of 63.');
		expect(figureHint(growth, undefined, 'vi', cmsWords('vi'))).toBe('đơn vị: % tăng/giảm. Chưa có trong các báo cáo trước.');
	});

	it('signs in to the repository site.yaml names, and talks to nothing else', () => {
		expect(cmsBackend(undefined)).toBeUndefined();
		expect(cmsBackend({ backend: 'gitlab', repo: 'tinh/annals', branch: 'main', app_id: 'abc' })).toEqual({
			name: 'gitlab',
			repo: 'tinh/annals',
			branch: 'main',
			app_id: 'abc',
			auth_type: 'pkce',
		});
		expect(cmsOrigins({ backend: 'github', repo: 'tinh/annals', branch: 'main', base_url: 'https://auth.example.org/x' })).toEqual([
			'http://127.0.0.1:8081',
			'http://localhost:8081',
			'https://api.github.com',
			'https://auth.example.org',
		]);
	});
});

describe('another entity’s reports have their own form, in their own folder (issue #19)', () => {
	const growth = { indicator: 'grdp_growth', period: 2024, value: 6.03 };
	const shelf = {
		id: 'bac_ninh_old',
		name: 'Tỉnh Bắc Ninh (trước sáp nhập)',
		latest: new Map([['grdp_growth', { year: 2024, figure: growth }]]),
		nextYear: 2025,
	};
	type Collection = { name: string; label: string; folder: string; description?: string; fields: Field[] };
	const collections = cmsCollections({ ...input(), shelves: [shelf] }) as Collection[];

	it('the archive’s own reports and translations first, then the entity’s, each reading only its folder', () => {
		expect(collections.map((c) => [c.name, c.label, c.folder])).toEqual([
			['reports', 'Báo cáo năm', 'content/reports'],
			['translations', 'Bản dịch', 'content/reports'],
			['reports_bac_ninh_old', 'Báo cáo của Tỉnh Bắc Ninh (trước sáp nhập)', 'content/reports/bac_ninh_old'],
			['translations_bac_ninh_old', 'Bản dịch: Tỉnh Bắc Ninh (trước sáp nhập)', 'content/reports/bac_ninh_old'],
		]);
		expect(collections[2]!.description).toContain('thư mục reports/bac_ninh_old/');
	});

	it('the entity’s form offers its own next year and its own latest figures, not the archive’s', () => {
		const fields = collections[2]!.fields;
		expect(fields.find((f) => f.name === 'year')).toMatchObject({ default: 2025 });
		const economy = fields.find((f) => f.name === 'figures')!.fields!.flatMap((c) => c.fields ?? []);
		expect(economy.find((f) => f.name === 'grdp_growth')!.hint).toBe('đơn vị: % tăng/giảm. Đã công bố năm 2024: 6,03.');
		expect(collections[0]!.fields.find((f) => f.name === 'year')).toMatchObject({ default: 2025 });
		expect(
			figures(collections)
				.flatMap((c) => c.fields ?? [])
				.find((f) => f.name === 'grdp_growth')!.hint,
		).toBe('đơn vị: % tăng/giảm. Chưa có trong các báo cáo trước.');
	});

	it.each([
		['the year after its latest report', { until: '2025-06-30' }, [2022, 2023], 2024],
		['never after the last year it existed', { until: '2025-06-30' }, [2022, 2023, 2024, 2025], 2025],
		['with no report yet, the last year it existed', { until: '2025-06-30' }, [], 2025],
		['with no report yet and still existing, this year', { from: '2025-07-01' }, [], 2026],
		['never before it existed', { from: '2025-07-01' }, [], 2026],
		['never after this year, for one still existing', {}, [2025, 2026], 2026],
	] as const)('the next year: %s', (_, entity, years, expected) => {
		expect(nextReportYear(entity, years, 2026)).toBe(expected);
	});
});
