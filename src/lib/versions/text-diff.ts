/** What changed between two versions' texts: paragraphs added and removed, and sentences within a changed paragraph. */
import { diffArrays } from 'diff';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';

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

/**
 * A Markdown text as the reader reads it, one block a paragraph: `~~13,85%~~ **13,87%**` becomes
 * `13,85% 13,87%`, a list item or a table row is a paragraph of its own, and footnote markers and
 * definitions are left out. The diff between versions compares what readers saw, not the
 * Markdown source.
 */
export function markdownToText(markdown: string): string {
	// Prose with nothing Markdown would read as markup is its own text: no parser needed (most
	// paragraphs of a report; parsing one costs about 0.3 ms).
	if (!/[*_~`[\]<>#|\\!&]|^\s*(?:[-+]|\d+[.)])\s/m.test(markdown))
		return paragraphs(markdown)
			.map((p) => p.replace(/\s+/g, ' '))
			.join('\n\n');
	let tree: Root;
	try {
		tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
	} catch {
		return markdown;
	}
	const blocks: string[] = [];
	const walk = (node: Nodes) => {
		if (node.type === 'footnoteDefinition' || node.type === 'html' || node.type === 'code') return;
		if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' || node.type === 'root' || node.type === 'table') {
			for (const child of node.children) walk(child);
			return;
		}
		if (node.type === 'tableRow') {
			blocks.push(node.children.map((cell) => plain(cell)).join(' · '));
			return;
		}
		const text = plain(node);
		if (text) blocks.push(text);
	};
	const plain = (node: Nodes): string => {
		const copy = structuredClone(node);
		const strip = (n: Nodes) => {
			if ('children' in n)
				(n as { children: Nodes[] }).children = (n.children as Nodes[]).filter((c) => c.type !== 'footnoteReference').map((c) => (strip(c), c));
		};
		strip(copy);
		return toString(copy).replace(/\s+/g, ' ').trim();
	};
	walk(tree);
	return blocks.join('\n\n');
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
	// The Markdown paragraphs are compared first, as written: most of a text stays the same from one
	// version to the next, and only the paragraphs that changed are read as text (markdownToText),
	// which at 1,000 reports would otherwise cost 20 s of a build. A paragraph whose words stayed
	// the same while its markup changed is no change for a reader.
	const raw = lcsDiff(paragraphs(before), paragraphs(after));
	const steps: { type: 'same' | 'added' | 'removed'; item: string }[] = [];
	for (const step of raw) {
		if (step.type === 'same') steps.push(step);
		else for (const block of paragraphs(markdownToText(step.item))) steps.push({ type: step.type, item: block });
	}
	// Blocks removed and added with the same words are the same text.
	const removed = steps.filter((s) => s.type === 'removed').map((s) => s.item);
	const added = steps.filter((s) => s.type === 'added').map((s) => s.item);
	const kept = lcsDiff(removed, added)
		.filter((s) => s.type === 'same')
		.map((s) => s.item);
	const unchanged = (item: string) => kept.includes(item);
	const filtered = steps.filter((s) => s.type === 'same' || !unchanged(s.item));
	const changes: TextChange[] = [];
	for (let k = 0; k < filtered.length; k++) {
		const step = filtered[k]!;
		if (step.type === 'same') continue;
		const next = filtered[k + 1];
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
