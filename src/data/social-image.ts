/**
 * Renders a social card to PNG with resvg and the Noto Sans fonts shipped in node_modules
 * (Vietnamese included). Rendering runs off the main thread, and each PNG is kept in
 * node_modules/.cache/annals/og keyed by its SVG, so a rebuild only draws cards that changed.
 */
import { renderAsync } from '@resvg/resvg-js';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { socialCardSvg, type SocialCard } from '../lib/social-image.ts';

const require = createRequire(import.meta.url);
const fontFiles = ['@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf', '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'].map((f) => require.resolve(f));
const cache = join(process.cwd(), 'node_modules/.cache/annals/og');

/** A 1200 × 630 PNG of the card. */
export async function renderSocialCard(card: SocialCard): Promise<Uint8Array<ArrayBuffer>> {
	const svg = socialCardSvg(card);
	const file = join(cache, `${createHash('sha256').update(svg).digest('hex').slice(0, 32)}.png`);
	try {
		return new Uint8Array(readFileSync(file));
	} catch {
		// Not drawn yet.
	}
	const png = new Uint8Array((await renderAsync(svg, { font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'Noto Sans' }, fitTo: { mode: 'original' } })).asPng());
	mkdirSync(cache, { recursive: true });
	writeFileSync(file, png);
	return png;
}
