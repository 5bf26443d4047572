/**
 * `npm run check`: validates all content without building the site and prints every problem.
 * Exits 1 when there is an error; warnings alone exit 0.
 */
import { contentDir, readContentFiles } from '../src/data/content-files.ts';
import { readHistory } from '../src/data/history.ts';
import { historyWarning } from '../src/data/validation.ts';
import { formatProblems, validateArchive } from '../src/lib/validate.ts';

const history = readHistory(contentDir());
if (!history.available) console.log(`warning: ${historyWarning(history.reason)}`);
const { problems } = validateArchive(readContentFiles(), { history });
if (problems.length === 0) {
	console.log('Content is valid: no errors, no warnings.');
} else {
	console.log(formatProblems(problems));
}
process.exitCode = problems.some((p) => p.severity === 'error') ? 1 : 0;
