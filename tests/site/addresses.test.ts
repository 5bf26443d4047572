/**
 * Addresses that never break (issue #19), tried as a host would: the deployed site lists every
 * address it answers at; a build that would drop one is refused, in Vietnamese, naming the address
 * and the fix; once content/redirects.yaml says where it went, the old address answers with a page
 * that sends the reader on (and a `_redirects` line), in both languages and under a sub-path; a
 * move to nowhere is refused at its line.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildArchive, builds, clearContentStore, root } from '../setup/site.ts';

const work = join(root, 'dist-test/addresses');
const out = join(root, 'dist-test/addresses-out');
const deployed = join(root, 'dist-test/addresses-deployed');
const addressesOf = (dir: string) => (JSON.parse(readFileSync(join(dir, 'data/addresses.json'), 'utf8')) as { addresses: string[] }).addresses;

describe('the addresses a build answers at', () => {
	test('every page, version, download, feed and picture is listed; bundles with hashed names and the search index are not', () => {
		const addresses = addressesOf(builds.root.dir);
		for (const address of [
			'/',
			'/reports/2024/',
			'/reports/2024/v1/',
			'/en/reports/2024/',
			'/indicators/grdp_growth/',
			'/entities/bac_ninh_old/2023/',
			'/data/indicators.json',
			'/data/addresses.json',
			'/feed.xml',
			'/og/reports/2024.png',
		])
			expect(addresses).toContain(address);
		expect(addresses.filter((a) => /^\/(_astro|pagefind)/.test(a))).toEqual([]);
		// The sub-path build answers at the same addresses, under its base.
		expect(addressesOf(builds.sub.dir)).toEqual(addresses);
	});
});

describe('an address the deployed site answered at', () => {
	beforeAll(() => {
		[work, out, deployed].forEach((dir) => rmSync(dir, { recursive: true, force: true }));
		mkdirSync(join(root, 'dist-test'), { recursive: true });
		execFileSync('git', ['clone', '-q', '--no-local', root, work]);
		// The site as deployed by an earlier version, which published the 2024 report and its
		// figures at addresses this version no longer has.
		cpSync(builds.root.dir, deployed, { recursive: true });
		const listed = addressesOf(deployed);
		writeFileSync(join(deployed, 'data/addresses.json'), JSON.stringify({ addresses: [...listed, '/bao-cao/2024/', '/data/chi-tieu.csv'].sort() }));
		clearContentStore();
	});
	afterAll(() => {
		[work, out, deployed].forEach((dir) => rmSync(dir, { recursive: true, force: true }));
		clearContentStore();
	});
	const build = (env: Record<string, string> = {}) =>
		buildArchive({ ARCHIVE_CONTENT: join(work, 'content'), ARCHIVE_OUT: out, ANNALS_PUBLISHED: deployed, ...env });

	test('that this build would drop is refused, naming it and where to say where it went', () => {
		const { status, output } = build();
		expect(status).not.toBe(0);
		expect(output).toContain(
			`địa chỉ /bao-cao/2024/ đang có trên trang ${deployed}, nhưng bản dựng này không có trang hay tệp nào ở đó: mọi liên kết và dấu trang tới địa chỉ ấy sẽ hỏng — giữ lại địa chỉ đó, hoặc ghi nơi nó chuyển tới trong content/redirects.yaml (- from: /bao-cao/2024/ / to: địa chỉ mới)`,
		);
		expect(output).toContain('địa chỉ /data/chi-tieu.csv đang có');
	});

	test('once moved in redirects.yaml, answers with a page that sends the reader on, in both languages, under a sub-path too', () => {
		writeFileSync(
			join(work, 'content/redirects.yaml'),
			'# Địa chỉ do phiên bản trước công bố.\n- from: /bao-cao/2024/\n  to: /reports/2024/\n- from: /data/chi-tieu.csv\n  to: /data/indicators.csv\n',
		);
		const { status, output } = build({ ARCHIVE_BASE: '/annals/' });
		expect(status, output).toBe(0);
		expect(output).toContain(`Cả ${addressesOf(deployed).length} địa chỉ đang có trên ${deployed} vẫn còn.`);
		const vi = readFileSync(join(out, 'bao-cao/2024/index.html'), 'utf8');
		expect(vi).toMatch(/<meta http-equiv="refresh" content="0;url=\/annals\/reports\/2024\/">/);
		expect(vi).toContain('<link rel="canonical" href="https://annals.example.org/annals/reports/2024/">');
		expect(vi).toContain('<meta name="robots" content="noindex">');
		expect(readFileSync(join(out, 'en/bao-cao/2024/index.html'), 'utf8')).toMatch(/content="0;url=\/annals\/en\/reports\/2024\/"/);
		expect(readFileSync(join(out, 'data/chi-tieu.csv'))).toEqual(readFileSync(join(out, 'data/indicators.csv')));
		expect(readFileSync(join(out, '_redirects'), 'utf8')).toBe(
			[
				'/annals/bao-cao/2024/ /annals/reports/2024/ 301',
				'/annals/en/bao-cao/2024/ /annals/en/reports/2024/ 301',
				'/annals/data/chi-tieu.csv /annals/data/indicators.csv 301',
				'',
			].join('\n'),
		);
		// The moved addresses are the site's from now on: the next deploy keeps them too.
		expect(addressesOf(out)).toEqual(expect.arrayContaining(['/bao-cao/2024/', '/en/bao-cao/2024/', '/data/chi-tieu.csv']));
	});

	test('a move to an address the build does not have is refused at its line', () => {
		writeFileSync(
			join(work, 'content/redirects.yaml'),
			'- from: /bao-cao/2024/\n  to: /reports/2042/\n- from: /data/chi-tieu.csv\n  to: /data/indicators.csv\n',
		);
		const { status, output } = build();
		expect(status).not.toBe(0);
		// The file as the build names it: content/redirects.yaml in a repository of its own.
		expect(output).toContain(
			'addresses/content/redirects.yaml:2:7  0.to  /bao-cao/2024/ được chuyển tới /reports/2042/, nhưng bản dựng này không có trang hay tệp nào ở /reports/2042/ — ghi địa chỉ hiện nay của trang, trong trang web (ví dụ /entities/bac_ninh/2025/)',
		);
	});
});
