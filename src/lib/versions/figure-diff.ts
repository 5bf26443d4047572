/** What changed between two lists of figures: added, removed, and changed values, ranks and statuses. */
import { roundOff } from '../numbers.ts';
import type { Figure } from '../content/model.ts';

/** The numbers of a figure. */
export const FIGURE_FIELDS = ['value', 'rank', 'of', 'total', 'target'] as const;

/** One field of one figure that differs between two versions. */
export interface FigureChange {
	indicator: string;
	period: number;
	field: (typeof FIGURE_FIELDS)[number] | 'status';
	from: number | string | undefined;
	to: number | string | undefined;
	/** to − from, when both are numbers. */
	delta: number | undefined;
}

export interface FigureDiff {
	changed: FigureChange[];
	added: Figure[];
	removed: Figure[];
}

const figureKey = (f: Figure) => `${f.indicator}@${f.period}`;

/** The figures that differ between two versions: changed fields, and figures added or removed. */
export function diffFigures(before: readonly Figure[], after: readonly Figure[]): FigureDiff {
	const old = new Map(before.map((f) => [figureKey(f), f]));
	const now = new Map(after.map((f) => [figureKey(f), f]));
	const changed: FigureChange[] = [];
	for (const [k, a] of old) {
		const b = now.get(k);
		if (!b) continue;
		for (const field of [...FIGURE_FIELDS, 'status'] as const) {
			const from = a[field];
			const to = b[field];
			if (from === to) continue;
			const delta = typeof from === 'number' && typeof to === 'number' ? roundOff(to - from) : undefined;
			changed.push({ indicator: a.indicator, period: a.period, field, from, to, delta });
		}
	}
	return {
		changed,
		added: after.filter((f) => !old.has(figureKey(f))),
		removed: before.filter((f) => !now.has(figureKey(f))),
	};
}

export function sameFigures(a: readonly Figure[], b: readonly Figure[]): boolean {
	const d = diffFigures(a, b);
	return d.changed.length === 0 && d.added.length === 0 && d.removed.length === 0;
}
