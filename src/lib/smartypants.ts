/**
 * SmartyPants (curly quotes, dashes, ellipses) for Markdown, skipped on documents it would not
 * change.
 *
 * remark-smartypants, which Astro runs on every page, parses all of a document's text into a
 * natural-language tree twice: half the cost of rendering a report, even one with no straight quote,
 * double dash, dotted ellipsis or backtick in it, which is most of them. The plugin below checks for
 * those first and leaves such documents alone, which is exactly what SmartyPants would have done;
 * any other document goes through remark-smartypants unchanged.
 */
import remarkSmartypants from 'remark-smartypants';

/** A Markdown syntax tree node, as much of it as the check reads. */
type Node = { type: string; value?: unknown; children?: Node[] };

/** The characters SmartyPants rewrites: quotes and backticks, and what starts a dash or an ellipsis. */
const REWRITTEN = /["'`]|--|\.\s*\./;

/** Whether any text in the document holds something SmartyPants would rewrite. */
export function needsSmartypants(node: Node): boolean {
	if (node.type === 'text' && typeof node.value === 'string') return REWRITTEN.test(node.value);
	return node.children?.some(needsSmartypants) ?? false;
}

/** remark-smartypants with the same options, run only on documents it would change. */
export default function remarkSmartypantsWhenNeeded(this: ThisParameterType<typeof remarkSmartypants>, ...options: Parameters<typeof remarkSmartypants>) {
	const smartypants = remarkSmartypants.call(this, ...options) as (tree: Node) => void;
	return (tree: Node) => {
		if (needsSmartypants(tree)) smartypants(tree);
	};
}
