/**
 * The downloads' cache, on the sample archive's own packages: the key follows every row and
 * description and the code that writes the files; a kept file is what packing makes, byte for byte,
 * and is what a rebuild gets; a changed figure makes the files anew; the build's worker packs and
 * keeps them as packing here does.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { PackageInput } from '../lib/data-package.ts';
import { archiveFrom } from './archive-model.ts';
import { contentDir } from './content-files.ts';
import { cachedPackAll, codeVersion, joinPacked, packAll, packagesKey, splitPacked, type PackedSet } from '../workers/download-cache.ts';
import { startWorker } from '../workers/worker-service.ts';
import { citedAddress, downloadInputs, packageNames } from './download-inputs.ts';
import { readHistory } from './history.ts';
import { checkedContent } from './validation.ts';

const temp = mkdtempSync(join(tmpdir(), 'annals-download-cache-'));
let packages: PackageInput[];
beforeAll(() => {
	vi.stubEnv('ANNALS_CACHE_DIR', join(temp, 'cache'));
	packages = downloadInputs(archiveFrom(checkedContent(contentDir(), readHistory), new Map()), citedAddress('/', 'https://annals.example.org', 'vi')).packages;
});
afterAll(() => {
	vi.unstubAllEnvs();
	rmSync(temp, { recursive: true, force: true });
});

/** The packages with one figure of the whole archive's rows changed, as a corrected figure changes them. */
const withOneFigureChanged = (list: PackageInput[]) =>
	list.map((p, i) => (i === 0 ? { ...p, all: p.all.map((row, r) => (r === 0 ? { ...row, value: (row.value ?? 0) + 1 } : row)) } : p));

test('the packages are those the download routes name before making them', () => {
	// src/pages/data/ lists packageNames' files, so a rebuild can copy them without making any.
	expect(packages.map((p) => p.name)).toEqual(packageNames(archiveFrom(checkedContent(contentDir(), readHistory), new Map())));
});

