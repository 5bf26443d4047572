import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { IndicatorCatalogueSchema, type Indicator } from '../../schemas/indicator.ts';
import { cmsWords } from '../../i18n/cms/index.ts';
import { cmsBackend, cmsCollections, cmsOrigins, figureHint, type CmsConfigInput } from './config.ts';

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
