import { describe, expect, test } from 'vitest';
import { localizeFootnoteHtml } from './footnotes.ts';

const html =
	'<p>x<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="" aria-describedby="footnote-label">1</a></sup></p>' +
	'<section data-footnotes="" class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2><ol><li id="user-content-fn-1"><p>Note <a href="#user-content-fnref-1" data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref">↩</a> <a href="#user-content-fnref-1-2" data-footnote-backref="" aria-label="Back to reference 1-2" class="data-footnote-backref">↩<sup>2</sup></a></p></li></ol></section>';

describe('localizeFootnoteHtml(html, locale)', () => {
	test('words the footnotes of a Vietnamese text in Vietnamese, second references included', () => {
		const vi = localizeFootnoteHtml(html, 'vi');
		expect(vi).toContain('id="footnote-label">Chú thích</h2>');
		expect(vi).toContain('aria-label="Quay lại chỗ chú thích 1"');
		expect(vi).toContain('aria-label="Quay lại chỗ chú thích 1-2"');
		expect(vi).not.toMatch(/Footnotes|Back to reference/);
	});
	test('leaves an English text as remark-gfm wrote it', () => {
		expect(localizeFootnoteHtml(html, 'en')).toBe(html);
	});
});
