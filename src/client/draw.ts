/**
 * Draws a PlotSpec with Chart.js. Imported only when a chart comes into view, and registers only
 * the parts it uses: the line controller, line and point elements, linear and category scales,
 * tooltips, the legend, the title, and two small plugins of its own (background for PNG export, series-break markers).
 */
import {
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	Title,
	LineController,
	LineElement,
	PointElement,
	SubTitle,
	Tooltip,
	type Plugin,
	type ScriptableLineSegmentContext,
	type TooltipItem,
} from 'chart.js';
import type { PlotSpec } from '../lib/chart-data.ts';
import { labelBeside } from '../lib/label-beside.ts';
import { useStrings } from '../i18n/index.ts';

/** Colours told apart by colour-blind readers (Okabe and Ito), each readable on light and dark backgrounds. */
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
const PALETTE_DARK = ['#56B4E9', '#F0A35E', '#3DCCA1', '#E3A1C8', '#F5C242', '#9AD3F5'];

const background: Plugin<'line'> = {
	id: 'annalsBackground',
	beforeDraw(chart) {
		const { ctx, width, height } = chart;
		ctx.save();
		ctx.fillStyle = getComputedStyle(chart.canvas).getPropertyValue('--bg').trim() || '#ffffff';
		ctx.fillRect(0, 0, width, height);
		ctx.restore();
	},
};

/** The height of one row of markers' labels, in the band kept for them above the plot (drawPlot). */
const LABEL_ROW = 14;
/** Room between the band of labels and the plot. */
const BAND_GAP = 4;
/** The baseline of row `row` of the markers' labels, in the band of `rows` rows just above the plot. */
const labelBaseline = (top: number, rows: number, row: number) => top - BAND_GAP - (rows - row) * LABEL_ROW + 11;

const breakMarkers: Plugin<'line', { years: number[]; labels: string[]; color: string; rows: number }> = {
	id: 'annalsBreaks',
	afterDatasetsDraw(chart, _args, options) {
		const x = chart.scales['x'];
		if (!x || !options.years?.length) return;
		const { ctx, chartArea } = chart;
		ctx.save();
		ctx.strokeStyle = options.color;
		ctx.fillStyle = options.color;
		ctx.setLineDash([4, 4]);
		ctx.font = '12px system-ui, sans-serif';
		options.years.forEach((year, i) => {
			const index = chart.data.labels?.indexOf(String(year)) ?? -1;
			if (index <= 0) return;
			const left = x.getPixelForValue(index - 1);
			const right = x.getPixelForValue(index);
			const mid = (left + right) / 2;
			ctx.beginPath();
			ctx.moveTo(mid, chartArea.top);
			ctx.lineTo(mid, chartArea.bottom);
			ctx.stroke();
			const label = labelBeside(options.labels[i] ?? '', mid, chartArea, (text) => ctx.measureText(text).width);
			if (label) ctx.fillText(label.text, label.x, labelBaseline(chartArea.top, options.rows, 0));
		});
		ctx.restore();
	},
};

/** Events (a merger, a new standard): a solid line where each happened, its label beside it. */
const eventLines: Plugin<'line', { events: { at: number; label: string }[]; color: string; rows: number; row: number }> = {
	id: 'annalsEvents',
	afterDatasetsDraw(chart, _args, options) {
		const x = chart.scales['x'];
		if (!x || !options.events?.length) return;
		const { ctx, chartArea } = chart;
		ctx.save();
		ctx.strokeStyle = options.color;
		ctx.fillStyle = options.color;
		ctx.lineWidth = 1.5;
		ctx.font = '12px system-ui, sans-serif';
		options.events.forEach((event, i) => {
			const below = Math.floor(event.at);
			const left = x.getPixelForValue(below);
			const right = x.getPixelForValue(Math.min(below + 1, (chart.data.labels?.length ?? 1) - 1));
			const at = left + (right - left) * (event.at - below);
			ctx.beginPath();
			ctx.moveTo(at, chartArea.top);
			ctx.lineTo(at, chartArea.bottom);
			ctx.stroke();
			// Labels step down so two events close together stay readable; at the right edge they turn
			// left, and where neither side has room for the whole label it is cut to fit.
			const label = labelBeside(event.label, at, chartArea, (text) => ctx.measureText(text).width);
			if (label) ctx.fillText(label.text, label.x, labelBaseline(chartArea.top, options.rows, options.row + (i % 3)));
		});
		ctx.restore();
	},
};

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip, Legend, Title, SubTitle, background, breakMarkers, eventLines);

