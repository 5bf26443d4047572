/**
 * Every message `npm run check` and the build print, over a corpus of malformed reports: one
 * problem per file, and one file with many. Each file is checked against the sample archive's
 * catalogue and site settings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readContentFiles } from '../../src/data/content-files.ts';
import { formatProblem, validateArchive } from '../../src/lib/validate.ts';

const root = join(import.meta.dirname, '../..');
const corpus = join(root, 'tests/fixtures/malformed');
const sample = readContentFiles(join(root, 'content'), root);

function messages(name: string): string[] {
	const path = `tests/fixtures/malformed/${name}/2025.mdx`;
	const report = { path, text: readFileSync(join(root, path), 'utf8') };
	return validateArchive({ site: sample.site, indicators: sample.indicators, reports: [report] }, { today: '2026-11-27' }).problems.map(formatProblem);
}

const cases = readdirSync(corpus).sort();

test('the corpus holds at least 25 malformed reports and one with many problems', () => {
	expect(cases.length).toBeGreaterThanOrEqual(26);
	expect(messages('29-many-problems').length).toBeGreaterThan(5);
});

test('each malformed report gets a message naming file, line, field and fix', () => {
	const all = Object.fromEntries(cases.map((name) => [name, messages(name).map((m) => m.replace(`tests/fixtures/malformed/${name}/`, ''))]));
	expect(all).toMatchInlineSnapshot(`
		{
		  "01-decimal-comma": [
		    "2025.mdx:8:17  indicators.poverty_rate  "1,2" is text, not a number — write 1.2 without quotes, with a decimal point",
		  ],
		  "02-percent-173": [
		    "2025.mdx:8:17  indicators.poverty_rate  173 is not a percentage (0–100) — did you mean 1.73?",
		  ],
		  "03-unknown-id": [
		    "2025.mdx:8:3  indicators.povety_rate  "povety_rate" is not an indicator in content/indicators.yaml — did you mean "poverty_rate"?",
		  ],
		  "04-not-published-as-text": [
		    "2025.mdx:8:17  indicators.poverty_rate  "n/a" is text, not a number — write the figure as a number, or remove the line if it was not published",
		  ],
		  "05-rank-above-of": [
		    "2025.mdx:12:11  indicators.pci.rank  rank 35 is above of: 34 — a rank is at most the number ranked; check both",
		  ],
		  "06-period-after-year": [
		    "2025.mdx:11:13  indicators.pci.period  period 2026 is after the report's year 2025 — a 2025 report can only state figures for 2025 or earlier",
		  ],
		  "07-year-mismatch": [
		    "2025.mdx:2:7  year  the year is 2024 but the file is named 2025.mdx — write year: 2025, or rename the file to 2024.mdx",
		  ],
		  "08-missing-title": [
		    "2025.mdx:2:1  title  title is missing — add a line "title: <the report title>"",
		  ],
		  "09-missing-published": [
		    "2025.mdx:2:1  published  published is missing — add a line "published: 2025-01-31"",
		  ],
		  "10-bad-date": [
		    "2025.mdx:5:12  published  "31/01/2026" is not a date — write the date as YYYY-MM-DD, e.g. 2025-01-31",
		  ],
		  "11-year-as-text": [
		    "2025.mdx:2:7  year  "2025" is text, not a number — write 2025 without quotes",
		  ],
		  "12-unknown-field": [
		    "2025.mdx:2:1  summary  summary is missing — add a line "summary: <one or two sentences>"",
		    "2025.mdx:4:1  sumary  "sumary" is not a field here — did you mean "summary"?",
		  ],
		  "13-yaml-syntax": [
		    "2025.mdx:8:3  (file)  the YAML cannot be read: the indentation or punctuation is off here — check the spaces before the field and the colon after its name; put text containing ": " or "#" in quotes",
		  ],
		  "14-tab-indent": [
		    "2025.mdx:7:1  (file)  the YAML cannot be read: a tab is used for indentation — indent with spaces, two per level",
		  ],
		  "15-duplicate-key": [
		    "2025.mdx:9:3  (file)  the YAML cannot be read: the same field is written twice — keep one of the two lines",
		  ],
		  "16-bad-status": [
		    "2025.mdx:12:13  indicators.pci.status  "provisional" is not one of estimate, final — write one of estimate, final",
		  ],
		  "17-bad-source": [
		    "2025.mdx:12:13  indicators.pci.source  "www.vcci.com.vn" is not a web address — write the full address, starting with https://",
		  ],
		  "18-misspelt-figure-field": [
		    "2025.mdx:12:5  indicators.pci.rnak  "rnak" is not a field here — did you mean "rank"?",
		    "2025.mdx:13:9  indicators.pci.of  of: is given without a rank — add rank:, or use total: for a count out of a total",
		  ],
		  "19-empty-value": [
		    "2025.mdx:8:3  indicators.poverty_rate  the value is missing — write the figure after the colon, or remove the line if it was not published",
		  ],
		  "20-no-frontmatter": [
		    "2025.mdx:1:1  (file)  the file has no frontmatter — start it with a line "---", the fields (year, title, summary, published, indicators), and another "---"",
		  ],
		  "21-mdx-unclosed-brace": [
		    "2025.mdx:16:36  (text)  the text cannot be read as MDX: Unexpected end of file in expression, expected a corresponding closing brace for \`{\` — close the tag (<br /> not <br>), write "<" as &lt; and "{" as \\{, or put the characters in \`code\`",
		  ],
		  "22-mdx-unclosed-tag": [
		    "2025.mdx:18:1  (text)  the text cannot be read as MDX: Expected a closing tag for \`<br>\` before the end of \`paragraph\` — close the tag (<br /> not <br>), write "<" as &lt; and "{" as \\{, or put the characters in \`code\`",
		  ],
		  "23-draft-not-boolean": [
		    "2025.mdx:6:8  draft  "yes please" is not true or false — write true or false here",
		  ],
		  "24-negative-count": [
		    "2025.mdx:8:17  indicators.ntm_communes  -3 is negative, which a count cannot be — check the sign",
		  ],
		  "25-revision-without-note": [
		    "2025.mdx:15:5  revisions.0.note  note is missing — add a line "note: <what changed and why>"",
		  ],
		  "26-value-above-total": [
		    "2025.mdx:9:12  indicators.main_targets_met.value  19 is more than the total 18 — check the value and the total",
		  ],
		  "27-rank-without-of": [
		    "2025.mdx:12:11  indicators.pci.rank  rank 5 does not say out of how many — add of: with the number ranked, e.g. of: 63",
		  ],
		  "28-placeholder-left": [
		    "2025.mdx:3:8  title  warning: a placeholder (TODO) is left in the title — write the title",
		  ],
		  "29-many-problems": [
		    "2025.mdx:2:1  title  title is missing — add a line "title: <the report title>"",
		    "2025.mdx:2:7  year  the year is 2024 but the file is named 2025.mdx — write year: 2025, or rename the file to 2024.mdx",
		    "2025.mdx:3:1  titel  "titel" is not a field here — did you mean "title"?",
		    "2025.mdx:4:10  summary  summary is empty — write the summary",
		    "2025.mdx:5:12  published  "2026-13-45" is not a date — write the date as YYYY-MM-DD, e.g. 2025-01-31",
		    "2025.mdx:7:16  indicators.grdp_growth  "8,5" is text, not a number — write 8.5 without quotes, with a decimal point",
		    "2025.mdx:8:17  indicators.poverty_rate  173 is not a percentage (0–100) — did you mean 1.73?",
		    "2025.mdx:9:3  indicators.povety_rate  "povety_rate" is not an indicator in content/indicators.yaml — did you mean "poverty_rate"?",
		    "2025.mdx:12:13  indicators.pci.period  period 2026 is after the report's year 2024 — a 2024 report can only state figures for 2024 or earlier",
		    "2025.mdx:13:11  indicators.pci.rank  rank 40 is above of: 34 — a rank is at most the number ranked; check both",
		    "2025.mdx:15:13  indicators.pci.status  "estimated" is not one of estimate, final — did you mean estimate?",
		    "2025.mdx:18:21  (text)  the text cannot be read as MDX: Unexpected end of file in expression, expected a corresponding closing brace for \`{\` — close the tag (<br /> not <br>), write "<" as &lt; and "{" as \\{, or put the characters in \`code\`",
		  ],
		  "30-thousands-dot": [
		    "2025.mdx:9:20  indicators.grdp_per_capita  4.850 looks like 4 850 written with a thousands dot — write 4850: in this file a dot is always the decimal point, and thousands are written without a separator",
		    "2025.mdx:11:12  indicators.houses_handed_over.value  1.520 looks like 1 520 written with a thousands dot — write 1520: in this file a dot is always the decimal point, and thousands are written without a separator",
		  ],
		  "31-number-as-text-vietnamese": [
		    "2025.mdx:9:20  indicators.grdp_per_capita  "4.850.000" is text, not a number — write 4850000 without quotes",
		    "2025.mdx:10:23  indicators.houses_handed_over  "1,520" is text, not a number — write 1520 without quotes",
		  ],
		}
	`);
});

test('no message is a stack trace, and every one says what to do', () => {
	for (const name of cases) {
		for (const message of messages(name)) {
			expect(message).toMatch(/^tests\/fixtures\/malformed\/[^ ]+\/2025\.mdx:\d+:\d+ {2}\S+ {2}.+ — .+$/);
			expect(message).not.toMatch(/\n\s+at /);
		}
	}
});
