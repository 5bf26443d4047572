/**
 * A data package: one ZIP with the current figures and every version's figures as CSV, the
 * definitions in `metadata.json`, and a README that says which version of the data it is, how to
 * cite it and how to open the CSV in a spreadsheet set to Vietnamese. Built from the same rows as
 * the CSV downloads, so the package and the pages never disagree.
 */
import { strToU8, zipSync } from 'fflate';
import type { LocalizedText } from '../schemas/common.ts';
import type { Indicator } from './content/model.ts';
import { CSV_COLUMNS, toCsv, unitWords, type FigureRow } from './downloads.ts';

export interface PackageInput {
	/** The file name stem: an indicator id, or `indicators` for the whole archive. */
	name: string;
	/** What the package holds, in each language: an indicator's name, or the archive's title. */
	title: LocalizedText;
	/** The indicators whose figures it holds. */
	indicators: readonly Indicator[];
	/** One row per indicator and period, as the pages show them. */
	current: readonly FigureRow[];
	/** Every figure of every version. */
	all: readonly FigureRow[];
	publisher: LocalizedText;
	archiveTitle: LocalizedText;
	/** The page the figures are published on, absolute. */
	url: string;
}

/** What each column of the CSV files holds, in both languages. */
export const COLUMN_NOTES: Record<(typeof CSV_COLUMNS)[number], LocalizedText> = {
	indicator: { vi: 'mã chỉ tiêu (không đổi)', en: 'indicator id (never changes)' },
	period: { vi: 'năm của số liệu', en: 'the year the figure measures' },
	value: { vi: 'giá trị, dấu chấm là dấu thập phân, đúng số chữ số như khi công bố', en: 'the value, decimal point, with the digits it was published with' },
	unit: { vi: 'mã đơn vị', en: 'unit code' },
	status: { vi: 'estimate (ước tính) hoặc final (chính thức)', en: 'estimate or final' },
	rank: { vi: 'xếp hạng (1 là cao nhất)', en: 'rank (1 is best)' },
	of: { vi: 'trên tổng số được xếp hạng', en: 'out of how many were ranked' },
	total: { vi: 'tổng số (với số đếm trên một tổng)', en: 'the total, for a count out of a total' },
	target: { vi: 'kế hoạch năm', en: 'the target for the year' },
	report_year: { vi: 'năm của báo cáo nêu số liệu', en: 'the year of the report that states it' },
	version: { vi: 'phiên bản của báo cáo (1 là bản công bố lần đầu)', en: 'the report’s version (1 as first published)' },
	current: { vi: 'true nếu là phiên bản hiện hành', en: 'true for the current version' },
	version_date: { vi: 'ngày công bố phiên bản', en: 'the day the version was published' },
	source: { vi: 'nguồn công bố', en: 'where the figure was published' },
	label_vi: { vi: 'tên chỉ tiêu (tiếng Việt)', en: 'indicator name (Vietnamese)' },
	label_en: { vi: 'tên chỉ tiêu (tiếng Anh)', en: 'indicator name (English)' },
	unit_vi: { vi: 'đơn vị (tiếng Việt)', en: 'unit (Vietnamese)' },
	unit_en: { vi: 'đơn vị (tiếng Anh)', en: 'unit (English)' },
	note_vi: { vi: 'ghi chú (tiếng Việt)', en: 'note (Vietnamese)' },
	note_en: { vi: 'ghi chú (tiếng Anh)', en: 'note (English)' },
	entity: { vi: 'mã đơn vị ban hành báo cáo (content/entities.yaml)', en: 'id of the entity whose report states it (content/entities.yaml)' },
	entity_vi: { vi: 'tên đơn vị ban hành báo cáo (tiếng Việt)', en: 'name of that entity (Vietnamese)' },
	entity_en: { vi: 'tên đơn vị ban hành báo cáo (tiếng Anh)', en: 'name of that entity (English)' },
	boundaries: {
		vi: 'với năm trước khi đơn vị đó được thành lập: backdated (tính lại theo địa giới của đơn vị) hoặc original (số liệu riêng của đơn vị cũ); trống với các số liệu khác',
		en: 'for a year before that entity existed: backdated (recomputed on its boundaries) or original (the former entity’s own figure); empty otherwise',
	},
};