function css(el: Element, name: string, fallback: string): string {
	return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

/** Draws (or redraws) a plot on a canvas; returns the chart so callers can destroy it. */
export function drawPlot(canvas: HTMLCanvasElement, plot: PlotSpec, previous?: Chart<'line'>): Chart<'line'> {
	previous?.destroy();
	const theme = document.documentElement.dataset['theme'];
	const dark = theme ? theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
	const palette = dark ? PALETTE_DARK : PALETTE;
	const text = css(canvas, '--fg', '#1b1f24');
	const grid = css(canvas, '--line', '#d0d7de');
	const bg = css(canvas, '--bg', '#ffffff');
	const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
	const number = new Intl.NumberFormat(plot.locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: plot.decimals });
	const show = (v: number) => `${number.format(v)}${plot.percent ? '%' : ''}`;
	// A value written with trailing zeros (30.0) keeps them, as the table beside the chart does.
	const showWritten = (v: number, written: number | null | undefined) =>
		written == null
			? show(v)
			: `${new Intl.NumberFormat(plot.locale === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: written, maximumFractionDigits: Math.max(written, plot.decimals) }).format(v)}${plot.percent ? '%' : ''}`;
	const labels = plot.periods.map(String);
	const datasets = plot.series.flatMap((series, i) => {
		const color = palette[i % palette.length]!;
		const breakAt = (index: number) => series.breaks.includes(plot.periods[index]!);
		const line = {
			type: 'line' as const,
			label: series.label,
			data: series.values,
			written: series.written,
			borderColor: color,
			backgroundColor: color,
			borderWidth: series.secondary ? 1.5 : 2.5,
			// The first-published points are larger, hollow and drawn on top (a lower order draws
			// later): a figure revised by 0.02 would otherwise hide under the current point.
			pointRadius: series.values.map((v, j) => (v === null ? 0 : series.secondary && series.estimate[j] ? 7 : 4.5)),
			order: series.secondary ? -1 : 0,
			pointHoverRadius: 6,
			pointBorderWidth: 2,
			// Estimates are hollow points; final figures are filled.
			pointBackgroundColor: series.estimate.map((e) => (e ? bg : color)),
			pointStyle: series.secondary ? ('rectRot' as const) : ('circle' as const),
			spanGaps: false,
			segment: {
				// A segment into an estimate is dashed; a segment across a series break is not drawn.
				borderDash: (ctx: ScriptableLineSegmentContext) =>
					series.secondary || series.estimate[ctx.p0DataIndex] || series.estimate[ctx.p1DataIndex] ? [6, 4] : undefined,
				borderColor: (ctx: ScriptableLineSegmentContext) => (breakAt(ctx.p1DataIndex) ? 'transparent' : undefined),
			},
		};
		const targets = series.targets?.some((t) => t !== null)
			? [
					{
						type: 'line' as const,
						label: `${series.label} — ${plot.words.target}`,
						data: series.targets,
						showLine: false,
						borderColor: color,
						backgroundColor: color,
						pointStyle: 'crossRot' as const,
						pointRadius: series.targets.map((t) => (t === null ? 0 : 8)),
						pointBorderWidth: 2.5,
					},
				]
			: [];
		return [line, ...targets];
	});
	// One year, or one value: Chart.js would put the point in a corner. Centre it, with room around it.
	const known = plot.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
	const flat = known.length > 0 && Math.min(...known) === Math.max(...known);
	const margin = flat ? Math.max(Math.abs(known[0]!) * 0.1, plot.invert ? 2 : 1) : 0;
	const around = flat
		? plot.invert
			? { min: Math.max(1, Math.floor(known[0]! - margin)), max: Math.ceil(known[0]! + margin) }
			: { suggestedMin: known[0]! - margin, suggestedMax: known[0]! + margin }
		: {};
	// The markers' labels get a band of their own above the plot: drawn over it, a merger's label ran
	// across the lines and points of the years before it, worst on a phone's narrow chart.
	const breakYears = plot.breaks ?? plot.series[0]?.breaks ?? [];
	const eventRows = Math.min(plot.events?.length ?? 0, 3);
	const labelRows = (breakYears.length > 0 ? 1 : 0) + eventRows;
	const band = labelRows > 0 ? labelRows * LABEL_ROW + BAND_GAP : 0;
	const chart = new Chart(canvas, {
		type: 'line',
		data: { labels, datasets },
		options: {
			animation: reduced ? false : { duration: 400 },
			// Without a title, the band is the chart's own top padding (with one, the title's bottom padding).
			layout: { padding: { top: plot.title || plot.subtitle ? 0 : band } },
			maintainAspectRatio: false,
			responsive: true,
			color: text,
			interaction: { mode: 'nearest', intersect: false, axis: 'x' },
			scales: {
				x: { offset: plot.periods.length === 1, ticks: { color: text }, grid: { color: grid } },
				y: {
					reverse: plot.invert,
					ticks: { color: text, callback: (v) => show(Number(v)), ...(plot.invert ? { stepSize: 1 } : {}) },
					grid: { color: grid },
					title: { display: true, text: plot.axis, color: text },
					...(plot.invert ? { min: 1 } : {}),
					...around,
				},
			},
			plugins: {
				title: {
					display: Boolean(plot.title),
					text: plot.title ?? '',
					color: text,
					font: { size: 14, weight: 'bold' },
					align: 'start',
					padding: { top: 10, bottom: 10 + (plot.subtitle ? 0 : band) },
				},
				subtitle: {
					display: Boolean(plot.subtitle),
					text: plot.subtitle ?? '',
					color: text,
					font: { size: 12 },
					align: 'start',
					padding: { bottom: 8 + band },
				},
				legend: { display: datasets.length > 1 || Boolean(plot.legend), position: 'bottom', labels: { color: text, usePointStyle: true } },
				tooltip: {
					callbacks: {
						label: (item: TooltipItem<'line'>) =>
							`${item.dataset.label ?? ''}: ${showWritten(Number(item.raw), (item.dataset as { written?: (number | null)[] }).written?.[item.dataIndex])}`,
					},
				},
				annalsBreaks: { years: breakYears, labels: plot.words.breaks, color: text, rows: labelRows },
				annalsEvents: { events: plot.events ?? [], color: text, rows: labelRows, row: breakYears.length > 0 ? 1 : 0 },
			} as never,
		},
	});
	walkWithKeys(canvas, chart, plot, showWritten);
	return chart;
}

