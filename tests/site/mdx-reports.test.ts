/**
 * Reports are rendered as Markdown unless they use MDX (src/data/report-loader.ts). One archive
 * holding both kinds: a report whose text uses MDX syntax is still compiled as MDX (an element with
 * attributes, an expression), and the plain reports beside it are the same documents as in the
 * sample archive's build.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildArchive, builds, clearContentStore, root } from '../setup/site.ts';
import { canonicalHtml, page, text } from './html.ts';

const work = join(root, 'dist-test/mdx-reports');
const out = join(work, 'dist');

beforeAll(() => {
	rmSync(work, { recursive: true, force: true });
	// A clone, so that the archive has the sample's history and commit.
	execFileSync('git', ['clone', '-q', '--no-local', root, work]);
	const file = join(work, 'content/reports/2023.mdx');
	writeFileSync(
		file,
		readFileSync(file, 'utf8').replace(
			/\n---\n/,
			'\n---\n\nexport const target = 14.5;\n\nChỉ tiêu <abbr title="Tổng sản phẩm trên địa bàn">GRDP</abbr> đặt ra là {target.toLocaleString("vi-VN")}%.\n',
		),
	);
	execFileSync('git', ['-C', work, '-c', 'user.name=Editor', '-c', 'user.email=editor@example.org', 'commit', '-qam', 'A report that uses MDX']);
	clearContentStore();
});
afterAll(() => {
	rmSync(work, { recursive: true, force: true });
	clearContentStore();
});

describe('an archive with a report that uses MDX', () => {
	test('builds; the MDX report shows its element and its expression; the plain reports are unchanged', () => {
		const { status, output } = buildArchive({ ARCHIVE_CONTENT: join(work, 'content'), ARCHIVE_OUT: out });
		expect(status, output).toBe(0);
		const mdx = page(out, 'reports/2023/');
		expect(mdx('.prose abbr[title="Tổng sản phẩm trên địa bàn"]').text()).toBe('GRDP');
		expect(text(mdx, '.prose')).toContain('GRDP đặt ra là 14,5%.');
		// The rest of its text is there too, rendered by the same compiler.
		expect(mdx('.prose h2').length).toBeGreaterThan(0);
		for (const route of ['reports/2022/', 'reports/2024/', 'en/reports/2024/']) {
			const html = (dir: string) => canonicalHtml(readFileSync(join(dir, route, 'index.html'), 'utf8'));
			expect(html(out), route).toBe(html(builds.root.dir));
		}
	});
});
