import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { serveDist } from './serve.ts';

/** A raw GET, so the malformed address reaches the server as written. */
function get(url: string, path: string): Promise<number> {
	const { hostname, port } = new URL(url);
	return new Promise((done, fail) => {
		const req = request({ hostname, port, path, method: 'GET' }, (res) => {
			res.resume();
			done(res.statusCode ?? 0);
		});
		req.on('error', fail);
		req.end();
	});
}

test('npm start answers a malformed address with 400 and keeps serving', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'annals-serve-'));
	writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
	const served = await serveDist(dir, '/');
	try {
		expect(await get(served.url, '/%E0%A4%A')).toBe(400);
		expect(await get(served.url, '/')).toBe(200);
		expect(await get(served.url, '/no-such-page/')).toBe(404);
	} finally {
		await served.close();
	}
});
