/**
 * The font files resvg draws the pictures with (social cards, the charts' pictures:
 * src/workers/social-image.ts). resvg-js reads and parses every font file it is given again for each
 * picture: Noto Sans' two files are 1.26 MB, with Greek, Cyrillic and other scripts the archive's
 * cards seldom show, and at 1,000 reports the 2,082 pictures of a cold build read 2.6 GB of them.
 * So a picture whose every character is in Latin and Vietnamese (nearly all) is drawn with the two
 * files cut down to those characters by harfbuzz (subset-font, 141 KB each); any other is drawn with
 * the whole files. The cut-down files keep the glyphs, metrics and layout tables of the characters
 * they keep, so the pixels are the same either way (picture-fonts.test.ts).
 *
 * Made once per cache and kept in it (`fonts/`), named by what makes them: the packages as the
 * lockfile pins them (the fonts, subset-font and harfbuzz) and the characters kept.
 */
import { Blob as FontBlob, Face } from 'harfbuzzjs';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { cacheDir } from './cache-dir.ts';

const require = createRequire(import.meta.url);

/** Noto Sans, regular and bold, whole. */
export const FULL_FONT_FILES: readonly string[] = [
	'@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
	'@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
].map((file) => require.resolve(file));

/**
 * The characters the cut-down files keep, where Noto Sans has them: Latin with its supplements and
 * extensions (Vietnamese is in Latin Extended Additional), combining marks, general punctuation,
 * currency signs (₫), letterlike symbols and number forms, the minus sign.
 */
const KEPT_RANGES: readonly (readonly [number, number])[] = [
	[0x20, 0x7e],
	[0xa0, 0x24f],
	[0x300, 0x36f],
	[0x1e00, 0x1eff],
	[0x2000, 0x206f],
	[0x20a0, 0x20cf],
	[0x2100, 0x218f],
	[0x2212, 0x2212],
];

/** Which font files a picture is drawn with. */
export interface PictureFonts {
	/** The cut-down files when they have every character of `svg`, else the whole ones. */
	filesFor(svg: string): readonly string[];
}

const whole: PictureFonts = { filesFor: () => FULL_FONT_FILES };

/** Whether every character of `svg` is in `kept`: markup is ASCII; a character reference is not looked into, so it takes the whole files. */
export function coveredBy(kept: ReadonlySet<number>, svg: string): boolean {
	if (svg.includes('&#')) return false;
	for (const char of svg) {
		const code = char.codePointAt(0)!;
		if (code >= 0x80 && !kept.has(code)) return false;
	}
	return true;
}

/** The characters every one of `files` has. */
function charactersOf(files: readonly string[]): Set<number> {
	const sets = files.map((file) => new Set(new Face(new FontBlob(readFileSync(file)), 0).collectUnicodes()));
	return new Set([...sets[0]!].filter((code) => sets.every((set) => set.has(code))));
}

/** The cut-down files in `folder`, made there unless a process made them before. */
async function cutDown(folder: string): Promise<string[]> {
	const files = FULL_FONT_FILES.map((_, i) => join(folder, `${i}.ttf`));
	try {
		charactersOf(files);
		return files;
	} catch {
		// Not made yet, or half written by a process that stopped.
	}
	let text = '';
	for (const [first, last] of KEPT_RANGES) for (let code = first; code <= last; code++) text += String.fromCodePoint(code);
	mkdirSync(folder, { recursive: true });
	for (const [i, file] of files.entries()) {
		const font = await subsetFont(readFileSync(FULL_FONT_FILES[i]!), text, { targetFormat: 'truetype' });
		// Written whole, then renamed: another process drawing at the same time never reads half a font.
		const partial = `${file}.${process.pid}.${Date.now()}`;
		try {
			writeFileSync(partial, font);
			renameSync(partial, file);
		} finally {
			rmSync(partial, { force: true });
		}
	}
	return files;
}

/** The fonts of each cache folder, made or read once per process. */
const made = new Map<string, Promise<PictureFonts>>();

/**
 * The fonts for this process's pictures, the cut-down files made once per cache. `renderer` names
 * the packages that draw (the lockfile's digest). If the files cannot be made or read (a read-only
 * cache), every picture is drawn with the whole files: only slower.
 */
export function pictureFonts(renderer: string): Promise<PictureFonts> {
	const key = createHash('sha256').update(renderer).update('\0').update(JSON.stringify(KEPT_RANGES)).digest('hex').slice(0, 16);
	const folder = cacheDir(`fonts/${key}`);
	let fonts = made.get(folder);
	if (!fonts) {
		fonts = (async () => {
			try {
				const files = await cutDown(folder);
				const kept = charactersOf(files);
				return { filesFor: (svg: string) => (coveredBy(kept, svg) ? files : FULL_FONT_FILES) };
			} catch {
				return whole;
			}
		})();
		made.set(folder, fonts);
	}
	return fonts;
}
