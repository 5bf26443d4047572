/**
 * `npm run new-report -- 2025 [--lang vi|en] [--force]`: creates content/reports/2025.mdx from the
 * latest report, as a draft, with its comments in the archive's language (or --lang). Refuses to
 * overwrite a report, a year that is not a year, or a year far from the others (unless --force).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir, readContentFiles } from '../src/data/content-files.ts';
import { checkLanguage, checkMessages } from '../src/i18n/check/index.ts';
import { buildNewReport } from '../src/lib/new-report.ts';
import { validateArchive } from '../src/lib/validate/validate.ts';

const { values, positionals } = parseArgs({ options: { force: { type: 'boolean', default: false }, lang: { type: 'string' } }, allowPositionals: true });
const dir = contentDir();
const files = readContentFiles(dir);
const lang = checkLanguage(files.site.text, values.lang);
const m = checkMessages(lang);
const year = positionals[0];
if (!year) {
	console.error(m['new.noYear']);
	process.exit(1);
}
const { archive } = validateArchive(files);
const reportFiles = files.reports.filter((f) => /\/\d{4}\.mdx?$/.test(f.path));
const years = reportFiles.map((f) => Number(f.path.match(/(\d{4})\.mdx?$/)![1]));
const latestYear = Math.max(...years);
const latest = reportFiles.find((f) => f.path.match(/(\d{4})\.mdx?$/)![1] === String(latestYear));
const indicators = archive?.indicators ?? [];
const result = buildNewReport(
	{
		year,
		existing: years,
		latest: latest && { year: latestYear, text: latest.text },
		indicators,
		today: new Date().toISOString().slice(0, 10),
		force: values.force,
	},
	m,
	lang,
);
if (!result.ok) {
	console.error(result.error);
	process.exit(1);
}
const path = join(dir, 'reports', `${result.year}.mdx`);
if (existsSync(path)) {
	console.error(m['new.exists'](relative(process.cwd(), path)));
	process.exit(1);
}
writeFileSync(path, result.text, { flag: 'wx' });
console.log(m['new.created'](relative(process.cwd(), path), latestYear));
console.log(m['new.next']);
