import { describe, expect, test } from 'vitest';
import { buildArchive } from '../setup/site.ts';

describe('a build of content with wrong figures', () => {
	const { status, output } = buildArchive({ ARCHIVE_CONTENT: 'tests/fixtures/bad-figures', ARCHIVE_OUT: 'dist-test/bad-figures' });

	test('fails', () => {
		expect(status).not.toBe(0);
	});

	test('names the file, line, field and fix of every wrong figure, in one run', () => {
		expect(output).toContain('3 problems in the content must be fixed before the archive can be built:');
		expect(output).toContain('tests/fixtures/bad-figures/reports/2022.mdx:7:17  indicators.poverty_rate  "1,73" is text, not a number — write 1.73 without quotes, with a decimal point');
		expect(output).toContain('tests/fixtures/bad-figures/reports/2023.mdx:7:17  indicators.poverty_rate  173 is not a percentage (0–100) — did you mean 1.73?');
		expect(output).toContain('tests/fixtures/bad-figures/reports/2024.mdx:7:3  indicators.povety_rate  "povety_rate" is not an indicator in tests/fixtures/bad-figures/indicators.yaml — did you mean "poverty_rate"?');
	});

	test('shows no stack trace', () => {
		expect(output).not.toMatch(/Stack trace|\n\s+at .+:\d+:\d+\)?\n/);
	});
});
