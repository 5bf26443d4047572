/**
 * The cut-down fonts draw the same pixels as the whole ones, and are used only for pictures whose
 * every character they have.
 */
import { renderAsync } from '@resvg/resvg-js';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import { socialCardSvg } from '../lib/social-image.ts';
import { coveredBy, FULL_FONT_FILES, pictureFonts } from './picture-fonts.ts';
import { emptyCachePerTest } from '../../tests/setup/cache-dir.ts';

const work = emptyCachePerTest('annals-fonts-');

const pixels = async (svg: string, fontFiles: readonly string[]) =>
	Buffer.from(
		(await renderAsync(svg, { font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: 'Noto Sans' }, fitTo: { mode: 'original' } }))
			.pixels,
	);

const text = (words: string) =>
	`<svg xmlns="http://www.w3.org/2000/svg" width="900" height="200" font-family="Noto Sans"><text x="20" y="80" font-size="40">${words}</text><text x="20" y="160" font-size="40" font-weight="700">${words}</text></svg>`;

test('a card in Vietnamese or English is drawn with the cut-down files, to the same pixels as with the whole ones', async () => {
	const fonts = await pictureFonts('lockfile');
	const svgs = [
		socialCardSvg({
			kicker: 'Ủy ban nhân dân tỉnh Bắc Giang',
			title: 'Báo cáo tình hình kinh tế – xã hội năm 2024 và nhiệm vụ năm 2025',
			subtitle: 'Năm 2024 · phiên bản 3',
			figure: { label: 'Tốc độ tăng trưởng GRDP', value: '13,87%' },
			footer: 'Lưu trữ báo cáo',
		}),
		socialCardSvg({
			kicker: "Bac Giang People's Committee",
			title: 'Report for 2023: “growth” — 1,234.5 ₫ • −9.28% ½',
			subtitle: '2023 · version 2 ‘quoted’ …',
			footer: 'Annals © 2026',
		}),
		// Vietnamese as some editors type it: each letter followed by its combining marks.
		text('Tiếng Việt có dấu'.normalize('NFD')),
		// Ligatures and kerning: the layout tables are kept for the characters kept.
		text('office fine flow AVAWAY To'),
	];
	for (const svg of svgs) {
		const files = fonts.filesFor(svg);
		expect(files).not.toEqual(FULL_FONT_FILES);
		expect((await pixels(svg, files)).equals(await pixels(svg, FULL_FONT_FILES))).toBe(true);
	}
	// Made once, whole: two fonts and no file half written.
	expect(readdirSync(join(work(), 'fonts'), { recursive: true }).filter((name) => String(name).includes('.ttf'))).toHaveLength(2);
});

test('a picture with a character the cut-down files lack is drawn with the whole ones', async () => {
	const fonts = await pictureFonts('lockfile');
	const cut = fonts.filesFor(text('a'));
	// Cyrillic, which Noto Sans has: the cut-down files would draw it otherwise.
	const russian = text('Отчёт 2024');
	expect(fonts.filesFor(russian)).toEqual(FULL_FONT_FILES);
	expect((await pixels(russian, cut)).equals(await pixels(russian, FULL_FONT_FILES))).toBe(false);
	// A sign Noto Sans does not have either, and a character reference, which is not looked into.
	expect(fonts.filesFor(text('≥ 5'))).toEqual(FULL_FONT_FILES);
	expect(fonts.filesFor(text('&#1054;'))).toEqual(FULL_FONT_FILES);
});

test('markup is ASCII: only the characters past it are looked up', () => {
	const kept = new Set([0x1ec7]);
	expect(coveredBy(kept, '<text x="1">\n\tHiện</text>')).toBe(true);
	expect(coveredBy(kept, '<text>Hiền</text>')).toBe(false);
	expect(coveredBy(kept, '<text>&#x1EC7;</text>')).toBe(false);
});

test('the next process finds the files made, and a cache that cannot be written draws with the whole files', async () => {
	const first = (await pictureFonts('lockfile')).filesFor(text('a'));
	expect(first).not.toEqual(FULL_FONT_FILES);
	// Another renderer (a lockfile changed) makes its own.
	const other = (await pictureFonts('another lockfile')).filesFor(text('a'));
	expect(other).not.toEqual(first);
	// A cache folder under a file cannot be made.
	writeFileSync(join(work(), 'a file'), '');
	vi.stubEnv('ANNALS_CACHE_DIR', join(work(), 'a file'));
	expect((await pictureFonts('lockfile')).filesFor(text('a'))).toEqual(FULL_FONT_FILES);
});
