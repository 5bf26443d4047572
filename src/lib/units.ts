/**
 * What a unit is, for every part that formats, charts or checks figures. A module of its own, with
 * no schema import: the browser's chart code uses it, and importing it from src/schemas would bring
 * zod into the reader's download (25 KB gzip, measured by npm run bench's first views).
 */
import type { Unit } from '../schemas/indicator.ts';

/** Whether figures in a unit are percentages (shares and growth rates): shown with %, changes in points. */
export function isPercentUnit(unit: Unit): boolean {
	return unit === 'percent' || unit === 'percent_change';
}
