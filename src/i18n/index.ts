import type { Locale } from '../schemas/common.ts';
import { en } from './en.ts';
import { vi } from './vi.ts';

export type UiStrings = typeof en;

const dictionaries: Record<Locale, UiStrings> = { vi, en };

/** The UI strings of a language. */
export function useStrings(locale: Locale): UiStrings {
	return dictionaries[locale];
}

/** A category's name, falling back to the id for a category the dictionaries do not know yet. */
export function categoryName(category: string, locale: Locale): string {
	const key = `category.${category}` as keyof UiStrings;
	const value = dictionaries[locale][key];
	return typeof value === 'string' ? value : category.replace(/_/g, ' ');
}

/** The words of a chart (src/lib/chart-data.ts): axis titles and the sentence that describes it. */
export interface ChartWords {
	rankAxis: (of: number | undefined) => string;
	summary: (low: { period: number; value: string }, high: { period: number; value: string }, count: number) => string;
	rankSummary: (low: { period: number; value: string }, high: { period: number; value: string }, count: number) => string;
	single: (period: number, value: string) => string;
	empty: string;
}

/** The sentences chart summaries are made of, in a language. */
export function chartWords(locale: Locale): ChartWords {
	const t = dictionaries[locale];
	return {
		rankAxis: t['chart.rankAxis'],
		summary: t['chart.summary'],
		rankSummary: t['chart.rankSummary'],
		single: t['chart.single'],
		empty: t['chart.empty'],
	};
}
