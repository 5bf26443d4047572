/**
 * Renders a social card to PNG with resvg and the Noto Sans fonts shipped in node_modules
 * (Vietnamese included; cut down to what the picture needs, src/workers/picture-fonts.ts). During a build the cards are drawn on a worker thread, started early
 * (src/workers/prefetch.ts), so pages keep rendering meanwhile; each PNG is kept in
 * node_modules/.cache/annals/og (or $ANNALS_CACHE_DIR/og) keyed by its SVG, so a rebuild only draws
 * cards that changed.
 */
import { renderAsync } from '@resvg/resvg-js';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { crc32, deflate } from 'node:zlib';
import { buildServices } from './services.ts';
import { socialCardSvg, type SocialCard } from '../lib/social-image.ts';
import { cacheDir } from './cache-dir.ts';
import { pictureFonts } from './picture-fonts.ts';

const deflateAsync = promisify(deflate);

/** One PNG chunk: length, type, data, CRC of type and data. */
function chunk(type: string, data: Uint8Array): Buffer {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'latin1');
	const tail = Buffer.alloc(4);
	tail.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
	return Buffer.concat([head, data, tail]);
}

/**
 * An 8-bit RGBA PNG of raw pixels. resvg's own encoder runs on the calling thread and takes longer
 * than drawing the card; zlib's deflate runs on Node's thread pool. Level 3 compresses a card in a
 * third of the time of zlib's default level, for files of about 37 KB instead of 21 KB: two thousand
 * cards is 20 s of CPU saved for 30 MB more on the host.
 */
async function encodePng(pixels: Buffer, width: number, height: number): Promise<Uint8Array<ArrayBuffer>> {
	const stride = width * 4;
	// Each row starts with its filter type; 0 (none) suits flat colours and compresses well.
	const raw = Buffer.alloc((stride + 1) * height);
	for (let y = 0; y < height; y++) pixels.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bits per channel
	header[9] = 6; // RGBA
	const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	const png = Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', await deflateAsync(raw, { level: 3 })), chunk('IEND', new Uint8Array(0))]);
	return new Uint8Array(png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength));
}

const cache = cacheDir('og');
/** What the pixels depend on besides the SVG: resvg, the fonts and what cuts them down (picture-fonts.ts), as the lockfile pins them. */
const renderer = (() => {
	try {
		return createHash('sha256')
			.update(readFileSync(join(process.cwd(), 'package-lock.json')))
			.digest('hex');
	} catch {
		return 'no lockfile';
	}
})();

/** The cache file of a card drawn from `svg`. */
function cacheFile(svg: string): string {
	return join(cache, `${createHash('sha256').update(renderer).update('\0').update(svg).digest('hex').slice(0, 32)}.png`);
}

/** Draws a card's SVG as PNG and keeps it in the cache. */
async function drawSocialCard(svg: string): Promise<Uint8Array<ArrayBuffer>> {
	const fontFiles = [...(await pictureFonts(renderer)).filesFor(svg)];
	const image = await renderAsync(svg, { font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'Noto Sans' }, fitTo: { mode: 'original' } });
	const png = await encodePng(image.pixels, image.width, image.height);
	mkdirSync(cache, { recursive: true });
	writeFileSync(cacheFile(svg), png);
	return png;
}

/** A card from the cache, or drawn now. The build's card worker (src/integrations/social-cards.ts) answers with this. */
export async function cachedOrDrawn(svg: string): Promise<Uint8Array<ArrayBuffer>> {
	try {
		return new Uint8Array(readFileSync(cacheFile(svg)));
	} catch {
		return drawSocialCard(svg);
	}
}

/** A 1200 × 630 PNG of the card. */
export function renderSocialCard(card: SocialCard): Promise<Uint8Array<ArrayBuffer>> {
	return renderPicture(socialCardSvg(card));
}

/** A PNG of any picture drawn as SVG with the fonts above: a social card, a chart (src/lib/chart-svg.ts). */
export async function renderPicture(svg: string): Promise<Uint8Array<ArrayBuffer>> {
	// On the build's worker when there is one (src/workers/prefetch.ts has usually had it drawn
	// already), so the 3 MB of pixels a card takes never reach the main thread's heap, where they
	// cost more in garbage collection than the drawing; here if it failed.
	const service = buildServices().drawSocialCard;
	return service ? service(svg).catch(() => cachedOrDrawn(svg)) : cachedOrDrawn(svg);
}
