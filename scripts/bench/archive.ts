/**
 * The benchmark's synthetic archive: N reports of 40 indicators, about 800 words each in Vietnamese
 * and English, with a real git history of 3 versions of every report; and the bare Astro site that
 * renders the same MDX bodies as the same pages, the floor the build is compared with.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
/* ------------------------------------------------------------------------------------------ */
/* A synthetic archive                                                                          */

/** A small deterministic random source, so every run builds the same archive. */
function random(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

const VI =
	'kinh tế xã hội tăng trưởng chỉ tiêu công nghiệp nông thôn mới hộ nghèo giảm đầu tư doanh nghiệp tỉnh huyện xã đường giao thông đồng bằng điện nước giáo dục y tế văn hóa dân số lao động việc làm thu nhập sản xuất dịch vụ du lịch xuất khẩu ngân sách kế hoạch năm quý tháng đạt vượt hoàn thành nhiệm vụ chính quyền người dân cải cách hành chính chuyển đổi số môi trường rừng đất đai khu cụm đô thị phát triển bền vững'.split(
		' ',
	);
const EN =
	'economy society growth indicator industry rural new poverty decline investment enterprise province district commune road transport delta power water education health culture population labour jobs income production services tourism exports budget plan year quarter month reached exceeded completed task government people reform administration digital environment forest land park cluster urban development sustainable'.split(
		' ',
	);

/** A sentence of `length` words drawn from `words`, capitalised. */
function sentence(words: string[], rand: () => number): string {
	const out: string[] = [];
	const length = 8 + Math.floor(rand() * 10);
	for (let i = 0; i < length; i++) out.push(words[Math.floor(rand() * words.length)]!);
	out[0] = out[0]![0]!.toUpperCase() + out[0]!.slice(1);
	return `${out.join(' ')}.`;
}

/**
 * About `count` words of prose in sections, a table of figures and a footnote. A later version
 * (`revision` > 0) is the same text with a few sentences rewritten, as a real revision is.
 */
function prose(words: string[], count: number, seed: number, figures: string[], revision = 0): string {
	const rand = random(seed);
	const out: string[] = [];
	let written = 0;
	let section = 0;
	while (written < count) {
		if (written % 260 < 12) out.push(`\n\n## ${words[Math.floor(rand() * words.length)]} ${++section}\n\n`);
		const text = sentence(words, rand);
		// Paragraphs of a few sentences, as an editor writes them.
		out.push(`${text}${rand() < 0.3 ? '\n\n' : ''}`);
		written += text.split(' ').length;
	}
	for (let r = 1; r <= revision; r++) {
		const change = random(seed * 31 + r);
		for (let k = 0; k < 3; k++) {
			const at = Math.floor(change() * out.length);
			if (!out[at]!.startsWith('\n\n##')) out[at] = `${sentence(words, change)}${out[at]!.endsWith('\n\n') ? '\n\n' : ''}`;
		}
	}
	const table = ['', '| | |', '| --- | --- |', ...figures.slice(0, 5).map((f) => `| ${f} |`), ''];
	return `${out.join(' ')}\n${table.join('\n')}\nSee the note.[^1]\n\n[^1]: Figures as published.\n`;
}

const UNITS = ['percent', 'percent_change', 'count', 'vnd_billion', 'index_points'] as const;
const CATEGORIES = ['economy', 'society', 'rural', 'education', 'governance'];

function indicatorsYaml(): string {
	return Array.from({ length: 40 }, (_, i) => {
		const id = `ind_${String(i + 1).padStart(2, '0')}`;
		return `- id: ${id}\n  label: { vi: Chỉ tiêu ${i + 1}, en: Indicator ${i + 1} }\n  category: ${CATEGORIES[i % 5]}\n  unit: ${UNITS[i % 5]}\n  direction: ${['higher', 'lower', 'neutral'][i % 3]}\n  decimals: 2\n  definition: { vi: Định nghĩa chỉ tiêu ${i + 1}., en: Definition of indicator ${i + 1}. }\n`;
	}).join('');
}

function reportText(year: number, version: number): string {
	const figures: string[] = [];
	const lines = [
		'---',
		`year: ${year}`,
		`title: Báo cáo tổng kết năm ${year}`,
		`summary: Tóm tắt tình hình kinh tế – xã hội năm ${year}.`,
		`published: ${year + 1}-01-31`,
		'indicators:',
	];
	for (let i = 0; i < 40; i++) {
		const unit = UNITS[i % 5]!;
		const base =
			unit === 'percent'
				? 10 + ((year * 7 + i * 13) % 80)
				: unit === 'percent_change'
					? ((year + i) % 20) - 2
					: unit === 'count'
						? 100 + ((year * 3 + i) % 900)
						: unit === 'vnd_billion'
							? 1000 + ((year * 11 + i) % 9000)
							: 50 + ((year + i * 3) % 40);
		// Revisions move a figure by a hundredth, or by one for a count, which is whole.
		const value = Number((base + version * (unit === 'count' ? 1 : 0.01) * (i % 4)).toFixed(2));
		figures.push(`Indicator ${i + 1} | ${value}`);
		lines.push(`  ind_${String(i + 1).padStart(2, '0')}:`, `    value: ${value}`, `    status: ${version === 1 ? 'estimate' : 'final'}`);
	}
	if (version > 1) {
		lines.push('revisions:');
		for (let v = 2; v <= version; v++) lines.push(`  - date: ${year + 1}-0${v + 3}-30`, '    kind: revision', `    note: Revised figures, round ${v - 1}.`);
	}
	lines.push('---');
	return `${lines.join('\n')}\n${prose(VI, 800, year * 7, figures, version - 1)}`;
}

function translationText(year: number): string {
	return `---\ntitle: Summary report for ${year}\nsummary: Socio-economic situation in ${year}.\n---\n${prose(EN, 800, year * 13, [])}`;
}

function git(cwd: string, ...command: string[]) {
	execFileSync('git', command, {
		cwd,
		stdio: 'ignore',
		env: { ...process.env, GIT_AUTHOR_DATE: '2025-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2025-01-01T00:00:00Z' },
	});
}

/** The most yearly reports one generated archive can hold. */
export const MAX_REPORTS = 1025;

/** Writes the archive and its three-commit history; returns the years and the bare site's bodies. */
export function generate(dir: string, n: number): number[] {
	const content = join(dir, 'content');
	const bodies = join(dir, 'bare/src/bodies');
	mkdirSync(join(content, 'reports'), { recursive: true });
	mkdirSync(bodies, { recursive: true });
	writeFileSync(
		join(content, 'site.yaml'),
		'publisher: { vi: Đơn vị, en: Publisher }\ntitle: { vi: Kho lưu trữ, en: Archive }\ndescription: { vi: Mô tả, en: Description }\ndefaultLocale: vi\nurl: https://bench.example.org\nheadline: [ind_01, ind_02, ind_03, ind_04, ind_05, ind_06]\n',
	);
	writeFileSync(join(content, 'indicators.yaml'), indicatorsYaml());
	// One report a year, named by its four-digit year and published the January after: at most
	// 1,025 reports (1000 to 2024). A larger archive needs several publishers (issue #19).
	if (n > MAX_REPORTS) throw new Error(`one publisher's archive holds at most ${MAX_REPORTS} yearly reports (1000 to 2024); asked for ${n}`);
	const years = Array.from({ length: n }, (_, i) => 2024 - n + 1 + i);
	git(content, 'init', '-q', '-b', 'main');
	git(content, 'config', 'user.email', 'bench@example.org');
	git(content, 'config', 'user.name', 'Bench');
	for (const version of [1, 2, 3]) {
		for (const year of years) {
			const text = reportText(year, version);
			writeFileSync(join(content, 'reports', `${year}.mdx`), text);
			const body = text.slice(text.indexOf('\n---\n', 4) + 5);
			writeFileSync(join(bodies, `${year}-v${version}-vi.mdx`), `---\ntitle: Báo cáo ${year} v${version}\n---\n${body}`);
			const translation = translationText(year);
			if (version === 1) writeFileSync(join(content, 'reports', `${year}.en.mdx`), translation);
			writeFileSync(
				join(bodies, `${year}-v${version}-en.mdx`),
				translation.replace(/^---\ntitle: .*\n/, `---\ntitle: Report ${year} v${version}\n`).replace(/summary: .*\n/, ''),
			);
		}
		git(content, 'add', '-A');
		git(content, 'commit', '-q', '-m', `version ${version}`);
	}
	return years;
}

/** The bare Astro site: the same Astro, MDX and remark-gfm, one page per body, a minimal layout. */
export function writeBareSite(dir: string) {
	const bare = join(dir, 'bare');
	symlinkSync(join(root, 'node_modules'), join(bare, 'node_modules'));
	writeFileSync(join(bare, 'package.json'), '{ "type": "module", "private": true }\n');
	writeFileSync(
		join(bare, 'astro.config.mjs'),
		`import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nimport { unified } from '@astrojs/markdown-remark';\nimport remarkGfm from 'remark-gfm';\nexport default defineConfig({ build: { concurrency: 2 }, markdown: { processor: unified({ remarkPlugins: [remarkGfm], gfm: false }), syntaxHighlight: false }, integrations: [mdx()], devToolbar: { enabled: false }, vite: { build: { rolldownOptions: { onLog(level, log, handler) { if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log); } } } } });\n`,
	);
	writeFileSync(
		join(bare, 'src/content.config.ts'),
		`import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nimport { z } from 'astro/zod';\nexport const collections = { bodies: defineCollection({ loader: glob({ pattern: '*.mdx', base: './src/bodies' }), schema: z.object({ title: z.string() }) }) };\n`,
	);
	mkdirSync(join(bare, 'src/pages'), { recursive: true });
	writeFileSync(
		join(bare, 'src/pages/[slug].astro'),
		`---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n\treturn (await getCollection('bodies')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));\n}\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<html lang="vi"><head><meta charset="utf-8" /><title>{entry.data.title}</title></head><body><main><h1>{entry.data.title}</h1><Content /></main></body></html>\n`,
	);
}
