import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { builds, root } from '../setup/site.ts';
import { page, text } from './html.ts';
import { figureInVersion, writtenEn, writtenVi } from '../setup/sample.ts';

const { dir } = builds.root;

describe('versions of the 2024 report in the built archive', () => {
	test('the report page says which version it is, and why', () => {
		expect(text(page(dir, 'en/reports/2024/'), '.version-badge')).toMatch(
			/^Version 2 · revision 30 June 2025: Official figures replace the January estimates of GRDP growth \(13\.85% → 13\.87%\)/,
		);
		expect(text(page(dir, 'reports/2024/'), '.version-badge')).toMatch(/^Phiên bản 2 · điều chỉnh số liệu ngày 30 tháng 6 năm 2025: Số liệu chính thức/);
		expect(text(page(dir, 'en/reports/2023/'), '.version-badge')).toBe('Version 1 · first published 6 December 2023');
	});

	test('the report page lists every version with a link to the earlier one', () => {
		const $ = page(dir, 'en/reports/2024/');
		expect(
			$('.version-list li')
				.map((_, el) => $(el).attr('data-version'))
				.get(),
		).toEqual(['1', '2']);
		expect($('.version-list li[data-version="1"] a').attr('href')).toBe('/en/reports/2024/v1/');
		expect(text($, '.version-list li[data-version="2"]')).toContain('(current version)');
	});

	test('the change table gives each changed figure old → new with the difference, and the added figure', () => {
		const $ = page(dir, 'en/reports/2024/');
		const rows = $('.versions .changes tbody tr')
			.map((_, tr) => [
				$(tr)
					.find('th, td')
					.map((_, c) => $(c).text().replace(/\s+/g, ' ').trim())
					.get(),
			])
			.get();
		expect(rows).toEqual([
			['GRDP growth rate', 'value', '13.85%', '13.87%', '+0.02 pp'],
			['GRDP growth rate', 'status', 'estimate', 'final', ''],
			['GRDP (current prices)', 'value', '207 trillion VND', '209.15 trillion VND', '+2.15 trillion VND'],
			['GRDP (current prices)', 'status', 'estimate', 'final', ''],
			['GRDP per capita', 'value', '4,370 USD', '4,400 USD', '+30 USD'],
			['GRDP per capita', 'status', 'estimate', 'final', ''],
			['Provincial Competitiveness Index (PCI)', 'added', '—', '71.24 points', ''],
		]);
		expect(text($, '.versions [data-prose]')).toBe('The text changed in 1 paragraph:');
		expect($('.versions .text-diff del').first().text()).toContain('This is the estimates-stage version of the report.');
	});

	describe('the page of version 1', () => {
		const $ = page(dir, 'en/reports/2024/v1/');
		test('is marked superseded, with a link to the current version', () => {
			expect(text($, '[data-superseded]')).toBe('This is version 1 of 2, published 31 January 2025. It has been superseded. Read the current version');
			expect($('[data-superseded] a').attr('href')).toBe('/en/reports/2024/');
		});
		test('is kept out of search engines and points its canonical link at the current page', () => {
			expect($('meta[name="robots"]').attr('content')).toBe('noindex');
			expect($('link[rel="canonical"]').attr('href')).toBe('https://annals.example.org/en/reports/2024/');
		});
		test('shows the January estimates and the text as first published', () => {
			expect(text($, 'tr[data-indicator="grdp_growth"] .value')).toBe(`${writtenEn(figureInVersion(2024, 1, 'grdp_growth').value!)}%`);
			expect(text($, 'tr[data-indicator="grdp_growth"] [data-status]')).toBe('estimate');
			expect($('.figures tr[data-indicator="pci"]').length).toBe(1);
			expect(text($, '.prose')).toContain('This is the estimates-stage version of the report.');
			expect($('.prose').attr('lang')).toBe('en');
			expect($('.prose table').length).toBeGreaterThan(0);
		});
		test('exists in Vietnamese too, with the Vietnamese text of the time', () => {
			const vi = page(dir, 'reports/2024/v1/');
			expect(text(vi, 'tr[data-indicator="grdp_growth"] .value')).toBe(`${writtenVi(figureInVersion(2024, 1, 'grdp_growth').value!)}%`);
			expect(text(vi, '.prose')).toContain('Báo cáo này là phiên bản ở giai đoạn số liệu ước tính.');
		});
	});

	test('no report has an earlier version page it does not need', () => {
		expect(() => page(dir, 'reports/2023/v1/')).toThrow();
	});

	test('the feed has an item for each report, old Bắc Ninh’s too, and for each revision, newest first', () => {
		const xml = load(readFileSync(join(dir, 'en/feed.xml'), 'utf8'), { xml: true });
		expect(xml('rss').attr('version')).toBe('2.0');
		expect(
			xml('item guid')
				.map((_, el) => xml(el).text())
				.get(),
		).toEqual([
			'report-2025-v2',
			'report-2025-v1',
			'report-2024-v2',
			'report-bac_ninh_old-2024-v1',
			'report-2024-v1',
			'report-bac_ninh_old-2023-v1',
			'report-2023-v1',
			'report-bac_ninh_old-2022-v1',
			'report-2022-v1',
		]);
		// The newest item is the 2025 report's revision (the back-dated poverty rates), on its day.
		expect(xml('item').first().find('pubDate').text()).toBe('Tue, 01 Dec 2026 00:00:00 GMT');
		expect(xml('item').first().find('link').text()).toBe('https://annals.example.org/en/reports/2025/');
	});

	describe('version 1 as first published, wherever it travels', () => {
		// The oracle is git itself: the English text of the commit that first published the 2024 report.
		const first = execFileSync('git', ['log', '--diff-filter=A', '--format=%H', '--', 'content/reports/2024.mdx'], { cwd: root, encoding: 'utf8' })
			.trim()
			.split('\n')
			.pop()!;
		const firstText = execFileSync('git', ['show', `${first}:content/reports/2024.en.mdx`], { cwd: root, encoding: 'utf8' });
		const firstSummary = /^summary: (.+)$/m.exec(firstText)![1]!;

		test("its feed item links to its frozen page and carries its own summary, not today's", () => {
			const xml = load(readFileSync(join(dir, 'en/feed.xml'), 'utf8'), { xml: true });
			const item = xml('item').filter((_, el) => xml(el).find('guid').text() === 'report-2024-v1');
			expect(item.find('link').text()).toBe('https://annals.example.org/en/reports/2024/v1/');
			expect(item.find('description').text()).toBe(firstSummary);
			expect(item.find('pubDate').text()).toBe('Fri, 31 Jan 2025 00:00:00 GMT');
		});

		test('its page shares a card of its own, drawn from its own figures', () => {
			const $ = page(dir, 'en/reports/2024/v1/');
			expect($('meta[property="og:image"]').attr('content')).toBe('https://annals.example.org/en/og/reports/2024/v1.png');
			const png = readFileSync(join(dir, 'en/og/reports/2024/v1.png'));
			expect(png.subarray(1, 4).toString()).toBe('PNG');
			expect(png.equals(readFileSync(join(dir, 'en/og/reports/2024.png')))).toBe(false);
			expect($('meta[name="description"]').attr('content')).toBe(firstSummary);
		});
	});
});
