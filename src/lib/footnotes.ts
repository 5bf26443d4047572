/**
 * Footnotes in the text's own language. remark-gfm's footnotes come with English words (a
 * "Footnotes" heading and "Back to reference 1" links for screen readers), whatever the language
 * of the report. These put the words of the language the text is written in.
 */
import { useStrings } from '../i18n/index.ts';
import type { Locale } from './content/model.ts';

interface HastNode {
	type: string;
	tagName?: string;
	properties?: Record<string, unknown>;
	children?: HastNode[];
	value?: string;
}

/** The reference a back link returns to: "1", or "1-2" for the second use of footnote 1. */
const reference = (label: unknown) => (typeof label === 'string' ? (/(\d+(?:-\d+)?)$/.exec(label)?.[1] ?? '') : '');

/** Rewrites the footnote words in an HTML tree (rehype), in place. */
export function localizeFootnoteTree(tree: HastNode, locale: Locale): void {
	const t = useStrings(locale);
	const visit = (node: HastNode) => {
		if (node.type === 'element' && node.tagName === 'h2' && node.properties?.['id'] === 'footnote-label')
			node.children = [{ type: 'text', value: t['footnotes.label'] }];
		if (node.type === 'element' && node.tagName === 'a' && node.properties && 'dataFootnoteBackref' in node.properties) {
			node.properties['ariaLabel'] = t['footnotes.back'](reference(node.properties['ariaLabel']));
		}
		node.children?.forEach(visit);
	};
	visit(tree);
}

/**
 * A rehype plugin for Astro's Markdown and MDX: the language of each report file from its name
 * (`2024.en.mdx` is English), else the archive's own language.
 */
export function rehypeLocalizedFootnotes(options: { defaultLocale: Locale }) {
	return (tree: HastNode, file: { path?: string; history?: string[] }) => {
		const path = file.path ?? file.history?.[0] ?? '';
		const match = /\.(vi|en)\.mdx?$/.exec(path);
		localizeFootnoteTree(tree, (match?.[1] as Locale | undefined) ?? options.defaultLocale);
	};
}

/** The same for HTML already rendered (an earlier version's text, rendered on a worker). */
export function localizeFootnoteHtml(html: string, locale: Locale): string {
	const t = useStrings(locale);
	return html
		.replace(/(<h2 [^>]*id="footnote-label"[^>]*>)Footnotes(<\/h2>)/, `$1${t['footnotes.label']}$2`)
		.replace(
			/(data-footnote-backref="" aria-label=")Back to reference (\d+(?:-\d+)?)(")/g,
			(_, start: string, ref: string, end: string) => `${start}${t['footnotes.back'](ref)}${end}`,
		);
}
