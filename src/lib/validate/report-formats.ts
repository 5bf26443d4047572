/**
 * The problems of `npm run check` in the forms other tools read: GitHub Actions annotations (the
 * web editor and the pull request show each on its line), a GitLab Code Quality report, and JSON.
 */
import type { Problem } from './problems.ts';

/** Escapes annotation data and properties as the GitHub Actions runner expects. */
function escapeData(text: string): string {
	return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text: string): string {
	return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One workflow command a problem: `::error file=…,line=…,col=…,title=…::what — fix`.
 * See https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
export function toGithubAnnotations(problems: readonly Problem[]): string[] {
	return problems.map((p) => {
		const properties = [`file=${escapeProperty(p.file)}`, `line=${p.line}`, `col=${p.column}`, ...(p.field ? [`title=${escapeProperty(p.field)}`] : [])].join(
			',',
		);
		return `::${p.severity} ${properties}::${escapeData(`${p.message} — ${p.fix}`)}`;
	});
}

/** A stable 32-bit FNV-1a hash, hex: GitLab tells new problems from old by the fingerprint. */
function fingerprint(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(16).padStart(8, '0');
}

/**
 * A GitLab Code Quality report: a JSON list GitLab shows on the merge request, each problem on its
 * line. See https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
 */
export function toGitlabCodeQuality(problems: readonly Problem[]): string {
	const issues = problems.map((p) => ({
		description: `${p.field ? `${p.field}: ` : ''}${p.message} — ${p.fix}`,
		check_name: p.field.split('.')[0] || 'content',
		fingerprint: fingerprint(`${p.file}\u0000${p.field}\u0000${p.message}`),
		severity: p.severity === 'error' ? 'major' : 'minor',
		location: { path: p.file, lines: { begin: p.line } },
	}));
	return `${JSON.stringify(issues, null, 2)}\n`;
}

/** Every problem as plain JSON, for other tools. */
export function toJsonReport(problems: readonly Problem[]): string {
	const rows = problems.map(({ severity, file, line, column, field, message, fix, lang }) => ({ severity, file, line, column, field, message, fix, lang }));
	return `${JSON.stringify({ errors: rows.filter((r) => r.severity === 'error').length, warnings: rows.filter((r) => r.severity === 'warning').length, problems: rows }, null, 2)}\n`;
}
