/** Whose report a social card says it is: the archive's publisher, or the entity of its line that wrote it. */
import { expect, test } from 'vitest';
import type { Report, Site } from '../lib/content/model.ts';
import { reportCard, type CardSource } from './social-cards.ts';

const report = (year: number, entity: string | undefined): Report =>
	({ year, entity, lang: 'vi', figures: [], text: { vi: { title: `Báo cáo năm ${year}` }, en: { title: `Report for ${year}` } } }) as unknown as Report;

const archive = (reports: Report[], line: CardSource['line']): CardSource => ({
	site: {
		publisher: { vi: 'Ủy ban nhân dân tỉnh Bắc Ninh', en: "Bac Ninh Provincial People's Committee" },
		title: { vi: 'Lưu trữ', en: 'Archive' },
		headline: [],
	} as unknown as Site,
	indicators: [],
	reports,
	versions: () => [],
	versionText: () => undefined,
	line,
});

const merged = archive(
	[report(2024, 'bac_giang'), report(2025, 'bac_ninh')],
	[
		{ id: 'bac_ninh', name: { vi: 'Tỉnh Bắc Ninh', en: 'Bac Ninh province' } },
		{ id: 'bac_giang', name: { vi: 'Tỉnh Bắc Giang', en: 'Bac Giang province' } },
	],
);

test("a report of the line's present entity is the publisher's; one of an entity before it names that entity", () => {
	expect(reportCard(merged, 2025, 'vi').kicker).toBe('Ủy ban nhân dân tỉnh Bắc Ninh');
	expect(reportCard(merged, 2024, 'vi').kicker).toBe('Tỉnh Bắc Giang');
	expect(reportCard(merged, 2024, 'en').kicker).toBe('Bac Giang province');
	// An entity beside the line is named by the page that draws its card.
	expect(reportCard(merged, 2024, 'vi', undefined, 'Tỉnh Bắc Ninh (trước sáp nhập)').kicker).toBe('Tỉnh Bắc Ninh (trước sáp nhập)');
});

test('an archive of one entity is the publisher’s throughout', () => {
	const one = archive([report(2023, undefined), report(2024, 'tinh')], [{ id: 'tinh', name: { vi: 'Tỉnh', en: 'Province' } }]);
	expect(reportCard(one, 2023, 'vi').kicker).toBe('Ủy ban nhân dân tỉnh Bắc Ninh');
	expect(reportCard(one, 2024, 'vi').kicker).toBe('Ủy ban nhân dân tỉnh Bắc Ninh');
});
