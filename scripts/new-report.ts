/**
 * `npm run new-report -- 2025 [--entity ID] [--lang vi|en] [--force]`: creates content/reports/2025.mdx
 * from the latest report, as a draft, with its comments in the archive's language (or --lang), for
 * the entity of the archive's line that existed at the end of the year (content/entities.yaml), or
 * the one --entity names. Refuses to overwrite a report, a year that is not a year, a year far from
 * the others (unless --force), and a year whose entity cannot be told, listing the entities: it
 * never asks, so scripts and CI never wait.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir, readContentFiles } from '../src/data/content-files.ts';
import { checkLanguage, checkMessages } from '../src/i18n/check/index.ts';
import { buildNewReport } from '../src/lib/new-report.ts';
import { validateArchive } from '../src/lib/validate/validate.ts';
import { lineEntityFor } from '../src/lib/entities.ts';

const { values, positionals } = parseArgs({
	options: { force: { type: 'boolean', default: false }, lang: { type: 'string' }, entity: { type: 'string' } },
	allowPositionals: true,
});
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
// Whose report it is: the archive's line decides; --entity may only name the same.
let entityLine: string | undefined;
if (archive && archive.register.changes.length + archive.register.entities.length > 1) {
	const list = archive.register.entities.map((e) => `${e.id} (${e.from ?? '…'} – ${e.until ?? '…'})`).join(', ');
	const entity = lineEntityFor(archive.line, result.year);
	if (!entity) {
		console.error(m['new.noEntity'](result.year, list));
		process.exit(1);
	}
	if (values.entity !== undefined && values.entity !== entity.id) {
		console.error(m['new.entityRefused'](values.entity, result.year, archive.line.map((e) => e.id).join(' ← ')));
		process.exit(1);
	}
	entityLine = m['new.entity'](entity.name[lang]);
}
const path = join(dir, 'reports', `${result.year}.mdx`);
if (existsSync(path)) {
	console.error(m['new.exists'](relative(process.cwd(), path)));
	process.exit(1);
}
writeFileSync(path, result.text, { flag: 'wx' });
console.log(m['new.created'](relative(process.cwd(), path), latestYear));
if (entityLine) console.log(entityLine);
console.log(m['new.next']);
