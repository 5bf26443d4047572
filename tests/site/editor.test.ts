/**
 * A new editor with only EDITING.vi.md, on a clone of this repository: make the 2026 report of the new Bắc Ninh (only the file: its entity comes from the archive's line), fill
 * three figures with three mistakes, read what the check says, fix them and publish.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildArchive, clearContentStore, root } from '../setup/site.ts';
import { userEnv } from '../../scripts/user-env.ts';

const work = join(root, 'dist-test/editor');
const out = join(root, 'dist-test/editor-out');
const report = join(work, 'content/reports/2026.mdx');

/** An npm script of this project, run in the clone as the editor runs it there. */
function run(script: string, ...args: string[]): { status: number; stdout: string } {
	const result = spawnSync(process.execPath, [join(root, `scripts/${script}.ts`), ...args], { cwd: work, env: userEnv(), encoding: 'utf8' });
	return { status: result.status ?? 1, stdout: `${result.stdout}${result.stderr}` };
}

beforeAll(() => {
	rmSync(work, { recursive: true, force: true });
	mkdirSync(join(root, 'dist-test'), { recursive: true });
	execFileSync('git', ['clone', '-q', '--no-local', root, work]);
	clearContentStore();
});
afterAll(() => {
	[work, out].forEach((dir) => rmSync(dir, { recursive: true, force: true }));
	clearContentStore();
});

