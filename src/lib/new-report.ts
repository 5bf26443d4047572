/**
 * The skeleton of next year's report, made from the latest one: the same indicators with empty
 * values, each with its unit and last year's figure in a comment, placeholders for the words.
 */
import { checkMessages, type CheckMessages } from '../i18n/check/index.ts';
import { formatNumber } from './format.ts';
import type { Indicator, Locale } from './content/model.ts';
import { PLACEHOLDER } from './validate/reports.ts';
import { readStateLeniently } from './versions/read-state.ts';

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

/** Builds the new report's text, in the editor's language (`words`), or says why not. */
export function buildNewReport(input: NewReportInput, words: CheckMessages = checkMessages('en'), lang: Locale = 'en'): NewReportResult {
	if (!/^\d{4}$/.test(input.year.trim())) return { ok: false, error: words['new.notYear'](input.year) };
	const year = Number(input.year);
	if (input.existing.includes(year)) return { ok: false, error: words['new.exists'](`content/reports/${year}.mdx`) };
	if (input.existing.length > 0 && !input.force) {
		const nearest = input.existing.reduce((a, b) => (Math.abs(b - year) < Math.abs(a - year) ? b : a));
		if (Math.abs(nearest - year) > 1) return { ok: false, error: words['new.far'](year, Math.abs(nearest - year), nearest) };
	}
	const byId = new Map(input.indicators.map((i) => [i.id, i]));
	const lines = [
		'---',
		`year: ${year}`,
		`title: "${words['new.title'](PLACEHOLDER, year)}"`,
		`summary: "${words['new.summary'](PLACEHOLDER, year)}"`,
		`published: ${input.today}`,
		words['new.draftComment'],
		'draft: true',
		words['new.numbersComment'],
		words['new.missingComment'],
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
		const number = (n: number) => formatNumber(n, 'en', 6, { useGrouping: false });
		const rank = last.rank !== undefined ? words['new.rank'](last.rank, last.of !== undefined ? String(last.of) : '?') : undefined;
		// As written: IIP growth published as 30.0 is shown so, not as 30.
		const value =
			last.value !== undefined && last.decimals?.value !== undefined
				? last.value.toFixed(last.decimals.value)
				: last.value !== undefined
					? number(last.value)
					: undefined;
		const shown =
			value !== undefined
				? [value, ...(last.total !== undefined ? [words['new.total'](number(last.total))] : []), ...(rank ? [rank] : [])].join(', ')
				: (rank ?? words['new.targetOnly']);
		const unitWord = words[`unit.${indicator.unit}`];
		const unit = indicator.noun ? words['new.unitOf'](unitWord, indicator.noun[lang]) : unitWord;
		const was = words['new.was'](input.latest!.year, offset ? last.period : undefined, shown);
		// A figure out of a total (15 of 18 targets) keeps its total field, so the editor sees it is wanted.
		if (offset === 0 && last.total === undefined) {
			lines.push(`  ${id}: # ${unit}; ${was}`);
		} else {
			lines.push(`  ${id}:`, `    value: # ${unit}; ${was}`);
			if (last.total !== undefined) lines.push('    total:');
			if (offset !== 0) lines.push(`    period: ${year - offset}`);
		}
	}
	lines.push('---', '', words['new.body'](PLACEHOLDER, year), '');
	return { ok: true, year, text: lines.join('\n') };
}
