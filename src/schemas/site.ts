import { z } from 'astro/zod';
import { LocaleSchema, LocalizedTextSchema } from './common.ts';

/** `content/site.yaml`: who publishes the archive and how it is addressed. */
export const SiteSchema = z.strictObject({
	/** The publishing organisation, in both languages. */
	publisher: LocalizedTextSchema,
	/** The archive's title, in both languages. */
	title: LocalizedTextSchema,
	/** One sentence saying what the archive holds, in both languages. */
	description: LocalizedTextSchema,
	/** The language `reports/<year>.mdx` is written in. */
	defaultLocale: LocaleSchema,
	/** The absolute address of the published site; `ARCHIVE_SITE` overrides it. */
	url: z.url(),
	/** Indicator ids shown first on the home page and report pages, in this order. */
	headline: z.array(z.string()).default([]),
});
export type Site = z.infer<typeof SiteSchema>;
