/**
 * The skeleton of next year's report, made from the latest one: the same indicators with empty
 * values, each with its unit and last year's figure in a comment, placeholders for the words.
 */
import { formatNumber } from './format.ts';
import type { Indicator } from './model.ts';
import { PLACEHOLDER } from './validate.ts';
import { readStateLeniently } from './versions.ts';

export interface NewReportInput {
	/** What the editor typed after `npm run new-report --`. */
	year: string;
	/** Years that already have a report. */
	existing: number[];
	/** The latest report's file text, to copy the indicators from. */
	latest: { year: number; text: string } | undefined;
	indicators: Indicator[];
	/** Today, YYYY-MM-DD. */
	today: string;
	force: boolean;
}

export type NewReportResult = { ok: true; year: number; text: string } | { ok: false; error: string };

const UNIT_NAMES: Record<Indicator['unit'], string> = {
	percent: '%',
	percent_change: '% change',
	count: 'count',
	number: 'number',
	vnd_billion: 'billion VND',
	vnd_trillion: 'trillion VND',
	usd: 'USD',
	index_points: 'index points',
	hectares: 'ha',
};

/** Builds the new report's text, or says why not. */
export function buildNewReport(input: NewReportInput): NewReportResult {
	if (!/^\d{4}$/.test(input.year.trim())) return { ok: false, error: `"${input.year}" is not a year — give four digits, e.g. npm run new-report -- 2025` };
	const year = Number(input.year);
	if (input.existing.includes(year)) return { ok: false, error: `content/reports/${year}.mdx already exists — edit that file instead; a report is never overwritten` };
	if (input.existing.length > 0 && !input.force) {
		const nearest = input.existing.reduce((a, b) => (Math.abs(b - year) < Math.abs(a - year) ? b : a));
		if (Math.abs(nearest - year) > 1) {
			return { ok: false, error: `${year} is ${Math.abs(nearest - year)} years from the nearest report (${nearest}) — check the year, or add --force if it is right` };
		}
	}
	const byId = new Map(input.indicators.map((i) => [i.id, i]));
	const lines = [
		'---',
		`year: ${year}`,
		`title: "${PLACEHOLDER}: the title of the ${year} report"`,
		`summary: "${PLACEHOLDER}: one or two sentences on ${year}"`,
		`published: ${input.today}`,
		'# Remove the next line when the report is ready to publish.',
		'draft: true',
		'# Fill in each figure as a number with a decimal point (13.85, not 13,85).',
		'# Delete the line of a figure that was not published: never write 0 for a missing figure.',
		'indicators:',
	];
	const state = input.latest ? readStateLeniently(input.latest.text, input.latest.year) : undefined;
	const figures = state?.ok ? state.figures : [];
	const ids = [...new Set(figures.map((f) => f.indicator))].filter((id) => byId.has(id));
	for (const id of ids) {
		const indicator = byId.get(id)!;
		const own = figures.filter((f) => f.indicator === id);
		const last = own.reduce((a, b) => (b.period > a.period ? b : a));
		const offset = input.latest!.year - last.period;
		const shown = last.value !== undefined ? formatNumber(last.value, 'en', 6, { useGrouping: false }) : last.rank !== undefined ? `rank ${last.rank}${last.of ? `/${last.of}` : ''}` : 'target only';
		const unit = indicator.noun ? `${UNIT_NAMES[indicator.unit]} of ${indicator.noun.en}` : UNIT_NAMES[indicator.unit];
		const was = `${input.latest!.year} report${offset ? `, ${last.period} edition` : ''}: ${shown}${last.rank !== undefined && last.value !== undefined ? `, rank ${last.rank}/${last.of ?? '?'}` : ''}`;
		if (offset === 0) {
			lines.push(`  ${id}: # ${unit}; ${was}`);
		} else {
			lines.push(`  ${id}:`, `    value: # ${unit}; ${was}`, `    period: ${year - offset}`);
		}
	}
	lines.push('---', '', `${PLACEHOLDER}: write the ${year} report here. Headings start with ##; tables use | columns |.`, '');
	return { ok: true, year, text: lines.join('\n') };
}
