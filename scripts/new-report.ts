/**
 * `npm run new-report -- 2025 [--entity ID] [--lang vi|en] [--force]`: creates content/reports/2025.mdx
 * from the latest report, as a draft, with its comments in the archive's language (or --lang), for
 * the entity of the archive's line that existed at the end of the year (content/entities.yaml), or
 * the one --entity names: an entity beside the line gets its report in its own folder
 * (content/reports/bac_ninh_old/2025.mdx), from its own latest report. Refuses to overwrite a report, a year that is not a year, a year far from
 * the others (unless --force), and a year whose entity cannot be told, listing the entities: it
 * never asks, so scripts and CI never wait.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir, readContentFiles } from '../src/data/content-files.ts';
import { checkLanguage, checkMessages } from '../src/i18n/check/index.ts';
import { buildNewReport } from '../src/lib/new-report.ts';
import { validateArchive } from '../src/lib/validate/validate.ts';
import { existsIn, lineEntityFor } from '../src/lib/entities.ts';
import { reportShelf } from '../src/lib/paths.ts';

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
const list = archive?.register.entities.map((e) => `${e.id} (${e.from ?? '…'} – ${e.until ?? '…'})`).join(', ') ?? '';
// Whose report it is: the archive's line decides; --entity may name the same, or an entity beside
// the line, whose reports go in a folder of their own (reports/bac_ninh_old/).
let shelf = '';
if (archive && values.entity !== undefined && !archive.line.some((e) => e.id === values.entity)) {
	const entity = archive.register.entities.find((e) => e.id === values.entity);
	if (!entity) {
		console.error(m['new.entityUnknown'](values.entity, list));
		process.exit(1);
	}
	// A year the entity did not live is refused first: no other reason to refuse it matters then.
	if (/^\d{4}$/.test(year) && !existsIn(entity, Number(year))) {
		console.error(m['new.entityOutsideDates'](entity.id, Number(year), `${entity.from ?? '…'} – ${entity.until ?? '…'}`));
		process.exit(1);
	}
	shelf = entity.id;
}
// The shelf's own reports: the year before and the indicators come from them.
const reportFiles = files.reports.filter((f) => /\/\d{4}\.mdx?$/.test(f.path) && reportShelf(f.path) === shelf);
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
let entityLine: string | undefined;
if (archive && shelf) {
	const entity = archive.register.entities.find((e) => e.id === shelf)!;
	entityLine = m['new.entityBeside'](entity.name[lang], `reports/${shelf}/`);
} else if (archive && archive.register.changes.length + archive.register.entities.length > 1) {
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
const folder = shelf ? join(dir, 'reports', shelf) : join(dir, 'reports');
const path = join(folder, `${result.year}.mdx`);
if (existsSync(path)) {
	console.error(m['new.exists'](relative(process.cwd(), path)));
	process.exit(1);
}
mkdirSync(folder, { recursive: true });
writeFileSync(path, result.text, { flag: 'wx' });
console.log(m['new.created'](relative(process.cwd(), path), latestYear));
if (entityLine) console.log(entityLine);
console.log(m['new.next']);
