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

	async downloadPng() {
		await this.draw();
		const canvas = this.querySelector('canvas');
		if (!canvas) return;
		const link = document.createElement('a');
		link.download = `${this.dataset['name'] ?? 'chart'}.png`;
		link.href = canvas.toDataURL('image/png');
		link.click();
	}
}

customElements.define('annals-chart', AnnalsChart);
