import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';

/** Parses a built page: `page(dir, 'en/reports/2024/')`. */
export function page(dir: string, route: string): CheerioAPI {
	const file = route.endsWith('.html') ? route : join(route, 'index.html');
	return load(readFileSync(join(dir, file), 'utf8'));
}

/** Text with runs of white space folded to one space (and no-break spaces made plain). */
export function text($: CheerioAPI, selector: string): string {
	return $(selector)
		.text()
		.replace(/[\s\u00a0]+/g, ' ')
		.trim();
}
