/** Renders a social card to PNG with resvg and the Noto Sans fonts shipped in node_modules (Vietnamese included). */
import { Resvg } from '@resvg/resvg-js';
import { createRequire } from 'node:module';
import { socialCardSvg, type SocialCard } from '../lib/social-image.ts';

const require = createRequire(import.meta.url);
const fontFiles = ['@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf', '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'].map((f) => require.resolve(f));

/** A 1200 × 630 PNG of the card. */
export function renderSocialCard(card: SocialCard): Uint8Array<ArrayBuffer> {
	const resvg = new Resvg(socialCardSvg(card), { font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'Noto Sans' }, fitTo: { mode: 'original' } });
	return new Uint8Array(resvg.render().asPng());
}
