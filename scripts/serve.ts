/**
 * A static file server for a built archive, behaving like a plain static host: files under the
 * base path, `index.html` for folders, `/404.html` with status 404 for anything else.
 *
 * `npm start` uses it after the build; the tests import `serveDist` to serve root and sub-path builds.
 * Usage: node scripts/serve.ts [--dir dist] [--base /] [--port 4321]
 */
import { ensureTrailingSlash } from '../src/lib/paths.ts';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.wasm': 'application/wasm',
	'.pf_meta': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pagefind': 'application/octet-stream',
};

export interface Served {
	server: Server;
	/** The address of the site's home page, e.g. http://127.0.0.1:4321/annals/ */
	url: string;
	close(): Promise<void>;
}

/** Serves `dir` under `base` on `port` (0 picks a free one) on 127.0.0.1. */
export function serveDist(dir: string, base = '/', port = 0): Promise<Served> {
	const root = resolve(dir);
	const prefix = ensureTrailingSlash(base);
	const server = createServer((req, res) => {
		let path: string;
		try {
			path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
		} catch {
			// An address that is not valid percent-encoding (/%E0%A4%A): the reader's mistake, not the server's end.
			res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request: the address is not valid.');
			return;
		}
		const send = (file: string, status = 200) => {
			res.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
			createReadStream(file).pipe(res);
		};
		const notFound = () => {
			const page = join(root, '404.html');
			if (existsSync(page)) return send(page, 404);
			res.writeHead(404).end('Not found');
		};
		if (`${path}/` === prefix) {
			res.writeHead(301, { location: prefix }).end();
			return;
		}
		if (!path.startsWith(prefix)) return notFound();
		const file = normalize(join(root, path.slice(prefix.length)));
		if (!file.startsWith(root)) return notFound();
		if (existsSync(file) && statSync(file).isDirectory()) {
			if (!path.endsWith('/')) {
				res.writeHead(301, { location: `${path}/` }).end();
				return;
			}
			const index = join(file, 'index.html');
			return existsSync(index) ? send(index) : notFound();
		}
		return existsSync(file) ? send(file) : notFound();
	});
	return new Promise((done) => {
		server.listen(port, '127.0.0.1', () => {
			const address = server.address();
			const actual = typeof address === 'object' && address ? address.port : port;
			done({
				server,
				url: `http://127.0.0.1:${actual}${prefix}`,
				close: () => new Promise((closed) => server.close(() => closed())),
			});
		});
	});
}

if (import.meta.main) {
	const args = process.argv.slice(2);
	const option = (name: string, fallback: string) => {
		const i = args.indexOf(`--${name}`);
		return i === -1 ? fallback : (args[i + 1] ?? fallback);
	};
	const base = option('base', process.env['ARCHIVE_BASE'] || '/');
	const served = await serveDist(option('dir', process.env['ARCHIVE_OUT'] || 'dist'), base, Number(option('port', '4321')));
	console.log(`Serving the archive at ${served.url.replace('127.0.0.1', 'localhost')} (Ctrl+C to stop)`);
}
