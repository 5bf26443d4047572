/**
 * Numbers, units and dates as each language writes them, through `Intl`:
 * `13,85%` in Vietnamese and `13.85%` in English.
 */
import type { Indicator, Locale, Unit } from './content/model.ts';
import { isPercentUnit } from './units.ts';

const INTL_LOCALE: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

/** Unit words after the number; percent is written as a sign, without them. */
const UNIT_WORDS: Record<Unit, Record<Locale, string>> = {
	percent: { vi: '%', en: '%' },
	percent_change: { vi: '%', en: '%' },
	count: { vi: '', en: '' },
	number: { vi: '', en: '' },
	vnd_billion: { vi: 'tỷ đồng', en: 'billion VND' },
	vnd_trillion: { vi: 'nghìn tỷ đồng', en: 'trillion VND' },
	usd: { vi: 'USD', en: 'USD' },
	index_points: { vi: 'điểm', en: 'points' },
	hectares: { vi: 'ha', en: 'ha' },
};

// Building an Intl formatter costs far more than using one, and a large archive formats hundreds of
// thousands of numbers: keep one per language and set of options.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = numberFormats.get(key);
	if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(INTL_LOCALE[locale], options)));
	return format;
}

/** Formats a plain number with at most `decimals` decimals, in the locale's notation. */
export function formatNumber(value: number, locale: Locale, decimals = 2, options: Intl.NumberFormatOptions = {}): string {
	return numberFormat(locale, { maximumFractionDigits: decimals, ...options }).format(value);
}

/** The unit as words for a label or an axis: "%", "tỷ đồng", "communes". */
export function unitLabel(indicator: Pick<Indicator, 'unit' | 'noun'>, locale: Locale): string {
	return indicator.noun?.[locale] ?? UNIT_WORDS[indicator.unit][locale];
}

/**
 * A figure's number with at most the indicator's decimals, or with the decimals it was written with
 * (`written`: 1 for `30.0`, which shows as 30,0), so a figure keeps the precision it was published with.
 */
export function formatFigureNumber(value: number, locale: Locale, decimals: number, written?: number): string {
	return written === undefined
		? formatNumber(value, locale, decimals)
		: formatNumber(value, locale, Math.max(decimals, written), { minimumFractionDigits: written });
}

/**
 * A figure with its unit, `13,85%`, `684.397 tỷ đồng`, `159 xã`, with at most the indicator's
 * decimals, or as many as it was `written` with.
 */
export function formatValue(value: number, indicator: Pick<Indicator, 'unit' | 'noun' | 'decimals'>, locale: Locale, written?: number): string {
	const number = formatFigureNumber(value, locale, indicator.decimals, written);
	if (isPercentUnit(indicator.unit)) return `${number}%`;
	const unit = unitLabel(indicator, locale);
	return unit ? `${number}\u00a0${unit}` : number;
}

/**
 * A change between two figures of one indicator: `+0,40 điểm %` for percentages (points, not
 * percent of percent), `+1.234 tỷ đồng` otherwise; always signed.
 */
export function formatChange(delta: number, indicator: Pick<Indicator, 'unit' | 'noun' | 'decimals'>, locale: Locale): string {
	const number = formatNumber(delta, locale, indicator.decimals, { signDisplay: 'exceptZero' });
	if (isPercentUnit(indicator.unit)) return `${number}\u00a0${locale === 'vi' ? 'điểm %' : 'pp'}`;
	const unit = unitLabel(indicator, locale);
	return unit ? `${number}\u00a0${unit}` : number;
}

/** A relative change, `+12,3%`. */
export function formatPercentChange(ratio: number, locale: Locale): string {
	return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(ratio);
}

/** A rank as "4/63". */
export function formatRank(rank: number, of: number | undefined, locale: Locale): string {
	return of === undefined ? formatNumber(rank, locale, 0) : `${formatNumber(rank, locale, 0)}/${formatNumber(of, locale, 0)}`;
}

/** A calendar date (YYYY-MM-DD) in words: "31 tháng 1 năm 2025" / "31 January 2025". Time zone free. */
export function formatDate(isoDate: string, locale: Locale): string {
	const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
	let format = dateFormats.get(locale);
	if (!format)
		dateFormats.set(locale, (format = new Intl.DateTimeFormat(INTL_LOCALE[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })));
	// Intl writes "31 tháng 1, 2025"; Vietnamese prose writes "31 tháng 1 năm 2025".
	if (locale === 'vi') return `${d} tháng ${m} năm ${y}`;
	return format.format(Date.UTC(y, m - 1, d));
}

/** A file's size for a download link: "850 B", "2,4 KB", "1,3 MB" (Vietnamese) or "2.4 KB" (English). */
export function formatSize(bytes: number, locale: Locale): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, locale, 1)} KB`;
	return `${formatNumber(bytes / 1024 / 1024, locale, 1)} MB`;
}
