/**
 * The report loader keeps a Markdown text's HTML out of Astro's content store (which Vite bundles
 * and Node loads whole as one module) and holds it for the pages of the same process; a text in MDX
 * stays a module, and one with images keeps its HTML in the store, where Astro resolves them.
 */
import type { LoaderContext } from 'astro/loaders';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { reportFiles } from './report-loader.ts';
import { heldHtml, staleEntry, type RenderedText } from './rendered-texts.ts';

const root = join(import.meta.dirname, '../..');
let work: string;
const cache = process.env['ANNALS_CACHE_DIR'];
beforeEach(() => {
	slow = Promise.resolve();
	work = mkdtempSync(join(tmpdir(), 'annals-loader-'));
	process.env['ANNALS_CACHE_DIR'] = join(work, 'cache');
	mkdirSync(join(work, 'reports'));
});
afterEach(() => {
	vi.useRealTimers();
	if (cache === undefined) delete process.env['ANNALS_CACHE_DIR'];
	else process.env['ANNALS_CACHE_DIR'] = cache;
	rmSync(work, { recursive: true, force: true });
});

type Listener = (path: string) => void;
/** What rendering a text waits for: nothing, unless a test holds it back. */
let slow: Promise<void> = Promise.resolve();
/** An entry of Astro's content store, as the loader writes it. */
type DataEntry = Parameters<LoaderContext['store']['set']>[0];

