import { describe, expect, test } from 'vitest';
import {
	buildExcerpt,
	decodePosition,
	encodePosition,
	FOLD_MARKER,
	foldForIndex,
	foldQuery,
	foldVietnamese,
	holdsQuery,
	indexText,
	isQueryWord,
	rankResults,
} from './search.ts';

describe('foldVietnamese(text)', () => {
	test.each([
		['Đồng', 'Dong'],
		['đường', 'duong'],
		['Điện Biên', 'Dien Bien'],
		['tăng trưởng', 'tang truong'],
		['hộ nghèo', 'ho ngheo'],
		['Bắc Giang', 'Bac Giang'],
		['tăng trưởng'.normalize('NFD'), 'tang truong'],
		['PCI 13,85%', 'PCI 13,85%'],
	])('%s → %s', (text, folded) => {
		expect(foldVietnamese(text)).toBe(folded);
	});
});

describe('foldForIndex(text)', () => {
	test('turns đ into d, keeps tone marks for Pagefind, and writes numbers in the other notation', () => {
		expect(foldForIndex('Đồng: 13,85% và 684.397 tỷ đồng; 1/63')).toBe('Dồng: 13.85% và 684,397 tỷ dồng; 1/63');
	});
	test('never changes the number of words', () => {
		const text = 'Tăng trưởng 13,85%, đứng thứ 1/63. GRDP: 209.15 trillion VND — đạt 4.400 USD';
		expect(foldForIndex(text).split(/\s+/).length).toBe(text.split(/\s+/).length);
	});
	test('normalizes decomposed input to NFC', () => {
		expect(foldForIndex('tăng'.normalize('NFD'))).toBe('tăng');
	});
});

describe('foldQuery(query)', () => {
	test.each([
		['Đồng', 'Dong'],
		['  hộ nghèo ', 'ho ngheo'],
		['13,85', '13,85'],
	])('%j → %j', (query, folded) => {
		expect(foldQuery(query)).toBe(folded);
	});
});

describe('indexText(text)', () => {
	test('adds, after the marker, the position and folded form of each word folding changes', () => {
		expect(indexText('Một hai ba đồng bốn 13,85%')).toBe(`Một hai ba đồng bốn 13,85% ${FOLD_MARKER} ${encodePosition(3)} dồng ${encodePosition(5)} 13.85%`);
		expect(indexText('plain words only')).toBe(`plain words only ${FOLD_MARKER}`);
	});
	test('writes positions in symbols that decode back', () => {
		for (const n of [0, 5, 15, 16, 255, 4096, 99999]) expect(decodePosition(encodePosition(n))).toBe(n);
		expect(encodePosition(0)).toMatch(/^[^\p{L}\p{N}]+$/u);
		expect(decodePosition('dong')).toBeUndefined();
	});
});

describe('buildExcerpt(content, locations, length, query)', () => {
	// As Pagefind stores it: words 0–6, the marker at 7, position of word 3 at 8, its folded form at 9.
	const content = indexText('Một hai ba đồng bốn năm sáu');
	test('maps a match in the folded tail back to the original word', () => {
		expect(buildExcerpt(content, [9], 10)).toEqual([
			{ text: 'Một hai ba ', mark: false },
			{ text: 'đồng', mark: true },
			{ text: ' bốn năm sáu', mark: false },
		]);
	});
	test('never shows the folded tail or the marker', () => {
		const text = buildExcerpt(content, [3, 9], 40)
			.map((p) => p.text)
			.join('');
		expect(text).toBe('Một hai ba đồng bốn năm sáu');
	});
	test('shows a window around the matches, with ellipses', () => {
		const long = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ');
		const parts = buildExcerpt(long, [50], 10);
		expect(parts.map((p) => p.text).join('')).toBe('… w47 w48 w49 w50 w51 w52 w53 w54 w55 w56 …');
	});
	test('prefers the window where the words were typed exactly', () => {
		const text = `động ${'x '.repeat(40)}đồng`;
		const parts = buildExcerpt(text, [0, 41], 5, 'đồng');
		expect(parts.find((p) => p.mark)?.text).toBe('đồng');
	});
});

describe('rankResults(results, query)', () => {
	const r = (title: string, content: string, score: number, superseded = false) => ({ title, content, score, superseded });
	test('puts exact diacritics first, then a folded phrase, then current before superseded, then score', () => {
		const results = [r('A', 'dòng chảy', 9), r('B', 'tỷ đồng', 1), r('C', 'huy động vốn', 5), r('D', 'tỷ đồng', 3, true)];
		expect(rankResults(results, 'Đồng').map((x) => x.title)).toEqual(['B', 'D', 'A', 'C']);
		expect(rankResults([r('S', 'điều hành chính', 9), r('R', 'điều chỉnh số liệu', 1)], 'dieu chinh').map((x) => x.title)).toEqual(['R', 'S']);
		expect(rankResults([r('Old', 'x', 9, true), r('New', 'x', 1)], 'y').map((x) => x.title)).toEqual(['New', 'Old']);
	});
	test('ranks a title match above a text match', () => {
		expect(rankResults([r('other', 'PCI here', 9), r('Index (PCI)', 'text', 1)], 'PCI').map((x) => x.title)).toEqual(['Index (PCI)', 'other']);
	});
});

describe('holdsQuery(content, locations, query)', () => {
	const content = indexText('Tỷ lệ hộ nghèo giảm còn 13,85% theo chuẩn mới; GRDP/người tăng.');
	const at = (word: string) => content.split(/\s+/).indexOf(word);

	test('is true when the matched words hold every term, folded or as written', () => {
		expect(holdsQuery(content, [at('hộ'), at('nghèo')], 'ho ngheo')).toBe(true);
		expect(holdsQuery(content, [at('hộ'), at('nghèo')], 'hộ nghèo')).toBe(true);
		expect(holdsQuery(content, [at('13,85%')], '13.85')).toBe(true);
		expect(holdsQuery(content, [at('GRDP/người')], 'người')).toBe(true);
		expect(holdsQuery(content, [at('nghèo')], 'ngh')).toBe(true);
	});

	test('is false when Pagefind matched a shorter prefix of a term in its stead', () => {
		expect(holdsQuery(content, [at('chuẩn')], 'chuyen')).toBe(false);
		expect(holdsQuery(content, [at('hộ'), at('nghèo')], 'ho nghiep')).toBe(false);
		expect(holdsQuery(content, [], 'ho')).toBe(false);
	});
});

describe('isQueryWord(word, query)', () => {
	test.each([
		['hộ', 'hộ nghèo', true],
		['nghèo', 'hộ nghèo', true],
		['hội', 'hộ nghèo', false],
		['hoạch', 'hộ nghèo', false],
		['hơn', 'hộ nghèo', false],
		['hộ', 'ho ngheo', true],
		['hội', 'ho ngheo', false],
		['nghèo,', 'ho ngheo', true],
		['nghèo', 'ho ngh', true],
		['13,85%', '13.85', true],
		['GRDP', 'grdp', true],
	])('%s for "%s": %s', (word, query, expected) => {
		expect(isQueryWord(word, query)).toBe(expected);
	});
});
