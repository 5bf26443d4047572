/** A download row for unit tests: every column empty but those given. */
import type { FigureRow } from '../../src/lib/downloads.ts';

export function figureRow(fields: Partial<FigureRow> & Pick<FigureRow, 'indicator' | 'period'>): FigureRow {
	return {
		value: null,
		unit: 'percent',
		status: null,
		rank: null,
		of: null,
		total: null,
		target: null,
		report_year: fields.period,
		version: 1,
		current: false,
		version_date: '2025-01-31',
		source: null,
		label_vi: '',
		label_en: '',
		unit_vi: '',
		unit_en: '',
		note_vi: null,
		note_en: null,
		entity: null,
		entity_vi: null,
		entity_en: null,
		boundaries: null,
		...fields,
	};
}
