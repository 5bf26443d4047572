/**
 * Schema issues in plain words: zod's issues (and the figure rules of src/schemas/report.ts) turned
 * into what is wrong and what to write instead, at the editor's line.
 */
import type { z } from 'astro/zod';
import type { FigureRule } from '../../schemas/report.ts';
import { ADDRESS_FORMAT } from '../../schemas/redirects.ts';
import { closestMatch } from './suggest.ts';
import { readNumberText } from '../content/written-number.ts';
import type { CheckMessages } from '../../i18n/check/index.ts';
import { m, type Problem, type Said } from './problems.ts';
import { problemAt, type Yaml } from './yaml.ts';

export function show(value: unknown): string {
	if (typeof value === 'string') return JSON.stringify(value);
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (value === null) return m['show.empty'];
	if (Array.isArray(value)) return m['show.list'];
	if (typeof value === 'object') return m['show.group'];
	return String(value);
}

export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	let current = data;
	for (const key of path) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<PropertyKey, unknown>)[key];
	}
	return current;
}

/** What to write instead of a number written as text, such as "12,5", "4.850.000" or "4,850". */
export function numberTextFix(text: string, wholeOnly = false, otherwise = m['number.noReading']): string {
	const readings = readNumberText(text, wholeOnly);
	const [first, second] = readings;
	if (first === undefined) return otherwise;
	return second !== undefined ? m['number.twoReadings'](first, second) : m['number.oneReading'](first);
}

/** The line to add for a missing field, as an example. */
export function hintFor(field: string): string {
	const key = `hint.${field}` as keyof CheckMessages;
	const hint = m[key];
	return typeof hint === 'string' ? hint : `${field}: …`;
}

/** Turns one schema issue into a sentence about the editor's text. */
export function describeIssue(
	issue: z.core.$ZodIssue,
	data: unknown,
	allowedKeys: (path: readonly PropertyKey[]) => readonly string[],
): { path: PropertyKey[]; message: string; fix: string; key?: boolean }[] {
	const path = issue.path as PropertyKey[];
	const value = valueAt(data, path);
	const field = String(path[path.length - 1] ?? '');
	switch (issue.code) {
		case 'unrecognized_keys':
			return issue.keys.map((key) => {
				const allowed = allowedKeys(path);
				const guess = closestMatch(key, allowed);
				return { path: [...path, key], key: true, ...m['field.unknown'](key, guess, allowed.join(', ')) };
			});
		case 'invalid_type': {
			if (value === undefined) {
				return [{ path, ...m['field.missing'](field, hintFor(field)) }];
			}
			if (value === null && field === 'value') return [{ path, ...m['field.valueMissing']() }];
			if (value === null) return [{ path, ...m['field.noValue'](field) }];
			if (typeof value === 'number') return [{ path, ...m['number.notFinite'](show(value)) }];
			if (issue.expected === 'number' && typeof value === 'string') {
				return [{ path, message: m['number.text'](show(value)), fix: numberTextFix(value, ['rank', 'of', 'period'].includes(field)) }];
			}
			const kinds: Record<string, string> = {
				string: m['kind.text'],
				array: m['kind.list'],
				object: m['kind.group'],
				boolean: m['kind.boolean'],
				number: m['kind.number'],
			};
			return [{ path, ...m['field.notKind'](show(value), kinds[issue.expected] ?? issue.expected, issue.expected === 'string') }];
		}
		case 'invalid_union': {
			if (value === undefined) return [{ path, ...m['field.missing'](field, hintFor(field)) }];
			// The branch the value has the type of (a note written as a group: the one in both
			// languages) says what is wrong inside it; when no branch does, say what it should be.
			const fits = issue.errors.find((branch) => !branch.some((sub) => sub.code === 'invalid_type' && sub.path.length === 0));
			if (fits && fits.length > 0) return fits.flatMap((sub) => describeIssue({ ...sub, path: [...path, ...sub.path] } as z.core.$ZodIssue, data, allowedKeys));
			const expected = new Set(
				issue.errors.flatMap((branch) => branch.flatMap((sub) => (sub.code === 'invalid_type' && sub.path.length === 0 ? [sub.expected] : []))),
			);
			if (expected.has('date')) return [{ path, ...m['field.notDate'](show(value)) }];
			if (typeof value === 'number' && !Number.isFinite(value)) return [{ path, ...m['number.notFinite'](show(value)) }];
			if (expected.has('string')) return [{ path, ...m['field.notKind'](show(value), m['kind.text'], true) }];
			return [{ path, ...m['field.other'](issue.message) }];
		}
		case 'invalid_format': {
			if (issue.format === 'url') return [{ path, ...m['field.notUrl'](show(value)) }];
			if (issue.format === 'date') return [{ path, ...m['field.notDate'](show(value)) }];
			if (issue.format === 'regex' && issue.message === ADDRESS_FORMAT) return [{ path, ...m['field.notAddress'](show(value)) }];
			if (issue.format === 'regex') return [{ path, ...m['field.notId'](show(value)) }];
			return [{ path, ...m['field.badForm'](show(value), issue.format) }];
		}
		case 'invalid_value': {
			const options = issue.values.map(String);
			const guess = typeof value === 'string' ? closestMatch(value, options) : undefined;
			return [{ path, ...m['field.notOneOf'](show(value), options.join(', '), guess) }];
		}
		case 'too_small':
		case 'too_big': {
			if (issue.origin === 'string') return [{ path, ...m['field.empty'](field) }];
			if (issue.origin === 'array') return [{ path, ...m['field.emptyList'](field) }];
			const bound = issue.code === 'too_small' ? m['field.atLeast'](String(issue.minimum)) : m['field.atMost'](String(issue.maximum));
			return [{ path, ...m['field.outOfRange'](show(value), field, bound) }];
		}
		case 'not_multiple_of':
			return [{ path, ...m['field.notWhole'](show(value)) }];
		case 'custom': {
			// A figure rule of the schemas (schemas/report.ts): its params name the message.
			const rule = issue.params as FigureRule | undefined;
			if (rule?.rule) return [{ path, ...sayRule(rule), key: rule.rule === 'report.noValue' }];
			return [{ path, ...m['field.other'](issue.message) }];
		}
		default:
			return [{ path, ...m['field.other'](issue.message) }];
	}
}

/** The message for a broken figure rule. */
export function sayRule(rule: FigureRule): Said {
	switch (rule.rule) {
		case 'report.noValue':
			return m['report.noValue']();
		case 'figure.ofWithoutRank':
			return m['figure.ofWithoutRank']();
		case 'figure.rankWithoutOf':
			return m['figure.rankWithoutOf'](...rule.args);
		case 'figure.rankAboveOf':
			return m['figure.rankAboveOf'](...rule.args);
		case 'figure.aboveTotal':
			return m['figure.aboveTotal'](...rule.args);
		case 'figure.periodAfterYear':
			return m['figure.periodAfterYear'](...rule.args);
		case 'report.periodTwice':
			return m['report.periodTwice'](...rule.args);
	}
}

export function schemaProblems(
	yaml: Yaml,
	schema: z.ZodType,
	data: unknown,
	base: PropertyKey[],
	problems: Problem[],
	allowedKeys: (path: readonly PropertyKey[]) => readonly string[],
): boolean {
	const result = schema.safeParse(data);
	if (result.success) return true;
	for (const issue of result.error.issues) {
		for (const d of describeIssue(issue, data, allowedKeys)) {
			problems.push(problemAt(yaml, [...base, ...d.path], d, d.key ? { key: true } : {}));
		}
	}
	return false;
}

export const keysOf = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape);
