/**
 * The search index kept between builds: a bundle is written by Pagefind only when its records
 * changed, and a kept one is the very bundle Pagefind would write.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SEARCH_BUNDLES, VERSION_PARTS_FILE } from '../../lib/search.ts';
import { indexSpool, SearchIndexer, VERSION_YEARS_PER_PART, versionPart, type IndexStats } from './indexer.ts';
import type { SearchRecord } from './page.ts';
import { searchWith } from '../../client/search-engine.ts';
import { loadIndex } from '../../../tests/site/pagefind-node.ts';
import * as pagefind from 'pagefind';

let work: string;
const cache = process.env['ANNALS_CACHE_DIR'];
beforeEach(() => {
	work = mkdtempSync(join(tmpdir(), 'annals-indexer-'));
	process.env['ANNALS_CACHE_DIR'] = join(work, 'cache');
});
afterEach(() => {
	if (cache === undefined) delete process.env['ANNALS_CACHE_DIR'];
	else process.env['ANNALS_CACHE_DIR'] = cache;
	rmSync(work, { recursive: true, force: true });
});

const record = (url: string, content: string, kind: 'report' | 'version'): SearchRecord => ({
	url,
	content,
	language: 'vi',
	meta: { title: url },
	filters: { kind: [kind] },
});

/** Every file of a bundle, by its path, as bytes. */
function files(dir: string): Map<string, string> {
	return new Map(
		readdirSync(dir, { recursive: true, withFileTypes: true })
			.filter((e) => e.isFile())
			.map((e) => [join(e.parentPath, e.name).slice(dir.length), readFileSync(join(e.parentPath, e.name)).toString('base64')]),
	);
}

