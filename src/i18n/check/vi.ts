/**
 * Những gì `npm run check`, quá trình dựng trang và `npm run new-report` nói với người biên tập,
 * bằng tiếng Việt. Written for province office staff: plain words, the field name as it is in the
 * file, and what to type. Keys and arguments are those of en.ts (index.ts checks that none is missing).
 */
import type { CheckMessages } from './en.ts';

type Said = { message: string; fix: string };
const said = (message: string, fix: string): Said => ({ message, fix });

export const vi: CheckMessages = {
	'format.warning': 'cảnh báo: ',
	'format.file': '(cả tệp)',
	'format.text': '(nội dung)',
	'format.summary': (errors, warnings) => `Nội dung có ${errors} lỗi, ${warnings} cảnh báo.`,
	'format.valid': 'Nội dung hợp lệ: không có lỗi, không có cảnh báo.',
	'build.header': (errors) => `Cần sửa ${errors} lỗi trong nội dung trước khi dựng được trang lưu trữ:`,
	'build.title': 'Lỗi nội dung',
	'build.hint': 'Sửa từng dòng nêu trên rồi dựng lại. Lệnh "npm run check" liệt kê các lỗi mà không cần dựng trang.',
	'history.missing': (reason) =>
		`Không có lịch sử git để dựng các phiên bản: ${reason}. Trang chỉ hiện phiên bản hiện hành, và không phát hiện được số liệu bị sửa mà không có mục ghi thay đổi. Hãy dựng từ một bản sao đầy đủ của kho (với bản sao rút gọn: git fetch --unshallow) để công bố các phiên bản trước.`,
	'history.notGit': 'thư mục nội dung không nằm trong kho git (bản nén hoặc bản chép?)',
	'history.shallow': 'đây là bản sao rút gọn (shallow clone), nên không đọc được các phiên bản trước',
	'deployed.checked': (count, source) => `Đã đối chiếu với ${count} số liệu đang công bố tại ${source}.`,

	'show.empty': 'giá trị trống',
	'show.list': 'một danh sách',
	'show.group': 'một nhóm trường',
	'kind.text': 'chữ',
	'kind.list': 'một danh sách',
	'kind.group': 'một nhóm trường',
	'kind.boolean': 'true hoặc false',
	'kind.number': 'một con số',

	'yaml.duplicate': () => said('cùng một trường được viết hai lần', 'giữ lại một trong hai dòng'),
	'yaml.tab': () => said('dòng này thụt lề bằng phím Tab', 'thụt lề bằng dấu cách, mỗi cấp hai dấu cách'),
	'yaml.indent': () => said('dòng này không thẳng hàng với các trường phía trên', 'cho dòng bắt đầu ở cùng cột với trường phía trên mà nó thuộc về'),
	'yaml.overIndented': (above) =>
		said(`dòng này thụt vào sâu hơn dòng "${above}" phía trên nên không đọc được thành một trường`, `cho dòng bắt đầu ở cùng cột với "${above}"`),
	'yaml.valueOnItsOwnLine': (key, value, field) =>
		said(
			`"${key}" đã có giá trị (${value}) mà phía dưới lại có thêm ${field}:, nên không đọc được`,
			`viết số liệu thành một khối: dòng "${key}:" để riêng, rồi "value: ${value}" và "${field}: …" ở các dòng dưới, mỗi dòng thụt vào thêm hai dấu cách`,
		),
	'yaml.colonInText': (field) =>
		said(`phần chữ sau "${field}:" có ": ", nên bị hiểu là bắt đầu một trường khác`, `đặt cả đoạn chữ trong dấu ngoặc kép: ${field}: "…"`),
	'yaml.missingColon': (key) => said(`thiếu dấu hai chấm sau "${key}"`, `viết "${key}:", sau đó một dấu cách rồi đến giá trị`),
	'yaml.unclosedQuote': (quote) =>
		said(`đoạn chữ mở bằng dấu ${quote} ở đây nhưng không được đóng lại`, `đóng đoạn chữ bằng dấu ${quote} trên cùng dòng, hoặc bỏ dấu ${quote}`),
	'yaml.unclosedBracket': () => said('danh sách mở bằng "[" nhưng không được đóng lại', 'đóng bằng "]" trên cùng dòng, hoặc viết giá trị không có ngoặc vuông'),
	'yaml.other': () =>
		said('không đọc được dòng này', 'kiểm tra các dấu cách ở đầu dòng và dấu hai chấm sau tên trường; đoạn chữ có ": " hoặc "#" thì đặt trong dấu ngoặc kép'),
	'yaml.comment': (field) =>
		said(`phần chữ của ${field} có " #", và mọi thứ sau dấu này bị coi là ghi chú nên bị bỏ mất`, `đặt cả đoạn chữ trong dấu ngoặc kép: ${field}: "…"`),

	'file.badName': (name) => said(`"${name}" không phải tên tệp báo cáo`, 'đặt tên là <năm>.mdx (ví dụ 2025.mdx), hoặc <năm>.en.mdx cho bản dịch'),
	'file.badLang': (lang, options) => said(`"${lang}" không phải ngôn ngữ của kho lưu trữ này`, `dùng ${options.replace(' or ', ' hoặc ')}`),
	'file.noFrontmatter': () =>
		said(
			'tệp không có phần thông tin đầu (frontmatter)',
			'mở đầu tệp bằng một dòng "---", các trường (year, title, summary, published, indicators), rồi một dòng "---" nữa',
		),
	'file.noFrontmatterTranslation': () =>
		said('tệp không có phần thông tin đầu (frontmatter)', 'mở đầu bằng "---", một dòng title:, một dòng summary:, rồi một dòng "---" nữa'),
	'file.notFields': () => said('phần thông tin đầu không phải là các trường', 'viết mỗi dòng một "trường: giá trị"'),
	'file.notFieldsTranslation': () => said('phần thông tin đầu không phải là các trường', 'viết title: và summary:'),

	'field.unknown': (key, guess, allowed) =>
		said(`ở đây không có trường "${key}"`, guess ? `có phải ý bạn là "${guess}"?` : `xóa dòng này; các trường được dùng ở đây là ${allowed}`),
	'field.missing': (field, hint) => said(`thiếu trường ${field}`, `thêm một dòng "${hint}"`),
	'field.valueMissing': () => said('chưa có giá trị', 'viết số liệu sau "value:", hoặc xóa chỉ tiêu nếu số liệu không được công bố'),
	'field.noValue': (field) => said(`trường ${field} chưa có giá trị`, `viết giá trị sau "${field}:", hoặc xóa dòng này`),
	'field.notKind': (value, kind, isText) =>
		said(`${value} không phải ${kind}`, isText ? 'viết dưới dạng chữ (đặt trong dấu ngoặc kép nếu trông giống một con số hay một ngày)' : `viết ${kind} ở đây`),
	'field.notDate': (value) => said(`${value} không phải là ngày`, 'viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2025-01-31'),
	'field.notUrl': (value) => said(`${value} không phải địa chỉ trang web`, 'viết đầy đủ địa chỉ, bắt đầu bằng https://'),
	'field.notId': (value) => said(`${value} không phải mã hợp lệ`, 'chỉ dùng chữ thường không dấu, chữ số và dấu gạch dưới, ví dụ poverty_rate'),
	'field.notAddress': (value) => said(`${value} không phải một địa chỉ trong trang`, 'ghi phần sau địa chỉ của trang, bắt đầu bằng / (ví dụ /reports/2024/)'),
	'field.badForm': (value, form) => said(`${value} không đúng dạng (${form})`, 'sửa lại giá trị'),
	'field.notOneOf': (value, options, guess) =>
		said(`${value} không thuộc các giá trị ${options}`, guess ? `có phải ý bạn là ${guess}?` : `viết một trong các giá trị ${options}`),
	'field.empty': (field) => said(`trường ${field} đang để trống`, `viết nội dung cho ${field}`),
	'field.emptyList': (field) => said(`danh sách ${field} đang trống`, 'thêm một mục hoặc xóa trường này'),
	'field.outOfRange': (value, field, bound) => said(`${value} nằm ngoài khoảng cho phép`, `${field} phải ${bound}`),
	'field.atLeast': (n) => `từ ${n} trở lên`,
	'field.atMost': (n) => `không quá ${n}`,
	'field.notWhole': (value) => said(`${value} không phải số nguyên`, 'viết một số nguyên'),
	'field.other': (message) => said(message, 'sửa lại giá trị'),
	'hint.year': 'year: 2025',
	'hint.title': 'title: <tiêu đề báo cáo>',
	'hint.summary': 'summary: <một hai câu tóm tắt>',
	'hint.published': 'published: 2025-01-31',
	'hint.date': 'date: 2025-06-30',
	'hint.kind': 'kind: revision',
	'hint.note': 'note: <thay đổi gì và vì sao>',
	'hint.url': 'url: https://…',
	'hint.vi': 'vi: <nội dung bằng tiếng Việt>',
	'hint.en': 'en: <nội dung bằng tiếng Anh>',

	'number.text': (value) => `${value} đang ở dạng chữ, không phải con số`,
	'number.notFinite': (value) =>
		said(
			`${value} không phải là một số liệu`,
			'YAML đọc .nan là "không phải số" và .inf là vô cực: ghi số liệu bằng chữ số, hoặc xoá dòng này nếu số liệu chưa được công bố',
		),
	'number.oneReading': (n) => `viết ${n} không có dấu ngoặc kép${Number.isInteger(n) ? '' : ', dùng dấu chấm làm dấu thập phân'}`,
	'number.twoReadings': (a, b) =>
		`viết ${a} hoặc ${b} không có dấu ngoặc kép, tùy số liệu đã công bố: ba chữ số sau dấu phẩy hay dấu chấm có thể là phần thập phân, cũng có thể là hàng nghìn`,
	'number.noReading': 'viết một con số, không có dấu ngoặc kép',
	'number.noReadingFigure': 'viết số liệu dưới dạng con số, hoặc xóa dòng này nếu số liệu không được công bố',

	'catalogue.notList': () => said('danh mục chỉ tiêu không phải là một danh sách', 'mỗi chỉ tiêu bắt đầu bằng một dòng "- id: …"'),
	'catalogue.duplicateId': (id, first) => said(`"${id}" đã là mã của mục thứ ${first}`, 'mỗi chỉ tiêu phải có mã riêng'),
	'catalogue.unitChanged': (id, from, to) =>
		said(
			`đơn vị của ${id} đã đổi từ ${from} sang ${to} sau khi công bố`,
			`ghi lại thay đổi trong breaks: (năm bắt đầu dùng đơn vị mới, kèm ghi chú), hoặc giữ unit: ${from}`,
		),
	'site.headlineUnknown': (id, file, guess) => said(`"${id}" không có trong ${file}`, guess ? `có phải ý bạn là "${guess}"?` : `dùng một mã có trong ${file}`),

	// Sổ các đơn vị, content/entities.yaml
	'entities.duplicateId': (id, first) => said(`"${id}" đã là mã của đơn vị thứ ${first}`, 'đặt cho mỗi đơn vị một mã riêng'),
	'entities.unknownKind': (kind, kinds) =>
		said(`"${kind}" không phải là một loại khai trong kinds:`, `dùng một trong ${kinds}, hoặc thêm "${kind}" vào kinds:`),
	'entities.endsBeforeStart': (id, from, until) => said(`${id} kết thúc (${until}) trước khi bắt đầu (${from})`, 'sửa lại một trong hai ngày'),
	'entities.unknownEntity': (id, ids) => said(`"${id}" không có trong sổ đơn vị`, `dùng một trong ${ids}, hoặc thêm "${id}" vào entities:`),
	'entities.changeShape': (kind, from, to) =>
		said(
			`thay đổi loại ${kind} lại biến ${from} đơn vị thành ${to}`,
			kind === 'merger'
				? 'hợp nhất (merger) cần hai đơn vị trở lên ở from: và một ở to:'
				: kind === 'split'
					? 'chia tách (split) cần một đơn vị ở from: và hai trở lên ở to:'
					: 'đổi tên (rename) cần một đơn vị ở from: và một ở to:',
		),
	'entities.predecessorEnd': (id, until, expected) =>
		said(
			`${id} ${until ? `kết thúc ngày ${until}` : 'không có ngày kết thúc'}, nhưng thay đổi làm nó thành đơn vị khác từ ngày hôm sau`,
			`viết until: ${expected} cho ${id}`,
		),
	'entities.successorStart': (id, from, expected) =>
		said(`${id} ${from ? `bắt đầu ngày ${from}` : 'không có ngày bắt đầu'}, nhưng thay đổi lập ra nó là ngày ${expected}`, `viết from: ${expected} cho ${id}`),
	'entities.continuesNotPredecessor': (id, from) => said(`continues: ghi ${id}, đơn vị này không có ở from:`, `ghi một trong ${from}`),
	'entities.endsTwice': (id, first) => said(`${id} đã kết thúc ở thay đổi thứ ${first}`, 'mỗi đơn vị chỉ kết thúc một lần: gộp hai thay đổi, hoặc sửa lại mã'),
	'site.entityMissing': (file, ids) =>
		said(`${file} có nhiều đơn vị nhưng site.yaml chưa ghi đây là lưu trữ của đơn vị nào`, `viết entity: và mã đơn vị hiện tại của lưu trữ, một trong ${ids}`),
	'site.entityUnknown': (id, ids) => said(`"${id}" không có trong sổ đơn vị`, `dùng một trong ${ids}`),
	'report.entityUnknown': (id, ids) => said(`"${id}" không có trong sổ đơn vị`, `dùng một trong ${ids}`),
	'report.entityOutsideDates': (name, year, dates) =>
		said(`${name} không tồn tại vào năm ${year} (${dates})`, 'sửa lại năm, hoặc viết entity: với đơn vị thực sự ban hành báo cáo này'),
	'report.entityNotInLine': (name, line, folder) =>
		said(
			`thư mục reports/ giữ mỗi năm một báo cáo, của các đơn vị nối tiếp nhau của lưu trữ (${line}); ${name} không thuộc số đó`,
			`chuyển tệp vào ${folder}, thư mục báo cáo của đơn vị đó, và xóa dòng entity:`,
		),
	'shelf.unknownEntity': (folder, ids) =>
		said(`thư mục ${folder} không mang mã của đơn vị nào trong sổ đơn vị`, `đổi tên thư mục thành một trong ${ids}, hoặc thêm đơn vị vào entities.yaml`),
	'shelf.lineEntity': (folder, name) =>
		said(
			`${name} thuộc các đơn vị nối tiếp của lưu trữ: báo cáo của đơn vị này để trong reports/, không để trong ${folder}`,
			'chuyển tệp lên thư mục reports/',
		),
	'shelf.otherEntity': (named, folder, itsFolder) =>
		said(
			`báo cáo ghi entity: ${named}, nhưng lại nằm trong ${folder}, thư mục báo cáo của một đơn vị khác`,
			`xóa dòng entity:, hoặc chuyển tệp vào ${itsFolder}`,
		),
	'shelf.outsideDates': (name, year, dates) =>
		said(`${name} không tồn tại vào năm ${year} (${dates})`, 'sửa lại năm, hoặc chuyển tệp vào thư mục của đơn vị thực sự ban hành báo cáo này'),
	'report.boundariesMissing': (indicator, period, name, from) =>
		said(
			`số liệu ${indicator} năm ${period} thuộc thời gian trước khi ${name} được thành lập (từ ${from}): số liệu này tính theo địa giới nào?`,
			'viết boundaries: backdated nếu số liệu được tính lại theo địa giới của đơn vị này (khi đó nó nối vào chuỗi số liệu của đơn vị này), hoặc boundaries: original nếu đó là số liệu riêng của đơn vị cũ',
		),
	'report.boundariesNeedless': (period, name) =>
		said(`boundaries: chỉ dùng cho năm trước khi ${name} được thành lập, năm ${period} không phải như vậy`, 'xóa dòng boundaries:'),
	'report.noEntityForYear': (year, list) =>
		said(`không đơn vị nào của lưu trữ tồn tại vào năm ${year}`, `sửa lại năm, hoặc viết entity: với một trong: ${list}`),
	'report.rankAboveCount': (of, count, kind, day) =>
		said(
			`"of: ${of}" xếp hạng trên nhiều đơn vị hơn số đơn vị có thật: ngày ${day} có ${count} đơn vị loại ${kind}`,
			`viết of: ${count}, hoặc kiểm tra lại bảng xếp hạng của nguồn`,
		),

	'report.yearMismatch': (year, fileYear) =>
		said(`năm ghi trong tệp là ${year} nhưng tệp lại tên là ${fileYear}.mdx`, `viết year: ${fileYear}, hoặc đổi tên tệp thành ${year}.mdx`),
	'report.indicatorsNotFields': () => said('indicators không phải là các trường', 'viết mỗi dòng một "mã_chỉ_tiêu: giá trị", thụt vào dưới indicators:'),
	'report.removedUsed': (id, file) =>
		said(`"${id}" đã bị xóa khỏi ${file} nhưng báo cáo này vẫn dùng`, `đưa chỉ tiêu trở lại ${file}, hoặc đổi sang mã của chỉ tiêu thay thế`),
	'report.unknownId': (id, file, guess) =>
		said(
			`"${id}" không phải là chỉ tiêu có trong ${file}`,
			guess ? `có phải ý bạn là "${guess}"?` : `kiểm tra lại chính tả, hoặc thêm chỉ tiêu vào ${file} trước`,
		),
	'report.fieldAsIndicator': (field) =>
		said(
			`"${field}" là một trường của số liệu nhưng lại được thụt lề như một chỉ tiêu`,
			'thụt dòng này vào dưới số liệu mà nó thuộc về, thẳng hàng với dòng value: của số liệu đó (nếu số liệu chưa có dòng value: thì viết con số thành "value: …" trên một dòng riêng)',
		),
	'report.entryMissing': () => said('chưa có giá trị', 'viết số liệu sau dấu hai chấm, hoặc xóa dòng này nếu số liệu không được công bố'),
	'report.notFigure': (value) => said(`${value} không phải là số liệu`, 'viết một con số, hoặc value: kèm số liệu'),
	'report.noValue': () =>
		said('số liệu chưa có giá trị, thứ hạng hay chỉ tiêu kế hoạch', 'thêm value: kèm số liệu, hoặc xóa chỉ tiêu nếu số liệu không được công bố'),
	'report.periodTwice': (period, id) => said(`kỳ ${period} được ghi hai lần cho ${id}`, 'mỗi mục trong danh sách phải có kỳ (period) riêng'),
	'report.emptyInDraft': (ids) =>
		said(
			`${ids.length} số liệu của bản nháp này chưa có giá trị: ${ids.join(', ')}`,
			'điền từng số liệu, hoặc xóa dòng nếu số liệu không được công bố, trước khi bỏ dòng draft: true',
		),
	'figure.thousandsOrDecimals': (text, spaced, decimal, plain) =>
		said(
			`${text} có thể là ${decimal}, cũng có thể là số ${spaced} viết có dấu chấm phân cách hàng nghìn`,
			`viết ${decimal} nếu đúng là số liệu đó, hoặc ${plain} cho số ${spaced}: trong tệp này dấu chấm luôn là dấu thập phân`,
		),
	'figure.thousandsDot': (text, spaced, plain) =>
		said(
			`${text} trông như số ${spaced} viết có dấu chấm phân cách hàng nghìn`,
			`viết ${plain}: trong tệp này dấu chấm luôn là dấu thập phân, hàng nghìn viết liền không có dấu phân cách`,
		),
	'figure.countNotWhole': (text) => said(`${text} không phải số nguyên, mà số đếm thì phải là số nguyên`, 'viết số đếm không có phần thập phân'),
	'figure.tooManyDecimals': (text, written, id, decimals, shown) =>
		said(
			`${text} có ${written} chữ số thập phân, nhưng ${id} chỉ hiển thị tối đa ${decimals}: người đọc sẽ thấy ${shown}`,
			`viết số liệu với tối đa ${decimals} chữ số thập phân đúng như đã công bố, hoặc đặt decimals: ${written} cho ${id} trong danh mục chỉ tiêu`,
		),
	'figure.notPercent': (value) => `${value} không phải tỷ lệ phần trăm (0–100)`,
	'figure.didYouMean': (guess) => `có phải ý bạn là ${guess}?`,
	'figure.percentLastYear': (year, value) => `số liệu năm ${year} là ${value}; viết tỷ lệ phần trăm trong khoảng từ 0 đến 100`,
	'figure.percentRange': 'viết tỷ lệ phần trăm trong khoảng từ 0 đến 100',
	'figure.negative': (value, isCount) => said(`${value} là số âm, mà ${isCount ? 'số đếm' : 'số liệu theo đơn vị này'} không thể âm`, 'kiểm tra lại dấu'),
	'figure.rankWithoutOf': (rank) => said(`thứ hạng ${rank} chưa ghi xếp trên tổng số bao nhiêu`, 'thêm of: kèm tổng số đơn vị được xếp hạng, ví dụ of: 63'),
	'figure.rankAboveOf': (rank, of) => said(`thứ hạng ${rank} lớn hơn of: ${of}`, 'thứ hạng không thể lớn hơn tổng số đơn vị được xếp hạng; kiểm tra cả hai'),
	'figure.ofWithoutRank': () => said('có of: nhưng không có thứ hạng', 'thêm rank:, hoặc dùng total: cho số đếm trên một tổng số'),
	'figure.aboveTotal': (value, total) => said(`${value} lớn hơn tổng số ${total}`, 'kiểm tra lại giá trị và tổng số'),
	'figure.periodAfterYear': (period, year) =>
		said(`kỳ ${period} sau năm của báo cáo (${year})`, `báo cáo năm ${year} chỉ ghi được số liệu của năm ${year} hoặc các năm trước`),

	'translation.statesField': (key, year) =>
		said(`bản dịch có ghi ${key}`, `xóa dòng này: số liệu và ngày tháng lấy từ ${year}.mdx; bản dịch chỉ có tiêu đề và tóm tắt`),
	'translation.noMain': (year) => said(`không có tệp ${year}.mdx cho bản dịch này`, `thêm content/reports/${year}.mdx có số liệu, hoặc đổi tên tệp`),
	'translation.sameLanguage': (year, lang, other) =>
		said(`${year}.mdx đã viết bằng ${lang === 'vi' ? 'tiếng Việt' : 'tiếng Anh'}`, `bản dịch phải bằng ngôn ngữ còn lại; đặt tên là ${year}.${other}.mdx`),
	'text.lessThan': (next) => said(`"<${next}" bị hiểu là mở đầu một thẻ (MDX)`, 'viết "&lt;" thay cho "<" (ví dụ "&lt; 5%"), hoặc viết "dưới 5%"'),
	'text.brace': () => said('dấu "{" trong nội dung mở đầu một biểu thức (MDX) không đọc được', 'viết "\\{" thay cho "{", hoặc đặt các ký tự trong `code`'),
	'text.unclosedBrace': () => said('dấu "{" trong nội dung không được đóng lại (MDX)', 'viết "\\{" thay cho "{", hoặc thêm dấu "}" để đóng'),
	'text.unclosedTag': (tag) => said(`thẻ <${tag}> không được đóng lại (MDX)`, `viết <${tag} /> nếu thẻ đứng một mình, hoặc đóng bằng </${tag}>`),
	'text.other': (reason) =>
		said(
			`không đọc được nội dung theo MDX: ${reason}`,
			'đóng thẻ (<br /> chứ không phải <br>), viết "<" thành &lt; và "{" thành \\{, hoặc đặt các ký tự trong `code`',
		),
	'text.placeholder': (marker) => said(`nội dung còn sót chữ giữ chỗ (${marker})`, 'thay bằng nội dung thật của báo cáo'),
	'field.placeholder': (marker, field) => said(`trường ${field} còn sót chữ giữ chỗ (${marker})`, `viết nội dung cho ${field}`),

	'reports.sameYear': (other, year) => said(`${other} đã là báo cáo của năm ${year}`, 'mỗi năm chỉ có một báo cáo; gộp hai tệp làm một'),
	'reports.staleDraft': (published) => said(`bản nháp này ghi ngày ${published}, đã hơn một năm`, 'công bố (bỏ dòng draft: true) hoặc xóa bản nháp'),
	'reports.missingIndicators': (ids, previous) =>
		said(
			`${ids.length} chỉ tiêu có trong báo cáo năm ${previous} nhưng chưa có ở báo cáo này: ${ids.join(', ')}`,
			'thêm những chỉ tiêu đã được công bố; bỏ qua những chỉ tiêu không công bố',
		),
	'reports.tenTimes': (value, year, old) => said(`${value} lớn hơn mười lần số liệu năm ${year} (${old})`, 'kiểm tra lại đơn vị và dấu thập phân'),
	'reports.tenth': (value, year, old) => said(`${value} nhỏ hơn một phần mười số liệu năm ${year} (${old})`, 'kiểm tra lại đơn vị và dấu thập phân'),

	'record.figureChanged': (what, from, to, commit) =>
		`${what}: ${from} → ${to} đã bị sửa sau khi công bố${commit ? ` trong lần commit ${commit}` : ''} mà không có mục ghi thay đổi`,
	'record.figureAdded': (what, commit) => `${what} được thêm vào sau khi công bố${commit ? ` trong lần commit ${commit}` : ''} mà không có mục ghi thay đổi`,
	'record.figureRemoved': (what, shown, commit) =>
		`${what} (${shown}) bị xóa sau khi công bố${commit ? ` trong lần commit ${commit}` : ''} mà không có mục ghi thay đổi`,
	'record.fixNow': 'thêm một mục vào revisions (date, kind, note) nói rõ lý do, trong cùng lần commit, hoặc trả lại số liệu đã công bố',
	'record.fixLater': (version) =>
		`thêm một mục vào revisions (date, kind, note) nói rõ lý do, trong một lần commit mới: phiên bản ${version} vẫn giữ số liệu như khi công bố lần đầu và phiên bản mới cho thấy thay đổi. Không cần viết lại lịch sử git`,
	'record.orRestore': (fix, from) => `${fix}; hoặc trả lại ${from}`,
	'record.none': '(không có)',
	'record.revisionRemoved': (n, date, kind, commit) =>
		said(
			`mục ghi thay đổi thứ ${n} (${date}, ${kind}), đã commit trong ${commit}, bị xóa`,
			'đưa mục đó trở lại như cũ: các mục chỉ được thêm vào cuối danh sách, và phiên bản trước được dựng từ chúng',
		),
	'record.revisionAltered': (n, commit, was, now, field, old) =>
		said(
			`mục ghi thay đổi thứ ${n} đã commit trong ${commit} là ${was}, nay lại ghi ${now}`,
			`trả lại ${field}: ${old}; có thể sửa câu chữ của ghi chú, nhưng thay đổi mới phải là một mục mới ở cuối danh sách`,
		),
	'record.reportDeleted': (year, published, commit, hash, file) =>
		said(
			`báo cáo năm ${year}, công bố ngày ${published}, đã bị xóa (lần commit cuối có báo cáo: ${commit})`,
			`khôi phục bằng lệnh "git checkout ${hash} -- ${file}": báo cáo đã công bố phải ở lại trong kho lưu trữ; muốn sửa thì sửa số liệu và thêm mục ghi thay đổi`,
		),
	'record.unpublished': (published) =>
		said(
			`báo cáo đã công bố ngày ${published} nên không thể trở lại thành bản nháp`,
			'xóa dòng draft: true; muốn sửa số liệu đã công bố thì thêm mục ghi thay đổi',
		),
	'record.indicatorRemoved': (id, catalogue, version, year, file, commit) =>
		said(
			`"${id}" không còn trong ${catalogue}, nhưng phiên bản ${version} của báo cáo năm ${year} đã công bố số liệu của chỉ tiêu này (${file}, lần commit ${commit})`,
			`đưa chỉ tiêu trở lại ${catalogue}: mã của số liệu đã công bố là cố định, trang và tệp tải xuống của nó đã được trích dẫn; báo cáo mới có thể không dùng chỉ tiêu này`,
		),
	'record.futureRevision': (n, date) =>
		said(`mục ghi thay đổi thứ ${n} ghi ngày ${date}, sau ngày hôm nay`, 'ghi ngày số liệu mới được công bố, muộn nhất là hôm nay'),
	'record.earlyRevision': (n, date, after, first) =>
		said(
			`mục ghi thay đổi thứ ${n} ghi ngày ${date}, trước ${first ? `ngày báo cáo được công bố (${after})` : `mục thứ ${n - 1} (${after})`}`,
			'ghi ngày số liệu mới được công bố: sau ngày công bố báo cáo, và mỗi mục sau mục trước nó',
		),
	'deployed.restore':
		'khôi phục lịch sử đã được triển khai (nhánh main trước đó: có trong một bản sao, bản lưu dự phòng hoặc "git reflog"), rồi thực hiện mọi thay đổi trong một lần commit mới kèm mục ghi thay đổi',
	'deployed.where': (source) => `trang ${source}`,
	'deployed.reportGone': (year, where) =>
		said(
			`báo cáo năm ${year} đang công bố trên ${where}, nhưng không có trong nội dung (hoặc là bản nháp)`,
			'khôi phục báo cáo như khi triển khai: báo cáo đã công bố phải ở lại trong kho lưu trữ',
		),
	'deployed.versionGone': (version, year, where, date, restore) =>
		said(
			`phiên bản ${version} của báo cáo năm ${year} đang công bố trên ${where} (${date}), nhưng lịch sử git không còn phiên bản đó: lịch sử đã bị gộp, sửa lại hay bị đẩy đè (force-push)?`,
			restore,
		),
	'deployed.noHistory': (version, year, where, date) =>
		said(
			`phiên bản ${version} của báo cáo năm ${year} đang công bố trên ${where} (${date}), nhưng lần dựng này không có lịch sử git để dựng lại phiên bản đó`,
			'dựng từ một bản sao đầy đủ của kho (với bản sao rút gọn: git fetch --unshallow), để mọi phiên bản đã công bố vẫn còn',
		),
	'deployed.figureGone': (version, year, where, what, restore) =>
		said(`phiên bản ${version} của báo cáo năm ${year} đang công bố trên ${where} có ${what}, nay không còn`, restore),
	'deployed.figureDiffers': (version, year, where, what, was, now, restore) =>
		said(
			`phiên bản ${version} của báo cáo năm ${year} đang công bố trên ${where} với ${what}: ${was}, nhưng nay sẽ công bố là ${now}`,
			`số liệu đã triển khai không bao giờ thay đổi: ${restore}`,
		),
	'deployed.unreadable': (variable, spec, where, reason) =>
		`${variable}=${spec}: không đọc được ${where} (${reason}) — hãy cho ${variable} trỏ tới thư mục hoặc địa chỉ của trang đang triển khai, hoặc bỏ trống để chỉ đối chiếu với lịch sử git`,
	'deployed.addressGone': (address, where) =>
		said(
			`địa chỉ ${address} đang có trên ${where}, nhưng bản dựng này không có trang hay tệp nào ở đó: mọi liên kết và dấu trang tới địa chỉ ấy sẽ hỏng`,
			`giữ lại địa chỉ đó, hoặc ghi nơi nó chuyển tới trong content/redirects.yaml (- from: ${address} / to: địa chỉ mới)`,
		),
	'deployed.noAddresses': (where) =>
		`${where} không có danh sách địa chỉ (data/addresses.json; trang được dựng trước khi Annals ghi danh sách này): lần này chưa đối chiếu được các địa chỉ`,
	'deployed.addressesChecked': (count, source) => `Cả ${count} địa chỉ đang có trên ${source} vẫn còn.`,
	'redirects.same': (address) => said(`địa chỉ ${address} được chuyển tới chính nó`, 'ghi địa chỉ mới ở to:, hoặc xóa mục này'),
	'redirects.kind': (from, to) =>
		said(
			`${from} chuyển tới ${to}: trang (địa chỉ kết thúc bằng /) chỉ chuyển tới trang, tệp chỉ chuyển tới tệp`,
			'ghi cả hai địa chỉ kết thúc bằng /, hoặc cả hai không có',
		),
	'redirects.chain': (to) => said(`${to} lại được một mục khác chuyển tiếp: người đọc sẽ bị chuyển hai lần`, 'ghi thẳng địa chỉ cuối cùng ở to:'),
	'redirects.twice': (from, line) => said(`${from} được chuyển hai lần (lần đầu ở dòng ${line})`, 'mỗi địa chỉ cũ chỉ giữ một mục'),
	'redirects.toMissing': (from, to) =>
		said(
			`${from} được chuyển tới ${to}, nhưng bản dựng này không có trang hay tệp nào ở ${to}`,
			'ghi địa chỉ hiện nay của trang, trong trang web (ví dụ /entities/bac_ninh/2025/)',
		),
	'redirects.fromExists': (from) =>
		said(
			`${from} được chuyển đi, nhưng bản dựng này vẫn còn trang hay tệp ở đó, và việc chuyển sẽ che mất nó`,
			'xóa mục này: địa chỉ vẫn còn thì không cần chuyển',
		),
	'deployed.notJson': (reason) => `đây không phải tệp JSON (${reason})`,
	'deployed.noFigures': 'tệp không có danh sách "figures": có phải data/indicators.json của Annals không?',
	'new.noYear': 'Hãy cho biết năm: npm run new-report -- 2025',
	'new.notYear': (input) => `"${input}" không phải là năm — ghi bốn chữ số, ví dụ npm run new-report -- 2025`,
	'new.exists': (path) => `${path} đã có — hãy sửa tệp đó; báo cáo không bao giờ bị ghi đè`,
	'new.far': (year, distance, nearest) =>
		`năm ${year} cách báo cáo gần nhất (${nearest}) ${distance} năm — kiểm tra lại năm, hoặc thêm --force nếu đúng là năm đó`,
	'new.created': (path, latest) => `Đã tạo ${path} dưới dạng bản nháp, với các chỉ tiêu của năm ${latest}.`,
	'new.entity': (name) => `Đây là báo cáo của ${name}, theo content/entities.yaml và trường entity: trong site.yaml cho năm đó.`,
	'new.noEntity': (year, list) =>
		`Không đơn vị nào của lưu trữ tồn tại vào năm ${year}, nên không xác định được báo cáo này của đơn vị nào. Các đơn vị: ${list}. Kiểm tra lại năm, hoặc ghi rõ bằng --entity MÃ.`,
	'new.entityRefused': (id, year, list) =>
		`--entity ${id} không tạo được báo cáo năm ${year}: mỗi năm lưu trữ chỉ giữ báo cáo của các đơn vị nối tiếp nhau của mình (${list}).`,
	'new.entityUnknown': (id, list) => `--entity ${id} không có trong content/entities.yaml. Các đơn vị: ${list}.`,
	'new.entityOutsideDates': (id, year, dates) => `${id} không tồn tại vào năm ${year} (${dates}): kiểm tra lại năm hoặc đơn vị.`,
	'new.entityBeside': (name, folder) => `Đây là báo cáo của ${name}, lưu cạnh các báo cáo của lưu trữ, trong ${folder}.`,
	'new.next': 'Điền số liệu, tiêu đề, tóm tắt và nội dung, rồi chạy: npm run check',
	'new.title': (marker, year) => `${marker}: tiêu đề báo cáo năm ${year}`,
	'new.summary': (marker, year) => `${marker}: một hai câu tóm tắt năm ${year}`,
	'new.draftComment': '# Xóa dòng dưới đây khi báo cáo sẵn sàng công bố.',
	'new.numbersComment':
		'# Điền mỗi số liệu dưới dạng con số, dùng dấu chấm làm dấu thập phân (13.85, không viết 13,85), và viết 4850 cho bốn nghìn tám trăm năm mươi.',
	'new.missingComment': '# Xóa dòng của số liệu không được công bố: không bao giờ ghi 0 cho số liệu còn thiếu.',
	'new.body': (marker, year) => `${marker}: viết nội dung báo cáo năm ${year} ở đây. Tiêu đề mục bắt đầu bằng ##; bảng dùng các cột | cột |.`,
	'new.was': (year, edition, shown) => `báo cáo năm ${year}${edition === undefined ? '' : `, kỳ ${edition}`}: ${shown}`,
	'new.rank': (rank, of) => `hạng ${rank}/${of}`,
	'new.targetOnly': 'chỉ có kế hoạch',
	'new.total': (total) => `trên tổng số ${total}`,
	'new.unitOf': (unit, noun) => `${unit} ${noun}`,
	'unit.percent': '%',
	'unit.percent_change': '% tăng/giảm',
	'unit.count': 'số lượng',
	'unit.number': 'số',
	'unit.vnd_billion': 'tỷ đồng',
	'unit.vnd_trillion': 'nghìn tỷ đồng',
	'unit.usd': 'USD',
	'unit.index_points': 'điểm',
	'unit.hectares': 'ha',
};
