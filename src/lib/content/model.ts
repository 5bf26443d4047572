import type { Locale, LocalizedText } from '../../schemas/common.ts';
import type { FigureEntry, ReportEvent, Revision } from '../../schemas/report.ts';

export type { Locale } from '../../schemas/common.ts';
export type { Indicator, Unit, Direction, SeriesBreak } from '../../schemas/indicator.ts';
export type { Site } from '../../schemas/site.ts';
export type { ReportEvent, Revision } from '../../schemas/report.ts';

/** One published figure: an indicator's value for one period, as one report states it. */
export interface Figure {
	/** The indicator id. */
	indicator: string;
	/** The year the figure measures. */
	period: number;
	value?: number;
	rank?: number;
	of?: number;
	total?: number;
	target?: number;
	status?: 'estimate' | 'final';
	/** On which boundaries a figure for a period before its report's entity existed is (src/schemas/report.ts). */
	boundaries?: 'original' | 'backdated';
	note?: Note;
	source?: string;
	/**
	 * Decimals as the editor wrote them, for a number written with trailing zeros (`30.0` → 1): pages
	 * show them and downloads keep them, so a figure keeps the precision it was published with.
	 */
	decimals?: Partial<Record<WrittenField, number>>;
}

/** The fields of a figure that may be written with decimals. */
export type WrittenField = 'value' | 'target' | 'total';

/** Text written in one language (the report's) or in both. */
export type Note = string | LocalizedText;

/**
 * A note in the reader's language when it exists in it, else as written, with the language it is
 * in so pages can mark it (`lang` attribute).
 */
export function noteIn(note: Note, locale: Locale, written: Locale): { text: string; lang: Locale } {
	if (typeof note === 'string') return { text: note, lang: written };
	return { text: note[locale], lang: locale };
}

/** Title and summary of a report in one language. */
export interface ReportText {
	title: string;
	summary: string;
}

/** A report as pages use it: metadata, figures flattened to one list, and its languages. */
export interface Report {
	year: number;
	/** The language of `<year>.mdx`. */
	lang: Locale;
	/** Title and summary in each language the report is written in. */
	text: Partial<Record<Locale, ReportText>>;
	published: string;
	source?: { title: string; url: string } | undefined;
	/** Whose report this is (content/entities.yaml): the frontmatter's `entity:`, else resolved by the checks from the archive's line. */
	entity?: string | undefined;
	draft: boolean;
	figures: Figure[];
	revisions: Revision[];
	/** Events the report names (src/schemas/report.ts ReportEventSchema). */
	events: ReportEvent[];
}

/**
 * Flattens a report's `indicators` frontmatter into a list of figures. A plain number becomes
 * `{ value }`; a figure without `period` measures the report's year.
 */
export function figuresFromFrontmatter(year: number, indicators: Record<string, FigureEntry>): Figure[] {
	const figures: Figure[] = [];
	for (const [indicator, entry] of Object.entries(indicators)) {
		const objects = typeof entry === 'number' ? [{ value: entry }] : Array.isArray(entry) ? entry : [entry];
		for (const { period, ...rest } of objects) {
			const figure: Figure = { indicator, period: period ?? year };
			for (const [key, value] of Object.entries(rest)) if (value !== undefined) Object.assign(figure, { [key]: value });
			figures.push(figure);
		}
	}
	return figures;
}
