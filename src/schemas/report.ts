import { z } from 'astro/zod';
import { EntityIdSchema } from './entity.ts';
import { DateSchema, LocalizedTextSchema, YearSchema } from './common.ts';

/** Text for readers, in the report's language or in both (`{ vi: …, en: … }`). */
export const NoteSchema = z.union([z.string().min(1), LocalizedTextSchema]);

/**
 * The rules a figure keeps whatever its indicator, as custom issues whose `params.rule` names the
 * message that explains them (src/i18n/check/): the schema decides, the validator only words it.
 */
export type FigureRule =
	| { rule: 'report.noValue' }
	| { rule: 'figure.rankWithoutOf'; args: [rank: number] }
	| { rule: 'figure.rankAboveOf'; args: [rank: number, of: number] }
	| { rule: 'figure.ofWithoutRank' }
	| { rule: 'figure.aboveTotal'; args: [value: number, total: number] }
	| { rule: 'figure.periodAfterYear'; args: [period: number, year: number] }
	| { rule: 'report.periodTwice'; args: [period: number, indicator: string] };

/** A rule broken at a path, as zod's custom issue. */
export interface RuleIssue {
	code: 'custom';
	message: string;
	path: PropertyKey[];
	params: FigureRule;
}

const broken = (path: PropertyKey[], params: FigureRule): RuleIssue => ({ code: 'custom', message: params.rule, path, params });
const num = (value: unknown): value is number => typeof value === 'number';

/**
 * What a figure object's numbers break: a rank says out of how many and is at most that, a value is
 * at most its total. Checked on whatever was written, so a figure with a bad status still has its
 * rank checked in the same run.
 */
export function figureObjectIssues(figure: unknown): RuleIssue[] {
	if (!figure || typeof figure !== 'object' || Array.isArray(figure)) return [];
	const { value, rank, of, total } = figure as Record<string, unknown>;
	const issues: RuleIssue[] = [];
	if (num(rank) && of === undefined) issues.push(broken(['rank'], { rule: 'figure.rankWithoutOf', args: [rank] }));
	if (num(rank) && num(of) && rank > of) issues.push(broken(['rank'], { rule: 'figure.rankAboveOf', args: [rank, of] }));
	if (num(of) && rank === undefined) issues.push(broken(['of'], { rule: 'figure.ofWithoutRank' }));
	if (num(value) && num(total) && value > total) issues.push(broken(['value'], { rule: 'figure.aboveTotal', args: [value, total] }));
	return issues;
}

/** A figure states something: a value, a rank or a target. */
export function figureWithoutValue(figure: { value?: unknown; rank?: unknown; target?: unknown }): RuleIssue | undefined {
	return figure.value === undefined && figure.rank === undefined && figure.target === undefined ? broken([], { rule: 'report.noValue' }) : undefined;
}

/**
 * What an indicator's entry breaks against its report's year: no period after the year, and no
 * period twice (an entry without one measures the report's year). Paths start at the entry.
 */
export function figureEntryIssues(indicator: string, entry: unknown, year: number): RuleIssue[] {
	if (!Array.isArray(entry) && (!entry || typeof entry !== 'object')) return [];
	const objects: unknown[] = Array.isArray(entry) ? entry : [entry];
	const issues: RuleIssue[] = [];
	const seen = new Set<number>();
	objects.forEach((object, i) => {
		const base = Array.isArray(entry) ? [i] : [];
		const period = object && typeof object === 'object' ? (object as Record<string, unknown>)['period'] : undefined;
		if (num(period) && period > year) issues.push(broken([...base, 'period'], { rule: 'figure.periodAfterYear', args: [period, year] }));
		const measured = num(period) ? period : year;
		if (seen.has(measured)) issues.push(broken([...base, 'period'], { rule: 'report.periodTwice', args: [measured, indicator] }));
		seen.add(measured);
	});
	return issues;
}

/** The fields of a figure object, before its rules: for the names an editor may write. */
export const FigureFieldsSchema = z.strictObject({
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
	/**
	 * For a period before the report's entity existed (a merger's successor stating 2024): on which
	 * boundaries the figure is. `backdated`: recomputed on the entity's own, so it joins the entity's
	 * series; `original`: the predecessor's own figure, shown with the report and joined to no series.
	 */
	boundaries: z.enum(['original', 'backdated']).optional(),
	/** A short remark for readers: how the figure was counted, what to be careful about. */
	note: NoteSchema.optional(),
	/** Where the figure was published (a web address). */
	source: z.url().optional(),
});

/** A figure with more than a bare value: rank, target, period, status, note or source. */
export const FigureObjectSchema = FigureFieldsSchema.superRefine(
	(figure, ctx) => {
		for (const { message, path, params } of figureObjectIssues(figure)) ctx.addIssue({ code: 'custom', message, path, params: { ...params } });
	},
	// Also when a field is wrong, so every problem of a figure shows in one run.
	{ when: () => true },
).superRefine(
	(figure, ctx) => {
		// Only once its fields are right: `vaue: 70.1` is a misspelt field, not a figure without a value.
		const issue = figureWithoutValue(figure);
		if (issue) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path, params: { ...issue.params } });
	},
	{ when: (payload) => payload.issues.length === 0 },
);
export type FigureObject = z.infer<typeof FigureObjectSchema>;

/** A figure in the frontmatter: a plain number, an object, or a list of objects for several periods. */
export const FigureEntrySchema = z.union([z.number(), FigureObjectSchema, z.array(FigureObjectSchema).min(1)]);
export type FigureEntry = z.infer<typeof FigureEntrySchema>;

/**
 * Something that happened, named by a report, drawn as a line on every chart that spans its date
 * (a province merger, a new national standard), and listed under it.
 */
export const ReportEventSchema = z.strictObject({
	/** The day it happened. */
	date: DateSchema,
	/** What happened, in the report's language or in both. */
	label: NoteSchema,
});
export type ReportEvent = z.infer<typeof ReportEventSchema>;

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

/** The fields of a report's frontmatter, before the rules that join them. */
export const ReportFieldsSchema = z.strictObject({
	/** The year the report covers; it must match the file name. */
	year: YearSchema,
	/** The report's title. */
	title: z.string().min(1),
	/** One or two sentences shown in the archive list and in search results. */
	summary: z.string().min(1),
	/** The day the report was issued. */
	published: DateSchema,
	/**
	 * Whose report this is, an id of content/entities.yaml. Left out, the archive's own: the entity
	 * of its line that existed at the end of the year (site.yaml `entity`).
	 */
	entity: EntityIdSchema.optional(),
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
	/** Events the report names, drawn on every chart that spans them. */
	events: z.array(ReportEventSchema).default([]),
});

/** The frontmatter of `content/reports/<year>.mdx`. */
export const ReportSchema = ReportFieldsSchema.superRefine((report, ctx) => {
	for (const [id, entry] of Object.entries(report.indicators)) {
		for (const { message, path, params } of figureEntryIssues(id, entry, report.year))
			ctx.addIssue({ code: 'custom', message, path: ['indicators', id, ...path], params: { ...params } });
	}
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
