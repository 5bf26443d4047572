/**
 * The editing form's configuration (Decap CMS), made from the catalogue at build time: every
 * indicator with its label, unit and last published value, grouped by category. A new indicator in
 * content/indicators.yaml appears in the form with the next build; nobody edits a CMS config.
 */
import type { Figure, Indicator, Locale } from '../content/model.ts';
import type { Editing } from '../../schemas/site.ts';
import { categoryName } from '../../i18n/index.ts';
import type { CmsWords } from '../../i18n/cms/index.ts';
import { checkMessages } from '../../i18n/check/index.ts';
import { formNumberText } from '../content/written-number.ts';
import { allowsTotal, REPORT_FORMAT } from './report-file.ts';

/** Where decap-server listens when an editor works on their own computer (`npm run edit`). */
export const LOCAL_BACKEND_PORT = 8081;

export interface CmsConfigInput {
	indicators: readonly Indicator[];
	/** The latest published figure of each indicator, for the hint beside its field. */
	latest: ReadonlyMap<string, { year: number; figure: Figure }>;
	/** The language of the form. */
	locale: Locale;
	/** The language reports are written in (site.yaml's defaultLocale). */
	lang: Locale;
	words: CmsWords;
	/** The year a new report is for: the year after the latest. */
	nextYear: number;
	/** The content folder, relative to the repository. */
	contentFolder: string;
	/** The published site's address, for Decap's "view live" links. */
	siteUrl: string;
	/**
	 * The entities outside the archive's line whose reports can be kept beside its own, each in its
	 * folder (`reports/bac_ninh_old/`, issue #19): a form each, with its own latest figures and next year.
	 */
	shelves?: readonly CmsShelf[];
}

/** One entity's folder of reports, as the form offers it. */
export interface CmsShelf {
	/** The entity's id: its folder's name. */
	id: string;
	/** Its name in the form's language. */
	name: string;
	latest: CmsConfigInput['latest'];
	nextYear: number;
}

type Field = Record<string, unknown>;

/**
 * The year a new report of an entity is most likely for: the year after its latest report, but
 * never after the last year it existed; for an entity with none yet, the last year it existed
 * (or this year, for one that still exists).
 */
export function nextReportYear(entity: { from?: string | undefined; until?: string | undefined }, years: readonly number[], thisYear: number): number {
	const last = entity.until ? Number(entity.until.slice(0, 4)) : thisYear;
	const first = entity.from ? Number(entity.from.slice(0, 4)) : -Infinity;
	const next = years.length ? Math.max(...years) + 1 : last;
	return Math.max(first, Math.min(next, last));
}

/** The hint beside an indicator: its unit and its latest published figure. */
export function figureHint(indicator: Indicator, latest: { year: number; figure: Figure } | undefined, locale: Locale, words: CmsWords): string {
	const unit = checkMessages(locale)[`unit.${indicator.unit}`];
	const unitText = words['figure.unit'](indicator.noun ? `${indicator.noun[locale]} (${unit})` : unit);
	if (!latest) return `${unitText}. ${words['figure.none']}`;
	const { figure } = latest;
	const parts = [
		...(figure.value !== undefined ? [formNumberText(figure.value, figure.decimals?.value)] : []),
		...(figure.total !== undefined ? [`/ ${formNumberText(figure.total)}`] : []),
		...(figure.rank !== undefined ? [words['figure.rank'](figure.rank, figure.of)] : []),
	];
	return `${unitText}. ${words['figure.latest'](figure.period, parts.join(' ') || '—')}`;
}