async function index(records: SearchRecord[], out: string): Promise<IndexStats> {
	const spool = join(work, `${out}.jsonl`);
	writeFileSync(spool, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
	return indexSpool(spool, join(work, out));
}

/** The earlier versions' one part, in an archive with earlier versions in fewer than VERSION_YEARS_PER_PART years. */
const VERSIONS = `${SEARCH_BUNDLES.versions}/0`;

const kept = (stats: IndexStats) => Object.fromEntries((stats.bundles ?? []).map((b) => [b.name, b.kept === true]));

describe('indexSpool', () => {
	const pages = [
		record('/reports/2024/', 'Tăng trưởng kinh tế đạt 13,85%', 'report'),
		record('/reports/2023/', 'Tăng trưởng kinh tế đạt 13,45%', 'report'),
		record('/reports/2024/v1/', 'Tỷ lệ hộ nghèo giảm còn 1,73%', 'version'),
	];

	test('keeps each bundle whose records are the same as last time, byte for byte what Pagefind writes', async () => {
		expect(kept(await index(pages, 'first'))).toEqual({ [SEARCH_BUNDLES.current]: false, [VERSIONS]: false });
		// The same records in another order (pages render in any order): both kept.
		const again = await index([...pages].reverse(), 'again');
		expect(kept(again)).toEqual({ [SEARCH_BUNDLES.current]: true, [VERSIONS]: true });
		expect(again.pages).toBe(3);
		for (const bundle of Object.values(SEARCH_BUNDLES)) expect(files(join(work, 'again', bundle))).toEqual(files(join(work, 'first', bundle)));
	});

	test('a bundle is the files Pagefind itself writes for the records, but its ready-made interfaces', async () => {
		await index(pages, 'dist');
		const { index: own } = await pagefind.createIndex({ forceLanguage: 'vi' });
		for (const page of [...pages].sort((a, b) => (a.url < b.url ? -1 : 1)).filter((p) => p.filters['kind']?.[0] === 'report')) await own!.addCustomRecord(page);
		await own!.writeFiles({ outputPath: join(work, 'pagefind') });
		await pagefind.close();
		const written = files(join(work, 'pagefind'));
		for (const name of written.keys()) if (/^\/pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:js|css)$/.test(name)) written.delete(name);
		expect(files(join(work, 'dist', SEARCH_BUNDLES.current))).toEqual(written);
	});

	test('a bundle written again over the last one in the output folder writes only the files that changed', async () => {
		const many = Array.from({ length: 60 }, (_, i) => record(`/reports/${1900 + i}/`, `Báo cáo năm ${1900 + i}: ngành ${i} tăng ${i},5%`, 'report'));
		await index(many, 'dist');
		const bundle = join(work, 'dist', SEARCH_BUNDLES.current);
		const time = new Date('2026-12-01T00:00:00Z');
		const before = files(bundle);
		for (const file of before.keys()) utimesSync(join(bundle, file), time, time);
		const changed = many.map((p, i) => (i === 7 ? { ...p, content: `${p.content} và thêm một câu` } : p));
		expect(kept(await index(changed, 'dist'))).toEqual({ [SEARCH_BUNDLES.current]: false });
		const after = files(bundle);
		const touched = [...after.keys()].filter((file) => statSync(join(bundle, file)).mtime.getTime() !== time.getTime());
		// The changed page's fragment, the index chunks and lists that name it: not the other 59 fragments.
		expect(touched.filter((file) => file.endsWith('.pf_fragment'))).toHaveLength(1);
		expect(touched.length).toBeLessThan(after.size / 4);
		// And nothing of the last bundle stays beside the new one's files: the same as one written into an empty folder.
		rmSync(join(work, 'cache'), { recursive: true });
		await index(changed, 'fresh');
		expect(after).toEqual(files(join(work, 'fresh', SEARCH_BUNDLES.current)));
		expect(after).not.toEqual(before);
	});

	test('a half-written kept bundle of a build that stopped goes from the cache when the bundle is kept again; one another build is writing stays', async () => {
		await index(pages, 'dist');
		const bundles = join(work, 'cache/search/bundles');
		const stopped = `${SEARCH_BUNDLES.current}-${'a'.repeat(32)}.files.999999999`;
		const writing = `${SEARCH_BUNDLES.current}-${'b'.repeat(32)}.files.${process.pid}`;
		writeFileSync(join(bundles, stopped), 'cut short');
		writeFileSync(join(bundles, writing), 'being written');
		const changed = pages.map((p) => (p.url === '/reports/2023/' ? { ...p, content: 'Tăng trưởng kinh tế đạt 13,5%' } : p));
		await index(changed, 'dist');
		expect(existsSync(join(bundles, stopped))).toBe(false);
		// This test's process stands for the other build: its file is left to it.
		expect(existsSync(join(bundles, writing))).toBe(true);
		expect(readdirSync(bundles).filter((name) => /^pagefind-[0-9a-f]{32}\.(?:files|json)$/.test(name))).toHaveLength(2);
	});

	test('writes again the bundle whose records changed, and only that one', async () => {
		await index(pages, 'first');
		const changed = pages.map((p) => (p.url === '/reports/2024/v1/' ? { ...p, content: 'Tỷ lệ hộ nghèo giảm còn 1,70%' } : p));
		const stats = await index(changed, 'changed');
		expect(kept(stats)).toEqual({ [SEARCH_BUNDLES.current]: true, [VERSIONS]: false });
		// And it is the bundle of the new records: the same as one written with nothing kept.
		rmSync(join(work, 'cache'), { recursive: true });
		await index(changed, 'fresh');
		expect(files(join(work, 'changed', SEARCH_BUNDLES.versions))).toEqual(files(join(work, 'fresh', SEARCH_BUNDLES.versions)));
		expect(files(join(work, 'changed', SEARCH_BUNDLES.versions))).not.toEqual(files(join(work, 'first', SEARCH_BUNDLES.versions)));
	});

	test('keeps the earlier versions when only the current pages changed', async () => {
		await index(pages, 'first');
		const changed = pages.map((p) => (p.url === '/reports/2023/' ? { ...p, content: 'Tăng trưởng kinh tế đạt 13,5%' } : p));
		expect(kept(await index(changed, 'changed'))).toEqual({ [SEARCH_BUNDLES.current]: false, [VERSIONS]: true });
		// And the next build still finds both.
		expect(kept(await index(changed, 'again'))).toEqual({ [SEARCH_BUNDLES.current]: true, [VERSIONS]: true });
	});

	test('leaves a kept bundle in the output folder when it is as written there, and copies it back when it is not', async () => {
		await index(pages, 'dist');
		const bundle = join(work, 'dist', VERSIONS);
		const first = files(bundle);
		const times = () => new Map([...first.keys()].map((file) => [file, statSync(join(bundle, file)).mtimeMs]));
		const before = times();
		// The next build left it (src/integrations/kept-output.ts): not one file written again.
		expect(kept(await index(pages, 'dist'))).toEqual({ [SEARCH_BUNDLES.current]: true, [VERSIONS]: true });
		expect(times()).toEqual(before);
		// A file changed by hand, one added, one removed: the kept bundle is put back, as it was.
		const fragments = [...first.keys()].filter((file) => file.endsWith('.pf_fragment'));
		for (const change of [
			() => writeFileSync(join(bundle, fragments[0]!), 'changed'),
			() => writeFileSync(join(bundle, 'extra.js'), 'added'),
			() => rmSync(join(bundle, fragments.at(-1)!)),
		]) {
			change();
			expect(kept(await index(pages, 'dist'))).toEqual({ [SEARCH_BUNDLES.current]: true, [VERSIONS]: true });
			expect(files(bundle)).toEqual(first);
		}
		// Records changed: the bundle in place is replaced by the new one.
		const changed = pages.map((p) => (p.url === '/reports/2024/v1/' ? { ...p, content: 'Tỷ lệ hộ nghèo giảm còn 1,70%' } : p));
		expect(kept(await index(changed, 'dist'))).toEqual({ [SEARCH_BUNDLES.current]: true, [VERSIONS]: false });
		expect(files(bundle)).not.toEqual(first);
	});

	test('writes the earlier versions in parts of VERSION_YEARS_PER_PART years, a report in one, and again only the part whose records changed', async () => {
		// Three versions of each of 667 reports: 2,001 pages, three parts.
		const years = Array.from({ length: 667 }, (_, i) => 1400 + i);
		const versions = years.flatMap((year) =>
			[1, 2, 3].map((v) => ({
				...record(`/reports/${year}/v${v}/`, `Báo cáo năm ${year}, phiên bản ${v}, chỉ số ${year % 7}`, 'version'),
				meta: { title: `${year} v${v}`, year: String(year) },
			})),
		);
		const all = [record('/reports/2024/', 'Tăng trưởng kinh tế đạt 13,85%', 'report'), ...versions];
		expect(Math.ceil(years.length / VERSION_YEARS_PER_PART)).toBe(3);
		const parts = ['0', '1', '2'].map((part) => `${SEARCH_BUNDLES.versions}/${part}`);
		expect(kept(await index(all, 'dist'))).toEqual({ [SEARCH_BUNDLES.current]: false, [parts[0]!]: false, [parts[1]!]: false, [parts[2]!]: false });
		const folder = join(work, 'dist', SEARCH_BUNDLES.versions);
		expect(JSON.parse(readFileSync(join(folder, VERSION_PARTS_FILE), 'utf8'))).toEqual({ parts: ['0', '1', '2'] });
		expect(readdirSync(folder).sort()).toEqual(['0', '1', '2', VERSION_PARTS_FILE]);
		// Every version of a report in the part of its year.
		for (const part of [0, 1, 2]) {
			const pages = readdirSync(join(folder, String(part), 'fragment')).length;
			expect(pages).toBe(versions.filter((v) => versionPart(Number(v.meta['year']), 3) === part).length);
		}

		// A search that reaches the earlier versions merges every part in (src/client/search-engine.ts).
		const found = await searchWith(await loadIndex(join(work, 'dist')), 'phiên bản', { kind: ['version'] }, 5);
		expect(found.total).toBe(versions.length);
		// A part listed but gone (a deploy half done, a list cached from before it): the others are
		// searched, and the search goes on working.
		rmSync(join(folder, '1'), { recursive: true });
		const partial = await loadIndex(join(work, 'dist'));
		expect((await searchWith(partial, 'phiên bản', { kind: ['version'] }, 5)).total).toBe(
			versions.filter((v) => versionPart(Number(v.meta['year']), 3) !== 1).length,
		);
		expect((await searchWith(partial, 'tăng trưởng', {}, 5)).total).toBe(1);

		// A correction to the report of 1500 adds a version: only its part is written again.
		const corrected = [...all, { ...record('/reports/1500/v4/', 'Báo cáo năm 1500, phiên bản 4', 'version'), meta: { title: '1500 v4', year: '1500' } }];
		const stats = kept(await index(corrected, 'dist'));
		expect(stats).toEqual({ [SEARCH_BUNDLES.current]: true, [parts[0]!]: true, [parts[1]!]: true, [parts[2]!]: true, [parts[1500 % 3]!]: false });

		// Fewer versions, one part: the others go, from the folder and the cache.
		expect(kept(await index(all.slice(0, 100), 'dist'))).toEqual({ [SEARCH_BUNDLES.current]: true, [parts[0]!]: false });
		expect(readdirSync(folder).sort()).toEqual(['0', VERSION_PARTS_FILE]);
		expect(
			readdirSync(join(work, 'cache/search/bundles'))
				.filter((name) => name.startsWith(SEARCH_BUNDLES.versions))
				.sort(),
		).toEqual(
			[
				expect.stringMatching(/^pagefind-versions\.0-[0-9a-f]{32}\.files$/),
				expect.stringMatching(/^pagefind-versions\.0-[0-9a-f]{32}\.json$/),
				'pagefind-versions.0.output.json',
			].sort(),
		);
		// None: no folder at all, for the search to find none.
		expect(kept(await index(all.slice(0, 1), 'dist'))).toEqual({ [SEARCH_BUNDLES.current]: true });
		expect(existsSync(folder)).toBe(false);
	}, 60_000);

	test('a correction never moves the other reports’ versions to other parts: the parts are counted by years, and it adds none', async () => {
		// Two versions of each of 500 reports: 1,000 pages in two parts. Counted by pages, a
		// thousand to a part, they were one, and the correction's 1,001st page made two: every
		// version was written again, in a new part, after a correction to one report.
		const years = Array.from({ length: 2 * VERSION_YEARS_PER_PART }, (_, i) => 1500 + i);
		const versions = years.flatMap((year) =>
			[1, 2].map((v) => ({
				...record(`/reports/${year}/v${v}/`, `Báo cáo năm ${year}, phiên bản ${v}`, 'version'),
				meta: { title: `${year} v${v}`, year: String(year) },
			})),
		);
		const all = [record('/reports/2024/', 'Tăng trưởng kinh tế đạt 13,85%', 'report'), ...versions];
		const parts = ['0', '1'].map((part) => `${SEARCH_BUNDLES.versions}/${part}`);
		expect(kept(await index(all, 'dist'))).toEqual({ [SEARCH_BUNDLES.current]: false, [parts[0]!]: false, [parts[1]!]: false });
		const corrected = [...all, { ...record('/reports/1601/v3/', 'Báo cáo năm 1601, phiên bản 3', 'version'), meta: { title: '1601 v3', year: '1601' } }];
		expect(kept(await index(corrected, 'dist'))).toEqual({ [SEARCH_BUNDLES.current]: true, [parts[0]!]: true, [parts[1]!]: false });
		const found = await searchWith(await loadIndex(join(work, 'dist')), 'phiên bản', { kind: ['version'] }, 5);
		expect(found.total).toBe(versions.length + 1);
	}, 60_000);
});

