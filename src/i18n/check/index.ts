/**
 * The messages of the content checks in each language of the archive. A key missing from one
 * language fails the type check (vi.ts is typed by en.ts).
 */
import type { Locale } from '../../schemas/common.ts';
import { en, type CheckMessages } from './en.ts';
import { vi } from './vi.ts';

export type { CheckMessages } from './en.ts';

const dictionaries: Record<Locale, CheckMessages> = { vi, en };

/** The check's messages in a language. */
export function checkMessages(lang: Locale): CheckMessages {
	return dictionaries[lang];
}

/** The language the checks speak: `--lang` when given, else the archive's default language from site.yaml. */
export function checkLanguage(siteYaml: string | undefined, requested?: string): Locale {
	if (requested === 'vi' || requested === 'en') return requested;
	const match = /^defaultLocale:\s*["']?(vi|en)\b/m.exec(siteYaml ?? '');
	return (match?.[1] as Locale | undefined) ?? 'vi';
}
