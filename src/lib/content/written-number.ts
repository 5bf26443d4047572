/**
 * Numbers as the editor wrote them. YAML reads `30.0` as 30, so a figure published as "30,0%" would
 * lose the decimal it was published with; reading earlier versions through this schema keeps it.
 */
import * as jsYaml from 'js-yaml';

/** A float scalar with the text it was written as. */
export class WrittenNumber {
	readonly value: number;
	readonly text: string;
	// Node runs this file with type stripping, which has no parameter properties.
	constructor(value: number, text: string) {
		this.value = value;
		this.text = text;
	}
}

// js-yaml ships its core types at run time but its type declarations do not list them.
const coreFloat = (jsYaml as unknown as { types: { float: jsYaml.Type } }).types.float;

/**
 * js-yaml's default schema, except that floats come back as WrittenNumber. Integers stay numbers:
 * they have no decimals to lose.
 */
export const WRITTEN_NUMBERS_SCHEMA = jsYaml.DEFAULT_SCHEMA.extend({
	implicit: [
		new jsYaml.Type('tag:yaml.org,2002:float', {
			kind: 'scalar',
			resolve: (data: string) => coreFloat.resolve(data),
			construct: (data: string) => new WrittenNumber(coreFloat.construct(data) as number, data),
			instanceOf: WrittenNumber,
		}),
	],
});

/**
 * How many decimals a number was written with: 1 for `30.0`, 2 for `13.85`, 0 for `4850`;
 * undefined for text that is not plain decimal notation (`1e3`, `.inf`).
 */
export function writtenDecimals(text: string): number | undefined {
	const match = /^[-+]?\d+(?:\.(\d*))?$/.exec(text.trim().replace(/_/g, ''));
	return match ? (match[1]?.length ?? 0) : undefined;
}

/** The number in a value read with WRITTEN_NUMBERS_SCHEMA, whether it was written as an integer or a float. */
export function numberOf(value: unknown): number | undefined {
	if (value instanceof WrittenNumber) return value.value;
	return typeof value === 'number' ? value : undefined;
}

/** `4.850` or `-1.234`: digits grouped in threes by one dot, as Vietnamese writes thousands. */
export const THOUSANDS_DOT = /^-?\d{1,3}(\.\d{3})+$/;

/**
 * What a number written as text can mean, in the notations a Vietnamese editor meets: `13,85`
 * (decimal comma), `4.850.000` and `1.234,5` (thousands dots), `4 850`, `−9,28` (a typographic
 * minus), `13,85%`, and the English `1,234.5`. A comma before exactly three digits (`4,850`) is a
 * decimal comma in Vietnamese and a thousands separator in English: both readings are given, unless
 * the figure must be whole (`wholeOnly`). Returns no reading for text that is not a number.
 */
export function readNumberText(text: string, wholeOnly = false): number[] {
	const t = text
		.trim()
		.replace(/[\s\u00a0\u2009\u202f]/g, '')
		.replace(/%$/, '')
		.replace(/^[\u2212\u2013]/, '-');
	const plain = (digits: string) => Number(digits);
	// One dot before three digits (`4.850`) is a decimal point in the file and a thousands dot in
	// Vietnamese: both readings, or only the whole one where the figure must be whole.
	if (/^-?\d{1,3}\.\d{3}$/.test(t)) return wholeOnly ? [plain(t.replace('.', ''))] : [plain(t), plain(t.replace('.', ''))];
	if (/^-?\d+(\.\d+)?$/.test(t) && !/^-?\d{1,3}(\.\d{3}){2,}$/.test(t)) return [plain(t)];
	if (/^-?\d{1,3}(\.\d{3})+$/.test(t)) return [plain(t.replace(/\./g, ''))];
	if (/^-?\d{1,3}(\.\d{3})+,\d+$/.test(t)) return [plain(t.replace(/\./g, '').replace(',', '.'))];
	if (/^-?\d{1,3}(,\d{3})+\.\d+$/.test(t) || /^-?\d{1,3}(,\d{3}){2,}$/.test(t)) return [plain(t.replace(/,/g, ''))];
	const comma = /^(-?\d+),(\d+)$/.exec(t);
	if (comma) {
		const decimal = plain(`${comma[1]}.${comma[2]}`);
		if (comma[2]!.length !== 3 || comma[1]!.replace('-', '').length > 3) return [decimal];
		const thousands = plain(`${comma[1]}${comma[2]}`);
		return wholeOnly ? [thousands] : [decimal, thousands];
	}
	return [];
}

/** A number typed into the editing form, as YAML will hold it. */
export interface FormNumber {
	value: number;
	/** Plain decimal notation with the decimals as typed: `30,0` → `30.0`, `4.850` → `4850`. */
	yaml: string;
}

/**
 * Reads a number typed into the editing form (/admin/), where numbers are written the Vietnamese
 * way: a comma is the decimal mark and dots group thousands, so `13,87` is 13.87 and `4.850` is
 * 4850. Text that can only be read one way is read that way (`13.87`, `1,234.5`, `4.850.000`).
 * The reading is always one of readNumberText's, so the form and the check never disagree about what
 * a text can mean; undefined when it is not a number.
 */
export function readFormNumber(text: string, wholeOnly = false): FormNumber | undefined {
	const trimmed = text.trim().replace(/\s*%$/, '');
	// A space groups thousands (`4 850`) or is a mistake (`13 87`).
	if (/[\s\u00a0\u2009\u202f]/.test(trimmed) && !/^[-\u2212\u2013]?\d{1,3}([\s\u00a0\u2009\u202f]\d{3})+([.,]\d+)?$/.test(trimmed)) return undefined;
	const t = trimmed.replace(/[\s\u00a0\u2009\u202f]/g, '').replace(/^[\u2212\u2013]/, '-');
	const readings = readNumberText(t, wholeOnly);
	if (readings.length === 0) return undefined;
	const commas = t.split(',').length - 1;
	const dots = t.split('.').length - 1;
	// Which mark, if any, separates the decimals.
	let mark: ',' | '.' | undefined;
	if (commas > 0 && dots > 0) mark = t.lastIndexOf(',') > t.lastIndexOf('.') ? ',' : '.';
	else if (commas === 1) mark = ',';
	// One dot before three digits groups thousands, except after a lone 0 (`0.500` is a half).
	else if (dots === 1) mark = /^-?[1-9]\d{0,2}\.\d{3}$/.test(t) ? undefined : '.';
	// Groups of thousands never start with 0: `0.500.000` is no number.
	if (mark !== '.' && dots > 0 && /^-?0\./.test(t)) return undefined;
	if (wholeOnly && mark !== undefined) return undefined;
	const [whole, decimals] = mark ? [t.slice(0, t.lastIndexOf(mark)), t.slice(t.lastIndexOf(mark) + 1)] : [t, undefined];
	const yaml = `${whole.replace(/[.,]/g, '')}${decimals === undefined ? '' : `.${decimals}`}`;
	const value = Number(yaml);
	return readings.includes(value) ? { value, yaml } : undefined;
}

/** A number as the form shows it, the Vietnamese way, with the decimals it was written with: 13.87 → `13,87`. */
export function formNumberText(value: number, written?: number): string {
	let text = written !== undefined ? value.toFixed(written) : String(value);
	// 1e-7 in the file is shown as 0,0000001, which the form reads back.
	if (/e/i.test(text)) text = value.toFixed(20).replace(/\.?0+$/, '');
	return text.replace('.', ',');
}
