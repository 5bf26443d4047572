/**
 * The downloads' cache, on the sample archive's own packages: the key follows every row and
 * description and the code that writes the files; a kept file is what packing makes, byte for byte,
 * and is what a rebuild gets; a changed figure makes the files anew.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { PackageInput } from '../lib/data-package.ts';
import { archiveFrom } from './archive-model.ts';
import { contentDir } from './content-files.ts';
import { cachedPackAll, codeVersion, joinPacked, packAll, packagesKey, splitPacked } from './download-cache.ts';
import { citedAddress, downloadInputs } from './download-inputs.ts';
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

describe('the downloads’ cache', () => {
	test('the key follows every row and every description', () => {
		const key = packagesKey(packages);
		expect(packagesKey(packages.map((p) => ({ ...p })))).toBe(key);
		expect(packagesKey(withOneFigureChanged(packages))).not.toBe(key);
		expect(packagesKey(packages.map((p) => ({ ...p, url: p.url.replace('annals.example.org', 'example.gov.vn') })))).not.toBe(key);
	});

	test('the code that writes the files is part of the key: a changed module of src/lib is another version', () => {
		const root = join(temp, 'project');
		mkdirSync(join(root, 'src/data'), { recursive: true });
		cpSync(join(process.cwd(), 'src/lib'), join(root, 'src/lib'), { recursive: true });
		cpSync(join(process.cwd(), 'src/data/download-cache.ts'), join(root, 'src/data/download-cache.ts'));
		writeFileSync(join(root, 'package.json'), '{}');
		symlinkSync(join(process.cwd(), 'node_modules'), join(root, 'node_modules'));
		const before = codeVersion(root);
		expect(codeVersion(root)).toBe(before);
		writeFileSync(join(root, 'src/lib/workbook.ts'), '// changed\n', { flag: 'a' });
		expect(codeVersion(root)).not.toBe(before);
	});

	test('kept files are what packing makes, byte for byte; a rebuild gets the kept ones; a changed figure makes them anew', async () => {
		const made = await cachedPackAll(packages);
		const fresh = await packAll(packages);
		expect([...made.keys()]).toEqual(packages.map((p) => p.name));
		for (const [name, files] of fresh) {
			expect(Buffer.from(made.get(name)!.zip).equals(Buffer.from(files.zip)), `${name}.zip`).toBe(true);
			expect(Buffer.from(made.get(name)!.xlsx).equals(Buffer.from(files.xlsx)), `${name}.xlsx`).toBe(true);
		}
		const folder = join(temp, 'cache/downloads');
		const [kept] = readdirSync(folder);
		expect(readdirSync(folder)).toHaveLength(1);
		// What a rebuild gets is the kept file: here one whose bytes say so.
		const marked = new Map([...fresh].map(([name, files]) => [name, { ...files, zip: new TextEncoder().encode(`kept ${name}`) }]));
		writeFileSync(join(folder, kept!), joinPacked(marked));
		expect(new TextDecoder().decode((await cachedPackAll(packages)).get('grdp_growth')!.zip)).toBe('kept grdp_growth');
		// Another figure: another key, made anew.
		const changed = await cachedPackAll(withOneFigureChanged(packages));
		expect(new TextDecoder().decode(changed.get('grdp_growth')!.zip)).not.toBe('kept grdp_growth');
		expect(readdirSync(folder)).toHaveLength(2);
	});

	test('a kept file cut short is made again', async () => {
		const folder = join(temp, 'cache/downloads');
		rmSync(folder, { recursive: true, force: true });
		await cachedPackAll(packages);
		const [kept] = readdirSync(folder);
		const partial = new Map([...(await packAll(packages.slice(0, 2)))]);
		writeFileSync(join(folder, kept!), joinPacked(partial));
		expect([...(await cachedPackAll(packages)).keys()]).toHaveLength(packages.length);
		expect(splitPacked(joinPacked(partial)).size).toBe(2);
	});
});