function indicatorField(indicator: Indicator, input: CmsConfigInput): Field {
	const { words, locale } = input;
	const optional = { required: false };
	return {
		name: indicator.id,
		label: indicator.label[locale],
		label_singular: words['figure.add'],
		widget: 'list',
		// Open, so the figure and its fields show without a click.
		collapsed: false,
		...optional,
		hint: figureHint(indicator, input.latest.get(indicator.id), locale, words),
		summary: '{{fields.value}} {{fields.period}}',
		fields: [
			{ name: 'value', label: words['field.value'], widget: 'string', ...optional, hint: words['field.valueHint'] },
			...(allowsTotal(indicator) ? [{ name: 'total', label: words['field.total'], widget: 'string', ...optional }] : []),
			{ name: 'period', label: words['field.period'], widget: 'number', value_type: 'int', min: 1000, max: 9999, ...optional },
			{
				name: 'status',
				label: words['field.status'],
				widget: 'select',
				options: [
					{ label: words['field.statusEstimate'], value: 'estimate' },
					{ label: words['field.statusFinal'], value: 'final' },
				],
				...optional,
			},
			{
				name: 'boundaries',
				label: words['field.boundaries'],
				hint: words['field.boundariesHint'],
				widget: 'select',
				options: [
					{ label: words['field.boundariesBackdated'], value: 'backdated' },
					{ label: words['field.boundariesOriginal'], value: 'original' },
				],
				...optional,
			},
			{ name: 'rank', label: words['field.rank'], widget: 'number', value_type: 'int', min: 1, ...optional },
			{ name: 'of', label: words['field.of'], widget: 'number', value_type: 'int', min: 1, ...optional },
			{ name: 'target', label: words['field.target'], widget: 'string', ...optional },
			{ name: 'note_vi', label: words['field.noteVi'], widget: 'text', ...optional },
			{ name: 'note_en', label: words['field.noteEn'], widget: 'text', ...optional },
			{ name: 'source', label: words['field.figureSource'], widget: 'string', ...optional },
		],
	};
}

/**
 * The Decap collections: reports (created and corrected here) and their translations (edited), for
 * the archive's own folder and then for each other entity's.
 */
export function cmsCollections(input: CmsConfigInput): Field[] {
	const { words } = input;
	const own = reportCollections(input, {
		names: ['reports', 'translations'],
		folder: `${input.contentFolder}/reports`,
		labels: [words['collection.reports'], words['collection.translations']],
		description: words['collection.reportsHint'],
	});
	const shelves = (input.shelves ?? []).flatMap((shelf) =>
		reportCollections(
			{ ...input, latest: shelf.latest, nextYear: shelf.nextYear },
			{
				names: [`reports_${shelf.id}`, `translations_${shelf.id}`],
				folder: `${input.contentFolder}/reports/${shelf.id}`,
				labels: [words['collection.entityReports'](shelf.name), words['collection.entityTranslations'](shelf.name)],
				description: words['collection.entityReportsHint'](shelf.name, `reports/${shelf.id}`),
			},
		),
	);
	return [...own, ...shelves];
}

