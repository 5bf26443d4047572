/**
 * The README's benchmark tables, generated from the benchmark's JSON: `npm run bench -- --json
 * docs/bench.json --readme` writes both; `node scripts/bench/readme.ts docs/bench.json` rewrites the
 * README from a JSON already there. Only the text between the two markers is replaced.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { budgetsTable, measuresTable, type BenchResult } from './budgets.ts';

export const BEGIN = '<!-- bench:begin — generated from docs/bench.json by scripts/bench/readme.ts; do not edit by hand -->';
export const END = '<!-- bench:end -->';

/** The generated section: where and when it was measured, each budget beside its figure, every measure. */
export function benchSection(result: BenchResult, jsonPath = 'docs/bench.json'): string {
	const { machine } = result;
	return [
		BEGIN,
		'',
		`Measured on ${result.date} on a machine with ${machine.cpus} cores and ${(machine.memoryBytes / 2 ** 30).toFixed(0)} GiB, Node ${machine.node}, otherwise idle; the JSON is [\`${jsonPath}\`](${jsonPath}).`,
		'',
		budgetsTable(result),
		'',
		measuresTable(result),
		'',
		END,
	].join('\n');
}

/** The README with its section replaced; throws when the markers are missing. */
export function withBenchSection(readme: string, section: string): string {
	const begin = readme.indexOf(BEGIN);
	const end = readme.indexOf(END);
	if (begin === -1 || end === -1 || end < begin) throw new Error(`The README has no benchmark section: add the lines\n${BEGIN}\n${END}`);
	return `${readme.slice(0, begin)}${section}${readme.slice(end + END.length)}`;
}

export function writeReadme(readmePath: string, result: BenchResult, jsonPath?: string): void {
	writeFileSync(readmePath, withBenchSection(readFileSync(readmePath, 'utf8'), benchSection(result, jsonPath)));
}

if (import.meta.main) {
	const json = process.argv[2] ?? 'docs/bench.json';
	writeReadme(resolve(import.meta.dirname, '../../README.md'), JSON.parse(readFileSync(resolve(process.cwd(), json), 'utf8')) as BenchResult, json);
}
