/**
 * <annals-compare>: the compare page's picker, charts and year table. The choice lives in the page
 * address (`?i=grdp_growth,iip_growth&from=2022&to=2024`), so it survives reload and the back
 * button and can be shared. Without JavaScript the page keeps its server-rendered default table.
 */
import { chartWords, useStrings, type UiStrings } from '../i18n/index.ts';
import type { PlotSpec } from '../lib/chart-data.ts';
import {
	buildYearRows,
	comparePlots,
	MAX_COMPARED,
	MAX_ENTITIES,
	parseCompareQuery,
	toCompareQuery,
	type CompareData,
	type CompareState,
} from '../lib/compare.ts';
import type { Locale } from '../lib/content/model.ts';
import { asOfLine, findPin, pinOnDate, seriesAsOf, unpackEmbedData, type PackedEmbedData } from '../lib/embed.ts';

class AnnalsCompare extends HTMLElement {
	#data!: CompareData;
	#t!: UiStrings;
	#locale!: Locale;
	#defaults: string[] = [];
	#state!: CompareState;
	#charts: { destroy(): void }[] = [];
	/** An embed's pin, kept in the address when the reader changes the years: `&v=2024-1`. */
	#pinQuery = '';

	connectedCallback() {
		this.#data = JSON.parse(this.dataset['data'] ?? '{}') as CompareData;
		this.#locale = (this.dataset['locale'] ?? 'vi') as Locale;
		this.#t = useStrings(this.#locale);
		this.#defaults = (this.dataset['defaults'] ?? '').split(',');
		for (const el of this.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;
		for (const el of this.querySelectorAll<HTMLElement>('[data-no-js]')) el.hidden = true;
		this.#state = this.#parse(location.search);
		this.#toForm();
		const figuresFrom = this.dataset['figuresFrom'];
		const query = new URLSearchParams(location.search);
		const [key, day] = [query.get('v') || null, query.get('d') || null];
		// The pin stays in the address whatever the reader does while the figures load.
		if (key || day) this.#pinQuery = key ? `&v=${encodeURIComponent(key)}` : `&d=${encodeURIComponent(day!)}`;
		if (figuresFrom) {
			// The year pickers wait for the figures: a choice made before would be drawn from none.
			const pickers = [...this.querySelectorAll<HTMLSelectElement>('select')];
			for (const picker of pickers) picker.disabled = true;
			void this.#figures(figuresFrom, key, day).then((ok) => {
				if (!ok) return;
				for (const picker of pickers) picker.disabled = false;
				this.#toForm();
				this.#render();
			});
		} else this.#render();
		// The year pickers sit by the table, outside the form: listen on the whole element.
		this.addEventListener('change', (event) => this.#onChange(event));
		this.querySelector('form')?.addEventListener('submit', (event) => event.preventDefault());
		window.addEventListener('popstate', () => {
			this.#state = this.#parse(location.search);
			this.#toForm();
			this.#render();
		});
	}

