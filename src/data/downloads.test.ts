/**
 * Where the downloads' ZIPs and workbooks come from during a build: the workers' packing, the main
 * thread's when the worker died, never a failure kept for the next page; and only a build notes
 * what it packed (made.json), which decides whether the next build starts packing early.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import type { PackageInput } from '../lib/data-package.ts';
import { cachedPack, type PackedSet } from '../workers/download-cache.ts';
import { buildServices } from '../workers/services.ts';
import { archiveFrom, type Archive } from './archive-model.ts';
import { contentDir } from './content-files.ts';
import { readHistory } from './history.ts';
import { checkedContent } from './validation.ts';

vi.mock('astro:content', () => ({ getCollection: async () => [] }));
// How many times the JSON download is made.
const made = vi.hoisted(() => ({ json: 0 }));
vi.mock('../lib/downloads.ts', async (original) => {
	const actual = await original<typeof import('../lib/downloads.ts')>();
	return { ...actual, toJson: (...args: Parameters<typeof actual.toJson>) => (made.json++, actual.toJson(...args)) };
});
// Each test has an archive of its own, as each state of the content is: the downloads are made once per archive.
let archive: Archive;
vi.mock('./archive.ts', async (original) => ({ ...(await original<typeof import('./archive.ts')>()), loadArchive: async () => archive }));
const { downloadEndpoint, downloads, downloadSizes } = await import('./downloads.ts');

const temp = mkdtempSync(join(tmpdir(), 'annals-downloads-'));
const madeFile = join(temp, 'cache/downloads/made.json');
const fresh = () => (archive = archiveFrom(checkedContent(contentDir(), readHistory), new Map()));
beforeAll(() => {
	vi.stubEnv('ANNALS_CACHE_DIR', join(temp, 'cache'));
	vi.stubEnv('SITE', 'https://annals.example.org');
});
afterEach(() => {
	delete buildServices().packDownloads;
	rmSync(join(temp, 'cache'), { recursive: true, force: true });
});
afterAll(() => {
	vi.unstubAllEnvs();
	rmSync(temp, { recursive: true, force: true });
});

const workbook = async () => Buffer.from((await downloads()).get('grdp_growth.xlsx')!.body);

test('a worker that died (and said so): the packages are made here, the same bytes', async () => {
	fresh();
	buildServices().packDownloads = () => {
		delete buildServices().packDownloads;
		return Promise.reject(new Error('the worker exited with code 1'));
	};
	const got = await workbook();
	// Made anew in the preview's way, from an empty cache.
	rmSync(join(temp, 'cache'), { recursive: true, force: true });
	fresh();
	expect(got.equals(await workbook())).toBe(true);
});

test('a worker still there that failed: its error is the build’s, and the next page asks again', async () => {
	fresh();
	buildServices().packDownloads = () => Promise.reject(new Error('cannot pack these figures'));
	await expect(downloads()).rejects.toThrow('cannot pack these figures');
	let asked = 0;
	buildServices().packDownloads = (packages: readonly PackageInput[]): Promise<PackedSet> => (asked++, cachedPack(packages));
	expect((await workbook()).byteLength).toBeGreaterThan(0);
	// Both parts, once each.
	expect(asked).toBe(2);
});

test('a build notes what it packed; the preview does not', async () => {
	fresh();
	await downloads();
	expect(existsSync(madeFile)).toBe(false);
	fresh();
	buildServices().packDownloads = (packages: readonly PackageInput[]) => cachedPack(packages);
	await downloads();
	expect(existsSync(madeFile)).toBe(true);
});

test('a build packs in two parts, every indicator’s first and the whole archive’s after, and the cache keeps both parts and nothing else', async () => {
	fresh();
	const folder = join(temp, 'cache/downloads');
	mkdirSync(folder, { recursive: true });
	writeFileSync(join(folder, 'an-older-archive.bin'), 'packed before');
	const parts: string[][] = [];
	buildServices().packDownloads = (packages: readonly PackageInput[]) => (parts.push(packages.map((p) => p.name)), cachedPack(packages));
	const files = await downloads();
	// One worker packs them in turn: the whole archive's large workbook once the pages' start is over.
	expect(parts[0]).toEqual(archive.indicators.map((i) => i.id));
	expect(parts[1]).toEqual(['indicators']);
	expect(parts[0]!.every((name) => files.has(`${name}.xlsx`) && files.has(`${name}.zip`))).toBe(true);
	expect(readdirSync(folder).filter((name) => name.endsWith('.bin'))).toHaveLength(1 + archive.indicators.length);
});

test('a build lets the JSON’s bytes go once its route served them (and a CSV’s, the same way), and the pages keep their sizes; the preview keeps the bytes', async () => {
	const json = downloadEndpoint('json');
	const serve = async () => Buffer.from(await (await json.GET({ params: { id: 'indicators' } } as never)).arrayBuffer());
	const dev = import.meta.env.DEV;
	try {
		vi.stubEnv('DEV', false);
		fresh();
		const before = made.json;
		const first = await serve();
		expect((await downloadSizes()).get('indicators.json')).toBe(first.byteLength);
		// Asked again, which a build never does, it is made again: the same bytes.
		expect((await serve()).equals(first)).toBe(true);
		expect(made.json - before).toBe(2);

		vi.stubEnv('DEV', true);
		fresh();
		const kept = made.json;
		expect((await serve()).equals(first)).toBe(true);
		expect((await serve()).equals(first)).toBe(true);
		expect(made.json - kept).toBe(1);
	} finally {
		vi.stubEnv('DEV', dev);
	}
});
