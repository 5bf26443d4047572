/**
 * The archive is read once: the content check's result is what pages, downloads, feed and cards
 * read (src/data/validation.ts). Two module instances (Astro's content layer, then the pages) get
 * the same objects, and the git history is read once per state of the content.
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readHistory } from '../../src/data/history.ts';
import { checkedContent } from '../../src/data/validation.ts';
import type { History } from '../../src/lib/versions/history.ts';

const dir = join(import.meta.dirname, '../../content');
const quiet = { warn: () => undefined, error: () => undefined, info: () => undefined };

test('the checked archive, its history and its versions are read once, and shared', () => {
	let reads = 0;
	const counting = (d: string): History => {
		reads++;
		return readHistory(d);
	};
	const first = checkedContent(dir, counting, quiet);
	const again = checkedContent(dir, counting, quiet);
	expect(reads).toBeLessThanOrEqual(1);
	expect(again.archive).toBe(first.archive);
	expect(again.model).toBe(first.model);
	expect(again.history).toBe(first.history);
});

test("each report's current version holds the very figure objects the checks produced", () => {
	const { archive, model } = checkedContent(dir, readHistory, quiet);
	const published = archive.reports.filter((r) => !r.draft);
	expect(published.length).toBeGreaterThan(0);
	for (const report of published) {
		const current = model.versions(report.year).at(-1)!;
		expect(current.current).toBe(true);
		expect(current.state.ok && current.state.figures, String(report.year)).toBe(report.figures);
	}
});