/** The newest version date among the rows: the data is as of that day. */
export function dataDate(rows: readonly FigureRow[]): string {
	return rows.reduce((latest, row) => (row.version_date > latest ? row.version_date : latest), '');
}

/** Each report with the version the current figures come from, oldest first: "2024 v2". */
function reportVersions(rows: readonly FigureRow[]): { year: number; version: number }[] {
	const byYear = new Map<number, number>();
	// The archive's own reports: those of an entity beside its line are cited by their own pages.
	for (const row of rows) if (row.current && !row.shelf) byYear.set(row.report_year, row.version);
	return [...byYear].sort(([a], [b]) => a - b).map(([year, version]) => ({ year, version }));
}

const viDate = (iso: string) => {
	const [y, m, d] = iso.split('-');
	return `${Number(d)}/${Number(m)}/${y}`;
};

/** How to cite the package, in each language. */
export function citation(input: PackageInput): LocalizedText {
	const date = dataDate(input.all);
	const year = date.slice(0, 4);
	const versions = reportVersions(input.current);
	const vi = versions.map((v) => `${v.year} (phiên bản ${v.version})`).join(', ');
	const en = versions.map((v) => `${v.year} (version ${v.version})`).join(', ');
	return {
		vi: `${input.publisher.vi} (${year}). ${input.title.vi}. ${input.archiveTitle.vi}, số liệu đến ngày ${viDate(date)}; báo cáo năm ${vi}. ${input.url}`,
		en: `${input.publisher.en} (${year}). ${input.title.en}. ${input.archiveTitle.en}, figures as of ${date}; reports ${en}. ${input.url}`,
	};
}

/** `metadata.json`: what the files are, what each column and indicator means, and how to cite them. */
export function packageMetadata(input: PackageInput): unknown {
	return {
		title: input.title,
		publisher: input.publisher,
		url: input.url,
		data_as_of: dataDate(input.all),
		reports: reportVersions(input.current),
		citation: citation(input),
		files: {
			[`${input.name}-current.csv`]: {
				vi: 'Số liệu hiện hành: mỗi chỉ tiêu, mỗi năm một dòng, như trên trang web.',
				en: 'Current figures: one row per indicator and year, as on the website.',
			},
			[`${input.name}-all-versions.csv`]: {
				vi: 'Mọi số liệu của mọi phiên bản, kể cả số đã được đính chính; lọc current = true để chỉ lấy phiên bản hiện hành.',
				en: 'Every figure of every version, corrected ones included; filter on current = true for current versions only.',
			},
		},
		columns: Object.fromEntries(CSV_COLUMNS.map((column) => [column, COLUMN_NOTES[column]])),
		indicators: input.indicators.map((i) => ({
			id: i.id,
			label: i.label,
			category: i.category,
			unit: i.unit,
			unit_words: { vi: unitWords(i, 'vi'), en: unitWords(i, 'en') },
			direction: i.direction,
			decimals: i.decimals,
			definition: i.definition,
			breaks: i.breaks,
		})),
	};
}

