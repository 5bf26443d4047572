/**
 * Renders the Markdown of an earlier version, which comes from git rather than from a content
 * collection, with the same remark-gfm pipeline as astro.config.mjs.
 */
import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';

let processor: Promise<MarkdownRenderer> | undefined;

/** HTML for a Markdown body, or undefined when it cannot be rendered (say, MDX syntax from long ago). */
export async function renderMarkdown(body: string): Promise<string | undefined> {
	processor ??= createMarkdownProcessor({ remarkPlugins: [remarkGfm], gfm: false });
	try {
		return (await (await processor).render(body)).code;
	} catch {
		return undefined;
	}
}
