/**
 * The sample archive as the checks read it, for build-output tests that derive what a page should
 * show from the content files instead of copying figures into the test: an editor's legitimate
 * correction to content/ changes the expectation with the page, and CI stays green.
 */
import { join } from 'node:path';
import { readHistory } from '../../src/data/history.ts';
import { checkedContent } from '../../src/data/validation.ts';
import { buildVersionsModel } from '../../src/data/versions-model.ts';
import type { Figure } from '../../src/lib/content/model.ts';
import { root } from './site.ts';

const quiet = { warn: () => undefined, error: () => undefined, info: () => undefined };
export const sample = checkedContent(join(root, 'content'), readHistory, quiet);

/** The published reports, oldest first. */
export const reports = sample.archive.reports.filter((r) => !r.draft);

/**
 * The rows of an indicator page's table that are the archive's own series: its line's figures, not
 * those of the entities held beside it (each has its own part of the table), nor figures back-dated to
 * a successor's boundaries (they extend its own line).
 */
export const LINE_ROWS = `table.series-table tbody tr[data-period]:not([data-boundaries])${sample.archive.shelves.map((s) => `:not([data-entity="${s.entity}"])`).join('')}`;

/** The published reports of each entity beside the line, with their versions, as the pages read them. */
export const shelves = sample.archive.shelves.map((shelf) => {
	const published = shelf.reports.filter((r) => !r.draft);
	const { site, indicators } = sample.archive;
	return {
		entity: shelf.entity,
		reports: published,
		model: buildVersionsModel(sample.files, sample.history, published, site.defaultLocale, indicators, shelf.entity),
	};
});

/** The latest report's year. */
export const latestYear = reports.at(-1)!.year;

/** A report's figure for an indicator (the report's own year), as it stands now. */
export function currentFigure(year: number, indicator: string): Figure {
	const figure = reports.find((r) => r.year === year)?.figures.find((f) => f.indicator === indicator && f.period === year);
	if (!figure) throw new Error(`the sample's ${year} report has no ${indicator} figure for ${year}`);
	return figure;
}

/** A report's figure for an indicator as version `n` published it. */
export function figureInVersion(year: number, n: number, indicator: string): Figure {
	const version = sample.model.versions(year).find((v) => v.number === n);
	const figure = version?.state.ok ? version.state.figures.find((f) => f.indicator === indicator && f.period === year) : undefined;
	if (!figure) throw new Error(`version ${n} of the sample's ${year} report has no ${indicator} figure`);
	return figure;
}

/** A number as a reader sees it in Vietnamese (a decimal comma) and in English, with no grouping: enough for figures under 1,000. */
export const writtenVi = (value: number) => String(value).replace('.', ',');
export const writtenEn = (value: number) => String(value);
