/**
 * Every message `npm run check` and the build print, over a corpus of malformed reports: one
 * problem per file, and one file with many. Each file is checked against the sample archive's
 * catalogue and site settings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readContentFiles } from '../../src/data/content-files.ts';
import { formatProblem } from '../../src/lib/validate/problems.ts';
import { validateArchive } from '../../src/lib/validate/validate.ts';

const root = join(import.meta.dirname, '../..');
const corpus = join(root, 'tests/fixtures/malformed');
const sample = readContentFiles(join(root, 'content'), root);

function messages(name: string, lang: 'vi' | 'en' = 'en'): string[] {
	const path = `tests/fixtures/malformed/${name}/2025.mdx`;
	const report = { path, text: readFileSync(join(root, path), 'utf8') };
	return validateArchive({ site: sample.site, indicators: sample.indicators, reports: [report] }, { today: '2026-11-27', lang }).problems.map(formatProblem);
}

const cases = readdirSync(corpus).sort();

test('the corpus holds at least 25 malformed reports and one with many problems', () => {
	expect(cases.length).toBeGreaterThanOrEqual(26);
	expect(messages('29-many-problems').length).toBeGreaterThan(5);
});

test('each malformed report gets a message naming file, line, field and fix', () => {
	const all = Object.fromEntries(cases.map((name) => [name, messages(name).map((m) => m.replace(`tests/fixtures/malformed/${name}/`, ''))]));
	expect(all).toMatchInlineSnapshot(`
		{
		  "01-decimal-comma": [
		    "2025.mdx:8:17  indicators.poverty_rate  "1,2" is text, not a number — write 1.2 without quotes, with a decimal point",
		  ],
		  "02-percent-173": [
		    "2025.mdx:8:17  indicators.poverty_rate  173 is not a percentage (0–100) — did you mean 1.73?",
		  ],
		  "03-unknown-id": [
		    "2025.mdx:8:3  indicators.povety_rate  "povety_rate" is not an indicator in content/indicators.yaml — did you mean "poverty_rate"?",
		  ],
		  "04-not-published-as-text": [
		    "2025.mdx:8:17  indicators.poverty_rate  "n/a" is text, not a number — write the figure as a number, or remove the line if it was not published",
		  ],
		  "05-rank-above-of": [
		    "2025.mdx:12:11  indicators.pci.rank  rank 35 is above of: 34 — a rank is at most the number ranked; check both",
		  ],
		  "06-period-after-year": [
		    "2025.mdx:11:13  indicators.pci.period  period 2026 is after the report's year 2025 — a 2025 report can only state figures for 2025 or earlier",
		  ],
		  "07-year-mismatch": [
		    "2025.mdx:2:7  year  the year is 2024 but the file is named 2025.mdx — write year: 2025, or rename the file to 2024.mdx",
		  ],
		  "08-missing-title": [
		    "2025.mdx:2:1  title  title is missing — add a line "title: <the report title>"",
		  ],
		  "09-missing-published": [
		    "2025.mdx:2:1  published  published is missing — add a line "published: 2025-01-31"",
		  ],
		  "10-bad-date": [
		    "2025.mdx:5:12  published  "31/01/2026" is not a date — write the date as YYYY-MM-DD, e.g. 2025-01-31",
		  ],
		  "11-year-as-text": [
		    "2025.mdx:2:7  year  "2025" is text, not a number — write 2025 without quotes",
		  ],
		  "12-unknown-field": [
		    "2025.mdx:2:1  summary  summary is missing — add a line "summary: <one or two sentences>"",
		    "2025.mdx:4:1  sumary  "sumary" is not a field here — did you mean "summary"?",
		  ],
		  "13-yaml-syntax": [
		    "2025.mdx:7:16  (file)  a list opened with "[" is never closed — end it with "]" on the same line, or write the value without brackets",
		  ],
		  "14-tab-indent": [
		    "2025.mdx:7:1  (file)  a tab is used for indentation — indent with spaces, two per level",
		  ],
		  "15-duplicate-key": [
		    "2025.mdx:9:3  (file)  the same field is written twice — keep one of the two lines",
		  ],
		  "16-bad-status": [
		    "2025.mdx:12:13  indicators.pci.status  "provisional" is not one of estimate, final — write one of estimate, final",
		  ],
		  "17-bad-source": [
		    "2025.mdx:12:13  indicators.pci.source  "www.vcci.com.vn" is not a web address — write the full address, starting with https://",
		  ],
		  "18-misspelt-figure-field": [
		    "2025.mdx:12:5  indicators.pci.rnak  "rnak" is not a field here — did you mean "rank"?",
		    "2025.mdx:13:9  indicators.pci.of  of: is given without a rank — add rank:, or use total: for a count out of a total",
		  ],
		  "19-empty-value": [
		    "2025.mdx:8:3  indicators.poverty_rate  the value is missing — write the figure after the colon, or remove the line if it was not published",
		  ],
		  "20-no-frontmatter": [
		    "2025.mdx:1:1  (file)  the file has no frontmatter — start it with a line "---", the fields (year, title, summary, published, indicators), and another "---"",
		  ],
		  "21-mdx-unclosed-brace": [
		    "2025.mdx:16:13  (text)  a "{" in the text is never closed (MDX) — write "\\{" for "{", or add the closing "}"",
		  ],
		  "22-mdx-unclosed-tag": [
		    "2025.mdx:18:1  (text)  the tag <br> is never closed (MDX) — write <br /> for a tag on its own, or close it with </br>",
		  ],
		  "23-draft-not-boolean": [
		    "2025.mdx:6:8  draft  "yes please" is not true or false — write true or false here",
		  ],
		  "24-negative-count": [
		    "2025.mdx:8:17  indicators.ntm_communes  -3 is negative, which a count cannot be — check the sign",
		  ],
		  "25-revision-without-note": [
		    "2025.mdx:15:5  revisions.0.note  note is missing — add a line "note: <what changed and why>"",
		  ],
		  "26-value-above-total": [
		    "2025.mdx:9:12  indicators.main_targets_met.value  19 is more than the total 18 — check the value and the total",
		  ],
		  "27-rank-without-of": [
		    "2025.mdx:12:11  indicators.pci.rank  rank 5 does not say out of how many — add of: with the number ranked, e.g. of: 63",
		  ],
		  "28-placeholder-left": [
		    "2025.mdx:3:8  title  warning: a placeholder (TODO) is left in the title — write the title",
		  ],
		  "29-many-problems": [
		    "2025.mdx:2:1  title  title is missing — add a line "title: <the report title>"",
		    "2025.mdx:2:7  year  the year is 2024 but the file is named 2025.mdx — write year: 2025, or rename the file to 2024.mdx",
		    "2025.mdx:3:1  titel  "titel" is not a field here — did you mean "title"?",
		    "2025.mdx:4:10  summary  summary is empty — write the summary",
		    "2025.mdx:5:12  published  "2026-13-45" is not a date — write the date as YYYY-MM-DD, e.g. 2025-01-31",
		    "2025.mdx:7:16  indicators.grdp_growth  "8,5" is text, not a number — write 8.5 without quotes, with a decimal point",
		    "2025.mdx:8:17  indicators.poverty_rate  173 is not a percentage (0–100) — did you mean 1.73?",
		    "2025.mdx:9:3  indicators.povety_rate  "povety_rate" is not an indicator in content/indicators.yaml — did you mean "poverty_rate"?",
		    "2025.mdx:12:13  indicators.pci.period  period 2026 is after the report's year 2024 — a 2024 report can only state figures for 2024 or earlier",
		    "2025.mdx:13:11  indicators.pci.rank  rank 40 is above of: 34 — a rank is at most the number ranked; check both",
		    "2025.mdx:15:13  indicators.pci.status  "estimated" is not one of estimate, final — did you mean estimate?",
		    "2025.mdx:18:9  (text)  a "{" in the text is never closed (MDX) — write "\\{" for "{", or add the closing "}"",
		  ],
		  "30-thousands-dot": [
		    "2025.mdx:9:20  indicators.grdp_per_capita  4.850 looks like 4 850 written with a thousands dot — write 4850: in this file a dot is always the decimal point, and thousands are written without a separator",
		    "2025.mdx:11:12  indicators.houses_handed_over.value  1.520 looks like 1 520 written with a thousands dot — write 1520: in this file a dot is always the decimal point, and thousands are written without a separator",
		  ],
		  "31-number-as-text-vietnamese": [
		    "2025.mdx:9:20  indicators.grdp_per_capita  "4.850.000" is text, not a number — write 4850000 without quotes",
		    "2025.mdx:10:23  indicators.houses_handed_over  "1,520" is text, not a number — write 1520 without quotes",
		  ],
		  "32-empty-list": [
		    "2025.mdx:8:8  indicators.pci  pci is an empty list — add an entry or remove the field",
		  ],
		  "33-not-a-number": [
		    "2025.mdx:7:8  indicators.pci  .nan is not a figure — YAML reads .nan as "not a number" and .inf as infinity: write the figure as a number, or remove the line if it was not published",
		  ],
		  "34-infinite": [
		    "2025.mdx:7:8  indicators.pci  .inf is not a figure — YAML reads .nan as "not a number" and .inf as infinity: write the figure as a number, or remove the line if it was not published",
		  ],
		  "35-revision-note-number": [
		    "2025.mdx:9:11  revisions.0.date  revisions entry 1 is dated 2026-01-01, before the report was published (2026-01-31) — date each entry the day its figures were published: after the report, and each after the one before",
		    "2025.mdx:11:11  revisions.0.note  5 is not text — write it as text (in quotes if it looks like a number or a date)",
		  ],
		  "36-note-one-language": [
		    "2025.mdx:9:11  indicators.poverty_rate.note.en  en is missing — add a line "en: <the text in English>"",
		  ],
		}
	`);
});

test('no message is a stack trace, and every one says what to do', () => {
	for (const name of cases) {
		for (const message of messages(name)) {
			expect(message).toMatch(/^tests\/fixtures\/malformed\/[^ ]+\/2025\.mdx:\d+:\d+ {2}\S+ {2}.+ — .+$/);
			expect(message).not.toMatch(/\n\s+at /);
		}
	}
});

test('each malformed report gets the same message in Vietnamese, the sample archive\'s language', () => {
	const all = Object.fromEntries(cases.map((name) => [name, messages(name, 'vi').map((m) => m.replace(`tests/fixtures/malformed/${name}/`, ''))]));
	expect(all).toMatchInlineSnapshot(`
		{
		  "01-decimal-comma": [
		    "2025.mdx:8:17  indicators.poverty_rate  "1,2" đang ở dạng chữ, không phải con số — viết 1.2 không có dấu ngoặc kép, dùng dấu chấm làm dấu thập phân",
		  ],
		  "02-percent-173": [
		    "2025.mdx:8:17  indicators.poverty_rate  173 không phải tỷ lệ phần trăm (0–100) — có phải ý bạn là 1.73?",
		  ],
		  "03-unknown-id": [
		    "2025.mdx:8:3  indicators.povety_rate  "povety_rate" không phải là chỉ tiêu có trong content/indicators.yaml — có phải ý bạn là "poverty_rate"?",
		  ],
		  "04-not-published-as-text": [
		    "2025.mdx:8:17  indicators.poverty_rate  "n/a" đang ở dạng chữ, không phải con số — viết số liệu dưới dạng con số, hoặc xóa dòng này nếu số liệu không được công bố",
		  ],
		  "05-rank-above-of": [
		    "2025.mdx:12:11  indicators.pci.rank  thứ hạng 35 lớn hơn of: 34 — thứ hạng không thể lớn hơn tổng số đơn vị được xếp hạng; kiểm tra cả hai",
		  ],
		  "06-period-after-year": [
		    "2025.mdx:11:13  indicators.pci.period  kỳ 2026 sau năm của báo cáo (2025) — báo cáo năm 2025 chỉ ghi được số liệu của năm 2025 hoặc các năm trước",
		  ],
		  "07-year-mismatch": [
		    "2025.mdx:2:7  year  năm ghi trong tệp là 2024 nhưng tệp lại tên là 2025.mdx — viết year: 2025, hoặc đổi tên tệp thành 2024.mdx",
		  ],
		  "08-missing-title": [
		    "2025.mdx:2:1  title  thiếu trường title — thêm một dòng "title: <tiêu đề báo cáo>"",
		  ],
		  "09-missing-published": [
		    "2025.mdx:2:1  published  thiếu trường published — thêm một dòng "published: 2025-01-31"",
		  ],
		  "10-bad-date": [
		    "2025.mdx:5:12  published  "31/01/2026" không phải là ngày — viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2025-01-31",
		  ],
		  "11-year-as-text": [
		    "2025.mdx:2:7  year  "2025" đang ở dạng chữ, không phải con số — viết 2025 không có dấu ngoặc kép",
		  ],
		  "12-unknown-field": [
		    "2025.mdx:2:1  summary  thiếu trường summary — thêm một dòng "summary: <một hai câu tóm tắt>"",
		    "2025.mdx:4:1  sumary  ở đây không có trường "sumary" — có phải ý bạn là "summary"?",
		  ],
		  "13-yaml-syntax": [
		    "2025.mdx:7:16  (cả tệp)  danh sách mở bằng "[" nhưng không được đóng lại — đóng bằng "]" trên cùng dòng, hoặc viết giá trị không có ngoặc vuông",
		  ],
		  "14-tab-indent": [
		    "2025.mdx:7:1  (cả tệp)  dòng này thụt lề bằng phím Tab — thụt lề bằng dấu cách, mỗi cấp hai dấu cách",
		  ],
		  "15-duplicate-key": [
		    "2025.mdx:9:3  (cả tệp)  cùng một trường được viết hai lần — giữ lại một trong hai dòng",
		  ],
		  "16-bad-status": [
		    "2025.mdx:12:13  indicators.pci.status  "provisional" không thuộc các giá trị estimate, final — viết một trong các giá trị estimate, final",
		  ],
		  "17-bad-source": [
		    "2025.mdx:12:13  indicators.pci.source  "www.vcci.com.vn" không phải địa chỉ trang web — viết đầy đủ địa chỉ, bắt đầu bằng https://",
		  ],
		  "18-misspelt-figure-field": [
		    "2025.mdx:12:5  indicators.pci.rnak  ở đây không có trường "rnak" — có phải ý bạn là "rank"?",
		    "2025.mdx:13:9  indicators.pci.of  có of: nhưng không có thứ hạng — thêm rank:, hoặc dùng total: cho số đếm trên một tổng số",
		  ],
		  "19-empty-value": [
		    "2025.mdx:8:3  indicators.poverty_rate  chưa có giá trị — viết số liệu sau dấu hai chấm, hoặc xóa dòng này nếu số liệu không được công bố",
		  ],
		  "20-no-frontmatter": [
		    "2025.mdx:1:1  (cả tệp)  tệp không có phần thông tin đầu (frontmatter) — mở đầu tệp bằng một dòng "---", các trường (year, title, summary, published, indicators), rồi một dòng "---" nữa",
		  ],
		  "21-mdx-unclosed-brace": [
		    "2025.mdx:16:13  (nội dung)  dấu "{" trong nội dung không được đóng lại (MDX) — viết "\\{" thay cho "{", hoặc thêm dấu "}" để đóng",
		  ],
		  "22-mdx-unclosed-tag": [
		    "2025.mdx:18:1  (nội dung)  thẻ <br> không được đóng lại (MDX) — viết <br /> nếu thẻ đứng một mình, hoặc đóng bằng </br>",
		  ],
		  "23-draft-not-boolean": [
		    "2025.mdx:6:8  draft  "yes please" không phải true hoặc false — viết true hoặc false ở đây",
		  ],
		  "24-negative-count": [
		    "2025.mdx:8:17  indicators.ntm_communes  -3 là số âm, mà số đếm không thể âm — kiểm tra lại dấu",
		  ],
		  "25-revision-without-note": [
		    "2025.mdx:15:5  revisions.0.note  thiếu trường note — thêm một dòng "note: <thay đổi gì và vì sao>"",
		  ],
		  "26-value-above-total": [
		    "2025.mdx:9:12  indicators.main_targets_met.value  19 lớn hơn tổng số 18 — kiểm tra lại giá trị và tổng số",
		  ],
		  "27-rank-without-of": [
		    "2025.mdx:12:11  indicators.pci.rank  thứ hạng 5 chưa ghi xếp trên tổng số bao nhiêu — thêm of: kèm tổng số đơn vị được xếp hạng, ví dụ of: 63",
		  ],
		  "28-placeholder-left": [
		    "2025.mdx:3:8  title  cảnh báo: trường title còn sót chữ giữ chỗ (TODO) — viết nội dung cho title",
		  ],
		  "29-many-problems": [
		    "2025.mdx:2:1  title  thiếu trường title — thêm một dòng "title: <tiêu đề báo cáo>"",
		    "2025.mdx:2:7  year  năm ghi trong tệp là 2024 nhưng tệp lại tên là 2025.mdx — viết year: 2025, hoặc đổi tên tệp thành 2024.mdx",
		    "2025.mdx:3:1  titel  ở đây không có trường "titel" — có phải ý bạn là "title"?",
		    "2025.mdx:4:10  summary  trường summary đang để trống — viết nội dung cho summary",
		    "2025.mdx:5:12  published  "2026-13-45" không phải là ngày — viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2025-01-31",
		    "2025.mdx:7:16  indicators.grdp_growth  "8,5" đang ở dạng chữ, không phải con số — viết 8.5 không có dấu ngoặc kép, dùng dấu chấm làm dấu thập phân",
		    "2025.mdx:8:17  indicators.poverty_rate  173 không phải tỷ lệ phần trăm (0–100) — có phải ý bạn là 1.73?",
		    "2025.mdx:9:3  indicators.povety_rate  "povety_rate" không phải là chỉ tiêu có trong content/indicators.yaml — có phải ý bạn là "poverty_rate"?",
		    "2025.mdx:12:13  indicators.pci.period  kỳ 2026 sau năm của báo cáo (2024) — báo cáo năm 2024 chỉ ghi được số liệu của năm 2024 hoặc các năm trước",
		    "2025.mdx:13:11  indicators.pci.rank  thứ hạng 40 lớn hơn of: 34 — thứ hạng không thể lớn hơn tổng số đơn vị được xếp hạng; kiểm tra cả hai",
		    "2025.mdx:15:13  indicators.pci.status  "estimated" không thuộc các giá trị estimate, final — có phải ý bạn là estimate?",
		    "2025.mdx:18:9  (nội dung)  dấu "{" trong nội dung không được đóng lại (MDX) — viết "\\{" thay cho "{", hoặc thêm dấu "}" để đóng",
		  ],
		  "30-thousands-dot": [
		    "2025.mdx:9:20  indicators.grdp_per_capita  4.850 trông như số 4 850 viết có dấu chấm phân cách hàng nghìn — viết 4850: trong tệp này dấu chấm luôn là dấu thập phân, hàng nghìn viết liền không có dấu phân cách",
		    "2025.mdx:11:12  indicators.houses_handed_over.value  1.520 trông như số 1 520 viết có dấu chấm phân cách hàng nghìn — viết 1520: trong tệp này dấu chấm luôn là dấu thập phân, hàng nghìn viết liền không có dấu phân cách",
		  ],
		  "31-number-as-text-vietnamese": [
		    "2025.mdx:9:20  indicators.grdp_per_capita  "4.850.000" đang ở dạng chữ, không phải con số — viết 4850000 không có dấu ngoặc kép",
		    "2025.mdx:10:23  indicators.houses_handed_over  "1,520" đang ở dạng chữ, không phải con số — viết 1520 không có dấu ngoặc kép",
		  ],
		  "32-empty-list": [
		    "2025.mdx:8:8  indicators.pci  danh sách pci đang trống — thêm một mục hoặc xóa trường này",
		  ],
		  "33-not-a-number": [
		    "2025.mdx:7:8  indicators.pci  .nan không phải là một số liệu — YAML đọc .nan là "không phải số" và .inf là vô cực: ghi số liệu bằng chữ số, hoặc xoá dòng này nếu số liệu chưa được công bố",
		  ],
		  "34-infinite": [
		    "2025.mdx:7:8  indicators.pci  .inf không phải là một số liệu — YAML đọc .nan là "không phải số" và .inf là vô cực: ghi số liệu bằng chữ số, hoặc xoá dòng này nếu số liệu chưa được công bố",
		  ],
		  "35-revision-note-number": [
		    "2025.mdx:9:11  revisions.0.date  mục ghi thay đổi thứ 1 ghi ngày 2026-01-01, trước ngày báo cáo được công bố (2026-01-31) — ghi ngày số liệu mới được công bố: sau ngày công bố báo cáo, và mỗi mục sau mục trước nó",
		    "2025.mdx:11:11  revisions.0.note  5 không phải chữ — viết dưới dạng chữ (đặt trong dấu ngoặc kép nếu trông giống một con số hay một ngày)",
		  ],
		  "36-note-one-language": [
		    "2025.mdx:9:11  indicators.poverty_rate.note.en  thiếu trường en — thêm một dòng "en: <nội dung bằng tiếng Anh>"",
		  ],
		}
	`);
});
