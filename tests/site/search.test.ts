/**
 * Search over the real Pagefind index of the built sample archive, queried from Node the way the
 * browser queries it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { searchWith, type SearchIndex } from '../../src/client/search-engine.ts';
import { decodePosition, FOLD_MARKER, foldForIndex, foldVietnamese, SEARCH_BUNDLES, VERSION_PARTS_FILE } from '../../src/lib/search.ts';
import { builds } from '../setup/site.ts';
import { reports, sample } from '../setup/sample.ts';
import { loadIndex } from './pagefind-node.ts';

let index: SearchIndex;
beforeAll(async () => {
	index = await loadIndex(builds.root.dir);
});

// query → the page it must return first. Vietnamese and English, with and without diacritics,
// đ, numbers in both notations, phrases, and a decomposed (NFD) query.
const QUERIES: [string, string][] = [
	['ho ngheo', '/indicators/poverty_rate/'],
	['hộ nghèo', '/indicators/poverty_rate/'],
	['dong', '/indicators/houses_funds_mobilised/'],
	['Đồng', '/indicators/houses_funds_mobilised/'],
	// Counted in "nghìn tỷ đồng" for each of the three entities its chart names, GRDP at current prices leads.
	['tỷ đồng', '/indicators/grdp_scale/'],
	['ty dong', '/indicators/grdp_scale/'],
	['đương', '/reports/2022/'],
	['duong', '/reports/2022/'],
	['PCI', '/en/indicators/pci/'],
	['PAPI', '/en/indicators/papi/'],
	['SIPAS', '/en/indicators/sipas/'],
	['PAR Index', '/en/indicators/par_index/'],
	['13,85', '/reports/2024/'],
	['13.85', '/en/reports/2024/'],
	['684.397', '/indicators/industrial_output_value/'],
	['684,397', '/en/indicators/industrial_output_value/'],
	// Bắc Giang's last poverty rate: its 2024 report states it, and the indicator's chart names it as Bắc Giang's lowest.
	['1,73', '/indicators/poverty_rate/'],
	['0,56', '/indicators/poverty_rate/'],
	['99,76', '/indicators/hs_graduation_rate/'],
	['tang truong', '/indicators/grdp_growth/'],
	['tăng trưởng', '/indicators/grdp_growth/'],
	['tăng trưởng'.normalize('NFD'), '/indicators/grdp_growth/'],
	['nông thôn mới', '/indicators/ntm_model_villages/'],
	['xa dat chuan nang cao', '/indicators/ntm_advanced_communes/'],
	['đô thị hóa', '/indicators/urbanization_rate/'],
	['do thi hoa', '/indicators/urbanization_rate/'],
	['đầu người', '/indicators/grdp_per_capita/'],
	['dau nguoi', '/indicators/grdp_per_capita/'],
	['nhà tạm', '/indicators/houses_handed_over/'],
	['nha tam', '/indicators/houses_handed_over/'],
	['hoc sinh gioi', '/indicators/national_excellent_student_prizes/'],
	// Both the 2024 and the 2025 reports were revised ("điều chỉnh"); the shorter 2025 page leads.
	['điều chỉnh', '/reports/2025/'],
	['dieu chinh', '/reports/2025/'],
	['poverty', '/en/indicators/poverty_rate/'],
	['GRDP per capita', '/en/indicators/grdp_per_capita/'],
	['industrial parks', '/en/indicators/industrial_parks/'],
	['makeshift', '/en/indicators/houses_handed_over/'],
	['Satisfaction', '/en/indicators/sipas/'],
	['figures as first published', '/en/reports/2024/'],
	['superseded', '/en/reports/2024/v1/'],
];

/** The earlier versions' pages search indexes: one per language each version's report is written in. */
const earlierPages = reports.reduce((n, r) => n + sample.model.versions(r.year).filter((v) => !v.current && v.state.ok).length * Object.keys(r.text).length, 0);