/**
 * A keyboard user moves through the points: ← → from year to year, ↑ ↓ from line to line, Home and
 * End to the first and last year. Each point is shown with its tooltip and read out by screen
 * readers (a polite live region under the chart). Set again on every redraw, for the new chart.
 */
function walkWithKeys(canvas: HTMLCanvasElement, chart: Chart<'line'>, plot: PlotSpec, show: (v: number, written: number | null | undefined) => string) {
	const t = useStrings(plot.locale);
	const box = canvas.parentElement!;
	let live = box.parentElement?.querySelector<HTMLElement>('[data-chart-live]');
	if (!live) {
		live = document.createElement('p');
		live.className = 'visually-hidden';
		live.dataset['chartLive'] = '';
		live.setAttribute('aria-live', 'polite');
		box.after(live);
	}
	canvas.tabIndex = 0;
	// Arrow keys reach the chart, not a screen reader's own reading keys.
	canvas.setAttribute('role', 'application');
	canvas.setAttribute('aria-roledescription', t['chart.role']);
	canvas.setAttribute('aria-label', `${plot.summary} ${t['chart.walk']}`);
	const datasets = chart.data.datasets;
	const has = (d: number, i: number) => datasets[d]?.data[i] !== null && datasets[d]?.data[i] !== undefined;
	let at = { dataset: 0, index: -1 };
	const say = () => {
		const dataset = datasets[at.dataset]!;
		const value = Number(dataset.data[at.index]);
		const series = plot.series.find((s) => s.label === dataset.label);
		const estimate = series?.estimate[at.index] ? ` (${t['figure.estimate']})` : '';
		live!.textContent = `${plot.periods[at.index]}, ${dataset.label}: ${show(value, (dataset as { written?: (number | null)[] }).written?.[at.index])}${estimate}`;
		const active = [{ datasetIndex: at.dataset, index: at.index }];
		chart.setActiveElements(active);
		chart.tooltip?.setActiveElements(active, { x: 0, y: 0 });
		chart.update('none');
	};
	const step = (from: number, by: number) => {
		for (let i = from + by; i >= 0 && i < plot.periods.length; i += by) if (has(at.dataset, i)) return i;
		return from;
	};
	const nearest = (d: number, i: number) => {
		for (let k = 0; k < plot.periods.length; k++) for (const j of [i - k, i + k]) if (has(d, j)) return j;
		return -1;
	};
	const keys = ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End'];
	canvas.onkeydown = (event) => {
		// Only the walking keys: Tab and every other key keep their meaning.
		if (!keys.includes(event.key)) return;
		const last = plot.periods.length;
		if (at.index < 0) {
			const first = datasets.findIndex((_, d) => nearest(d, 0) >= 0);
			if (first < 0) return;
			at = { dataset: first, index: nearest(first, 0) };
		} else if (event.key === 'ArrowRight') at.index = step(at.index, 1);
		else if (event.key === 'ArrowLeft') at.index = step(at.index, -1);
		else if (event.key === 'Home') at.index = step(-1, 1);
		else if (event.key === 'End') at.index = step(last, -1);
		else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
			const by = event.key === 'ArrowDown' ? 1 : -1;
			for (let d = at.dataset + by; d >= 0 && d < datasets.length; d += by) {
				const index = nearest(d, at.index);
				if (index >= 0) {
					at = { dataset: d, index };
					break;
				}
			}
		} else return;
		event.preventDefault();
		if (at.index >= 0 && has(at.dataset, at.index)) say();
	};
	canvas.onblur = () => {
		at = { dataset: 0, index: -1 };
		chart.setActiveElements([]);
		chart.tooltip?.setActiveElements([], { x: 0, y: 0 });
		chart.update('none');
	};
}
