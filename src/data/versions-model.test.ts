import { describe, expect, test } from 'vitest';
import type { Indicator, Report } from '../lib/content/model.ts';
import type { History } from '../lib/versions/history.ts';
import type { ContentFiles } from '../lib/validate/problems.ts';
import { buildVersionsModel } from './versions-model.ts';

const text = (value: string, body: string, revised = false) =>
	`---\nyear: 2024\ntitle: Báo cáo 2024\nsummary: Tóm tắt.\npublished: 2025-01-31\nindicators:\n  a: ${value}\n${revised ? 'revisions:\n  - { date: 2025-06-30, kind: correction, note: Sửa số liệu. }\n' : ''}---\n${body}\n`;
const translation = (body: string) => `---\ntitle: Report 2024\nsummary: Summary.\n---\n${body}\n`;

/** Report 2024 published, then corrected: its figure changed, and the texts as given. */
function model(now: { vi: string; en: string }, then: { vi: string; en: string }) {
	const files = { vi: [text('1.5', then.vi), text('1.6', now.vi, true)], en: [translation(then.en), translation(now.en)] };
	const history: History = {
		available: true,
		commits: [
			{ hash: 'a'.repeat(40), date: '2025-01-31T00:00:00Z' },
			{ hash: 'b'.repeat(40), date: '2025-06-30T00:00:00Z' },
		],
		files: new Map([
			['reports/2024.mdx', files.vi.map((t, commit) => ({ commit, text: t }))],
			['reports/2024.en.mdx', files.en.map((t, commit) => ({ commit, text: t }))],
		]),
	};
	const content = {
		reports: [
			{ path: 'content/reports/2024.mdx', text: files.vi[1]! },
			{ path: 'content/reports/2024.en.mdx', text: files.en[1]! },
		],
	} as unknown as ContentFiles;
	const report = { year: 2024, figures: [{ indicator: 'a', period: 2024, value: 1.6 }] } as unknown as Report;
	const indicators = [{ id: 'a', unit: 'percent', decimals: 1 }] as unknown as Indicator[];
	return buildVersionsModel(content, history, [report], 'vi', indicators);
}

describe('the bodies the build renders ahead for earlier versions (earlierBodies)', () => {
	test('leave out a text that is still the current one: its page shows the current page’s HTML', () => {
		const versions = model({ vi: 'Văn bản.', en: 'New text.' }, { vi: 'Văn bản.', en: 'Old text.' });
		expect(versions.versions(2024)).toHaveLength(2);
		expect(versions.earlierBodies(['vi', 'en']).map((b) => b.trim())).toEqual(['Old text.']);
	});

	test('keep every text that changed since', () => {
		const versions = model({ vi: 'Văn bản mới.', en: 'New text.' }, { vi: 'Văn bản cũ.', en: 'Old text.' });
		expect(versions.earlierBodies(['vi', 'en']).map((b) => b.trim())).toEqual(['Văn bản cũ.', 'Old text.']);
	});

	test('keep a text that is current but MDX, which the content store does not render', () => {
		const mdx = 'Xem biểu đồ: <Chart id="a" />';
		const versions = model({ vi: mdx, en: 'New text.' }, { vi: mdx, en: 'New text.' });
		expect(versions.earlierBodies(['vi', 'en']).map((b) => b.trim())).toEqual([mdx]);
	});
});
