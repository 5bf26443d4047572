/** What changed between two versions' texts: paragraphs added and removed, and words within a changed paragraph. */

export type DiffPart = { type: 'same' | 'added' | 'removed'; text: string };

/** A changed paragraph as words kept, removed and added; or a paragraph added or removed whole. */
export type TextChange = { type: 'changed'; parts: DiffPart[] } | { type: 'added' | 'removed'; text: string };

export function lcsDiff<T>(a: readonly T[], b: readonly T[]): { type: 'same' | 'added' | 'removed'; item: T }[] {
	const n = a.length;
	const m = b.length;
	const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
	for (let i = n - 1; i >= 0; i--)
		for (let j = m - 1; j >= 0; j--) table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
	const out: { type: 'same' | 'added' | 'removed'; item: T }[] = [];
	let i = 0;
	let j = 0;
	while (i < n && j < m) {
		if (a[i] === b[j]) {
			out.push({ type: 'same', item: a[i]! });
			i++;
			j++;
		} else if (table[i + 1]![j]! >= table[i]![j + 1]!) {
			out.push({ type: 'removed', item: a[i++]! });
		} else {
			out.push({ type: 'added', item: b[j++]! });
		}
	}
	while (i < n) out.push({ type: 'removed', item: a[i++]! });
	while (j < m) out.push({ type: 'added', item: b[j++]! });
	return out;
}

export function paragraphs(text: string): string[] {
	return text
		.replace(/\r\n/g, '\n')
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean);
}

/**
 * The prose changes between two versions, paragraph by paragraph; a paragraph removed and another
 * added in its place, keeping some sentences, are shown as one changed paragraph, sentence by sentence.
 */
export function diffText(before: string, after: string): TextChange[] {
	const steps = lcsDiff(paragraphs(before), paragraphs(after));
	const changes: TextChange[] = [];
	for (let k = 0; k < steps.length; k++) {
		const step = steps[k]!;
		if (step.type === 'same') continue;
		const next = steps[k + 1];
		// A paragraph replaced by another that keeps some of its sentences is shown sentence by sentence.
		const sentences = (p: string) => p.split(/(?<=[.!?;:])\s+/);
		const steps2 = step.type === 'removed' && next?.type === 'added' ? lcsDiff(sentences(step.item), sentences(next.item)) : [];
		if (steps2.some((w) => w.type === 'same')) {
			const parts: DiffPart[] = steps2.map((w) => ({ type: w.type, text: w.item }));
			changes.push({ type: 'changed', parts });
			k++;
		} else {
			changes.push({ type: step.type, text: step.item });
		}
	}
	return changes;
}
