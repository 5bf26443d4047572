import { z } from 'astro/zod';
import { DateSchema, LocalizedTextSchema, YearSchema } from './common.ts';

/** Text for readers, in the report's language or in both (`{ vi: …, en: … }`). */
export const NoteSchema = z.union([z.string().min(1), LocalizedTextSchema]);

/** A figure with more than a bare value: rank, target, period, status, note or source. */
export const FigureObjectSchema = z.strictObject({
	/** The figure in the indicator's unit. Left out when only a rank or a target was published. */
	value: z.number().optional(),
	/** The year the figure measures, when it is not the report's year (e.g. the PCI edition). */
	period: YearSchema.optional(),
	/** Position in a national ranking: 1 is best. */
	rank: z.number().int().min(1).optional(),
	/** How many were ranked (63 provinces). */
	of: z.number().int().min(1).optional(),
	/** For a count out of a total: the total (15 of 18 targets). */
	total: z.number().positive().optional(),
	/** The planned value for the year. */
	target: z.number().optional(),
	/** `estimate` while the figure is provisional, `final` once official. */
	status: z.enum(['estimate', 'final']).optional(),
	/** A short remark for readers: how the figure was counted, what to be careful about. */
	note: NoteSchema.optional(),
	/** Where the figure was published (a web address). */
	source: z.url().optional(),
});
export type FigureObject = z.infer<typeof FigureObjectSchema>;

/** A figure in the frontmatter: a plain number, an object, or a list of objects for several periods. */
export const FigureEntrySchema = z.union([z.number(), FigureObjectSchema, z.array(FigureObjectSchema).min(1)]);
export type FigureEntry = z.infer<typeof FigureEntrySchema>;

/** One entry of a report's `revisions` list, added together with the figures it changes. */
export const RevisionSchema = z.strictObject({
	/** The day the change was published. */
	date: DateSchema,
	/** `correction` fixes a mistake; `revision` replaces provisional figures with newer ones. */
	kind: z.enum(['correction', 'revision']),
	/** What changed and why, for readers. */
	note: NoteSchema,
});
export type Revision = z.infer<typeof RevisionSchema>;

/** The frontmatter of `content/reports/<year>.mdx`. */
export const ReportSchema = z.strictObject({
	/** The year the report covers; it must match the file name. */
	year: YearSchema,
	/** The report's title. */
	title: z.string().min(1),
	/** One or two sentences shown in the archive list and in search results. */
	summary: z.string().min(1),
	/** The day the report was issued. */
	published: DateSchema,
	/** The document the report comes from. */
	source: z
		.strictObject({
			/** Its title. */
			title: z.string().min(1),
			/** Its web address. */
			url: z.url(),
		})
		.optional(),
	/** `true` keeps the report out of the published site while it is being written. */
	draft: z.boolean().default(false),
	/** The year's figures, keyed by indicator id. */
	indicators: z.record(z.string(), FigureEntrySchema).default({}),
	/** Corrections and revisions after first publication, oldest first. */
	revisions: z.array(RevisionSchema).default([]),
});
export type ReportFrontmatter = z.infer<typeof ReportSchema>;

/** The frontmatter of a translation, `content/reports/<year>.<lang>.mdx`: words only, never figures. */
export const TranslationSchema = z.strictObject({
	/** The report's title in this language. */
	title: z.string().min(1),
	/** The summary in this language. */
	summary: z.string().min(1),
});
export type TranslationFrontmatter = z.infer<typeof TranslationSchema>;