/** What the loader is handed by Astro, with a store kept across loads as Astro keeps it between builds. */
function context(store: Map<string, DataEntry>, rendered: string[], watcher?: Map<string, Listener>): LoaderContext {
	return {
		collection: 'reports',
		store: {
			get: (id: string) => store.get(id),
			set: (entry: DataEntry) => (store.set(entry.id, entry), true),
			keys: () => [...store.keys()],
			delete: (id: string) => void store.delete(id),
			addModuleImport: () => undefined,
		},
		config: { root: pathToFileURL(`${root}/`), markdown: { processor: { name: 'test', options: {} } } },
		logger: { info: () => undefined, error: () => undefined },
		parseData: async ({ data }: { data: Record<string, unknown> }) => data,
		renderMarkdown: async (text: string): Promise<RenderedText> => {
			await slow;
			rendered.push(text.trim());
			const images = [...text.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
			return { html: `<p>${text.trim()}</p>`, metadata: { headings: [], imagePaths: images, frontmatter: {} } };
		},
		watcher: watcher && { add: () => undefined, on: (event: string, listener: Listener) => watcher.set(event, listener) },
	} as unknown as LoaderContext;
}

const write = (name: string, body: string) => writeFileSync(join(work, 'reports', name), `---\nyear: ${name.slice(0, 4)}\n---\n\n${body}\n`);
const load = (store: Map<string, DataEntry>, rendered: string[] = [], watcher?: Map<string, Listener>) =>
	reportFiles(join(work, 'reports'), /^\d{4}\.mdx?$/, (name) => name.replace(/\.mdx?$/, '')).load(context(store, rendered, watcher));
/** An editor saving `text` as the 2024 report while the preview watches: the loader hears of it. */
const save = (watcher: Map<string, Listener>, text: string) => {
	write('2024.mdx', text);
	watcher.get('change')!(join(work, 'reports', '2024.mdx'));
};

test("a Markdown text's store entry holds its data, and its HTML is held for the pages", async () => {
	write('2024.mdx', 'Năm 2024, kinh tế tăng trưởng.');
	const store = new Map<string, DataEntry>();
	await load(store);
	const entry = store.get('2024')!;
	expect(entry.data).toEqual({ year: 2024 });
	expect(entry.rendered).toBeUndefined();
	expect(entry.body).toBeUndefined();
	expect(heldHtml(entry)?.html).toBe('<p>Năm 2024, kinh tế tăng trưởng.</p>');
});

test('a text in MDX stays a module, and a text with images keeps its HTML in the store', async () => {
	write('2023.mdx', 'Xem <Chart indicator="grdp_growth" /> dưới đây.');
	write('2024.mdx', 'Ảnh: ![cầu](./cau.png)');
	const store = new Map<string, DataEntry>();
	await load(store);
	const mdx = store.get('2023')!;
	expect(mdx.deferredRender).toBe(true);
	expect(mdx.body).toContain('<Chart');
	expect(heldHtml(mdx)).toBeUndefined();
	const images = store.get('2024')!;
	expect(images.rendered?.html).toBe('<p>Ảnh: ![cầu](./cau.png)</p>');
	expect(heldHtml(images)).toBeUndefined();
});

test('the next process holds the HTML kept from the last one, and renders only a changed text', async () => {
	write('2023.mdx', 'Năm 2023.');
	write('2024.mdx', 'Năm 2024.');
	const store = new Map<string, DataEntry>();
	await load(store);
	// The next build: the same store, a new process (nothing held), one text changed.
	((globalThis as Record<symbol, unknown>)[Symbol.for('annals.rendered-texts')] as { texts: Map<string, unknown> }).texts.clear();
	write('2024.mdx', 'Năm 2024, sửa lại.');
	const rendered: string[] = [];
	await load(store, rendered);
	expect(rendered).toEqual(['Năm 2024, sửa lại.']);
	expect(heldHtml(store.get('2023')!)?.html).toBe('<p>Năm 2023.</p>');
	expect(heldHtml(store.get('2024')!)?.html).toBe('<p>Năm 2024, sửa lại.</p>');
});

test('in the preview, the page keeps the last text while a saved one renders and a minute after, then lets it go', async () => {
	vi.useFakeTimers({ shouldAdvanceTime: true });
	write('2024.mdx', 'Trước khi sửa.');
	const store = new Map<string, DataEntry>();
	const watcher = new Map<string, Listener>();
	await load(store, [], watcher);
	const before = store.get('2024')!;
	// The saved text renders slowly, as a long one does in an archive of 1,000 reports.
	let finish!: () => void;
	slow = new Promise<void>((done) => (finish = done));
	save(watcher, 'Sau khi sửa.');
	await new Promise((done) => setTimeout(done, 20));
	expect(store.get('2024')).toBe(before);
	expect(heldHtml(store.get('2024')!)?.html).toBe('<p>Trước khi sửa.</p>');
	expect(staleEntry(before)).toBe(false);
	finish();
	await expect.poll(() => store.get('2024')!.digest).not.toBe(before.digest);
	// Pages made from the entry read before are made again (src/data/archive.ts); the new one is current.
	expect(staleEntry(before)).toBe(true);
	expect(staleEntry(store.get('2024')!)).toBe(false);
	expect(heldHtml(store.get('2024')!)?.html).toBe('<p>Sau khi sửa.</p>');
	// Astro's pages see the store as last written to disk, a moment later: the old entry still renders.
	expect(heldHtml(before)?.html).toBe('<p>Trước khi sửa.</p>');
	vi.advanceTimersByTime(60_000);
	expect(() => heldHtml(before)).toThrow(/not held by this process/);

	// A change undone within the minute: the text the file holds again stays held.
	save(watcher, 'Trước khi sửa.');
	await expect.poll(() => store.get('2024')!.digest).toBe(before.digest);
	save(watcher, 'Sau khi sửa.');
	await expect.poll(() => store.get('2024')!.digest).not.toBe(before.digest);
	save(watcher, 'Trước khi sửa.');
	await expect.poll(() => store.get('2024')!.digest).toBe(before.digest);
	vi.advanceTimersByTime(60_000);
	expect(heldHtml(store.get('2024')!)?.html).toBe('<p>Trước khi sửa.</p>');
});

test('in the preview, a change undone after the content was loaded again keeps its text held', async () => {
	vi.useFakeTimers({ shouldAdvanceTime: true });
	write('2024.mdx', 'Trước khi sửa.');
	const store = new Map<string, DataEntry>();
	const first = new Map<string, Listener>();
	await load(store, [], first);
	const before = store.get('2024')!;
	save(first, 'Sau khi sửa.');
	await expect.poll(() => store.get('2024')!.digest).not.toBe(before.digest);
	// Astro loads the content again (its config changed): a new run of the loader, new listeners.
	const second = new Map<string, Listener>();
	await load(store, [], second);
	save(second, 'Trước khi sửa.');
	await expect.poll(() => store.get('2024')!.digest).toBe(before.digest);
	// The first run's minute is up: the text the file holds again stays held.
	vi.advanceTimersByTime(60_000);
	expect(heldHtml(store.get('2024')!)?.html).toBe('<p>Trước khi sửa.</p>');
});

test('in the preview, a file read while it was being saved is read again once the save is over', async () => {
	write('2024.mdx', 'Trước khi sửa.');
	const store = new Map<string, DataEntry>();
	const watcher = new Map<string, Listener>();
	await load(store, [], watcher);
	// An editor's save empties the file, then writes it; the watcher reports the first change only
	// (chokidar reports one per 50 ms), and the loader reads the empty file.
	const path = join(work, 'reports', '2024.mdx');
	writeFileSync(path, '');
	watcher.get('change')!(path);
	await expect.poll(() => heldHtml(store.get('2024')!)?.html).toBe('<p></p>');
	write('2024.mdx', 'Sau khi sửa.');
	await expect.poll(() => heldHtml(store.get('2024')!)?.html).toBe('<p>Sau khi sửa.</p>');
});

test('in the preview, a file deleted while its saved text rendered stays deleted', async () => {
	write('2024.mdx', 'Trước khi sửa.');
	const store = new Map<string, DataEntry>();
	const watcher = new Map<string, Listener>();
	await load(store, [], watcher);
	let finish!: () => void;
	slow = new Promise<void>((done) => (finish = done));
	save(watcher, 'Sau khi sửa.');
	// Deleted while the saved text renders: the watcher says so before the render is done.
	const path = join(work, 'reports', '2024.mdx');
	rmSync(path);
	watcher.get('unlink')!(path);
	expect(store.has('2024')).toBe(false);
	finish();
	await new Promise((done) => setTimeout(done, 300));
	expect(store.has('2024')).toBe(false);
});

test('an entry whose HTML this process does not hold is an error, never an empty page', () => {
	expect(() => heldHtml({ id: '2024', digest: 'not-loaded' })).toThrow('The HTML of the report text 2024 is not held by this process');
});
