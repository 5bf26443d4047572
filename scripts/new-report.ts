/**
 * `npm run new-report -- 2025`: creates content/reports/2025.mdx from the latest report, as a draft.
 * Refuses to overwrite a report, a year that is not a year, or a year far from the others
 * (unless --force).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contentDir, readContentFiles } from '../src/data/content-files.ts';
import { buildNewReport } from '../src/lib/new-report.ts';
import { validateArchive } from '../src/lib/validate.ts';

const args = process.argv.slice(2);
const force = args.includes('--force');
const year = args.find((a) => a !== '--force');
if (!year) {
	console.error('Say which year: npm run new-report -- 2025');
	process.exit(1);
}
const dir = contentDir();
const files = readContentFiles(dir);
const { archive } = validateArchive(files);
const reportFiles = files.reports.filter((f) => /\/\d{4}\.mdx?$/.test(f.path));
const years = reportFiles.map((f) => Number(f.path.match(/(\d{4})\.mdx?$/)![1]));
const latestYear = Math.max(...years);
const latest = reportFiles.find((f) => f.path.match(/(\d{4})\.mdx?$/)![1] === String(latestYear));
const indicators = archive?.indicators ?? [];
const result = buildNewReport({ year, existing: years, latest: latest && { year: latestYear, text: latest.text }, indicators, today: new Date().toISOString().slice(0, 10), force });
if (!result.ok) {
	console.error(result.error);
	process.exit(1);
}
const path = join(dir, 'reports', `${result.year}.mdx`);
if (existsSync(path)) {
	console.error(`${relative(process.cwd(), path)} already exists — edit that file instead`);
	process.exit(1);
}
writeFileSync(path, result.text, { flag: 'wx' });
console.log(`Created ${relative(process.cwd(), path)} as a draft, with the indicators of ${latestYear}.`);
console.log('Fill in the figures, title, summary and text, then run: npm run check');
