import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';

/** Parses a built page: `page(dir, 'en/reports/2024/')`. */
export function page(dir: string, route: string): CheerioAPI {
	const file = route.endsWith('.html') ? route : join(route, 'index.html');
	return load(readFileSync(join(dir, file), 'utf8'));
}

/**
 * A built PNG decoded back (pngjs): its size, and how many colours a sample of its pixels holds (a
 * drawing has many; a blank or a single colour one).
 */
export function pngOf(dir: string, file: string): { width: number; height: number; colours: number } {
	const png = PNG.sync.read(readFileSync(join(dir, file)));
	const colours = new Set<number>();
	for (let i = 0; i < png.data.length; i += 4 * 97) colours.add(png.data.readUInt32BE(i));
	return { width: png.width, height: png.height, colours: colours.size };
}

/** Text with runs of white space folded to one space (and no-break spaces made plain). */
export function text($: CheerioAPI, selector: string): string {
	return $(selector)
		.text()
		.replace(/[\s\u00a0]+/g, ' ')
		.trim();
}

/** Elements whose children are laid out as blocks: white space between them is not text. */
const BLOCK = new Set(
	'html head body main article section header footer nav aside div p h1 h2 h3 h4 h5 h6 table thead tbody tfoot tr td th caption colgroup ul ol li dl dt dd blockquote figure figcaption details summary form fieldset hr pre script style meta link title noscript template svg'.split(
		' ',
	),
);

const isBlock = (node: AnyNode | null) =>
	!node ||
	(node.type === 'tag' || node.type === 'script' || node.type === 'style'
		? BLOCK.has((node as { name: string }).name)
		: node.type === 'directive' || node.type === 'comment');

/** Removes white space that only separates block elements (never inside <pre> or <textarea>). */
function dropLayoutWhiteSpace($: CheerioAPI) {
	const walk = (node: AnyNode) => {
		const children = 'children' in node ? [...(node.children as AnyNode[])] : [];
		for (const child of children) {
			if (
				child.type === 'text' &&
				/^[ \t\r\n]*$/.test((child as { data: string }).data) &&
				isBlock(child.prev) &&
				isBlock(child.next) &&
				isBlock(child.parent as AnyNode)
			) {
				$(child).remove();
			} else if (child.type === 'tag' && !['pre', 'textarea'].includes((child as { name: string }).name)) {
				walk(child);
			}
		}
	};
	walk($.root()[0]!);
}

/**
 * The document a page's HTML describes, written one way: white space that only separates block
 * elements dropped, empty attributes spelt one way (by the serializer), and Astro's asset names
 * without their content hash.
 */
export function canonicalHtml(html: string): string {
	const $ = load(html);
	dropLayoutWhiteSpace($);
	return $.html().replace(/(\/_astro\/[\w.-]+?)\.[\w-]{8}\.(css|js|woff2|svg|png)/g, '$1.#.$2');
}