/** The package's README, in Vietnamese and English. */
export function packageReadme(input: PackageInput): string {
	const cite = citation(input);
	const date = dataDate(input.all);
	return [
		`# ${input.title.vi}`,
		'',
		`${input.archiveTitle.vi} — ${input.publisher.vi}. Số liệu đến ngày ${viDate(date)}. Trang web: ${input.url}`,
		'',
		`- \`${input.name}-current.csv\`: số liệu hiện hành, mỗi chỉ tiêu mỗi năm một dòng, như trên trang web.`,
		`- \`${input.name}-all-versions.csv\`: mọi số liệu của mọi phiên bản; lọc \`current\` = \`true\` để chỉ lấy phiên bản hiện hành.`,
		'- `metadata.json`: định nghĩa chỉ tiêu, đơn vị, các năm thay đổi cách tính (`breaks`) và ý nghĩa từng cột.',
		'',
		'**Trích dẫn:**',
		'',
		cite.vi,
		'',
		`**Mở bằng bảng tính cài đặt tiếng Việt.** Cách đơn giản nhất là tải tệp bảng tính \`${input.name}.xlsx\` trên trang web: số được lưu dưới dạng số nên hiện đúng với mọi cài đặt ngôn ngữ. Tệp CSV dùng dấu phẩy ngăn cột và dấu chấm là dấu thập phân (155.876 là một trăm năm mươi lăm phẩy tám bảy sáu). Nếu mở trực tiếp, bảng tính cài đặt tiếng Việt sẽ đọc nhầm 155.876 thành 155876. Hãy nhập tệp thay vì mở:`,
		'',
		'- Excel: Dữ liệu (Data) → Từ Văn bản/CSV (From Text/CSV) → Nguồn gốc tệp (File Origin): 65001 Unicode (UTF-8) → Chuyển đổi dữ liệu (Transform Data), rồi với mỗi cột số: Đổi kiểu (Change Type) → Sử dụng vùng (Using Locale) → Tiếng Anh (Hoa Kỳ).',
		'- LibreOffice Calc: khi mở tệp, chọn Bộ ký tự (Character set) UTF-8, Ngôn ngữ (Language) Tiếng Anh (Hoa Kỳ), dấu ngăn cách là dấu phẩy.',
		'- Google Trang tính: Tệp → Cài đặt → Vùng: Hoa Kỳ, rồi Tệp → Nhập.',
		'',
		'---',
		'',
		`# ${input.title.en}`,
		'',
		`${input.archiveTitle.en} — ${input.publisher.en}. Figures as of ${date}. Website: ${input.url}`,
		'',
		`- \`${input.name}-current.csv\`: the current figures, one row per indicator and year, as on the website.`,
		`- \`${input.name}-all-versions.csv\`: every figure of every version; filter \`current\` = \`true\` for current versions only.`,
		'- `metadata.json`: the indicators’ definitions, units, the years their definition changed (`breaks`) and what each column holds.',
		'',
		'**Cite as:**',
		'',
		cite.en,
		'',
		`**In a spreadsheet set to Vietnamese.** Simplest: download the workbook \`${input.name}.xlsx\` from the website, whose numbers are stored as numbers and show right in any language. The CSV separates columns with commas and decimals with a point. A spreadsheet set to Vietnamese reads 155.876 as 155876 when it opens the file directly: import it instead (Excel: Data → From Text/CSV → File Origin 65001 UTF-8 → Transform Data, then each number column: Change Type → Using Locale → English (United States); LibreOffice: Language English (USA) in the import dialog; Google Sheets: File → Settings → Locale United States, then File → Import).`,
		'',
	].join('\n');
}

/** The ZIP, byte for byte the same for the same figures: every file dated the day the data is as of. */
export function dataPackage(input: PackageInput): Uint8Array {
	const [y, m, d] = dataDate(input.all).split('-').map(Number) as [number, number, number];
	// ZIP keeps local time; a date made from local fields reads back the same on any machine.
	const mtime = new Date(y, m - 1, d, 12, 0, 0);
	const file = (text: string): [Uint8Array, { mtime: Date }] => [strToU8(text), { mtime }];
	return zipSync(
		{
			'README.md': file(packageReadme(input)),
			'metadata.json': file(`${JSON.stringify(packageMetadata(input), null, 1)}\n`),
			[`${input.name}-current.csv`]: file(toCsv(input.current)),
			[`${input.name}-all-versions.csv`]: file(toCsv(input.all)),
		},
		{ level: 9 },
	);
}