describe('search over the sample archive', () => {
	test('has at least 30 queries in the table', () => {
		expect(QUERIES.length).toBeGreaterThanOrEqual(30);
	});

	test.each(QUERIES)('"%s" returns %s first, with the match highlighted in a clean excerpt', async (query, url) => {
		const { hits } = await searchWith(index, query, {}, 5);
		expect(hits[0]?.url).toBe(url);
		const text = hits[0]!.excerpt.map((p) => p.text).join('');
		expect(text).not.toContain(FOLD_MARKER);
		const marked = hits[0]!.excerpt.filter((p) => p.mark).map((p) => foldVietnamese(p.text).toLowerCase());
		const words = foldVietnamese(query.normalize('NFC')).toLowerCase().split(/\s+/);
		expect(marked.some((m) => words.some((w) => m.includes(w.replace(/[.,]/g, '')) || m.replace(/[.,]/g, '').includes(w.replace(/[.,]/g, ''))))).toBe(true);
	});

	test('a query with d shows the word as written, with đ, never the folded form', async () => {
		const { hits } = await searchWith(index, 'duong', {}, 5);
		expect(hits[0]!.excerpt.find((p) => p.mark)?.text).toBe('đương');
	});

	test('a number found through the other notation is shown as the page writes it', async () => {
		const { hits } = await searchWith(index, '13.85', { language: ['vi'] }, 5);
		expect(hits[0]?.url).toBe('/reports/2024/');
		expect(
			hits[0]!.excerpt
				.filter((p) => p.mark)
				.map((p) => p.text)
				.join(' '),
		).toContain('13,85%');
	});

	test('earlier versions are found, labelled superseded, and rank below the current page', async () => {
		const { hits } = await searchWith(index, '13,85', {}, 1000);
		const current = hits.findIndex((h) => h.url === '/reports/2024/');
		const earlier = hits.findIndex((h) => h.url === '/reports/2024/v1/');
		expect(current).toBeGreaterThanOrEqual(0);
		expect(earlier).toBeGreaterThan(current);
		expect(hits[earlier]!.superseded).toBe(true);
		expect(hits[earlier]!.kind).toBe('version');
	});

	test('an earlier version is found by what it said, never by what the next version added', async () => {
		// Version 1 of 2024 said the figures were estimates; version 2 replaced that sentence.
		const said = (await searchWith(index, 'giai đoạn số liệu ước tính', { kind: ['version'] }, 20)).hits.map((h) => h.url);
		expect(said).toContain('/reports/2024/v1/');
		// Version 2 added the PCI of 2024 (71,24 points): the current page has it, version 1's does not.
		const added = (await searchWith(index, '71,24', {}, 50)).hits.map((h) => h.url);
		expect(added).toContain('/reports/2024/');
		expect(added).not.toContain('/reports/2024/v1/');
		const sentence = (await searchWith(index, 'thay cho số ước tính', {}, 50)).hits.map((h) => h.url);
		expect(sentence).toContain('/reports/2024/');
		expect(sentence).not.toContain('/reports/2024/v1/');
		// Nor by the rows of figures the next version added: 2025's version 2 back-dated the poverty rate to 2021 and 2024.
		const rows = readFileSync(join(builds.root.dir, 'reports/2025/v1/index.html'), 'utf8').match(/<tr data-change="added"[^>]*>/g) ?? [];
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) expect(row).toContain('data-pagefind-ignore');
	});

	test('filters narrow by language, kind and year', async () => {
		// Only reports written in English are English results: an untranslated report is listed once, in its own language.
		const translated = reports.filter((r) => r.text.en && r.lang !== 'en').map((r) => `/en/reports/${r.year}/`);
		expect(translated.length).toBeGreaterThan(0);
		expect((await searchWith(index, 'PCI', { language: ['en'], kind: ['report'] }, 20)).hits.map((h) => h.url)).toEqual(translated.reverse());
		const of2022 = (await searchWith(index, 'GRDP', { year: ['2022'] }, 20)).hits;
		expect(of2022.length).toBeGreaterThan(0);
		expect(of2022.every((h) => h.year === '2022')).toBe(true);
		expect((await searchWith(index, 'superseded', { kind: ['version'] }, 20)).hits.map((h) => h.url)).toEqual(['/en/reports/2024/v1/']);
		const fresh = await loadIndex(builds.root.dir);
		const filters = await fresh.pagefind.filters();
		expect(Object.keys(filters).sort()).toEqual(['category', 'entity', 'kind', 'language', 'year']);
		// One report page per language the report is written in, the archive's own and other entities'.
		const all = [...reports, ...sample.archive.shelves.flatMap((s) => s.reports)];
		const reportPages = all.reduce((sum, r) => sum + Object.keys(r.text).length, 0);
		// Each entity's report pages, and its earlier versions (the versions index is merged below).
		expect(filters['entity']).toEqual(
			Object.fromEntries(
				[...new Set(all.map((r) => r.entity!))].map((id) => [id, all.filter((r) => r.entity === id).reduce((n, r) => n + Object.keys(r.text).length, 0)]),
			),
		);
		expect(filters['kind']).toEqual({ report: reportPages, indicator: expect.any(Number) as number });
		await fresh.pagefind.mergeIndex(`${fresh.versionsUrl}0/`, { baseUrl: '/' });
		expect((await fresh.pagefind.filters())['kind']).toMatchObject({ report: reportPages, version: earlierPages });
	});

	test('the entity filter finds old Bắc Ninh’s reports, and only theirs', async () => {
		const hits = (await searchWith(index, 'GRDP', { entity: ['bac_ninh_old'] }, 20)).hits;
		expect(hits.map((h) => h.url).sort()).toEqual(['/entities/bac_ninh_old/2022/', '/entities/bac_ninh_old/2023/', '/entities/bac_ninh_old/2024/']);
		expect(hits.every((h) => h.entity === 'bac_ninh_old')).toBe(true);
	});

	test('finds nothing for a word the archive does not hold', async () => {
		expect((await searchWith(index, 'lychee', {}, 5)).total).toBe(0);
	});

	test('every position in the folded tail of an indexed page points at the word it folds', async () => {
		const { results } = (await index.pagefind.search('GRDP'))!;
		expect(results.length).toBeGreaterThan(10);
		for (const result of results) {
			const data = await result.data();
			const words = data.content.split(/\s+/).filter(Boolean);
			const marker = words.lastIndexOf(FOLD_MARKER);
			expect(marker, data.url).toBeGreaterThan(0);
			const tail = words.slice(marker + 1);
			expect(tail.length % 2, data.url).toBe(0);
			for (let i = 0; i < tail.length; i += 2) {
				const position = decodePosition(tail[i]!);
				expect(position, data.url).toBeLessThan(marker);
				expect(foldForIndex(words[position!]!), data.url).toBe(tail[i + 1]);
			}
		}
	});

	test('indexes reports, earlier versions and indicators, not the home, compare or search pages', async () => {
		const urls = await Promise.all((await index.pagefind.search('GRDP'))!.results.map(async (r) => (await r.data()).url));
		expect(urls.some((u) => u.startsWith('/indicators/'))).toBe(true);
		expect(urls).not.toContain('/');
		expect(urls).not.toContain('/compare/');
		expect(urls).not.toContain('/search/');
	});

	test('a search that current pages fill leaves the earlier versions unloaded; one that needs them merges them in', async () => {
		const fresh = await loadIndex(builds.root.dir);
		const grdp = await searchWith(fresh, 'GRDP', {}, 5);
		expect(grdp.hits).toHaveLength(5);
		expect(grdp.complete).toBe(false);
		expect(fresh.versions).toBeUndefined();
		expect(grdp.hits.some((h) => h.superseded)).toBe(false);
		const all = await searchWith(fresh, 'GRDP', {}, 1000);
		expect(all.complete).toBe(true);
		expect(fresh.versions).toBeDefined();
		expect(all.total).toBeGreaterThan(grdp.total);
		expect(all.hits.findIndex((h) => h.superseded)).toBe(all.hits.filter((h) => !h.superseded).length);
		// Once merged, a current-only list still holds no earlier version.
		expect((await searchWith(fresh, 'GRDP', {}, 5)).hits.some((h) => h.superseded)).toBe(false);
	});

	test('each bundle holds its own pages: versions only in pagefind-versions/, in one part for an archive this size', async () => {
		const fresh = await loadIndex(builds.root.dir);
		const urls = await Promise.all((await fresh.pagefind.search('GRDP'))!.results.map(async (r) => (await r.data()).url));
		expect(urls.length).toBeGreaterThan(5);
		expect(urls.filter((u) => /\/v\d+\/$/.test(u))).toEqual([]);
		expect(readdirSync(join(builds.root.dir, SEARCH_BUNDLES.versions, '0', 'fragment')).length).toBe(earlierPages);
		expect(readdirSync(join(builds.root.dir, SEARCH_BUNDLES.versions)).sort()).toEqual(['0', VERSION_PARTS_FILE]);
	});

	test('the index is small per page', () => {
		const dir = join(builds.root.dir, 'pagefind');
		const fragments = readdirSync(join(dir, 'fragment'));
		const perPage = fragments.reduce((sum, f) => sum + statSync(join(dir, 'fragment', f)).size, 0) / fragments.length;
		expect(perPage).toBeLessThan(8 * 1024);
	});
});

