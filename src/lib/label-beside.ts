/** Placing a chart's text labels: used by the charts drawn in the browser (src/client/draw.ts). */

/**
 * Where a label beside a vertical line at `at` goes, inside the chart's area from `left` to
 * `right`: to the right when it fits there, else on the side with more room, cut with an ellipsis
 * to fit; none when that side has no room for a few letters. On a phone's narrow chart the label of
 * a merger or a break would otherwise run off the canvas (its words stay in the list of events
 * under the chart and in the chart's summary).
 */
export function labelBeside(
	text: string,
	at: number,
	area: { left: number; right: number },
	measure: (text: string) => number,
	gap = 4,
): { text: string; x: number } | undefined {
	const rightRoom = area.right - at - gap;
	const leftRoom = at - gap - area.left;
	if (measure(text) <= rightRoom) return { text, x: at + gap };
	const room = Math.max(rightRoom, leftRoom);
	let shown = text;
	if (measure(shown) > room) {
		while (shown.length > 0 && measure(`${shown.trimEnd()}…`) > room) shown = shown.slice(0, -1);
		// Fewer than three letters say nothing.
		if (shown.trimEnd().length < 3) return undefined;
		shown = `${shown.trimEnd()}…`;
	}
	return { text: shown, x: room === rightRoom ? at + gap : at - gap - measure(shown) };
}
