import { describe, expect, test } from 'vitest';
import { localePrefix, pageHref, parseHref } from './paths.ts';

describe('pageHref(base, locale, defaultLocale, route)', () => {
	test.each([
		['/', 'vi', '', '/'],
		['/', 'en', '', '/en/'],
		['/', 'vi', 'reports/2024/', '/reports/2024/'],
		['/', 'en', 'reports/2024/', '/en/reports/2024/'],
		['/annals/', 'en', 'reports/2024/', '/annals/en/reports/2024/'],
		['/annals', 'vi', '/reports/2024/', '/annals/reports/2024/'],
	] as const)('base %s, %s, route %s → %s', (base, locale, route, expected) => {
		expect(pageHref(base, locale, 'vi', route)).toBe(expected);
	});
	test('puts the other language under its code when English is the default', () => {
		expect(pageHref('/', 'vi', 'en', 'reports/2024/')).toBe('/vi/reports/2024/');
		expect(localePrefix('en', 'en')).toBe('');
	});
});

describe('parseHref(base, defaultLocale, pathname)', () => {
	test.each([
		['/', '/reports/2024/', 'vi', 'reports/2024/'],
		['/', '/en/reports/2024/', 'en', 'reports/2024/'],
		['/annals/', '/annals/en/', 'en', ''],
		['/annals/', '/annals/', 'vi', ''],
		['/', '/english/', 'vi', 'english/'],
	] as const)('base %s, %s → %s %s', (base, pathname, locale, route) => {
		expect(parseHref(base, 'vi', pathname)).toEqual({ locale, route });
	});
	test('round-trips with pageHref', () => {
		for (const locale of ['vi', 'en'] as const) {
			const href = pageHref('/annals/', locale, 'vi', 'reports/2023/');
			expect(parseHref('/annals/', 'vi', href)).toEqual({ locale, route: 'reports/2023/' });
		}
	});
});