	/**
	 * An embed's figures: every version's figures of the indicators shown, fetched, and each series
	 * as it stands or, pinned to a version (`?v=2024-1`) or a day (`?d=2025-03-01`), as it stood
	 * then, computed as the indicator embed computes its one (src/lib/embed.ts), with the line that
	 * says so. Events after the pin are not marked. A pin the archive does not know leaves the
	 * latest figures, and the line says so; figures that cannot be fetched leave the table the page
	 * came with, and a line says why.
	 */
	async #figures(from: string, key: string | null, day: string | null): Promise<boolean> {
		const asOf = this.querySelector('[data-embed-as-of]')!;
		const pinned = key !== null || day !== null;
		// The latest figures need each report's current version only; a pin needs every version.
		const folder = pinned ? 'figures' : 'latest';
		const settled = await Promise.allSettled(
			this.#state.ids.map(async (id) => {
				const response = await fetch(`${from}${folder}/${encodeURIComponent(id)}.json`);
				if (!response.ok) throw new Error(`${response.status} ${response.url}`);
				return [id, unpackEmbedData((await response.json()) as PackedEmbedData)] as const;
			}),
		);
		const fetched = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
		if (fetched.length === 0) {
			// Nothing to draw: the table the page came with stays, and nothing redraws it from no figures.
			this.querySelector<HTMLElement>('[data-charts]')!.hidden = true;
			for (const picker of this.querySelectorAll<HTMLElement>('select')) picker.closest('.form-row')?.setAttribute('hidden', '');
			asOf.textContent = this.#t['embed.notLoaded'];
			return false;
		}
		// Indicators whose figures could not be fetched are left out, and the line says so.
		const missing = this.#state.ids.filter((id) => !fetched.some(([got]) => got === id));
		if (missing.length > 0) this.#state = { ...this.#state, ids: this.#state.ids.filter((id) => !missing.includes(id)) };
		const versions = fetched[0]![1].versions;
		// A day not yet come cannot be pinned: later versions may still change it.
		const pin = key ? findPin({ versions }, key) : pinOnDate({ versions }, day, new Date().toISOString().slice(0, 10));
		for (const [id, data] of fetched) this.#data.series[id] = seriesAsOf(data, id, pin);
		await this.#shelfFigures(from, folder, pin?.date ?? (pinned ? day : null));
		const said = (line: string) => (asOf.textContent = missing.length ? `${line} ${this.#t['embed.partlyLoaded'](missing.length)}` : line);
		if (pinned && !pin) said(this.#t['embed.unknownPin']);
		else if (missing.length) said(asOf.textContent ?? '');
		if (!pin) return true;
		// Pinned, the years end where the pinned figures do: a later year would only show "—".
		const last = Math.max(...fetched.flatMap(([id]) => this.#data.series[id]!.map((p) => p.period)));
		if (Number.isFinite(last) && last < Math.max(...this.#data.years)) {
			this.#data.years = this.#data.years.filter((y) => y <= last);
			this.#state = { ...this.#parse(location.search), ids: this.#state.ids };
		}
		const until = day ?? pin.date;
		if (this.#data.events) for (const [id, events] of Object.entries(this.#data.events)) this.#data.events[id] = events.filter((e) => e.date <= until);
		said(asOfLine({ versions }, this.#locale, pin, key ? undefined : (day ?? undefined)));
		this.dataset['pinned'] = key ?? day!;
		return true;
	}

	/**
	 * The figures of the entities beside the line an embed shows (old Bắc Ninh's), as they stand or,
	 * pinned, as they stood on the pin's day: each of its reports in the version it had then, those
	 * published later left out. Figures that cannot be fetched leave that entity's line empty.
	 */
	async #shelfFigures(from: string, folder: string, until: string | null): Promise<void> {
		const shelves = this.#data.shelves;
		if (!shelves) return;
		const wanted = this.#state.entities.filter((entity) => entity in shelves).flatMap((entity) => this.#state.ids.map((id) => [entity, id] as const));
		await Promise.allSettled(
			wanted.map(async ([entity, id]) => {
				const response = await fetch(`${from}${folder}/${encodeURIComponent(entity)}/${encodeURIComponent(id)}.json`);
				// An indicator the entity never stated has no file: its line stays empty.
				if (!response.ok) return;
				const data = unpackEmbedData((await response.json()) as PackedEmbedData);
				const pin = until === null ? undefined : pinOnDate(data, until, until);
				shelves[entity]![id] = until !== null && !pin ? [] : seriesAsOf(data, id, pin);
			}),
		);
	}

	#parse(search: string): CompareState {
		return parseCompareQuery(
			search,
			this.#data.indicators.map((i) => i.id),
			this.#data.years,
			this.#defaults,
			(this.#data.entities ?? []).map((e) => e.id),
		);
	}

	#onChange(event: Event) {
		// An embed has no picker: its indicators, years and mode stay as the address chose them.
		const picker = this.querySelector('form');
		const checked = picker ? [...picker.querySelectorAll<HTMLInputElement>('input[name="i"]:checked')].map((el) => el.value) : this.#state.ids;
		const message = this.querySelector<HTMLElement>('[data-max]');
		if (checked.length > MAX_COMPARED) {
			(event.target as HTMLInputElement).checked = false;
			if (message) message.textContent = this.#t['compare.max'](MAX_COMPARED);
			return;
		}
		const entities = picker ? [...picker.querySelectorAll<HTMLInputElement>('input[name="e"]:checked')].map((el) => el.value) : this.#state.entities;
		if (entities.length > MAX_ENTITIES) {
			(event.target as HTMLInputElement).checked = false;
			if (message) message.textContent = this.#t['compare.entitiesHint'](MAX_ENTITIES);
			return;
		}
		if (message) message.textContent = '';
		// Entities too keep the order they were picked in.
		const chosenEntities = [...this.#state.entities.filter((id) => entities.includes(id)), ...entities.filter((id) => !this.#state.entities.includes(id))];
		// Keep the order the reader picked them in; new ones go last.
		const ids = [...this.#state.ids.filter((id) => checked.includes(id)), ...checked.filter((id) => !this.#state.ids.includes(id))];
		const value = (name: 'from' | 'to' | 'a' | 'b') => Number(this.querySelector<HTMLSelectElement>(`[name="${name}"]`)?.value ?? this.#state[name]);
		const chosenMode = picker ? picker.querySelector<HTMLInputElement>('input[name="mode"]:checked')?.value : this.#state.mode;
		const mode = chosenMode === 'index' ? 'index' : 'multiples';
		const query = `?i=${ids.join(',')}&from=${value('from')}&to=${value('to')}&mode=${mode}&a=${value('a')}&b=${value('b')}&e=${chosenEntities.join(',')}`;
		this.#state = this.#parse(query);
		const address = toCompareQuery(this.#state, this.#data.years);
		history.pushState(null, '', `${location.pathname}${address}${this.#pinQuery}`);
		this.#toForm();
		this.#render();
		// The embed code of this view follows the choice (src/client/annals-embed-code.ts).
		window.dispatchEvent(new Event('annals:compare'));
	}

	#toForm() {
		for (const box of this.querySelectorAll<HTMLInputElement>('input[name="i"]')) box.checked = this.#state.ids.includes(box.value);
		for (const box of this.querySelectorAll<HTMLInputElement>('input[name="e"]')) box.checked = this.#state.entities.includes(box.value);
		const years = this.#data.years.map(String);
		for (const name of ['from', 'to', 'a', 'b'] as const) {
			const select = this.querySelector<HTMLSelectElement>(`[name="${name}"]`);
			if (!select) continue;
			// The page carries the chosen year alone; the choices are the years there are figures for (a pin's end where its figures do).
			if (select.options.length !== years.length || [...select.options].some((option, i) => option.value !== years[i]))
				select.replaceChildren(...years.map((year) => new Option(year, year)));
			select.value = String(this.#state[name]);
		}
		for (const radio of this.querySelectorAll<HTMLInputElement>('input[name="mode"]')) radio.checked = radio.value === this.#state.mode;
	}

	#render() {
		this.dataset['state'] = toCompareQuery(this.#state, this.#data.years);
		this.#renderTable();
		this.#renderCharts();
	}

	#renderTable() {
		const t = this.#t;
		const rows = buildYearRows(this.#data, this.#state, this.#locale, { notComparable: t['figure.break'], missing: '—', verdict: (v) => t[`verdict.${v}`] });
		const table = this.querySelector('[data-year-table]')!;
		table.querySelector('[data-caption-years]')!.textContent = `${this.#state.a} → ${this.#state.b}`;
		table.querySelector('[data-col="a"]')!.textContent = String(this.#state.a);
		table.querySelector('[data-col="b"]')!.textContent = String(this.#state.b);
		const body = table.querySelector('tbody')!;
		body.replaceChildren(
			...rows.map((row) => {
				const tr = document.createElement('tr');
				tr.dataset['indicator'] = row.id;
				const th = document.createElement('th');
				th.scope = 'row';
				th.textContent = row.label;
				tr.append(th);
				// Each cell names its column, for the stacked rows of a phone's screen.
				const labels = [String(this.#state.a), String(this.#state.b), t['compare.absolute'], t['compare.relative']];
				[row.a, row.b, row.change, row.relative].forEach((text, i) => {
					const td = document.createElement('td');
					td.className = 'num';
					td.dataset['label'] = labels[i]!;
					td.textContent = text;
					tr.append(td);
				});
				const td = document.createElement('td');
				td.dataset['label'] = t['compare.assessment'];
				const span = document.createElement('span');
				span.className = 'change';
				span.dataset['verdict'] = row.verdict;
				span.textContent = row.verdictLabel;
				td.append(span);
				tr.append(td);
				return tr;
			}),
		);
	}

	#plots(): { plots: PlotSpec[]; notes: string[] } {
		const t = this.#t;
		return comparePlots(this.#data, this.#state, this.#locale, {
			chart: chartWords(this.#locale),
			legend: { target: t['chart.target'], first: t['chart.first'], breaks: [] },
			indexAxis: t['compare.indexAxis'],
			noBase: t['compare.noBase'],
			notIndexed: t['compare.notIndexed'],
		});
	}

	#renderCharts() {
		const host = this.querySelector<HTMLElement>('[data-charts]')!;
		for (const chart of this.#charts) chart.destroy();
		this.#charts = [];
		const { plots, notes } = this.#plots();
		this.querySelector('[data-notes]')!.textContent = notes.join(' ');
		host.replaceChildren(
			...plots.map((plot) => {
				const figure = document.createElement('figure');
				figure.className = 'chart';
				const box = document.createElement('div');
				box.className = 'chart-box';
				const canvas = document.createElement('canvas');
				canvas.setAttribute('role', 'img');
				canvas.setAttribute('aria-label', plot.summary);
				box.append(canvas);
				const caption = document.createElement('figcaption');
				caption.className = 'chart-summary';
				caption.textContent = plot.summary;
				figure.append(box, caption);
				const observer = new IntersectionObserver(async (entries) => {
					if (!entries.some((e) => e.isIntersecting)) return;
					observer.disconnect();
					const { drawPlot } = await import('./draw.ts');
					if (canvas.isConnected) this.#charts.push(drawPlot(canvas, plot));
					figure.dataset['drawn'] = 'true';
				});
				observer.observe(figure);
				return figure;
			}),
		);
	}
}

customElements.define('annals-compare', AnnalsCompare);
