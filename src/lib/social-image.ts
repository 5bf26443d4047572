/**
 * The picture shown when a page is shared (Open Graph, 1200 × 630), drawn as SVG from the page's
 * own words; src/workers/social-image.ts turns it into PNG at build time, with no outside service.
 */
import { escapeXml } from './xml.ts';
export interface SocialCard {
	/** Small line above the title: the publisher. */
	kicker: string;
	title: string;
	/** A line under the title: the year, or what the page is. */
	subtitle: string;
	/** An optional headline figure: "GRDP growth rate" / "13.87%". */
	figure?: { label: string; value: string } | undefined;
	/** The archive's name, at the foot. */
	footer: string;
}

/** Splits text into lines of at most `width` characters, at spaces; at most `max` lines, the last ending in "…" if cut. */
export function wrapText(text: string, width: number, max: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && `${line} ${word}`.length > width) {
			lines.push(line);
			line = word;
		} else {
			line = line ? `${line} ${word}` : word;
		}
	}
	if (line) lines.push(line);
	if (lines.length <= max) return lines;
	const kept = lines.slice(0, max);
	kept[max - 1] = `${kept[max - 1]!.replace(/\s+\S*$/, '')} …`;
	return kept;
}

/** The card as SVG markup. */
export function socialCardSvg(card: SocialCard): string {
	const title = wrapText(card.title, 34, 3);
	const titleY = 190;
	const lineHeight = 66;
	const afterTitle = titleY + (title.length - 1) * lineHeight + 58;
	const figure = card.figure
		? `<text x="80" y="${afterTitle + 62}" font-size="28" fill="#c7d6ea">${escapeXml(card.figure.label)}</text><text x="80" y="${afterTitle + 124}" font-size="54" font-weight="700" fill="#ffffff">${escapeXml(card.figure.value)}</text>`
		: '';
	return [
		'<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630" font-family="Noto Sans">',
		'<rect width="1200" height="630" fill="#1d4e89"/>',
		'<rect x="0" y="560" width="1200" height="70" fill="#153a66"/>',
		`<text x="80" y="110" font-size="30" fill="#c7d6ea">${escapeXml(card.kicker)}</text>`,
		...title.map((line, i) => `<text x="80" y="${titleY + i * lineHeight}" font-size="56" font-weight="700" fill="#ffffff">${escapeXml(line)}</text>`),
		`<text x="80" y="${afterTitle}" font-size="30" fill="#e6eef8">${escapeXml(card.subtitle)}</text>`,
		figure,
		`<text x="80" y="606" font-size="26" fill="#c7d6ea">${escapeXml(card.footer)}</text>`,
		'</svg>',
	].join('');
}
