/** The checks that need every report at once: translations without a report, headlines, years published and left as drafts. */
import type { Locale, Report } from '../content/model.ts';
import { fileProblem, m, type Problem } from './problems.ts';
import { LOCALES } from './problems.ts';
import { type Parsed, problemAt } from './yaml.ts';
import type { Catalogue } from './catalogue.ts';

export function checkAcrossReports(
	mains: Parsed<Report>[],
	mainYears: Set<number>,
	translations: Parsed<{ year: number; lang: Locale }>[],
	catalogue: Catalogue | undefined,
	problems: Problem[],
	today: string,
	published: ReadonlySet<number>,
) {
	const byYear = new Map<number, Parsed<Report>>();
	for (const main of mains) {
		const other = byYear.get(main.value.year);
		if (other) {
			problems.push(problemAt(main.yaml, ['year'], m['reports.sameYear'](other.yaml.file, main.value.year)));
		} else {
			byYear.set(main.value.year, main);
		}
	}
	for (const t of translations) {
		const main = byYear.get(t.value.year);
		if (!mainYears.has(t.value.year)) {
			problems.push(fileProblem(t.yaml.file, m['translation.noMain'](t.value.year)));
		} else if (main && t.value.lang === main.value.lang) {
			problems.push(
				fileProblem(
					t.yaml.file,
					m['translation.sameLanguage'](
						t.value.year,
						t.value.lang,
						LOCALES.find((l) => l !== main.value.lang)!,
					),
				),
			);
		}
	}

	const sorted = [...byYear.values()].sort((a, b) => a.value.year - b.value.year);
	sorted.forEach((current, i) => {
		const previous = sorted[i - 1];
		const report = current.value;
		if (report.draft && daysBetween(report.published, today) > 365) {
			problems.push(problemAt(current.yaml, ['draft'], m['reports.staleDraft'](report.published), { severity: 'warning' }));
		}
		if (!previous || previous.value.year !== report.year - 1) return;
		// After a merger the new entity reports its own indicators, on its own scale.
		if (previous.value.entity !== report.entity) return;
		const missing: string[] = [];
		const empty = new Set(current.empty);
		const mine = new Map(report.figures.map((f) => [`${f.indicator}@${f.period - report.year}`, f]));
		for (const old of previous.value.figures) {
			const key = `${old.indicator}@${old.period - previous.value.year}`;
			const figure = mine.get(key);
			if (!figure && catalogue?.byId.has(old.indicator) && !report.figures.some((f) => f.indicator === old.indicator) && !empty.has(old.indicator)) {
				if (!missing.includes(old.indicator)) missing.push(old.indicator);
				continue;
			}
			if (figure?.value !== undefined && old.value !== undefined && old.value !== 0 && figure.value !== 0) {
				const ratio = Math.abs(figure.value / old.value);
				if (ratio > 10 || ratio < 0.1) {
					const path = ['indicators', old.indicator];
					const node = current.yaml.doc.getIn([...path, 'value'], true) ? [...path, 'value'] : path;
					problems.push(
						problemAt(current.yaml, node, (ratio > 10 ? m['reports.tenTimes'] : m['reports.tenth'])(figure.value, previous.value.year, old.value), {
							severity: 'warning',
						}),
					);
				}
			}
		}
		// One line for the report, and only while it is being written: once published, a figure
		// cannot be added without a revisions entry, and the warning would only repeat itself.
		if (missing.length > 0 && !published.has(report.year))
			problems.push(problemAt(current.yaml, ['indicators'], m['reports.missingIndicators'](missing, previous.value.year), { severity: 'warning', key: true }));
	});
}

export function daysBetween(from: string, to: string): number {
	return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}