describe('adding 2026 in Vietnamese', () => {
	test('new-report makes a draft whose comments are Vietnamese', () => {
		const { status, stdout } = run('new-report', '2026');
		expect(status).toBe(0);
		expect(stdout).toContain('Đã tạo content/reports/2026.mdx dưới dạng bản nháp');
		// Whose report it is, from the archive's line: the new Bắc Ninh's, with no flag and no question.
		expect(stdout).toContain('Đây là báo cáo của Tỉnh Bắc Ninh');
		expect(readFileSync(report, 'utf8')).toContain('# Xóa dòng dưới đây khi báo cáo sẵn sàng công bố.\ndraft: true\n');
	});

	test('committed half filled, as a clerk saves work in progress, the draft builds and is not published', () => {
		const draft = readFileSync(report, 'utf8');
		const half = draft.replace(/^ {2}grdp_growth: #.*$/m, '  grdp_growth: 8.5');
		writeFileSync(report, half);
		const { status, output } = buildArchive({ ARCHIVE_CONTENT: join(work, 'content'), ARCHIVE_OUT: out });
		expect(output).toContain('chưa có giá trị');
		expect(status).toBe(0);
		expect(existsSync(join(out, 'reports/2026/index.html'))).toBe(false);
		writeFileSync(report, draft);
	});

	test('a report of an entity the year does not belong to is refused, naming the archive’s line, and nothing is written', () => {
		const { status, stdout } = run('new-report', '2027', '--entity', 'bac_giang');
		expect(status).toBe(1);
		expect(stdout).toContain('--entity bac_giang không tạo được báo cáo năm 2027');
		expect(stdout).toContain('bac_ninh ← bac_giang');
		expect(existsSync(join(work, 'content/reports/2027.mdx'))).toBe(false);
	});

	test('--entity names an entity beside the line: its report goes in its own folder, from its own last year; a year it did not live is refused', () => {
		const { status, stdout } = run('new-report', '2025', '--entity', 'bac_ninh_old');
		expect(status).toBe(0);
		const made = join(work, 'content/reports/bac_ninh_old/2025.mdx');
		expect(stdout).toContain('Đây là báo cáo của Tỉnh Bắc Ninh (trước sáp nhập)');
		// Its indicators and last figures are old Bắc Ninh's 2024, not the archive's.
		expect(readFileSync(made, 'utf8')).toContain('grdp_growth: # % tăng/giảm; báo cáo năm 2024: 6.03\n');
		rmSync(made);
		const late = run('new-report', '2026', '--entity', 'bac_ninh_old');
		expect(late.status).toBe(1);
		expect(late.stdout).toContain('bac_ninh_old không tồn tại vào năm 2026');
		expect(existsSync(join(work, 'content/reports/bac_ninh_old/2026.mdx'))).toBe(false);
	});

	test('three figures with a typo in an id, an over-indented line and 1,5: three errors in Vietnamese, each at its line', () => {
		const text = readFileSync(report, 'utf8')
			.replace(/^ {2}grdp_growth: #.*$/m, '  grdp_growth: 8.5')
			.replace(/^ {2}grdp_per_capita: #.*$/m, '  grdp_per_capta: 4900')
			.replace(/^ {2}poverty_rate: #.*$/m, '  poverty_rate: 1,5')
			.replace(/^( {2}main_targets_met:\n) {4}value: #.*\n {4}total:$/m, '$1    value: 16\n      total: 18');
		writeFileSync(report, text);
		const line = (pattern: RegExp) => text.split('\n').findIndex((l) => pattern.test(l)) + 1;
		const { status, stdout } = run('check');
		expect(status).toBe(1);
		const errors = stdout.split('\n').filter((l) => l.startsWith('content/reports/2026.mdx') && !l.includes('cảnh báo:'));
		expect(errors).toEqual([
			`content/reports/2026.mdx:${line(/grdp_per_capta/)}:3  indicators.grdp_per_capta  "grdp_per_capta" không phải là chỉ tiêu có trong content/indicators.yaml — có phải ý bạn là "grdp_per_capita"?`,
			`content/reports/2026.mdx:${line(/^ {6}total: 18/)}:7  (cả tệp)  dòng này thụt vào sâu hơn dòng "value" phía trên nên không đọc được thành một trường — cho dòng bắt đầu ở cùng cột với "value"`,
			`content/reports/2026.mdx:${line(/poverty_rate: 1,5/)}:17  indicators.poverty_rate  "1,5" đang ở dạng chữ, không phải con số — viết 1.5 không có dấu ngoặc kép, dùng dấu chấm làm dấu thập phân`,
		]);
		expect(stdout).toMatch(/Nội dung có 3 lỗi, 1 cảnh báo\.\n$/);
		const github = run('check', '--format', 'github')
			.stdout.split('\n')
			.filter((l) => l.startsWith('::error '));
		expect(github).toHaveLength(3);
		expect(github[0]).toMatch(/^::error file=content\/reports\/2026\.mdx,line=\d+,col=3,title=indicators\.grdp_per_capta::"grdp_per_capta" không phải/);
	});

	test('fixed, with the empty figures removed and the draft line gone, it builds and is published', () => {
		const text = readFileSync(report, 'utf8')
			.replace('grdp_per_capta: 4900', 'grdp_per_capita: 4900')
			.replace('poverty_rate: 1,5', 'poverty_rate: 1.5')
			.replace('      total: 18', '    total: 18')
			.replace(/^ {2}[a-z_]+: #.*\n/gm, '')
			.replace(/^ {2}[a-z_]+:\n {4}value: #.*\n {4}period: \d+\n/gm, '')
			.replace(/^# .*\ndraft: true\n/m, '')
			.replace(/"TODO: [^"]*"/g, '"Báo cáo năm 2026"')
			.replace(/^TODO: .*$/m, 'Kinh tế tăng trưởng 8,5%.');
		writeFileSync(report, text);
		const checked = run('check');
		// The indicators left out are one warning for the new report, not one line each.
		expect(checked.stdout).toMatch(
			/^content\/reports\/2026\.mdx:\d+:1 {2}indicators {2}cảnh báo: 2 chỉ tiêu có trong báo cáo năm 2025 nhưng chưa có ở báo cáo này: grdp_scale, houses_handed_over/m,
		);
		expect(checked.stdout).toMatch(/Nội dung có 0 lỗi, 1 cảnh báo\.\n$/);
		expect(checked.status).toBe(0);
		const { status, output } = buildArchive({ ARCHIVE_CONTENT: join(work, 'content'), ARCHIVE_OUT: out });
		expect(output).toContain('Complete!');
		expect(status).toBe(0);
		expect(existsSync(join(out, 'reports/2026/index.html'))).toBe(true);
		expect(readFileSync(join(out, 'reports/2026/index.html'), 'utf8')).toContain('Báo cáo năm 2026');
		// The new Bắc Ninh's second year: one line with 2025, no break between them.
		const spec = JSON.parse(
			/data-spec="([^"]*)"/
				.exec(readFileSync(join(out, 'indicators/grdp_growth/index.html'), 'utf8'))![1]!
				.replace(/&quot;/g, '"')
				.replace(/&amp;/g, '&'),
		);
		expect(spec.periods.slice(-2)).toEqual([2025, 2026]);
		expect(spec.breaks).toEqual([2025]);
	});
});
