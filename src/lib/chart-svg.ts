/**
 * An indicator's chart as a picture that travels on its own (SVG, and PNG drawn from it at build
 * time): a headline title, a statistical subtitle, the unit, the line with estimates hollow and
 * dashed, targets as ✕, no line across a series break, a legend, and the source with the page's
 * address. Drawn from the same ChartSpec as the page's chart, with no script, so it also serves the
 * printed sheet and readers without JavaScript.
 */
import type { ChartSpec } from './chart-data.ts';
import type { Indicator } from './content/model.ts';
import { unitWords } from './downloads.ts';
import { useStrings } from '../i18n/index.ts';
import { formatNumber } from './format.ts';
import { wrapText } from './social-image.ts';
import { escapeXml } from './xml.ts';

export interface ChartPictureWords {
	/** The headline: what the chart is about. */
	title: string;
	/** The statistical subtitle: unit, years, what is measured. */
	subtitle: string;
	/** The legend's names. */
	value: string;
	estimate: string;
	target: string;
	/** "Series break in 2023". */
	breakLabel: (year: number) => string;
	/** The line at the foot: the archive, its publisher and the page's address. */
	source: string;
}

export const CHART_WIDTH = 960;
export const CHART_HEIGHT = 560;

/**
 * The picture's frames: `wide` for pages, downloads and print; `narrow` for an embed in a phone's
 * column, where the wide one would shrink its words to 5 px. Same font sizes, fewer words a line,
 * fewer year labels.
 */
const FRAMES = {
	wide: { width: CHART_WIDTH, height: CHART_HEIGHT, title: 60, subtitle: 100, source: 120, sourceLines: 2, years: 14, values: 14 },
	narrow: { width: 480, height: 600, title: 30, subtitle: 50, source: 62, sourceLines: 4, years: 6, values: 7 },
} as const;
export type ChartFrame = keyof typeof FRAMES;

