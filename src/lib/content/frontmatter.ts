/** A content file split into its YAML frontmatter and its body, with line numbers kept. */
export interface SplitFile {
	/** The YAML text between the two `---` lines, or undefined when the file has no frontmatter. */
	yaml: string | undefined;
	/** The file line (1-based) on which the YAML text starts. */
	yamlLine: number;
	/** Everything after the closing `---` line. */
	body: string;
	/** The file line (1-based) on which the body starts. */
	bodyLine: number;
}

/** Splits `---`-delimited frontmatter from the body, as Astro does, keeping line numbers. */
export function splitFrontmatter(text: string): SplitFile {
	const source = text.replace(/^\uFEFF/, '');
	const lines = source.split(/\r?\n/);
	if (lines[0]?.trim() !== '---') return { yaml: undefined, yamlLine: 1, body: source, bodyLine: 1 };
	const close = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
	if (close === -1) return { yaml: undefined, yamlLine: 2, body: source, bodyLine: 1 };
	return {
		yaml: lines.slice(1, close).join('\n'),
		yamlLine: 2,
		body: lines.slice(close + 1).join('\n'),
		bodyLine: close + 2,
	};
}

/**
 * How the checks read YAML (the `yaml` package, for its line numbers): YAML 1.2 with merge keys
 * (`<<: *base`) and dates left as text, so an impossible date is caught rather than rolled over.
 * Astro and the history read the same text with js-yaml; tests/content/yaml-grammar.test.ts proves
 * both make the same data of every sample and fixture file.
 */
export const YAML_OPTIONS = { uniqueKeys: true, prettyErrors: false, merge: true } as const;
