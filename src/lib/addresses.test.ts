import { describe, expect, test } from 'vitest';
import { addressesOf, expandRedirects, goneAddresses, moveProblems, renderRedirectsFile } from './addresses.ts';

describe('the addresses a build answers at', () => {
	test('a page at its folder, a file at itself; hashed bundles, the search index, Decap’s chunks and the hosts’ rules are not addresses', () => {
		expect(
			addressesOf([
				'index.html',
				'reports/2024/index.html',
				'en/reports/2024/v1/index.html',
				'data/indicators.csv',
				'og/entities/bac_ninh_old/2023.png',
				'_astro/chart.Bx1.js',
				'pagefind/pagefind.js',
				'pagefind-versions/fragment/x.pf_fragment',
				'admin/decap/decap-cms.js',
				'en/admin/decap/123.decap-cms.js',
				'admin/index.html',
				'_headers',
				'_redirects',
			]),
		).toEqual(['/', '/admin/', '/data/indicators.csv', '/en/reports/2024/v1/', '/og/entities/bac_ninh_old/2023.png', '/reports/2024/']);
	});
});

describe('moves', () => {
	const moves = [
		{ from: '/bao-cao/2024/', to: '/reports/2024/' },
		{ from: '/data/chi-tieu.csv', to: '/data/indicators.csv' },
	];

	test('a page moves in every language of the archive, a file once', () => {
		expect(expandRedirects(moves, ['vi', 'en'], 'vi')).toEqual([
			{ from: '/bao-cao/2024/', to: '/reports/2024/' },
			{ from: '/en/bao-cao/2024/', to: '/en/reports/2024/' },
			{ from: '/data/chi-tieu.csv', to: '/data/indicators.csv' },
		]);
		expect(expandRedirects(moves.slice(0, 1), ['en', 'vi'], 'en')).toEqual([
			{ from: '/bao-cao/2024/', to: '/reports/2024/' },
			{ from: '/vi/bao-cao/2024/', to: '/vi/reports/2024/' },
		]);
	});

	test('_redirects: permanent, under the site’s base', () => {
		expect(renderRedirectsFile(moves, '/')).toBe('/bao-cao/2024/ /reports/2024/ 301\n/data/chi-tieu.csv /data/indicators.csv 301\n');
		expect(renderRedirectsFile(moves.slice(0, 1), '/annals/')).toBe('/annals/bao-cao/2024/ /annals/reports/2024/ 301\n');
	});

	test.each([
		['a move to a page of the build', { from: '/bao-cao/2024/', to: '/reports/2024/' }, []],
		['a move to nowhere', { from: '/bao-cao/2024/', to: '/reports/2042/' }, [{ rule: 'toMissing', from: '/bao-cao/2024/', to: '/reports/2042/' }]],
		['a move from a page the build still has', { from: '/reports/2023/', to: '/reports/2024/' }, [{ rule: 'fromExists', from: '/reports/2023/' }]],
	] as const)('%s', (_, move, expected) => {
		expect(moveProblems([move], new Set(['/reports/2023/', '/reports/2024/']))).toEqual(expected);
	});

	test('a deployed address is gone when the build neither has it nor moves it; the search index and bundles may change', () => {
		const now = new Set(['/', '/reports/2024/', '/bao-cao/2024/']);
		expect(goneAddresses(['/', '/reports/2024/', '/bao-cao/2024/', '/reports/2023/', '/_astro/old.js', '/pagefind/x.pf_index'], now)).toEqual([
			'/reports/2023/',
		]);
	});
});