/** Round steps for an axis between `low` and `high`: about five ticks at 1, 2 or 5 × 10ⁿ. */
export function niceTicks(low: number, high: number, count = 5): number[] {
	if (low === high) {
		const pad = Math.abs(low) || 1;
		return niceTicks(low - pad / 2, high + pad / 2, count);
	}
	const raw = (high - low) / count;
	const power = 10 ** Math.floor(Math.log10(raw));
	const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
	const first = Math.floor(low / step) * step;
	const ticks: number[] = [];
	for (let v = first; v <= high + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
	if (ticks.at(-1)! < high) ticks.push(Number((ticks.at(-1)! + step).toPrecision(12)));
	return ticks;
}

const COLOUR = '#1d4e89';
/** One colour per entity's line, the first the one line's own. */
const COLOURS = [COLOUR, '#c2571a', '#1a7f5a', '#8a3fa0'];
const MUTED = '#5b6472';

/** The chart as SVG markup, `CHART_WIDTH` × `CHART_HEIGHT` (or the narrow frame's size). */
export function chartSvg(spec: ChartSpec, words: ChartPictureWords, frameName: ChartFrame = 'wide'): string {
	const frame = FRAMES[frameName];
	const [WIDTH, HEIGHT] = [frame.width, frame.height];
	const narrow = frameName === 'narrow';
	const side = narrow ? 16 : 40;
	const title = wrapText(words.title, frame.title, narrow ? 3 : 2);
	const subtitle = wrapText(words.subtitle, frame.subtitle, narrow ? 3 : 2);
	// An address is one long word: cut it where the frame ends rather than let it run off the picture.
	const source = wrapText(breakLongWords(words.source, frame.source), frame.source, frame.sourceLines);
	const top = 40 + title.length * 34 + subtitle.length * 24 + 20;
	// The legend: what each mark means, only for marks the chart has, in rows that fit the frame.
	// The lines: the one series, or one per entity (chart-data.ts), each in its own colour and named.
	const lines = (spec.entities ?? [{ label: words.value, values: spec.values, estimate: spec.estimate, written: spec.written, breaks: spec.breaks }]).map(
		(line, k) => ({
			...line,
			colour: COLOURS[k % COLOURS.length]!,
		}),
	);
	const marks: { label: string; mark: (x: number, y: number) => string }[] = lines.map((line) => ({
		label: line.label,
		mark: (lx, ly) => `<circle cx="${lx + 10}" cy="${ly}" r="6" fill="${line.colour}"/>`,
	}));
	if (lines.some((line) => line.estimate.some(Boolean)))
		marks.push({ label: words.estimate, mark: (lx, ly) => `<circle cx="${lx + 10}" cy="${ly}" r="6" fill="#ffffff" stroke="${COLOUR}" stroke-width="2.5"/>` });
	if (spec.targets.some((t) => t !== null))
		marks.push({
			label: words.target,
			mark: (lx, ly) => `<path d="M${lx + 4} ${ly - 6}L${lx + 16} ${ly + 6}M${lx + 4} ${ly + 6}L${lx + 16} ${ly - 6}" stroke="#b3261e" stroke-width="2.5"/>`,
		});
	for (const year of spec.breaks)
		marks.push({
			label: words.breakLabel(year),
			mark: (lx, ly) => `<line x1="${lx + 10}" x2="${lx + 10}" y1="${ly - 9}" y2="${ly + 9}" stroke="${MUTED}" stroke-dasharray="2 4"/>`,
		});
	const placed: { x: number; row: number; label: string; mark: (x: number, y: number) => string }[] = [];
	let [lx, row] = [side, 0];
	for (const item of marks) {
		const width = Math.min(50 + item.label.length * 8, WIDTH - 2 * side);
		if (lx > side && lx + width - 20 > WIDTH - side) [lx, row] = [side, row + 1];
		placed.push({ ...item, x: lx, row });
		lx += width;
	}
	const sourceY = HEIGHT - 26 - (source.length - 1) * 18;
	const legendY = sourceY - 52 - row * 26;
	const knownOf = (values: readonly (number | null)[]) => values.flatMap((v, i) => (v === null ? [] : [{ v, i }]));
	const points = lines.flatMap((line) => knownOf(line.values));
	const all = [...points.map((k) => k.v), ...spec.targets.filter((t): t is number => t !== null)];
	const rank = spec.kind === 'rank';
	const low = rank ? 1 : Math.min(...all, ...(spec.unit === 'percent_change' || all.every((v) => v >= 0) ? [0] : []));
	const ticks = all.length ? niceTicks(low, Math.max(...all)) : [0, 1];
	const [min, max] = [ticks[0]!, ticks.at(-1)!];
	const show = (v: number) => formatNumber(v, spec.locale, rank ? 0 : spec.decimals);
	// The narrow frame's left margin fits its widest axis number ("800.000"), about 8 px a character at 14 px.
	const widest = Math.max(...ticks.map((tick) => show(tick).length));
	const plot = { left: narrow ? Math.max(44, 18 + widest * 8) : 88, right: WIDTH - (narrow ? 20 : 40), top, bottom: legendY - 46 };
	const n = spec.periods.length;
	const x = (i: number) => (n <= 1 ? (plot.left + plot.right) / 2 : plot.left + 24 + (i * (plot.right - plot.left - 48)) / (n - 1));
	const y = (v: number) => {
		const share = (v - min) / (max - min || 1);
		return rank ? plot.top + share * (plot.bottom - plot.top) : plot.bottom - share * (plot.bottom - plot.top);
	};
	const parts: string[] = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="Noto Sans, Arial, sans-serif" role="img" aria-label="${escapeXml(`${words.title}. ${words.subtitle}`)}">`,
		`<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
		...title.map((line, i) => `<text x="${side}" y="${56 + i * 34}" font-size="26" font-weight="700" fill="#1b1f24">${escapeXml(line)}</text>`),
		...subtitle.map((line, i) => `<text x="${side}" y="${56 + title.length * 34 + i * 24 - 6}" font-size="17" fill="${MUTED}">${escapeXml(line)}</text>`),
	];
	// The value axis: gridlines and their numbers; the unit is named in the subtitle.
	for (const tick of rank ? ticks.filter((t) => t >= 1) : ticks) {
		parts.push(
			`<line x1="${plot.left}" x2="${plot.right}" y1="${y(tick).toFixed(1)}" y2="${y(tick).toFixed(1)}" stroke="#dde2e8" stroke-width="1"/>`,
			`<text x="${plot.left - 10}" y="${(y(tick) + 5).toFixed(1)}" font-size="14" fill="${MUTED}" text-anchor="end">${escapeXml(show(tick))}</text>`,
		);
	}
	// The years, thinned so their labels never overlap.
	const every = Math.max(1, Math.ceil(n / frame.years));
	spec.periods.forEach((period, i) => {
		if (i % every === 0 || i === n - 1)
			parts.push(`<text x="${x(i).toFixed(1)}" y="${plot.bottom + 24}" font-size="14" fill="${MUTED}" text-anchor="middle">${period}</text>`);
	});
	// Series breaks: a dotted rule, and no line drawn across it.
	for (const year of spec.breaks) {
		const i = spec.periods.indexOf(year);
		if (i <= 0) continue;
		const at = ((x(i) + x(i - 1)) / 2).toFixed(1);
		parts.push(`<line x1="${at}" x2="${at}" y1="${plot.top}" y2="${plot.bottom}" stroke="${MUTED}" stroke-dasharray="2 4"/>`);
	}
	// Events: a solid rule where each happened, its label beside it (to the left near the right edge).
	spec.events.forEach((event, k) => {
		const below = Math.floor(event.at);
		const at = n <= 1 ? x(0) : x(below) + (x(Math.min(below + 1, n - 1)) - x(below)) * (event.at - below);
		const right = at + 6 + event.label.length * 7.5 > plot.right;
		// A label longer than the room on its side is shortened: the page lists every event in full.
		const room = Math.floor(((right ? at - plot.left : plot.right - at) - 6) / 7.5);
		const label = event.label.length > room ? `${event.label.slice(0, Math.max(room - 1, 1)).trimEnd()}…` : event.label;
		parts.push(
			`<line x1="${at.toFixed(1)}" x2="${at.toFixed(1)}" y1="${plot.top}" y2="${plot.bottom}" stroke="#6b4c9a" stroke-width="1.5"/>`,
			`<text x="${(at + (right ? -6 : 6)).toFixed(1)}" y="${plot.top + 16 + (k % 3) * 16}" font-size="13" fill="#6b4c9a"${right ? ' text-anchor="end"' : ''}>${escapeXml(label)}</text>`,
		);
	});
	for (const line of lines) {
		const known = knownOf(line.values);
		const colour = line.colour;
		// The line: consecutive years only, dashed where either end is an estimate.
		for (let k = 1; k < known.length; k++) {
			const [a, b] = [known[k - 1]!, known[k]!];
			if (b.i !== a.i + 1 || line.breaks.includes(spec.periods[b.i]!)) continue;
			const dashed = line.estimate[a.i] || line.estimate[b.i];
			parts.push(
				`<line x1="${x(a.i).toFixed(1)}" y1="${y(a.v).toFixed(1)}" x2="${x(b.i).toFixed(1)}" y2="${y(b.v).toFixed(1)}" stroke="${colour}" stroke-width="3"${dashed ? ' stroke-dasharray="8 6"' : ''}/>`,
			);
		}
		// Points and their values: filled when final, hollow when an estimate.
		for (const { v, i } of known) {
			const hollow = line.estimate[i];
			parts.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="6" fill="${hollow ? '#ffffff' : colour}" stroke="${colour}" stroke-width="2.5"/>`);
			if (points.length > frame.values) continue;
			const written = line.written?.[i];
			const label = rank ? show(v) : formatNumber(v, spec.locale, written ?? spec.decimals, written != null ? { minimumFractionDigits: written } : {});
			// Under the point when a target's cross sits just above it.
			const target = spec.targets[i];
			const below = target != null && y(target) < y(v) && y(v) - y(target) < 28;
			parts.push(
				`<text x="${x(i).toFixed(1)}" y="${(y(v) + (below ? 26 : -14)).toFixed(1)}" font-size="14" fill="#1b1f24" text-anchor="middle">${escapeXml(label)}</text>`,
			);
		}
	}
	// Targets: a cross.
	spec.targets.forEach((target, i) => {
		if (target === null) return;
		const [cx, cy] = [x(i), y(target)];
		parts.push(`<path d="M${cx - 6} ${cy - 6}L${cx + 6} ${cy + 6}M${cx - 6} ${cy + 6}L${cx + 6} ${cy - 6}" stroke="#b3261e" stroke-width="2.5"/>`);
	});
	for (const item of placed) {
		const ly = legendY + item.row * 26;
		parts.push(`${item.mark(item.x, ly)}<text x="${item.x + 30}" y="${ly + 5}" font-size="15" fill="#1b1f24">${escapeXml(item.label)}</text>`);
	}
	parts.push(...source.map((line, i) => `<text x="${side}" y="${sourceY + i * 18}" font-size="14" fill="${MUTED}">${escapeXml(line)}</text>`), '</svg>');
	return parts.join('');
}

/**
 * A chart's headline and statistical subtitle, as the page and the pictures give them:
 * "Poverty rate, 2022–2024" / "Unit: %. Lowest in 2024 (1.73%), highest in 2022 (3.81%); 3 years with figures."
 */
export function chartHeadings(spec: ChartSpec, indicator: Indicator): { title: string; unit: string; subtitle: string } {
	const t = useStrings(spec.locale);
	const years = spec.periods.length ? (spec.periods.length === 1 ? `${spec.periods[0]}` : `${spec.periods[0]}–${spec.periods.at(-1)}`) : '';
	const unit = spec.kind === 'rank' ? spec.axis : `${t['indicator.unit']}: ${unitWords(indicator, spec.locale)}`;
	return { title: years ? `${spec.label}, ${years}` : spec.label, unit, subtitle: `${unit}. ${spec.summary}` };
}

/** The words of an indicator's chart picture in the spec's language, with its source line. */
export function pictureWords(spec: ChartSpec, indicator: Indicator, source: string): ChartPictureWords {
	const t = useStrings(spec.locale);
	const capital = (text: string) => text.charAt(0).toLocaleUpperCase(spec.locale) + text.slice(1);
	return {
		...chartHeadings(spec, indicator),
		value: spec.kind === 'rank' ? t['indicator.rank'] : t['figure.value'],
		estimate: capital(t['figure.estimate']),
		target: t['chart.target'],
		breakLabel: t['chart.break'],
		source,
	};
}

/** A text with every word longer than `width` cut into pieces of `width` characters, so it can wrap. */
function breakLongWords(text: string, width: number): string {
	return text
		.split(' ')
		.map((word) => (word.length > width ? (word.match(new RegExp(`.{1,${width}}`, 'g')) ?? [word]).join(' ') : word))
		.join(' ');
}