describe('the downloads’ cache', () => {
	test('the key follows every row and every description', () => {
		const key = packagesKey(packages);
		expect(packagesKey(packages.map((p) => ({ ...p })))).toBe(key);
		expect(packagesKey(withOneFigureChanged(packages))).not.toBe(key);
		expect(packagesKey(packages.map((p) => ({ ...p, url: p.url.replace('annals.example.org', 'example.gov.vn') })))).not.toBe(key);
	});

	test('the code that writes the files is part of the key: a changed module of src/lib or src/i18n is another version', () => {
		const root = join(temp, 'project');
		mkdirSync(join(root, 'src/workers'), { recursive: true });
		cpSync(join(process.cwd(), 'src/lib'), join(root, 'src/lib'), { recursive: true });
		cpSync(join(process.cwd(), 'src/workers/download-cache.ts'), join(root, 'src/workers/download-cache.ts'));
		writeFileSync(join(root, 'package.json'), '{}');
		symlinkSync(join(process.cwd(), 'node_modules'), join(root, 'node_modules'));
		const before = codeVersion(root);
		expect(codeVersion(root)).toBe(before);
		writeFileSync(join(root, 'src/lib/workbook.ts'), '// changed\n', { flag: 'a' });
		const changed = codeVersion(root);
		expect(changed).not.toBe(before);
		// The words of a package's description (its units, in src/i18n) are code too.
		mkdirSync(join(root, 'src/i18n/check'), { recursive: true });
		writeFileSync(join(root, 'src/i18n/check/en.ts'), "export const words = { 'unit.percent': 'percent' };\n");
		expect(codeVersion(root)).not.toBe(changed);
	});

	test('kept files are what packing makes, byte for byte; a rebuild gets the kept ones; a changed figure makes its packages anew', async () => {
		const made = await cachedPackAll(packages);
		const fresh = await packAll(packages);
		expect([...made.keys()]).toEqual(packages.map((p) => p.name));
		for (const [name, files] of fresh) {
			expect(Buffer.from(made.get(name)!.zip).equals(Buffer.from(files.zip)), `${name}.zip`).toBe(true);
			expect(Buffer.from(made.get(name)!.xlsx).equals(Buffer.from(files.xlsx)), `${name}.xlsx`).toBe(true);
		}
		const folder = join(temp, 'cache/downloads');
		expect(readdirSync(folder)).toHaveLength(packages.length);
		// What a rebuild gets is the kept file: here ones whose bytes say so.
		const keptFile = (name: string) => readdirSync(folder).find((file) => splitPacked(readFileSync(join(folder, file))).has(name))!;
		for (const name of ['grdp_growth', 'indicators']) {
			writeFileSync(join(folder, keptFile(name)), joinPacked(new Map([[name, { ...fresh.get(name)!, zip: new TextEncoder().encode(`kept ${name}`) }]])));
		}
		const again = await cachedPackAll(packages);
		expect(new TextDecoder().decode(again.get('grdp_growth')!.zip)).toBe('kept grdp_growth');
		expect(new TextDecoder().decode(again.get('indicators')!.zip)).toBe('kept indicators');
		// A figure of the whole archive's rows changed: that package is made anew, the others are kept,
		// and the cache holds this build's files only.
		const changed = await cachedPackAll(withOneFigureChanged(packages));
		expect(new TextDecoder().decode(changed.get('indicators')!.zip)).not.toBe('kept indicators');
		expect(new TextDecoder().decode(changed.get('grdp_growth')!.zip)).toBe('kept grdp_growth');
		expect(readdirSync(folder)).toHaveLength(packages.length);
	});

	test('a kept file cut short is made again', async () => {
		const folder = join(temp, 'cache/downloads');
		rmSync(folder, { recursive: true, force: true });
		const made = await cachedPackAll(packages);
		for (const file of readdirSync(folder)) {
			const bytes = readFileSync(join(folder, file));
			writeFileSync(join(folder, file), bytes.subarray(0, bytes.length - 10));
			expect(() => splitPacked(readFileSync(join(folder, file)))).toThrow('cut short');
		}
		const again = await cachedPackAll(packages);
		for (const [name, files] of made) expect(Buffer.from(again.get(name)!.xlsx).equals(Buffer.from(files.xlsx)), name).toBe(true);
	});

	test('a package half written by a build that stopped is removed once packing is done', async () => {
		const folder = join(temp, 'cache/downloads');
		await cachedPackAll(packages);
		const ended = spawnSync(process.execPath, ['-e', '0']).pid!;
		const [kept] = readdirSync(folder);
		const left = `${kept}.${ended}.part`;
		const writing = `${kept}.${process.ppid}.part`;
		writeFileSync(join(folder, left), 'cut short');
		writeFileSync(join(folder, writing), 'still being written');
		await cachedPackAll(packages);
		expect(readdirSync(folder)).not.toContain(left);
		expect(readdirSync(folder)).toContain(writing);
		rmSync(join(folder, writing));
	});

	test('the build’s worker packs every package as packing here does, byte for byte, and keeps them', async () => {
		const folder = join(temp, 'cache/downloads');
		rmSync(folder, { recursive: true, force: true });
		// The worker reads the environment it starts with: its cache is this test's.
		const worker = startWorker<PackageInput[], PackedSet>(new URL('../workers/download-worker.ts', import.meta.url), 256, (error) => {
			throw error;
		});
		try {
			const [{ files: packed, kept }, here] = await Promise.all([worker.call(packages), packAll(packages)]);
			expect([...packed.keys()]).toEqual(packages.map((p) => p.name));
			expect(kept).toHaveLength(packages.length);
			for (const [name, files] of here) {
				expect(Buffer.from(packed.get(name)!.zip).equals(Buffer.from(files.zip)), `${name}.zip`).toBe(true);
				expect(Buffer.from(packed.get(name)!.xlsx).equals(Buffer.from(files.xlsx)), `${name}.xlsx`).toBe(true);
			}
			expect(readdirSync(folder).sort()).toEqual([...kept].sort());
		} finally {
			await worker.stop();
		}
	});
});
