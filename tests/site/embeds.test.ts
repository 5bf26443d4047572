/**
 * The embed pages as a host serves them: one per indicator and language, small, framable by any
 * site (only they), kept out of search engines, with the latest series the indicator page shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { builds } from '../setup/site.ts';
import { sample, LINE_ROWS } from '../setup/sample.ts';
import { page } from './html.ts';
import { seriesAsOf, unpackEmbedData, type PackedEmbedData } from '../../src/lib/embed.ts';
import { buildSeries, type SeriesPoint } from '../../src/lib/series.ts';

const { dir } = builds.root;
const indicators = sample.archive.indicators;

/** A page and every script and style it loads, following imports, compressed as a host would. */
function weight(path: string): number {
	const seen = new Set<string>();
	const html = readFileSync(join(dir, path, 'index.html'), 'utf8');
	let total = gzipSync(html).byteLength;
	const queue = [...html.matchAll(/(?:src|href)="\/(_astro\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
	while (queue.length) {
		const file = queue.pop()!;
		if (seen.has(file)) continue;
		seen.add(file);
		const text = readFileSync(join(dir, file), 'utf8');
		total += gzipSync(text).byteLength;
		// Static imports and the ones loaded later (Chart.js when a chart scrolls into view), quoted either way.
		for (const m of text.matchAll(/from\s*["`]\.\/([^"`]+\.js)["`]|import\(["`]\.\/([^"`]+\.js)["`]\)/g)) queue.push(`_astro/${m[1] ?? m[2]}`);
	}
	return total;
}

describe('the embed pages', () => {
	test('every indicator has one in each language, noindex, canonical to its page, with the series the page shows', () => {
		for (const indicator of indicators) {
			for (const prefix of ['', 'en/']) {
				const $ = page(dir, `${prefix}embed/indicators/${indicator.id}/`);
				expect($('meta[name="robots"]').attr('content')).toBe('noindex');
				expect($('link[rel="canonical"]').attr('href')).toBe(`https://annals.example.org/${prefix}indicators/${indicator.id}/`);
				const years = $('[data-embed-rows] th')
					.map((_, th) => $(th).text().trim())
					.get();
				const $page = page(dir, `${prefix}indicators/${indicator.id}/`);
				const shown = $page(LINE_ROWS)
					.map((_, tr) => $page(tr).attr('data-period'))
					.get();
				expect(years, indicator.id).toEqual(shown);
			}
		}
	});

	test('a comparison embed fetches each indicator’s figures of every version: the latest of them is the series the page shows', () => {
		// What the compare view reads of a point.
		const compared = (p: SeriesPoint) => [p.period, p.value, p.reportYear, p.status === 'estimate', p.target, p.rank, p.of, p.decimals?.value];
		for (const indicator of indicators) {
			const data = unpackEmbedData(JSON.parse(readFileSync(join(dir, `embed/figures/${indicator.id}.json`), 'utf8')) as PackedEmbedData);
			const latest = unpackEmbedData(JSON.parse(readFileSync(join(dir, `embed/latest/${indicator.id}.json`), 'utf8')) as PackedEmbedData);
			expect(seriesAsOf(latest, indicator.id).map(compared), indicator.id).toEqual(seriesAsOf(data, indicator.id).map(compared));
			expect(latest.rows.length).toBeLessThanOrEqual(data.rows.length);
			expect(seriesAsOf(data, indicator.id).map(compared), indicator.id).toEqual(
				buildSeries(
					indicator.id,
					sample.archive.reports.filter((r) => !r.draft),
				).map(compared),
			);
			expect(data.versions.length).toBe(sample.archive.reports.flatMap((r) => sample.model.versions(r.year)).length);
		}
	});

	test('weigh at most 100 KB compressed with the chart and every script they load', () => {
		for (const path of ['embed/indicators/grdp_growth/', 'en/embed/indicators/pci/', 'embed/compare/'])
			expect(weight(path), path).toBeLessThanOrEqual(100 * 1024);
	});

	test('load nothing from another site', () => {
		const html = readFileSync(join(dir, 'embed/indicators/grdp_growth/index.html'), 'utf8');
		expect(html).not.toMatch(/(?:src|srcset)="(?:https?:)?\/\//);
		expect(html).not.toMatch(/<link[^>]+rel="(?:stylesheet|preload|modulepreload)"[^>]+href="(?:https?:)?\/\//);
	});

	test('may be framed by any site, and no other page may be framed', () => {
		const rules = readFileSync(join(dir, '_headers'), 'utf8')
			.split('\n\n')
			.map((block) => block.trim().split('\n'))
			.filter((lines) => lines.some((line) => line.includes('Content-Security-Policy')));
		for (const [path, ...headers] of rules) {
			const embed = /^\/(en\/)?embed\/\*$/.test(path!);
			const policy = headers.find((h) => h.includes('Content-Security-Policy'))!;
			expect(policy, path).toContain(embed ? 'frame-ancestors *' : "frame-ancestors 'none'");
			expect(headers.includes('  X-Frame-Options: DENY'), path).toBe(!embed);
		}
		expect(rules.filter(([path]) => /embed/.test(path!)).map(([path]) => path)).toEqual(['/embed/*', '/en/embed/*']);
	});

	test('the indicator page gives the embed code, with a title, for the latest and for each version', () => {
		const $ = page(dir, 'indicators/grdp_growth/');
		expect($('#embed-text').text()).toMatch(
			/^<iframe src="https:\/\/annals\.example\.org\/embed\/indicators\/grdp_growth\/" title="Tốc độ tăng trưởng kinh tế \(GRDP\) · /,
		);
		// The versions to pin to are fetched when the reader reaches the code: every version, oldest first.
		expect($('#embed-pin option').length).toBe(1);
		expect($('annals-embed-code').attr('data-versions')).toBe('/embed/versions.json');
		const listed = (JSON.parse(readFileSync(join(dir, 'embed/versions.json'), 'utf8')) as { year: number; number: number; date: string }[]).map(
			(v) => `${v.year}-${v.number}`,
		);
		const versions = sample.archive.reports.flatMap((r) => sample.model.versions(r.year).map((v) => `${r.year}-${v.number}`));
		expect(new Set(listed)).toEqual(new Set(versions));
		expect(listed).toHaveLength(versions.length);
	});
});
