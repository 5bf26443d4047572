/**
 * `npm run check [-- --lang vi|en] [--format text|github|gitlab|json] [--output FILE]`: validates
 * all content without building the site and prints every problem, in the archive's language unless
 * --lang says otherwise. Exits 1 when there is an error; warnings alone exit 0.
 *
 * --format github prints GitHub Actions annotations, so a commit made in the web editor shows each
 * problem on its line; gitlab writes a Code Quality report; json every problem as data. --output
 * writes the report to a file instead (npm prints its own lines on standard output).
 *
 * With `ANNALS_PUBLISHED` set, every figure of the deployed site must be published again unchanged.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { contentDir, readContentFiles } from '../src/data/content-files.ts';
import { readHistory } from '../src/data/history.ts';
import { readPublished } from '../src/data/published.ts';
import { historyWarning } from '../src/data/validation.ts';
import { checkLanguage, checkMessages } from '../src/i18n/check/index.ts';
import { toGithubAnnotations, toGitlabCodeQuality, toJsonReport } from '../src/lib/validate/report-formats.ts';
import { formatProblems } from '../src/lib/validate/problems.ts';
import { validateArchive } from '../src/lib/validate/validate.ts';

const FORMATS = ['text', 'github', 'gitlab', 'json'] as const;
const { values } = parseArgs({ options: { lang: { type: 'string' }, format: { type: 'string', default: 'text' }, output: { type: 'string' } } });
const format = values.format as (typeof FORMATS)[number];
if (!FORMATS.includes(format)) {
	console.error(`--format ${values.format}: use one of ${FORMATS.join(', ')}`);
	process.exit(2);
}
if (values.lang !== undefined && values.lang !== 'vi' && values.lang !== 'en') {
	console.error(`--lang ${values.lang}: use vi or en`);
	process.exit(2);
}

const files = readContentFiles();
const lang = checkLanguage(files.site.text, values.lang);
const m = checkMessages(lang);
const notes: string[] = [];
const history = readHistory(contentDir());
if (!history.available) notes.push(`${m['format.warning']}${historyWarning(history, lang)}`);
let deployed: Awaited<ReturnType<typeof readPublished>>;
try {
	deployed = await readPublished(lang);
} catch (error) {
	console.log(`${(error as Error).message}`);
	process.exit(1);
}
const { problems } = validateArchive(files, { history, lang, ...(deployed ? { deployed } : {}) });
if (deployed) notes.push(m['deployed.checked'](deployed.figures.length, deployed.source));

let report: string;
if (format === 'github') report = [...notes, ...toGithubAnnotations(problems), formatProblems(problems, lang).split('\n').at(-1)!].join('\n');
else if (format === 'gitlab') report = toGitlabCodeQuality(problems);
else if (format === 'json') report = toJsonReport(problems);
else report = [...notes, problems.length === 0 ? m['format.valid'] : formatProblems(problems, lang)].join('\n');

if (values.output) {
	writeFileSync(values.output, report.endsWith('\n') ? report : `${report}\n`);
	console.log(formatProblems(problems, lang).split('\n').at(-1));
} else {
	process.stdout.write(report.endsWith('\n') ? report : `${report}\n`);
}
process.exitCode = problems.some((p) => p.severity === 'error') ? 1 : 0;
