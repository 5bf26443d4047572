import { z } from 'astro/zod';
import { DateSchema, LocalizedTextSchema } from './common.ts';

/** An entity's id: lower case, digits and underscores (`bac_giang`). */
export const EntityIdSchema = z.string().regex(/^[a-z][a-z0-9_]*$/);

/**
 * A body whose reports and figures the archive holds: a province, a commune, an agency. It exists
 * between `from` and `until` (either left out when before or after anything the archive holds).
 */
export const EntitySchema = z.strictObject({
	id: EntityIdSchema,
	/** Its name in both languages: "Tỉnh Bắc Giang" / "Bac Giang province". */
	name: LocalizedTextSchema,
	/** One of the register's `kinds`. */
	kind: EntityIdSchema,
	/** Its official code, as text ("24"). */
	code: z.string().min(1).optional(),
	/** The first day it existed. */
	from: DateSchema.optional(),
	/** The last day it existed. */
	until: DateSchema.optional(),
	/** Anything a reader should know, in both languages. */
	note: LocalizedTextSchema.optional(),
});
export type Entity = z.infer<typeof EntitySchema>;

/**
 * A change of entities on a day: a merger (several become one), a split (one becomes several) or a
 * rename (one becomes another). `continues` names the predecessor whose reports the successor's
 * carry on in this archive (same code, same centre): its years stay at their addresses.
 */
export const ChangeSchema = z.strictObject({
	date: DateSchema,
	kind: z.enum(['merger', 'split', 'rename']),
	from: z.array(EntityIdSchema).min(1),
	to: z.array(EntityIdSchema).min(1),
	continues: EntityIdSchema.optional(),
	/** What happened, in both languages: drawn on every chart of the entities it touches. */
	note: LocalizedTextSchema,
	/** Where it is decided or reported. */
	source: z.url().optional(),
});
export type Change = z.infer<typeof ChangeSchema>;

/** How many entities of a kind existed between two days: the denominator of a national rank. */
export const CountSchema = z.strictObject({
	from: DateSchema.optional(),
	until: DateSchema.optional(),
	count: z.number().int().positive(),
});

export const KindSchema = z.strictObject({
	name: LocalizedTextSchema,
	counts: z.array(CountSchema).default([]),
});
export type Kind = z.infer<typeof KindSchema>;

/** `content/entities.yaml`: the bodies the archive holds reports of, and how they changed. */
export const RegisterSchema = z.strictObject({
	kinds: z.record(EntityIdSchema, KindSchema),
	entities: z.array(EntitySchema).min(1),
	changes: z.array(ChangeSchema).default([]),
});
export type Register = z.infer<typeof RegisterSchema>;
