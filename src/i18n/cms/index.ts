/** The editing form's words in each language of the archive; vi.ts is typed by en.ts. */
import type { Locale } from '../../schemas/common.ts';
import { en, type CmsWords } from './en.ts';
import { vi } from './vi.ts';

export type { CmsWords } from './en.ts';

const dictionaries: Record<Locale, CmsWords> = { vi, en };

/** The editing form's words in a language. */
export function cmsWords(locale: Locale): CmsWords {
	return dictionaries[locale];
}
