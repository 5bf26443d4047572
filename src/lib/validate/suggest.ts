/**
 * Edit distance between two strings (insertions, deletions, substitutions and swaps of
 * neighbouring letters each cost 1), used to suggest the id an editor meant to type.
 */
import { roundOff } from '../numbers.ts';
export function editDistance(a: string, b: string): number {
	const rows = a.length + 1;
	const cols = b.length + 1;
	const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
	for (let i = 1; i < rows; i++) {
		for (let j = 1; j < cols; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
			d[i]![j] = best;
		}
	}
	return d[a.length]![b.length]!;
}

/**
 * The candidate closest to `word`, or undefined when none is close enough to be a plausible typo
 * (at most a third of the word's letters differ, and never more than 3).
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
	const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const candidate of candidates) {
		const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return bestDistance <= limit ? best : undefined;
}

/**
 * For a percentage above 100, the value with its decimal point moved back into 0–100 that is most
 * likely meant: the one nearest the previous year's figure when there is one (and none when even
 * that one is far from it), else the value / 100.
 */
export function suggestPercent(value: number, previous?: number): number | undefined {
	// Only a figure above 100 looks like a slipped decimal point; a negative share is another mistake.
	if (!(value > 100)) return undefined;
	const candidates = [10, 100, 1000, 10000].map((divisor) => roundOff(value / divisor)).filter((candidate) => candidate <= 100);
	if (candidates.length === 0) return undefined;
	if (previous === undefined) return candidates.find((c) => Math.round(value / c) === 100) ?? candidates[0];
	const nearest = candidates.reduce((best, c) => (Math.abs(c - previous) < Math.abs(best - previous) ? c : best));
	// 150 for a graduation rate of 99.76 last year is no slipped decimal point: 15 would be a guess.
	return Math.abs(nearest - previous) <= Math.max(previous / 2, 1) ? nearest : undefined;
}
