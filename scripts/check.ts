/**
 * `npm run check`: validates all content without building the site and prints every problem.
 * Exits 1 when there is an error; warnings alone exit 0. With `ANNALS_PUBLISHED` set, every figure
 * of the deployed site must be published again unchanged.
 */
import { contentDir, readContentFiles } from '../src/data/content-files.ts';
import { readHistory } from '../src/data/history.ts';
import { readPublished } from '../src/data/published.ts';
import { historyWarning } from '../src/data/validation.ts';
import { formatProblems, validateArchive } from '../src/lib/validate.ts';

const history = readHistory(contentDir());
if (!history.available) console.log(`warning: ${historyWarning(history.reason)}`);
let deployed: Awaited<ReturnType<typeof readPublished>>;
try {
	deployed = await readPublished();
} catch (error) {
	console.log(`error: ${(error as Error).message}`);
	process.exit(1);
}
const { problems } = validateArchive(readContentFiles(), { history, ...(deployed ? { deployed } : {}) });
if (deployed) console.log(`Checked against the ${deployed.figures.length} figures deployed at ${deployed.source}.`);
if (problems.length === 0) {
	console.log('Content is valid: no errors, no warnings.');
} else {
	console.log(formatProblems(problems));
}
process.exitCode = problems.some((p) => p.severity === 'error') ? 1 : 0;
