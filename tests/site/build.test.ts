import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builds, root } from '../setup/site.ts';
import { page, text } from './html.ts';
import { currentFigure, latestYear, reports, writtenEn, writtenVi, LINE_ROWS } from '../setup/sample.ts';

const { dir } = builds.root;

function htmlFiles(folder: string): string[] {
	return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
}

describe('the built sample archive', () => {
	test.each(['', 'en/', 'reports/2022/', 'reports/2023/', 'reports/2024/', 'en/reports/2022/', 'en/reports/2023/', 'en/reports/2024/'])(
		'has the page /%s',
		(route) => {
			expect(existsSync(join(dir, route, 'index.html'))).toBe(true);
		},
	);

	test('has a not-found page in both languages', () => {
		const $ = page(dir, '404.html');
		expect(text($, 'h1')).toBe('Không tìm thấy trang');
		expect(text($, '[lang="en"] h2')).toBe('Page not found');
	});

	test('lists every year on the home page, newest first, with title and summary', () => {
		const $ = page(dir, '');
		expect(
			$('.year')
				.map((_, el) => $(el).attr('data-year'))
				.get(),
		).toEqual(reports.map((r) => String(r.year)).reverse());
		expect(text($, '[data-year="2024"] h3')).toContain('Tổng kết công tác thi đua, khen thưởng năm 2024');
		expect($('[data-year="2022"] a').attr('href')).toBe('/reports/2022/');
	});

	test("shows the latest year's headline indicators, and never compares them across the merger", () => {
		const $ = page(dir, 'en/');
		expect(text($, '#headline-heading')).toBe(`Headline indicators, ${latestYear}`);
		expect(text($, '.card[data-indicator="poverty_rate"] .value')).toBe(`${writtenEn(currentFigure(latestYear, 'poverty_rate').value!)}%`);
		// The 2025 report is the new Bắc Ninh's, 2024's Bắc Giang's: the change between them is a break, not a verdict.
		expect(latestYear).toBe(2025);
		for (const id of ['poverty_rate', 'grdp_growth', 'grdp_per_capita']) {
			expect(text($, `.card[data-indicator="${id}"]`), id).toContain('not comparable: series break');
			expect($(`.card[data-indicator="${id}"] [data-verdict]`).length, id).toBe(0);
		}
	});

	test.each([
		['reports/2024/', 'Chú thích', 'Quay lại chỗ chú thích 1'],
		['reports/2024/v1/', 'Chú thích', 'Quay lại chỗ chú thích 1'],
		['en/reports/2024/', 'Footnotes', 'Back to reference 1'],
		['en/reports/2024/v1/', 'Footnotes', 'Back to reference 1'],
	])('words the footnotes of /%s in its language', (route, heading, back) => {
		const $ = page(dir, route);
		expect(text($, '#footnote-label')).toBe(heading);
		expect($('[data-footnote-backref]').first().attr('aria-label')).toBe(back);
	});

	test('links each indicator of a report to its page, and each figure on an indicator page back to its report', () => {
		for (const [route, prefix] of [
			['reports/2024/', '/'],
			['en/reports/2024/', '/en/'],
		] as const) {
			const $ = page(dir, route);
			const rows = $('.figures tr[data-indicator]');
			expect(rows.length).toBeGreaterThan(0);
			rows.each((_, tr) => expect($(tr).find('th a').attr('href')).toBe(`${prefix}indicators/${$(tr).attr('data-indicator')}/`));
		}
		expect(page(dir, 'indicators/poverty_rate/')('.series-table tr[data-period="2024"] a[href="/reports/2024/"]').length).toBe(1);
	});

	test('formats numbers per language with Intl', () => {
		const growth = currentFigure(2024, 'grdp_growth').value!;
		expect(text(page(dir, 'reports/2024/'), 'tr[data-indicator="grdp_growth"] .value')).toBe(`${writtenVi(growth)}%`);
		expect(text(page(dir, 'en/reports/2024/'), 'tr[data-indicator="grdp_growth"] .value')).toBe(`${writtenEn(growth)}%`);
		expect(text(page(dir, 'reports/2024/'), 'tr[data-indicator="industrial_output_value"] .value')).toBe('684.397 tỷ đồng');
		expect(text(page(dir, 'en/reports/2024/'), 'tr[data-indicator="industrial_output_value"] .value')).toBe('684,397 billion VND');
	});

	test('shows and downloads a figure with the decimals it was written with', () => {
		// The sample's 2024 report writes IIP growth as published: a whole number with one decimal.
		const written = /\n {2}iip_growth:\n {4}value: (\d+\.\d*0)\n/.exec(readFileSync(join(root, 'content/reports/2024.mdx'), 'utf8'))?.[1];
		expect(written).toBe('30.0');
		expect(text(page(dir, 'en/reports/2024/'), 'tr[data-indicator="iip_growth"] .value')).toBe(`${written}%`);
		expect(text(page(dir, 'reports/2024/'), 'tr[data-indicator="iip_growth"] .value')).toBe(`${written!.replace('.', ',')}%`);
		expect(text(page(dir, 'en/indicators/iip_growth/'), `${LINE_ROWS}[data-period="2024"] .value`)).toBe(`${written}%`);
		const csv = readFileSync(join(dir, 'data/indicators.csv'), 'utf8');
		expect(csv).toMatch(new RegExp(`\r\niip_growth,2024,${written!.replace('.', '\\.')},`));
		expect(readFileSync(join(dir, 'data/indicators.json'), 'utf8')).toContain(`"value": ${written},`);
	});

	describe('a report page', () => {
		const $ = page(dir, 'en/reports/2024/');
		const row = (id: string) => $(`tr[data-indicator="${id}"]`);

		test('shows title, year, publication date and source', () => {
			expect(text($, 'h1')).toBe('Summary of emulation and reward work in 2024 and tasks for 2025');
			// Bắc Giang's report, in the archive the new Bắc Ninh carries on: named above the title.
			expect(text($, '.eyebrow')).toBe('Year 2024 · Bac Giang province');
			expect($('.meta time').attr('datetime')).toBe('2025-01-31');
			expect(text($, '.meta time')).toBe('31 January 2025');
			expect($('.meta a').attr('href')).toBe('https://vietnam.vn/en/bac-giang-tong-ket-cong-tac-thi-dua-khen-thuong-nam-2024-va-trien-khai-nhiem-vu-nam-2025');
		});

		test('groups the indicator panel by category', () => {
			expect(
				$('table.figures caption')
					.map((_, el) => $(el).text())
					.get(),
			).toEqual(['Economy', 'Society', 'New rural development', 'Education', 'Governance']);
		});

		test('shows rank, target missed, estimate or final, and the change', () => {
			expect(text($, 'tr[data-indicator="grdp_growth"] .facts')).toContain('rank 1/63');
			expect(row('grdp_growth').find('.target').attr('data-met')).toBe('false');
			expect(text($, 'tr[data-indicator="grdp_growth"] .target')).toBe('target missed');
			expect(text($, 'tr[data-indicator="grdp_growth"] [data-status]')).toBe('final');
			expect(text($, 'tr[data-indicator="iip_growth"] [data-status]')).toBe('estimate');
			expect(text($, 'tr[data-indicator="grdp_growth"] .change')).toBe('▲ +0.42 pp (better)');
		});

		test("shows a figure's note in the reader's language", () => {
			expect(text($, 'tr[data-indicator="grdp_growth"] .note')).toBe('Estimated at 13.85% in January 2025.');
			expect(text(page(dir, 'reports/2024/'), 'tr[data-indicator="grdp_growth"] .note')).toBe('Số ước tính tháng 1/2025 là 13,85%.');
		});

		test('shows each edition of an index a report states', () => {
			expect(
				row('pci')
					.map((_, el) => $(el).attr('data-period'))
					.get(),
			).toEqual(['2023', '2024']);
			expect(text($, 'tr[data-indicator="pci"][data-period="2024"] .change')).toBe('▲ +1.49 points (better)');
		});

		test('names the edition of an index that measures another year', () => {
			expect(text($, 'tr[data-indicator="pci"][data-period="2023"] .facts')).toContain('PCI 2023 edition');
			expect(text($, 'tr[data-indicator="pci"][data-period="2023"] .facts')).toContain('rank 4/63');
			expect(text(page(dir, 'reports/2024/'), 'tr[data-indicator="pci"][data-period="2023"] .facts')).toContain('PCI kỳ 2023');
			expect($('tr[data-indicator="pci"][data-period="2024"] .facts .tag').length).toBe(0);
		});

		test('does not compare across a change of definition', () => {
			expect(text($, 'tr[data-indicator="urbanization_rate"] .change')).toBe('not comparable: series break');
		});

		test('shows a count out of a total', () => {
			expect(text($, 'tr[data-indicator="main_targets_met"] .value')).toBe('15 of 18 targets');
		});

		test('renders the MDX body with GFM tables and footnotes', () => {
			expect($('.prose table').length).toBeGreaterThan(0);
			expect($('.prose [data-footnote-ref]').length).toBeGreaterThan(0);
			expect($('.prose section[data-footnotes]').length).toBe(1);
			expect($('.prose del').first().text()).toBe('13.85%');
		});

		test('links to the previous year and the next', () => {
			expect($('a[rel="prev"]').attr('href')).toBe('/en/reports/2023/');
			expect($('a[rel="next"]').attr('href')).toBe('/en/reports/2025/');
			expect($(`a[rel="next"]`).length).toBe(1);
		});

		test('pairs the languages with hreflang and a switcher to the same page', () => {
			expect($('link[hreflang="vi"]').attr('href')).toBe('https://annals.example.org/reports/2024/');
			expect($('link[hreflang="en"]').attr('href')).toBe('https://annals.example.org/en/reports/2024/');
			expect($('link[rel="canonical"]').attr('href')).toBe('https://annals.example.org/en/reports/2024/');
			expect($('[data-lang-switch]').attr('href')).toBe('/reports/2024/');
			expect($('html').attr('lang')).toBe('en');
		});
	});

	test('says when a report exists only in the other language, and links to it', () => {
		const $ = page(dir, 'en/reports/2022/');
		expect(text($, '[data-language-notice]')).toBe('The text of this report is only available in Vietnamese. Read it in Vietnamese');
		expect($('[data-language-notice] a').attr('href')).toBe('/reports/2022/');
		expect($('.prose').attr('lang')).toBe('vi');
		expect(page(dir, 'en/reports/2024/')('[data-language-notice]').length).toBe(0);
	});

	test('under a sub-path, every internal link and asset starts with the base', () => {
		const sub = builds.sub.dir;
		const files = htmlFiles(sub);
		expect(files.length).toBe(htmlFiles(dir).length);
		for (const file of files) {
			const $ = page(sub, file);
			const refs = $('a[href], link[href], script[src], img[src]')
				.map((_, el) => $(el).attr('href') ?? $(el).attr('src'))
				.get()
				.filter((ref) => !/^(https?:|mailto:|#)/.test(ref));
			for (const ref of refs) expect(ref, `${relative(sub, join(sub, file))}: ${ref}`).toMatch(/^\/annals\//);
		}
	});
});
