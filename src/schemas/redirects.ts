import { z } from 'astro/zod';

/** The message when an address is not one: how the check tells it from an id. */
export const ADDRESS_FORMAT = 'annals:address';

/**
 * An address inside the site, as a reader sees it after the site's base: `/reports/2024/` for a page
 * (ending in a slash), `/data/indicators.csv` for a file. No query, no fragment, no spaces.
 */
export const AddressSchema = z.string().regex(/^\/(?:[^\s?#/][^\s?#]*)?$/, { error: ADDRESS_FORMAT });

/**
 * An address the archive published that now lives elsewhere: the old address keeps answering, with
 * a page that sends the reader on (and `_redirects` for hosts that read it), never with a 404.
 */
export const RedirectSchema = z.strictObject({
	from: AddressSchema,
	to: AddressSchema,
});
export type Redirect = z.infer<typeof RedirectSchema>;

/** `content/redirects.yaml`: a list of moves, optional. */
export const RedirectsSchema = z.array(RedirectSchema);
