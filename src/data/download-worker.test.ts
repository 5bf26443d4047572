/**
 * The worker that packs the downloads during a build gives the same bytes as packing them here, and
 * keeps them in the same cache.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import type { PackageInput } from '../lib/data-package.ts';
import { archiveFrom } from './archive-model.ts';
import { contentDir } from './content-files.ts';
import { packAll, type Packed } from '../workers/download-cache.ts';
import { citedAddress, downloadInputs } from './download-inputs.ts';
import { readHistory } from './history.ts';
import { checkedContent } from './validation.ts';
import { startWorker } from '../workers/worker-service.ts';

const temp = mkdtempSync(join(tmpdir(), 'annals-download-worker-'));
let packages: PackageInput[];
beforeAll(() => {
	// The worker reads the environment it starts with: its cache is this test's.
	vi.stubEnv('ANNALS_CACHE_DIR', join(temp, 'cache'));
	packages = downloadInputs(archiveFrom(checkedContent(contentDir(), readHistory), new Map()), citedAddress('/', 'https://annals.example.org', 'vi')).packages;
});
afterAll(() => {
	vi.unstubAllEnvs();
	rmSync(temp, { recursive: true, force: true });
});

test('packs every package as packing here does, byte for byte, and keeps them in the cache', async () => {
	const worker = startWorker<PackageInput[], Map<string, Packed>>(new URL('../workers/download-worker.ts', import.meta.url), 256, (error) => {
		throw error;
	});
	try {
		const [packed, here] = await Promise.all([worker.call(packages), packAll(packages)]);
		expect([...packed.keys()]).toEqual(packages.map((p) => p.name));
		for (const [name, files] of here) {
			expect(Buffer.from(packed.get(name)!.zip).equals(Buffer.from(files.zip)), `${name}.zip`).toBe(true);
			expect(Buffer.from(packed.get(name)!.xlsx).equals(Buffer.from(files.xlsx)), `${name}.xlsx`).toBe(true);
		}
		expect(readdirSync(join(temp, 'cache/downloads')).filter((f) => f.endsWith('.bin'))).toHaveLength(packages.length);
	} finally {
		await worker.stop();
	}
});
