/** The check of content/redirects.yaml: each mistake at its line, in the editor's language. */
import { describe, expect, test } from 'vitest';
import { formatProblem, type Problem, useLanguage } from './problems.ts';
import { checkRedirects } from './redirects.ts';

const check = (text: string) => {
	useLanguage('vi');
	const problems: Problem[] = [];
	const redirects = checkRedirects({ path: 'content/redirects.yaml', text }, problems);
	return { redirects, said: problems.map(formatProblem) };
};

describe('content/redirects.yaml', () => {
	test('no file, or one of comments only, moves nothing', () => {
		expect(checkRedirects(undefined, [])).toEqual([]);
		expect(check('# Chưa có địa chỉ nào chuyển.\n')).toEqual({ redirects: [], said: [] });
	});

	test('a list of moves, each from an old address to the new', () => {
		expect(check('- from: /bao-cao/2024/\n  to: /reports/2024/\n')).toEqual({ redirects: [{ from: '/bao-cao/2024/', to: '/reports/2024/' }], said: [] });
	});

	test.each([
		[
			'a full web address',
			'- from: https://annals.example.org/bao-cao/2024/\n  to: /reports/2024/\n',
			/content\/redirects.yaml:1:9 .*không phải một địa chỉ trong trang — ghi phần sau địa chỉ của trang, bắt đầu bằng \//,
		],
		['an unknown key', '- from: /bao-cao/2024/\n  too: /reports/2024/\n', /content\/redirects.yaml:2:3/],
		['a move to itself', '- from: /reports/2024/\n  to: /reports/2024/\n', /redirects.yaml:2:7 .*được chuyển tới chính nó/],
		[
			'a page to a file',
			'- from: /bao-cao/2024/\n  to: /data/indicators.csv\n',
			/redirects.yaml:2:7 .*trang \(địa chỉ kết thúc bằng \/\) chỉ chuyển tới trang/,
		],
		['a chain', '- from: /a/\n  to: /b/\n- from: /b/\n  to: /c/\n', /redirects.yaml:2:7 .*\/b\/ lại được một mục khác chuyển tiếp/],
		['one address moved twice', '- from: /a/\n  to: /c/\n- from: /a/\n  to: /d/\n', /redirects.yaml:3:9 .*\/a\/ được chuyển hai lần \(lần đầu ở dòng 1\)/],
	])('refused: %s', (_, text, said) => {
		const result = check(text);
		expect(result.redirects).toEqual([]);
		expect(result.said.join('\n')).toMatch(said);
	});
});
