/**
 * <annals-embed>: an embedded chart. For a pinned address (`?v=2024-1`) it draws the figures as
 * they stood then, from the data the page carries (src/lib/embed-view.ts, as the build drew the
 * latest); and it tells the page that embeds it how tall it is, so the frame fits.
 */
import { useStrings } from '../i18n/index.ts';
import type { Indicator, Locale } from '../lib/content/model.ts';
import type { NamedEvent } from '../lib/chart-data.ts';
import { findPin, pinOnDate, unpackEmbedData, type PackedEmbedData } from '../lib/embed.ts';
import { embedView } from '../lib/embed-view.ts';
import { reportHeight } from './embed-height.ts';

interface Settings {
	/** Where every version's figures of the indicator are: fetched for a pinned address only. */
	figures: string;
	indicator: Indicator;
	locale: Locale;
	source: string;
	events: NamedEvent[];
}

class AnnalsEmbed extends HTMLElement {
	connectedCallback() {
		const settings = JSON.parse(this.querySelector('[data-embed-settings]')!.textContent!) as Settings;
		const query = new URLSearchParams(location.search);
		if (query.get('v') || query.get('d')) void this.#pin(settings, query.get('v'), query.get('d'));
		// The frame follows every change of height, the pinned view's too.
		reportHeight();
	}

	/** Draws the figures as a version (`?v=2024-1`) or a day (`?d=2025-03-01`) left them. */
	async #pin(settings: Settings, key: string | null, day: string | null) {
		const t = useStrings(settings.locale);
		const data = await fetch(settings.figures)
			.then(async (response) => (response.ok ? unpackEmbedData((await response.json()) as PackedEmbedData) : undefined))
			.catch(() => undefined);
		// A day not yet come cannot be pinned: later versions may still change it.
		const pin = data && (key ? findPin(data, key) : pinOnDate(data, day, new Date().toISOString().slice(0, 10)));
		if (!data || !pin) {
			this.querySelector('[data-embed-as-of]')!.textContent = data ? t['embed.unknownPin'] : t['embed.pinNotLoaded'];
			return;
		}
		const view = embedView(data, settings.indicator, settings.locale, settings.source, settings.events, pin, key ? undefined : (day ?? undefined));
		// Markup made here by chart-svg.ts from the page's own data, every text escaped.
		this.querySelector('[data-embed-chart]')!.innerHTML = view.svg;
		this.querySelector('[data-embed-chart-narrow]')!.innerHTML = view.narrowSvg;
		this.querySelector('[data-embed-as-of]')!.textContent = view.asOf;
		this.querySelector('[data-embed-summary]')!.textContent = view.summary;
		this.querySelector('[data-embed-rows]')!.replaceChildren(
			...view.rows.map((row) => {
				const tr = document.createElement('tr');
				const th = document.createElement('th');
				th.scope = 'row';
				th.textContent = String(row.period);
				tr.append(th);
				for (const text of [row.estimate ? `${row.value} (${t['figure.estimate']})` : row.value, row.rank, row.report]) {
					const td = document.createElement('td');
					td.textContent = text;
					tr.append(td);
				}
				return tr;
			}),
		);
		this.dataset['pinned'] = key ?? day ?? '';
	}
}

customElements.define('annals-embed', AnnalsEmbed);
