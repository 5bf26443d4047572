/**
 * A tiny trend line as SVG path data. Missing periods split the line (never drawn as zero), and
 * ranks are drawn with 1 at the top.
 */
/**
 * How many periods a small trend shows: the recent years, readable in a few dozen pixels. The
 * indicator pages chart every year; a sparkline of a long archive would only be a smudge.
 */
export const TREND_PERIODS = 12;

/** The last `count` periods of a series sorted by period, up to and including `upTo` (the latest by default). */
export function recentPoints<T extends { period: number }>(
	series: readonly T[],
	upTo: number = series.at(-1)?.period ?? 0,
	count: number = TREND_PERIODS,
): T[] {
	let end = series.length;
	while (end > 0 && series[end - 1]!.period > upTo) end--;
	let start = end;
	while (start > 0 && series[start - 1]!.period > upTo - count) start--;
	return series.slice(start, end);
}

export interface SparkPoint {
	period: number;
	value: number | undefined;
}

export interface Sparkline {
	/** SVG path data; one `M` per unbroken run of periods. */
	path: string;
	/** The last point, to mark it. */
	last: { x: number; y: number } | undefined;
	/** Points with no neighbouring year to join (2022 and 2024 without 2023): drawn as dots, or they would not show. */
	dots: { x: number; y: number }[];
}

/** Draws points into a width × height box, with `pad` pixels of margin. */
export function buildSparkline(points: readonly SparkPoint[], width: number, height: number, options: { invert?: boolean; pad?: number } = {}): Sparkline {
	const pad = options.pad ?? 2;
	const known = points.filter((p): p is { period: number; value: number } => p.value !== undefined && Number.isFinite(p.value));
	if (known.length === 0) return { path: '', last: undefined, dots: [] };
	const periods = points.map((p) => p.period);
	const minP = Math.min(...periods);
	const maxP = Math.max(...periods);
	const values = known.map((p) => p.value);
	const minV = Math.min(...values);
	const maxV = Math.max(...values);
	const x = (period: number) => (maxP === minP ? width / 2 : pad + ((period - minP) / (maxP - minP)) * (width - 2 * pad));
	const y = (value: number) => {
		const share = maxV === minV ? 0.5 : (value - minV) / (maxV - minV);
		const fromTop = options.invert ? share : 1 - share;
		return pad + fromTop * (height - 2 * pad);
	};
	const round = (n: number) => Math.round(n * 10) / 10;
	let path = '';
	let previous: number | undefined;
	for (const p of [...known].sort((a, b) => a.period - b.period)) {
		const command = previous !== undefined && p.period === previous + 1 ? 'L' : 'M';
		path += `${command}${round(x(p.period))} ${round(y(p.value))}`;
		previous = p.period;
	}
	const lastPoint = known.reduce((a, b) => (b.period > a.period ? b : a));
	const has = new Set(known.map((p) => p.period));
	const dots = known
		.filter((p) => p !== lastPoint && !has.has(p.period - 1) && !has.has(p.period + 1))
		.sort((a, b) => a.period - b.period)
		.map((p) => ({ x: round(x(p.period)), y: round(y(p.value)) }));
	return { path, last: { x: round(x(lastPoint.period)), y: round(y(lastPoint.value)) }, dots };
}
