/**
 * The texts' HTML kept between processes: found again only under the code, path and contents it
 * was made from, kept apart per loader, and pruned to what the loader's files hold now.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { renderedTexts, type RenderedText } from './rendered-texts.ts';
import { emptyCachePerTest } from '../../tests/setup/cache-dir.ts';

const work = emptyCachePerTest('annals-texts-');

const html = (text: string): RenderedText => ({ html: `<p>${text}</p>`, metadata: { headings: [], imagePaths: [], frontmatter: {} } });

test('a text is found again only under the code, path and contents it was rendered from', async () => {
	const texts = renderedTexts('reports\0vi');
	const key = texts.key('code 1', 'content/reports/2024.mdx', 'Năm 2024');
	texts.set(key, html('Năm 2024'));
	await texts.settled();
	expect(renderedTexts('reports\0vi').get(key)).toEqual(html('Năm 2024'));
	for (const other of [
		texts.key('code 2', 'content/reports/2024.mdx', 'Năm 2024'),
		texts.key('code 1', 'content/reports/2025.mdx', 'Năm 2024'),
		texts.key('code 1', 'content/reports/2024.mdx', 'Năm 2024.'),
		// The parts are kept apart: moving a character from one to the next is another key.
		texts.key('code 1c', 'ontent/reports/2024.mdx', 'Năm 2024'),
	])
		expect(texts.get(other)).toBeUndefined();
});

test('each loader prunes its own texts only', async () => {
	const reports = renderedTexts('reports\0vi');
	const translations = renderedTexts('reports\0en');
	const [a, b] = [reports.key('c', 'a.mdx', 'a'), reports.key('c', 'b.mdx', 'b')];
	const t = translations.key('c', 'a.en.mdx', 'a');
	reports.set(a, html('a'));
	reports.set(b, html('b'));
	translations.set(t, html('t'));
	await translations.settled();
	await reports.prune(new Set([b]));
	expect(reports.get(a)).toBeUndefined();
	expect(reports.get(b)).toEqual(html('b'));
	expect(translations.get(t)).toEqual(html('t'));
});

test('a file cut short or left half written is rendered again, and pruned', async () => {
	const texts = renderedTexts('reports\0vi');
	const key = texts.key('c', 'a.mdx', 'a');
	texts.set(key, html('a'));
	await texts.settled();
	const [folder] = readdirSync(join(work(), 'texts'));
	writeFileSync(join(work(), 'texts', folder!, `${key}.json`), '{"html":"<p>a');
	writeFileSync(join(work(), 'texts', folder!, `${key}.json.4242`), '{');
	expect(texts.get(key)).toBeUndefined();
	await texts.prune(new Set([key]));
	expect(readdirSync(join(work(), 'texts', folder!))).toEqual([`${key}.json`]);
});

test('pruning waits for the texts still being written, which a build has just rendered', async () => {
	const texts = renderedTexts('reports\0vi');
	const keys = Array.from({ length: 50 }, (_, i) => texts.key('c', `${i}.mdx`, String(i)));
	for (const key of keys) texts.set(key, html(key));
	// At once, as the loader prunes once it has read every file: none of the files just set goes.
	await texts.prune(new Set(keys));
	const [folder] = readdirSync(join(work(), 'texts'));
	expect(readdirSync(join(work(), 'texts', folder!)).sort()).toEqual(keys.map((key) => `${key}.json`).sort());
	for (const key of keys) expect(renderedTexts('reports\0vi').get(key)).toEqual(html(key));
});