describe('one result per text', () => {
	test('a report not translated into English is indexed once, in its own language', async () => {
		const index = await loadIndex(builds.root.dir);
		const urls = await Promise.all((await index.pagefind.search('GRDP'))!.results.map(async (r) => (await r.data()).url));
		for (const report of reports.filter((r) => !r.text.en)) {
			expect(urls, String(report.year)).not.toContain(`/en/reports/${report.year}/`);
		}
		const untranslated = reports.find((r) => !r.text.en);
		expect(untranslated, 'the sample has an untranslated report').toBeDefined();
		expect(urls).toContain(`/reports/${untranslated!.year}/`);
	});
});

describe('search a journalist trusts', () => {
	test('"hộ nghèo" marks only the words hộ and nghèo, never hội, hoạch or hơn', async () => {
		const index = await loadIndex(builds.root.dir);
		for (const query of ['hộ nghèo', 'ho ngheo']) {
			const { hits } = await searchWith(index, query, {}, 20, 'vi');
			expect(hits.length).toBeGreaterThan(0);
			const marked = hits.flatMap((h) =>
				h.excerpt
					.filter((p) => p.mark)
					.map((p) =>
						foldVietnamese(p.text)
							.toLowerCase()
							.replace(/[^a-z]/g, ''),
					),
			);
			expect(marked.length).toBeGreaterThan(0);
			expect(new Set(marked)).toEqual(new Set(['ho', 'ngheo']));
		}
	});

	test.each([
		['vi', 'GRDP'],
		['en', 'GRDP'],
		['vi', 'PCI'],
		['en', 'PCI'],
	])('a reader of %s searching %s gets pages in their language first, then the other', async (language, query) => {
		const index = await loadIndex(builds.root.dir);
		const { hits } = await searchWith(index, query, {}, 40, language);
		const languages = hits.filter((h) => !h.superseded).map((h) => h.language);
		expect(languages[0]).toBe(language);
		expect(languages.some((l) => l !== language)).toBe(true);
		expect(languages.slice(languages.findIndex((l) => l !== language)).every((l) => l !== language)).toBe(true);
	});

	test('excerpts come from the text, not from the interface around it', async () => {
		const index = await loadIndex(builds.root.dir);
		for (const [query, language] of [
			['GRDP', 'vi'],
			['tải', 'vi'],
			['download', 'en'],
			['Footnotes', 'en'],
		] as const) {
			const { hits } = await searchWith(index, query, {}, 40, language);
			for (const hit of hits) {
				const text = hit.excerpt.map((p) => p.text).join('');
				expect(text, `${query} ${hit.url}`).not.toMatch(/Tải xuống|Download|↩|Footnotes|Chú thích|▲|▼/);
			}
		}
	});
});
