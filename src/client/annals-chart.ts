/**
 * <annals-chart>: draws one indicator's chart when it scrolls into view. The numbers are already
 * in the HTML table beside it; this only adds the picture. Chart.js is fetched on first view.
 */
import type { ChartSpec, PlotSpec } from '../lib/chart-data.ts';
import { plotIndicator } from '../lib/chart-data.ts';

type Words = PlotSpec['words'] & { latest: string };

class AnnalsChart extends HTMLElement {
	#chart: { destroy(): void } | undefined;
	#drawn: Promise<void> | undefined;

	connectedCallback() {
		for (const hidden of this.querySelectorAll<HTMLElement>('[data-needs-js]')) hidden.hidden = false;
		const observer = new IntersectionObserver(
			(entries) => {
				if (entries.some((e) => e.isIntersecting)) {
					observer.disconnect();
					void this.draw();
				}
			},
			{ rootMargin: '200px' },
		);
		observer.observe(this);
		this.querySelector('[data-show-first]')?.addEventListener('change', () => void this.draw(true));
		this.querySelector('[data-png]')?.addEventListener('click', () => void this.downloadPng());
		const redraw = () => this.#chart && void this.draw(true);
		matchMedia('(prefers-color-scheme: dark)').addEventListener('change', redraw);
		document.addEventListener('annals:theme', redraw);
	}

	disconnectedCallback() {
		this.#chart?.destroy();
	}

	/** Draws the chart, once unless `again`. */
	draw(again = false): Promise<void> {
		if (this.#drawn && !again) return this.#drawn;
		this.#drawn = (async () => {
			const spec = JSON.parse(this.dataset['spec'] ?? '{}') as ChartSpec;
			const words = JSON.parse(this.dataset['words'] ?? '{}') as Words;
			const showFirst = this.querySelector<HTMLInputElement>('[data-show-first]')?.checked ?? false;
			const canvas = this.querySelector('canvas');
			if (!canvas) return;
			const { drawPlot } = await import('./draw.ts');
			this.#chart = drawPlot(canvas, plotIndicator(spec, showFirst, words), this.#chart as never);
			this.dataset['drawn'] = showFirst ? 'first' : 'latest';
		})();
		return this.#drawn;
	}

	/** The chart as a picture that travels on its own: its title and legend, and its source with the page's address under it. */
	async downloadPng() {
		await this.draw();
		const canvas = this.querySelector('canvas');
		if (!canvas) return;
		const link = document.createElement('a');
		link.download = `${this.dataset['name'] ?? 'chart'}.png`;
		link.href = pictureWithSource(canvas, this.dataset['source'] ?? '').toDataURL('image/png');
		link.click();
	}
}

/** The drawn chart (its title and legend are Chart.js's own) with the source line under it, on the page's background. */
export function pictureWithSource(chart: HTMLCanvasElement, source: string): HTMLCanvasElement {
	const scale = chart.width / Math.max(chart.clientWidth, 1);
	const pad = Math.round(12 * scale);
	const line = Math.round(18 * scale);
	const out = document.createElement('canvas');
	out.width = chart.width + 2 * pad;
	out.height = chart.height + 2 * pad + line;
	const ctx = out.getContext('2d')!;
	const style = getComputedStyle(chart);
	ctx.fillStyle = style.getPropertyValue('--bg').trim() || '#ffffff';
	ctx.fillRect(0, 0, out.width, out.height);
	ctx.drawImage(chart, pad, pad);
	ctx.fillStyle = style.getPropertyValue('--muted').trim() || '#57606a';
	ctx.font = `${Math.round(12 * scale)}px system-ui, sans-serif`;
	ctx.fillText(source, pad, chart.height + pad + line * 0.8, out.width - 2 * pad);
	return out;
}

customElements.define('annals-chart', AnnalsChart);