describe('SearchIndexer', () => {
	const html = (text: string) =>
		`<!DOCTYPE html><html lang="vi"><head><title>${text}</title></head><body><main data-pagefind-body><h1>${text}</h1><p>${text}</p></main></body></html>`;

	test('a page it was not handed (copied by the incremental build) is read from disk, from the records kept of the last build', async () => {
		const site = join(work, 'site');
		const first = new SearchIndexer('/');
		first.add('/reports/2024/', html('Tăng trưởng kinh tế'));
		first.add('/reports/2023/', html('Thu hút đầu tư'));
		const written = join(site, 'reports/2024/index.html');
		mkdirSync(join(site, 'reports/2024'), { recursive: true });
		mkdirSync(join(site, 'reports/2023'), { recursive: true });
		writeFileSync(written, html('Tăng trưởng kinh tế'));
		writeFileSync(join(site, 'reports/2023/index.html'), html('Thu hút đầu tư'));
		const before = await first.finish(site);
		const index = files(join(site, SEARCH_BUNDLES.current));
		const records = readFileSync(join(work, 'cache/search/records.jsonl'), 'utf8').trim().split('\n');
		// Each page's record, and its file's key pointing to it.
		const byFile = (line: string) => /^f[0-9a-f]{64}\t=/.test(line);
		expect(records.filter((line) => !byFile(line))).toHaveLength(2);
		expect(records.filter(byFile)).toHaveLength(2);

		// The next build renders 2023 again and copies 2024: the same index.
		const second = new SearchIndexer('/');
		second.add('/reports/2023/', html('Thu hút đầu tư'));
		const after = await second.finish(site);
		expect(after.pages).toBe(before.pages);
		expect(files(join(site, SEARCH_BUNDLES.current))).toEqual(index);
		const kept = (line: string) => !byFile(line);
		const keptRecords = () => readFileSync(join(work, 'cache/search/records.jsonl'), 'utf8').trim().split('\n').filter(kept).sort();
		expect(keptRecords()).toEqual(records.filter(kept).sort());
	});

	test('a page left in place since the last build is known by its file, unread; a page changed since is read', async () => {
		const site = join(work, 'site');
		const page = join(site, 'reports/2024/index.html');
		mkdirSync(dirname(page), { recursive: true });
		const first = new SearchIndexer('/');
		first.add('/reports/2024/', html('Tăng trưởng kinh tế'));
		writeFileSync(page, html('Tăng trưởng kinh tế'));
		// A time a file system keeps exactly, to be set back below.
		const time = new Date('2026-12-01T00:00:00Z');
		utimesSync(page, time, time);
		await first.finish(site);
		const words = () => [...files(join(site, SEARCH_BUNDLES.current)).values()].join('');
		const index = words();

		// Other words of the same size, and the time set back: only a file left as it was looks like
		// this, so the record kept of it shows it was not read.
		const { size } = statSync(page);
		writeFileSync(page, html('Tăng trưởng minh tế'));
		utimesSync(page, time, time);
		expect(statSync(page).size).toBe(size);
		const unread = await new SearchIndexer('/').finish(site);
		expect(unread.pages).toBe(1);
		expect(words()).toEqual(index);

		// Written again (as a build that renders it writes it): read, and its new words indexed.
		writeFileSync(page, html('Tăng trưởng minh tế'));
		await new SearchIndexer('/').finish(site);
		expect(words()).not.toEqual(index);
		const again = await new SearchIndexer('/').finish(site);
		expect(again.pages).toBe(1);
	});
});
