import { z } from 'astro/zod';

/** A calendar date written as YYYY-MM-DD. YAML may hand it over as a Date or as a string; both mean the same day. */
export const DateSchema = z.union([z.date(), z.iso.date()]).transform((d) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10)));

/** Text in both languages of the archive. */
export const LocalizedTextSchema = z.strictObject({
	/** The Vietnamese text. */
	vi: z.string().min(1),
	/** The English text. */
	en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** The languages the archive is published in. */
export const LocaleSchema = z.enum(['vi', 'en']);
export type Locale = z.infer<typeof LocaleSchema>;

/** A four-digit calendar year. */
export const YearSchema = z.number().int().min(1000).max(9999);
