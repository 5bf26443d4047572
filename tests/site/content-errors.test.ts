import { describe, expect, test } from 'vitest';
import { buildArchive } from '../setup/site.ts';

describe('a build of content with wrong figures', () => {
	const { status, output } = buildArchive({ ARCHIVE_CONTENT: 'tests/fixtures/bad-figures', ARCHIVE_OUT: 'dist-test/bad-figures' });

	test('fails', () => {
		expect(status).not.toBe(0);
	});

	test("names the file, line, field and fix of every wrong figure, in one run, in the archive's language", () => {
		expect(output).toContain('Cần sửa 3 lỗi trong nội dung trước khi dựng được trang lưu trữ:');
		expect(output).toContain(
			'tests/fixtures/bad-figures/reports/2022.mdx:7:17  indicators.poverty_rate  "1,73" đang ở dạng chữ, không phải con số — viết 1.73 không có dấu ngoặc kép, dùng dấu chấm làm dấu thập phân',
		);
		expect(output).toContain(
			'tests/fixtures/bad-figures/reports/2023.mdx:7:17  indicators.poverty_rate  173 không phải tỷ lệ phần trăm (0–100) — có phải ý bạn là 1.73?',
		);
		expect(output).toContain(
			'tests/fixtures/bad-figures/reports/2024.mdx:7:3  indicators.povety_rate  "povety_rate" không phải là chỉ tiêu có trong tests/fixtures/bad-figures/indicators.yaml — có phải ý bạn là "poverty_rate"?',
		);
		expect(output).toContain('Sửa từng dòng nêu trên rồi dựng lại.');
	});

	test('shows no stack trace', () => {
		expect(output).not.toMatch(/Stack trace|\n\s+at .+:\d+:\d+\)?\n/);
	});
});