/** The two collections of one folder of reports: its reports and their translations. */
function reportCollections(
	input: CmsConfigInput,
	{ names, folder, labels, description }: { names: [string, string]; folder: string; labels: [string, string]; description: string },
): Field[] {
	const { words, locale } = input;
	const categories = [...new Set(input.indicators.map((i) => i.category))];
	const hidden = (name: string, value?: string) => ({ name, widget: 'hidden', required: false, ...(value ? { default: value } : {}) });
	const date = { widget: 'datetime', format: 'YYYY-MM-DD', date_format: locale === 'vi' ? 'DD/MM/YYYY' : 'YYYY-MM-DD', time_format: false };
	const body = { name: 'body', label: words['field.body'], widget: 'markdown', modes: ['raw'], hint: words['field.bodyHint'], required: false };
	return [
		{
			name: names[0],
			label: labels[0],
			label_singular: words['collection.report'],
			description,
			folder,
			extension: 'mdx',
			format: REPORT_FORMAT,
			filter: { field: 'kind', value: 'report' },
			create: true,
			delete: false,
			slug: '{{fields.year}}',
			identifier_field: 'title',
			summary: '{{fields.year}} · {{fields.title}}',
			sortable_fields: ['year', 'title'],
			fields: [
				hidden('kind', 'report'),
				hidden('annals_file'),
				{ name: 'year', label: words['field.year'], widget: 'number', value_type: 'int', min: 1000, max: 9999, default: input.nextYear },
				{ name: 'title', label: words['field.title'], widget: 'string' },
				{ name: 'summary', label: words['field.summary'], widget: 'text', hint: words['field.summaryHint'] },
				{ name: 'published', label: words['field.published'], ...date },
				{
					name: 'source',
					label: words['field.source'],
					widget: 'object',
					required: false,
					collapsed: true,
					fields: [
						{ name: 'title', label: words['field.sourceTitle'], widget: 'string', required: false },
						{ name: 'url', label: words['field.sourceUrl'], widget: 'string', required: false },
					],
				},
				{ name: 'draft', label: words['field.draft'], widget: 'boolean', required: false, default: false },
				{
					name: 'figures',
					label: words['field.figures'],
					widget: 'object',
					required: false,
					fields: categories.map((category) => ({
						name: category,
						label: categoryName(category, locale),
						widget: 'object',
						required: false,
						fields: input.indicators.filter((i) => i.category === category).map((i) => indicatorField(i, input)),
					})),
				},
				{
					name: 'revisions',
					label: words['field.revisions'],
					label_singular: words['field.revision'],
					widget: 'list',
					required: false,
					hint: words['field.revisionsHint'],
					summary: '{{fields.date}} · {{fields.kind}}',
					fields: [
						{ name: 'date', label: words['field.revisionDate'], ...date },
						{
							name: 'kind',
							label: words['field.revisionKind'],
							widget: 'select',
							options: [
								{ label: words['field.kindCorrection'], value: 'correction' },
								{ label: words['field.kindRevision'], value: 'revision' },
							],
						},
						{ name: 'note_vi', label: words['field.revisionNoteVi'], widget: 'text', required: input.lang === 'vi' },
						{ name: 'note_en', label: words['field.revisionNoteEn'], widget: 'text', required: input.lang === 'en' },
					],
				},
				body,
			],
		},
		{
			name: names[1],
			label: labels[1],
			label_singular: words['collection.translation'],
			folder,
			extension: 'mdx',
			format: REPORT_FORMAT,
			filter: { field: 'kind', value: 'translation' },
			create: false,
			delete: false,
			identifier_field: 'title',
			summary: '{{fields.title}}',
			fields: [
				hidden('kind', 'translation'),
				hidden('annals_file'),
				{ name: 'title', label: words['field.title'], widget: 'string' },
				{ name: 'summary', label: words['field.summary'], widget: 'text', hint: words['field.summaryHint'] },
				body,
			],
		},
	];
}

/** The backend the published /admin/ signs in to, from site.yaml's `editing`; undefined when not set up. */
export function cmsBackend(editing: Editing | undefined): Field | undefined {
	if (!editing) return undefined;
	return {
		name: editing.backend,
		repo: editing.repo,
		branch: editing.branch,
		...(editing.base_url ? { base_url: editing.base_url } : {}),
		...(editing.auth_endpoint ? { auth_endpoint: editing.auth_endpoint } : {}),
		...(editing.api_root ? { api_root: editing.api_root } : {}),
		...(editing.app_id ? { app_id: editing.app_id, auth_type: 'pkce' } : {}),
	};
}

/** Commit messages in the form's language, for every backend. */
export function commitMessages(words: CmsWords): Record<string, string> {
	return { create: words['commit.create'], update: words['commit.update'], delete: words['commit.delete'] };
}

/** Everything the admin page hands to Decap, except the backend, which it picks where it runs. */
export function cmsConfig(input: CmsConfigInput): Field {
	return {
		load_config_file: false,
		// The form is the whole page: a Markdown preview of a report is not what its page looks like.
		editor: { preview: false },
		locale: input.locale,
		site_url: input.siteUrl,
		display_url: input.siteUrl,
		// Required by Decap; the forms have no image fields.
		media_folder: `${input.contentFolder}/media`,
		collections: cmsCollections(input),
	};
}

/** The web origins the admin page talks to, for its Content-Security-Policy. */
export function cmsOrigins(editing: Editing | undefined): string[] {
	const origins = new Set<string>([`http://127.0.0.1:${LOCAL_BACKEND_PORT}`, `http://localhost:${LOCAL_BACKEND_PORT}`]);
	if (editing?.backend === 'github') origins.add('https://api.github.com');
	if (editing?.backend === 'gitlab') origins.add('https://gitlab.com');
	for (const url of [editing?.base_url, editing?.api_root, editing?.auth_endpoint]) {
		if (url && /^https?:\/\//.test(url)) origins.add(new URL(url).origin);
	}
	return [...origins];
}
