import type { ContentFiles } from '../../src/lib/validate/problems.ts';

/** The sample's content files as they stood before a year's report was written: its reports and translations of earlier years only. */
export function before(files: ContentFiles, year: number): ContentFiles {
	return { ...files, reports: files.reports.filter((file) => Number(/(\d{4})(?:\.[a-z]{2})?\.mdx?$/.exec(file.path)?.[1]) < year) };
}
