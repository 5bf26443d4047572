import { describe, expect, test } from 'vitest';
import { diffFigures } from './figure-diff.ts';
import fc from 'fast-check';
import { diffText, lcsDiff, markdownToText } from './text-diff.ts';
import { readStateLeniently } from './read-state.ts';

describe('readStateLeniently(text, year)', () => {
	test('keeps every figure it can read, whatever the schema of the day', () => {
		const state = readStateLeniently(
			'---\ntitle: Old\nindicators:\n  grdp_growth: 13.85\n  old_id: { value: 5, status: estimate, colour: red }\n  pci: [{ value: 69.75, period: 2023 }, { value: "71,24", period: 2024 }]\n  broken: n/a\nrevisions: [{ date: 2025-06-30, kind: revision, note: x }]\n---\nBody',
			2024,
		);
		expect(state).toMatchObject({
			ok: true,
			title: 'Old',
			revisions: [{ date: '2025-06-30', kind: 'revision', note: 'x' }],
			figures: [
				{ indicator: 'grdp_growth', period: 2024, value: 13.85 },
				{ indicator: 'old_id', period: 2024, value: 5, status: 'estimate' },
				{ indicator: 'pci', period: 2023, value: 69.75 },
			],
			body: 'Body',
		});
	});
	test('keeps the decimals a figure was written with, where the number alone would lose them', () => {
		const state = readStateLeniently(
			'---\nindicators:\n  iip_growth: { value: 30.0, target: 12.50 }\n  grdp_growth: 13.85\n  pci: [{ value: 70.10, total: 100.0, period: 2023 }]\n---\n',
			2024,
		);
		expect(state.ok && state.figures).toEqual([
			{ indicator: 'iip_growth', period: 2024, value: 30, target: 12.5, decimals: { value: 1, target: 2 } },
			{ indicator: 'grdp_growth', period: 2024, value: 13.85 },
			{ indicator: 'pci', period: 2023, value: 70.1, total: 100, decimals: { value: 2, total: 1 } },
		]);
	});

	test('says what cannot be read instead of throwing', () => {
		expect(readStateLeniently('---\ntitle: [unclosed\n---\n', 2024)).toMatchObject({
			ok: false,
			error: expect.stringMatching(/^its frontmatter is not valid YAML/),
		});
		expect(readStateLeniently('no frontmatter', 2024)).toEqual({ ok: false, error: 'it has no frontmatter' });
	});
});

describe('diffFigures(before, after)', () => {
	test('names each changed field with the difference, and added and removed figures', () => {
		const diff = diffFigures(
			[
				{ indicator: 'grdp_growth', period: 2024, value: 13.85, status: 'estimate' },
				{ indicator: 'old_id', period: 2024, value: 5 },
			],
			[
				{ indicator: 'grdp_growth', period: 2024, value: 13.87, status: 'final' },
				{ indicator: 'new_id', period: 2024, value: 5 },
			],
		);
		expect(diff).toEqual({
			changed: [
				{ indicator: 'grdp_growth', period: 2024, field: 'value', from: 13.85, to: 13.87, delta: 0.02 },
				{ indicator: 'grdp_growth', period: 2024, field: 'status', from: 'estimate', to: 'final', delta: undefined },
			],
			added: [{ indicator: 'new_id', period: 2024, value: 5 }],
			removed: [{ indicator: 'old_id', period: 2024, value: 5 }],
		});
	});
	test('finds nothing when only notes and sources differ', () => {
		expect(diffFigures([{ indicator: 'a', period: 1, value: 1, note: 'x' }], [{ indicator: 'a', period: 1, value: 1, source: 'https://e.org' }])).toEqual({
			changed: [],
			added: [],
			removed: [],
		});
	});
});

describe('lcsDiff(a, b)', () => {
	test('keeps, removes and adds so that the kept and removed items read as the first list, and the kept and added as the second', () => {
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 12 }),
				fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 12 }),
				(a, b) => {
					const steps = lcsDiff(a, b);
					expect(steps.filter((s) => s.type !== 'added').map((s) => s.item)).toEqual(a);
					expect(steps.filter((s) => s.type !== 'removed').map((s) => s.item)).toEqual(b);
				},
			),
		);
	});
});

describe('diffText(before, after)', () => {
	test('finds nothing in the same text written with other line breaks', () => {
		expect(diffText('One.\n\nTwo.', 'One.\r\n\r\n\r\nTwo.\n')).toEqual([]);
	});
	test('shows a paragraph added and one removed whole', () => {
		expect(diffText('One.\n\nTwo.', 'One.\n\nThree is new.\n\nTwo.')).toEqual([{ type: 'added', text: 'Three is new.' }]);
		expect(diffText('One.\n\nTwo.', 'Two.')).toEqual([{ type: 'removed', text: 'One.' }]);
	});
	test('shows an edited paragraph sentence by sentence', () => {
		expect(diffText('Growth was 13.85%. Rank 1.', 'Growth was 13.87%. Rank 1.')).toEqual([
			{
				type: 'changed',
				parts: [
					{ type: 'removed', text: 'Growth was 13.85%.' },
					{ type: 'added', text: 'Growth was 13.87%.' },
					{ type: 'same', text: 'Rank 1.' },
				],
			},
		]);
	});
});

describe('markdownToText(markdown)', () => {
	test('gives the text a reader reads, not the Markdown source', () => {
		expect(markdownToText('GRDP tăng ~~13,85%~~ **13,87%**.[^1]\n\n- một\n- *hai*\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n[^1]: Nguồn.')).toBe(
			'GRDP tăng 13,85% 13,87%.\n\nmột\n\nhai\n\na · b\n\n1 · 2',
		);
	});
	test('so a change of emphasis alone is no change of text, and a changed figure is shown as text', () => {
		expect(diffText('Tăng **13,85%**.', 'Tăng 13,85%.')).toEqual([]);
		expect(JSON.stringify(diffText('Tăng ~~13,85%~~.', 'Tăng 13,87%.'))).not.toContain('~~');
	});
});
