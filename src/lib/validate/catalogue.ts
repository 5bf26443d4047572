/** The checks of site.yaml and indicators.yaml, and of changes to a catalogue already published. */
import { parse as parseYamlText } from 'yaml';
import { IndicatorSchema } from '../../schemas/indicator.ts';
import { SiteSchema } from '../../schemas/site.ts';
import type { Indicator, Site } from '../content/model.ts';
import { YAML_OPTIONS } from '../content/frontmatter.ts';
import { closestMatch } from './suggest.ts';
import type { History } from '../versions/history.ts';
import { type ContentFile, m, type Problem } from './problems.ts';
import { parseYaml, problemAt } from './yaml.ts';
import { keysOf, schemaProblems } from './describe.ts';

/** The indicator catalogue as the report checks need it. */
export interface Catalogue {
	byId: Map<string, Indicator>;
	/** The catalogue's path, for messages. */
	file: string;
	/** Ids the last committed catalogue had and the current one does not. */
	removed: Set<string>;
}

/**
 * Compares the catalogue with its last committed state: a unit may only change together with a
 * new series break, and removed ids are remembered so reports still using them are told so.
 */
export function checkCatalogueChanges(file: ContentFile, catalogue: Catalogue, history: Extract<History, { available: true }>, problems: Problem[]) {
	const last = history.files.get('indicators.yaml')?.at(-1);
	if (!last) return;
	let previous: unknown;
	try {
		previous = parseYamlText(last.text, YAML_OPTIONS);
	} catch {
		return; // An unreadable old catalogue cannot be compared with; the current one was checked already.
	}
	if (!Array.isArray(previous)) return;
	const yaml = parseYaml(file.path, file.text, 1, []);
	const current = [...catalogue.byId.values()];
	for (const old of previous as { id?: unknown; unit?: unknown; breaks?: unknown }[]) {
		if (typeof old?.id !== 'string') continue;
		const now = catalogue.byId.get(old.id);
		if (!now) {
			catalogue.removed.add(old.id);
			continue;
		}
		const oldBreaks = Array.isArray(old.breaks) ? old.breaks.length : 0;
		if (typeof old.unit === 'string' && old.unit !== now.unit && now.breaks.length <= oldBreaks && yaml) {
			const problem = problemAt(yaml, [current.indexOf(now), 'unit'], m['catalogue.unitChanged'](now.id, old.unit, now.unit));
			problems.push({ ...problem, field: `${now.id}.unit` });
		}
	}
}

export function checkSite(file: ContentFile, problems: Problem[]): Site | undefined {
	const yaml = parseYaml(file.path, file.text, 1, problems);
	if (!yaml) return undefined;
	const data: unknown = yaml.doc.toJS();
	const ok = schemaProblems(yaml, SiteSchema, data, [], problems, (path) => (path.length === 0 ? keysOf(SiteSchema) : ['vi', 'en']));
	return ok ? SiteSchema.parse(data) : undefined;
}

export function checkIndicators(file: ContentFile, problems: Problem[]): Indicator[] | undefined {
	const yaml = parseYaml(file.path, file.text, 1, problems);
	if (!yaml) return undefined;
	const data: unknown = yaml.doc.toJS();
	if (!Array.isArray(data)) {
		problems.push(problemAt(yaml, [], m['catalogue.notList']()));
		return undefined;
	}
	const indicators: Indicator[] = [];
	const seen = new Map<string, number>();
	let ok = true;
	data.forEach((entry: unknown, i) => {
		const allowed = (path: readonly PropertyKey[]) =>
			path.length === 0 ? keysOf(IndicatorSchema) : path[0] === 'breaks' && path.length === 2 ? ['year', 'note'] : ['vi', 'en'];
		const entryProblems: Problem[] = [];
		if (!schemaProblems(yaml, IndicatorSchema, entry, [i], entryProblems, (path) => allowed(path.slice(1)))) {
			// Name the entry by its id when it has one: "poverty_rate.unit" says more than "12.unit".
			const id = entry && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string' ? (entry as { id: string }).id : `entry ${i + 1}`;
			problems.push(...entryProblems.map((p) => ({ ...p, field: p.field.replace(/^\d+/, id) })));
			ok = false;
			return;
		}
		const indicator = IndicatorSchema.parse(entry);
		const first = seen.get(indicator.id);
		if (first !== undefined) {
			problems.push(problemAt(yaml, [i, 'id'], m['catalogue.duplicateId'](indicator.id, first + 1)));
			ok = false;
		}
		seen.set(indicator.id, i);
		indicators.push(indicator);
	});
	return ok ? indicators : undefined;
}

export function checkHeadline(file: ContentFile, catalogue: Catalogue, site: Site, problems: Problem[]) {
	const catalogueFile = catalogue.file;
	const unknown = site.headline.map((id, i) => [id, i] as const).filter(([id]) => !catalogue.byId.has(id));
	if (unknown.length === 0) return;
	const yaml = parseYaml(file.path, file.text, 1, []);
	if (!yaml) return;
	for (const [id, i] of unknown) {
		const guess = closestMatch(id, catalogue.byId.keys());
		problems.push(problemAt(yaml, ['headline', i], m['site.headlineUnknown'](id, catalogueFile, guess)));
	}
}
