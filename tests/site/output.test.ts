/**
 * Every file the sample archive's build writes, held to what it was: a change of how pages are made
 * (a faster loader, a cache, a worker) must not change what readers get. A page is compared as the
 * document a browser reads, not as bytes: white space between block elements and how an empty
 * attribute is spelt (`data-x` or `data-x=""`) are not part of the document. Asset file names are
 * compared without their content hash, so a change of style sheet shows in the style sheet's own
 * entry rather than in every page.
 *
 * A change that is meant to change the output says so by updating the snapshot in the same commit:
 * `npx vitest run --project site tests/site/output.test.ts -u`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builds } from '../setup/site.ts';
import { canonicalHtml } from './html.ts';

const hash = (data: string | Buffer) => createHash('sha256').update(data).digest('hex').slice(0, 16);

function outputs(dir: string): Record<string, string> {
	const files = readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
		// The search index and Astro's bundles are named by their content; what pages say of them is compared.
		.filter((file) => !/^(pagefind[^/]*|_astro)\//.test(file))
		.sort();
	return Object.fromEntries(
		files.map((file) => {
			const bytes = readFileSync(join(dir, file));
			return [file, file.endsWith('.html') ? hash(canonicalHtml(bytes.toString('utf8'))) : hash(bytes)];
		}),
	);
}

describe("the sample archive's output", () => {
	test('is the documents it was: every file, every page', async () => {
		await expect(`${JSON.stringify(outputs(builds.root.dir), null, '\t')}\n`).toMatchFileSnapshot('__snapshots__/output.json');
	});

	test('the comparison sees what a reader would see', () => {
		const page =
			'<!doctype html><html><head><title>x</title></head><body><main>\n<p>A <b>b</b> c</p>\n<table>\n<tr>\n<td>1</td>\n</tr>\n</table></main></body></html>';
		// Layout white space and an empty attribute's spelling are not part of the document …
		expect(canonicalHtml(page.replace(/>\n</g, '><'))).toBe(canonicalHtml(page));
		expect(canonicalHtml('<p><a data-ref>1</a></p>')).toBe(canonicalHtml('<p><a data-ref="">1</a></p>'));
		// … a space between words, a figure and an attribute's value are.
		expect(canonicalHtml(page.replace('<b>b</b> c', '<b>b</b>c'))).not.toBe(canonicalHtml(page));
		expect(canonicalHtml(page.replace('>1<', '>2<'))).not.toBe(canonicalHtml(page));
		expect(canonicalHtml('<p><a data-ref="1">1</a></p>')).not.toBe(canonicalHtml('<p><a data-ref="">1</a></p>'));
		expect(canonicalHtml('<pre>a\n</pre>')).not.toBe(canonicalHtml('<pre>a</pre>'));
	});
});
