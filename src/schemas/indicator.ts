import { z } from 'astro/zod';
import { DateSchema, LocalizedTextSchema, YearSchema } from './common.ts';

/** How an indicator's figures are measured; each unit has its own label and number format. */
export const UnitSchema = z.enum([
	/** A share between 0 and 100. */
	'percent',
	/** A change in percent, which may be negative (growth rates). */
	'percent_change',
	'count',
	'number',
	'vnd_billion',
	'vnd_trillion',
	'usd',
	'index_points',
	'hectares',
]);
export type Unit = z.infer<typeof UnitSchema>;

/** Whether a rise (`higher`) or a fall (`lower`) is good news, or neither (`neutral`). */
export const DirectionSchema = z.enum(['higher', 'lower', 'neutral']);
export type Direction = z.infer<typeof DirectionSchema>;

/** A year from which an indicator's definition changed, so figures are not compared across it. */
export const SeriesBreakSchema = z.strictObject({
	/** The first year measured under the new definition. */
	year: YearSchema,
	/** What changed, for readers. */
	note: LocalizedTextSchema,
});
export type SeriesBreak = z.infer<typeof SeriesBreakSchema>;

/** Something that happened to one indicator (a new standard, a new survey), drawn as a line on its chart. */
export const IndicatorEventSchema = z.strictObject({
	/** The day it happened. */
	date: DateSchema,
	/** What happened, in both languages. */
	label: LocalizedTextSchema,
});

/** One entry of `content/indicators.yaml`. */
export const IndicatorSchema = z.strictObject({
	/** Permanent snake_case id: page addresses, downloads and charts are keyed on it. */
	id: z.string().regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/),
	/** The indicator's name in both languages. */
	label: LocalizedTextSchema,
	/** The group it is listed under (economy, society, education, governance, …). */
	category: z.string().regex(/^[a-z][a-z0-9_]*$/),
	/** The unit every figure of this indicator is given in. */
	unit: UnitSchema,
	/** For counts and plain numbers: what is counted (communes, prizes, …). */
	noun: LocalizedTextSchema.optional(),
	/** Whether a rise or a fall is good news. */
	direction: DirectionSchema,
	/** The most decimals shown on pages; downloads keep every digit. */
	decimals: z.number().int().min(0).max(6),
	/** What the indicator measures, in both languages. */
	definition: LocalizedTextSchema,
	/** Years from which the definition changed. */
	breaks: z.array(SeriesBreakSchema).default([]),
	/** Events drawn on its chart. */
	events: z.array(IndicatorEventSchema).default([]),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/** The whole catalogue: a list of indicators. */
export const IndicatorCatalogueSchema = z.array(IndicatorSchema);
