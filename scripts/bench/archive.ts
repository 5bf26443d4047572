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

/** A number in [0, 1) that looks random for each whole `n` (a 32-bit integer hash: neighbouring seeds give unrelated numbers). */
function uniform(n: number): number {
	let h = Math.imul(n ^ (n >>> 16), 0x45d9f3b);
	h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
	return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
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

function reportText(year: number, version: number, entity = 0): string {
	const figures: string[] = [];
	const lines = [
		'---',
		`year: ${year}`,
		`title: Báo cáo tổng kết năm ${year}`,
		`summary: Tóm tắt tình hình kinh tế – xã hội năm ${year}.`,
		`published: ${year + 1}-01-31`,
		'indicators:',
	];
	// Every figure is drawn at random, from a seed of its entity, year and indicator (so every run
	// builds the same archive): figures as irregular as real ones, which compress as real ones do
	// (a regular pattern would make the downloads and the embeds' figures look smaller than they
	// are). Each stays within a tenth and ten times the year before, which the checks would warn of.
	for (let i = 0; i < 40; i++) {
		const unit = UNITS[i % 5]!;
		// (Seeds never collide: 1009 and 7919 are primes, and for up to 120 entities their sum stays under 1,000,003.)
		const draw = uniform(year * 1_000_003 + i * 1009 + entity * 7919);
		const base =
			unit === 'percent'
				? 10 + draw * 80
				: unit === 'percent_change'
					? 2 + draw * 16
					: unit === 'count'
						? 100 + Math.floor(draw * 900)
						: unit === 'vnd_billion'
							? 1000 + draw * 8999
							: 50 + draw * 40;
		// Revisions move a figure by a hundredth, or by one for a count, which is whole.
		const value = Number((Number(base.toFixed(unit === 'vnd_billion' ? 1 : 2)) + version * (unit === 'count' ? 1 : 0.01) * (i % 4)).toFixed(2));
		figures.push(`Indicator ${i + 1} | ${value}`);
		lines.push(`  ind_${String(i + 1).padStart(2, '0')}:`, `    value: ${value}`, `    status: ${version === 1 ? 'estimate' : 'final'}`);
	}
	if (version > 1) {
		lines.push('revisions:');
		for (let v = 2; v <= version; v++) lines.push(`  - date: ${year + 1}-0${v + 3}-30`, '    kind: revision', `    note: Revised figures, round ${v - 1}.`);
	}
	lines.push('---');
	return `${lines.join('\n')}\n${prose(VI, 800, year * 7 + entity * 100_003, figures, version - 1)}`;
}

function translationText(year: number, entity = 0): string {
	return `---\ntitle: Summary report for ${year}\nsummary: Socio-economic situation in ${year}.\n---\n${prose(EN, 800, year * 13 + entity * 100_003, [])}`;
}

/** Commits every change in the archive's content, as an editor's change reaches a build: committed (the web editor commits). */
export function commitEdit(content: string, message: string): void {
	git(content, 'commit', '-q', '-a', '-m', message);
}

function git(cwd: string, ...command: string[]) {
	execFileSync('git', command, {
		cwd,
		stdio: 'ignore',
		env: { ...process.env, GIT_AUTHOR_DATE: '2025-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2025-01-01T00:00:00Z' },
	});
}

/** The most yearly reports one entity of a generated archive can have: one a year, 1000 to 2024. */
export const MAX_REPORTS_PER_ENTITY = 1025;

/** The generated register: `count` provinces that all exist throughout, the first the archive's own. */
function registerYaml(count: number): string {
	const entities = Array.from({ length: count }, (_, i) => {
		const n = i + 1;
		return `  - id: ${entityId(i)}\n    name: { vi: Tỉnh thứ ${n}, en: Province ${n} }\n    kind: province\n    code: "${String(n).padStart(2, '0')}"\n`;
	});
	return `kinds:\n  province:\n    name: { vi: tỉnh, en: province }\n    counts:\n      - count: ${Math.max(count, 63)}\nentities:\n${entities.join('')}`;
}

const entityId = (i: number) => `p${String(i + 1).padStart(2, '0')}`;

/** Where one generated report lives: the archive's own in reports/, the others' in a folder per entity (issue #19). */
export interface GeneratedReport {
	/** The entity's index: 0 is the archive's own. */
	entity: number;
	year: number;
}

/**
 * Writes the archive and its three-commit history, and the bare site's bodies. With `entities` > 1
 * the archive holds a register of that many provinces and the `n` reports are shared out among them,
 * the first province's in reports/ and each other's in reports/<id>/, so the same machinery as the
 * sample's shelves is measured, and an archive can hold more than 1,025 reports.
 * Returns the years of the archive's own reports, oldest first.
 */
export function generate(dir: string, n: number, entities = 1): number[] {
	const content = join(dir, 'content');
	const bodies = join(dir, 'bare/src/bodies');
	mkdirSync(join(content, 'reports'), { recursive: true });
	mkdirSync(bodies, { recursive: true });
	const several = entities > 1;
	writeFileSync(
		join(content, 'site.yaml'),
		`publisher: { vi: Đơn vị, en: Publisher }\ntitle: { vi: Kho lưu trữ, en: Archive }\ndescription: { vi: Mô tả, en: Description }\ndefaultLocale: vi\nurl: https://bench.example.org\nheadline: [ind_01, ind_02, ind_03, ind_04, ind_05, ind_06]\n${several ? `entity: ${entityId(0)}\n` : ''}`,
	);
	writeFileSync(join(content, 'indicators.yaml'), indicatorsYaml());
	if (several) writeFileSync(join(content, 'entities.yaml'), registerYaml(entities));
	// One report a year per entity, named by its four-digit year and published the January after:
	// at most 1,025 reports each (1000 to 2024), shared out as evenly as they go.
	if (!Number.isInteger(entities) || entities < 1) throw new Error(`--entities takes a whole number from 1; asked for ${entities}`);
	if (n > MAX_REPORTS_PER_ENTITY * entities)
		throw new Error(
			`${entities} ${entities === 1 ? 'entity holds' : 'entities hold'} at most ${MAX_REPORTS_PER_ENTITY * entities} yearly reports (1000 to 2024 each); asked for ${n}: give --entities ${Math.ceil(n / MAX_REPORTS_PER_ENTITY)} or more`,
		);
	const reports: GeneratedReport[] = Array.from({ length: entities }, (_, entity) => {
		const count = Math.floor(n / entities) + (entity < n % entities ? 1 : 0);
		return Array.from({ length: count }, (_, i) => ({ entity, year: 2024 - count + 1 + i }));
	}).flat();
	for (let entity = 1; entity < entities; entity++) mkdirSync(join(content, 'reports', entityId(entity)), { recursive: true });
	git(content, 'init', '-q', '-b', 'main');
	git(content, 'config', 'user.email', 'bench@example.org');
	git(content, 'config', 'user.name', 'Bench');
	for (const version of [1, 2, 3]) {
		for (const { entity, year } of reports) {
			const folder = entity === 0 ? join(content, 'reports') : join(content, 'reports', entityId(entity));
			const prefix = entity === 0 ? '' : `${entityId(entity)}-`;
			// Each entity's text differs, as two provinces' reports do.
			const text = reportText(year, version, entity);
			writeFileSync(join(folder, `${year}.mdx`), text);
			const body = text.slice(text.indexOf('\n---\n', 4) + 5);
			writeFileSync(join(bodies, `${prefix}${year}-v${version}-vi.mdx`), `---\ntitle: Báo cáo ${year} v${version}\n---\n${body}`);
			const translation = translationText(year, entity);
			if (version === 1) writeFileSync(join(folder, `${year}.en.mdx`), translation);
			writeFileSync(
				join(bodies, `${prefix}${year}-v${version}-en.mdx`),
				translation.replace(/^---\ntitle: .*\n/, `---\ntitle: Report ${year} v${version}\n`).replace(/summary: .*\n/, ''),
			);
		}
		git(content, 'add', '-A');
		git(content, 'commit', '-q', '-m', `version ${version}`);
	}
	return reports.filter((r) => r.entity === 0).map((r) => r.year);
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
