/**
 * The check of `content/redirects.yaml`, the addresses that moved (issue #19): each entry's shape,
 * and the rules a list of moves must keep on its own. Whether each move leads to a page of the
 * build is known only once the build has written its pages (src/integrations/addresses.ts).
 */
import { RedirectSchema, RedirectsSchema, type Redirect } from '../../schemas/redirects.ts';
import { isPage, type MoveProblem } from '../addresses.ts';
import { keysOf, schemaProblems } from './describe.ts';
import { type ContentFile, m, type Problem } from './problems.ts';
import { parseYaml, position, nodeAt, problemAt } from './yaml.ts';

/** The moves, or none when the file is missing or wrong (its problems are added). */
export function checkRedirects(file: ContentFile | undefined, problems: Problem[]): Redirect[] {
	if (!file) return [];
	const yaml = parseYaml(file.path, file.text, 1, problems);
	if (!yaml) return [];
	// An empty file (or one of comments only) moves nothing.
	const data: unknown = yaml.doc.toJS() ?? [];
	if (!schemaProblems(yaml, RedirectsSchema, data, [], problems, (path) => (path.length === 1 ? keysOf(RedirectSchema) : []))) return [];
	const redirects = RedirectsSchema.parse(data);
	const before = problems.length;
	const firstLine = new Map<string, number>();
	const froms = new Set(redirects.map((r) => r.from));
	redirects.forEach((redirect, i) => {
		const { from, to } = redirect;
		if (from === to) problems.push(problemAt(yaml, [i, 'to'], m['redirects.same'](from)));
		else if (isPage(from) !== isPage(to)) problems.push(problemAt(yaml, [i, 'to'], m['redirects.kind'](from, to)));
		else if (froms.has(to)) problems.push(problemAt(yaml, [i, 'to'], m['redirects.chain'](to)));
		const first = firstLine.get(from);
		if (first !== undefined) problems.push(problemAt(yaml, [i, 'from'], m['redirects.twice'](from, first)));
		else firstLine.set(from, position(yaml, nodeAt(yaml, [i]).node).line);
	});
	return problems.length === before ? redirects : [];
}

/**
 * The problems of the moves against the build, each at its entry in the file: `problems` from
 * src/lib/addresses.ts `moveProblems`, whose addresses are in every language; an entry is found by
 * its address without the language's folder.
 */
export function moveProblemsAt(file: ContentFile, redirects: readonly Redirect[], found: readonly MoveProblem[], prefixes: readonly string[]): Problem[] {
	const yaml = parseYaml(file.path, file.text, 1, []);
	const bare = (address: string) => {
		const prefix = prefixes.find((p) => p && address.startsWith(`${p}/`));
		return prefix ? address.slice(prefix.length) : address;
	};
	const seen = new Set<string>();
	return found.flatMap((problem) => {
		const index = redirects.findIndex((r) => r.from === bare(problem.from));
		const key = `${problem.rule} ${index}`;
		if (seen.has(key)) return [];
		seen.add(key);
		const said = problem.rule === 'toMissing' ? m['redirects.toMissing'](bare(problem.from), bare(problem.to)) : m['redirects.fromExists'](bare(problem.from));
		const path = [index, problem.rule === 'toMissing' ? 'to' : 'from'];
		return yaml && index >= 0
			? [problemAt(yaml, path, said)]
			: [{ severity: 'error' as const, file: file.path, line: 1, column: 1, field: path.join('.'), ...said }];
	});
}
