/**
 * Removes floating-point dust from arithmetic on figures: 13.85 − 13.45 is 0.4, not
 * 0.40000000000000036. Twelve significant digits keep every digit a published figure has.
 */
export function roundOff(value: number): number {
	return Number(value.toPrecision(12));
}
