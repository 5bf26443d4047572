/** What changed between two versions' texts: paragraphs added and removed, and sentences within a changed paragraph. */
import { diffArrays } from 'diff';

export type DiffPart = { type: 'same' | 'added' | 'removed'; text: string };

/** A changed paragraph as words kept, removed and added; or a paragraph added or removed whole. */
export type TextChange = { type: 'changed'; parts: DiffPart[] } | { type: 'added' | 'removed'; text: string };

/**
 * The longest-common-subsequence steps from one list to another, by jsdiff's `diffArrays`: what is
 * kept, removed and added, in reading order (a removal before the addition that replaces it).
 */
export function lcsDiff<T>(a: readonly T[], b: readonly T[]): { type: 'same' | 'added' | 'removed'; item: T }[] {
	return diffArrays([...a], [...b]).flatMap((change) =>
		change.value.map((item) => ({ type: change.added ? 'added' : change.removed ? 'removed' : 'same', item }) as const),
	);
}

/** A text's paragraphs: blocks between blank lines, trimmed. */
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
