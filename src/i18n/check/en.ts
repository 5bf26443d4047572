/**
 * What `npm run check`, the build and `npm run new-report` say to an editor, in English. Every key
 * must exist in vi.ts too: index.ts types the Vietnamese dictionary by this one.
 *
 * A message is what is wrong; a fix is what to do about it. Both are whole phrases, so each
 * language can order its words its own way.
 *
 * Over 300 lines because it is one dictionary: every message of the checks, in one place, so a
 * translator reads them side by side with vi.ts, key for key.
 */
type Said = { message: string; fix: string };
const said = (message: string, fix: string): Said => ({ message, fix });
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const en = {
	// How problems are printed
	'format.warning': 'warning: ',
	'format.file': '(file)',
	'format.text': '(text)',
	'format.summary': (errors: number, warnings: number) => `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in the content.`,
	'format.valid': 'Content is valid: no errors, no warnings.',
	'build.header': (errors: number) => `${plural(errors, 'problem')} in the content must be fixed before the archive can be built:`,
	'build.title': 'ContentError',
	'build.hint': 'Fix each line above, then build again. "npm run check" lists the problems without building.',
	'history.missing': (reason: string) =>
		`No git history for versions: ${reason}. The site shows current versions only, and figures changed without a revisions entry cannot be caught. Build from a full clone of the repository (in a shallow clone: git fetch --unshallow) to publish earlier versions.`,
	'history.notGit': 'the content folder is not in a git repository (a tarball or a copy?)',
	'history.shallow': 'this is a shallow clone, so earlier versions cannot be read',
	'deployed.checked': (count: number, source: string) => `Checked against the ${count} figures deployed at ${source}.`,

	// How a value is named in a message
	'show.empty': 'an empty value',
	'show.list': 'a list',
	'show.group': 'a group of fields',
	'kind.text': 'text',
	'kind.list': 'a list',
	'kind.group': 'a group of fields',
	'kind.boolean': 'true or false',
	'kind.number': 'a number',

	// YAML that cannot be read, in plain words
	'yaml.duplicate': () => said('the same field is written twice', 'keep one of the two lines'),
	'yaml.tab': () => said('a tab is used for indentation', 'indent with spaces, two per level'),
	'yaml.indent': () => said('this line does not line up with the fields above it', 'start it at the same column as the field above it that it belongs with'),
	'yaml.overIndented': (above: string) =>
		said(`this line is indented further than "${above}" above it, so it cannot be read as a field`, `start it at the same column as "${above}"`),
	'yaml.valueOnItsOwnLine': (key: string, value: string, field: string) =>
		said(
			`"${key}" has a value (${value}) and also ${field}: below it, which YAML cannot read`,
			`write the figure as a group: "${key}:" alone on its line, then "value: ${value}" and "${field}: …" under it, each indented two more spaces`,
		),
	'yaml.colonInText': (field: string) =>
		said(`the text after "${field}:" holds ": ", which YAML reads as the start of another field`, `put the whole text in quotes: ${field}: "…"`),
	'yaml.missingColon': (key: string) => said(`there is no colon after "${key}"`, `write "${key}:" followed by a space and the value`),
	'yaml.unclosedQuote': (quote: string) =>
		said(`a text opened with ${quote} here is never closed`, `end the text with ${quote} on the same line, or remove the ${quote}`),
	'yaml.unclosedBracket': () => said('a list opened with "[" is never closed', 'end it with "]" on the same line, or write the value without brackets'),
	'yaml.other': () =>
		said('this line cannot be read', 'check the spaces before the field and the colon after its name; put text containing ": " or "#" in quotes'),
	'yaml.comment': (field: string) =>
		said(`the text of ${field} holds " #", and everything after it is read as a comment and left out`, `put the whole text in quotes: ${field}: "…"`),

	// File names and frontmatter
	'file.badName': (name: string) => said(`"${name}" is not a report file name`, 'name it <year>.mdx (e.g. 2025.mdx), or <year>.en.mdx for a translation'),
	'file.badLang': (lang: string, options: string) => said(`"${lang}" is not a language of this archive`, `use ${options}`),
	'file.noFrontmatter': () =>
		said('the file has no frontmatter', 'start it with a line "---", the fields (year, title, summary, published, indicators), and another "---"'),
	'file.noFrontmatterTranslation': () => said('the file has no frontmatter', 'start it with "---", a title: and a summary:, and another "---"'),
	'file.notFields': () => said('the frontmatter is not a set of fields', 'write one "field: value" per line'),
	'file.notFieldsTranslation': () => said('the frontmatter is not a set of fields', 'write title: and summary:'),

	// Schema issues
	'field.unknown': (key: string, guess: string | undefined, allowed: string) =>
		said(`"${key}" is not a field here`, guess ? `did you mean "${guess}"?` : `remove it; the fields allowed here are ${allowed}`),
	'field.missing': (field: string, hint: string) => said(`${field} is missing`, `add a line "${hint}"`),
	'field.valueMissing': () => said('the value is missing', 'write the figure after "value:", or remove the indicator if it was not published'),
	'field.noValue': (field: string) => said(`${field} has no value`, `write a value after "${field}:", or remove the line`),
	'field.notKind': (value: string, kind: string, isText: boolean) =>
		said(`${value} is not ${kind}`, isText ? 'write it as text (in quotes if it looks like a number or a date)' : `write ${kind} here`),
	'field.notDate': (value: string) => said(`${value} is not a date`, 'write the date as YYYY-MM-DD, e.g. 2025-01-31'),
	'field.notUrl': (value: string) => said(`${value} is not a web address`, 'write the full address, starting with https://'),
	'field.notId': (value: string) => said(`${value} is not a valid id`, 'use lower-case letters, digits and underscores, e.g. poverty_rate'),
	'field.notAddress': (value: string) =>
		said(`${value} is not an address inside the site`, 'write what follows the site’s address, starting with / (for example /reports/2024/)'),
	'field.badForm': (value: string, form: string) => said(`${value} is not in the expected form (${form})`, 'correct the value'),
	'field.notOneOf': (value: string, options: string, guess: string | undefined) =>
		said(`${value} is not one of ${options}`, guess ? `did you mean ${guess}?` : `write one of ${options}`),
	'field.empty': (field: string) => said(`${field} is empty`, `write the ${field}`),
	'field.emptyList': (field: string) => said(`${field} is an empty list`, 'add an entry or remove the field'),
	'field.outOfRange': (value: string, field: string, bound: string) => said(`${value} is out of range`, `${field} must be ${bound}`),
	'field.atLeast': (n: string) => `at least ${n}`,
	'field.atMost': (n: string) => `at most ${n}`,
	'field.notWhole': (value: string) => said(`${value} is not a whole number`, 'write a whole number'),
	'field.other': (message: string) => said(message, 'correct the value'),
	'hint.year': 'year: 2025',
	'hint.title': 'title: <the report title>',
	'hint.summary': 'summary: <one or two sentences>',
	'hint.published': 'published: 2025-01-31',
	'hint.date': 'date: 2025-06-30',
	'hint.kind': 'kind: revision',
	'hint.note': 'note: <what changed and why>',
	'hint.url': 'url: https://…',
	'hint.vi': 'vi: <the text in Vietnamese>',
	'hint.en': 'en: <the text in English>',

	// Numbers written as text
	'number.text': (value: string) => `${value} is text, not a number`,
	'number.notFinite': (value: string) =>
		said(
			`${value} is not a figure`,
			'YAML reads .nan as "not a number" and .inf as infinity: write the figure as a number, or remove the line if it was not published',
		),
	'number.oneReading': (n: number) => `write ${n} without quotes${Number.isInteger(n) ? '' : ', with a decimal point'}`,
	'number.twoReadings': (a: number, b: number) =>
		`write ${a} or ${b} without quotes, whichever was published: three digits after a comma or a dot can be decimals or thousands`,
	'number.noReading': 'write a number without quotes',
	'number.noReadingFigure': 'write the figure as a number, or remove the line if it was not published',

	// The catalogue and the site settings
	'catalogue.notList': () => said('the catalogue is not a list', 'start each indicator with "- id: …"'),
	'catalogue.duplicateId': (id: string, first: number) => said(`"${id}" is already the id of entry ${first}`, 'give each indicator its own id'),
	'catalogue.unitChanged': (id: string, from: string, to: string) =>
		said(
			`the unit of ${id} changed from ${from} to ${to} since it was published`,
			`record the change under breaks: (the year the new unit applies from, and a note), or keep unit: ${from}`,
		),
	'site.headlineUnknown': (id: string, file: string, guess: string | undefined) =>
		said(`"${id}" is not in ${file}`, guess ? `did you mean "${guess}"?` : `use an id from ${file}`),

	// The register of entities, content/entities.yaml
	'entities.duplicateId': (id: string, first: number) => said(`"${id}" is already the id of entity ${first}`, 'give each entity its own id'),
	'entities.unknownKind': (kind: string, kinds: string) =>
		said(`"${kind}" is not one of the kinds under kinds:`, `use one of ${kinds}, or add "${kind}" under kinds:`),
	'entities.endsBeforeStart': (id: string, from: string, until: string) =>
		said(`${id} ends (${until}) before it starts (${from})`, 'correct one of the two dates'),
	'entities.unknownEntity': (id: string, ids: string) => said(`"${id}" is not an entity of the register`, `use one of ${ids}, or add "${id}" under entities:`),
	'entities.changeShape': (kind: string, from: number, to: number) =>
		said(
			`a ${kind} turns ${from} into ${to}`,
			kind === 'merger'
				? 'a merger has two or more under from: and one under to:'
				: kind === 'split'
					? 'a split has one under from: and two or more under to:'
					: 'a rename has one under from: and one under to:',
		),
	'entities.predecessorEnd': (id: string, until: string | undefined, expected: string) =>
		said(`${id} ${until ? `ends on ${until}` : 'has no end'}, but the change makes it something else from the next day`, `write until: ${expected} for ${id}`),
	'entities.successorStart': (id: string, from: string | undefined, expected: string) =>
		said(`${id} ${from ? `starts on ${from}` : 'has no start'}, but the change that makes it is on ${expected}`, `write from: ${expected} for ${id}`),
	'entities.continuesNotPredecessor': (id: string, from: string) => said(`continues: names ${id}, which is not under from:`, `name one of ${from}`),
	'entities.endsTwice': (id: string, first: number) =>
		said(`${id} already ends in change ${first}`, 'an entity ends once: join the two changes, or correct the ids'),
	'site.entityMissing': (file: string, ids: string) =>
		said(
			`${file} holds several entities but site.yaml does not say whose archive this is`,
			`write entity: followed by the archive's current entity, one of ${ids}`,
		),
	'site.entityUnknown': (id: string, ids: string) => said(`"${id}" is not an entity of the register`, `use one of ${ids}`),
	'report.entityUnknown': (id: string, ids: string) => said(`"${id}" is not an entity of the register`, `use one of ${ids}`),
	'report.entityOutsideDates': (name: string, year: number, dates: string) =>
		said(`${name} did not exist in ${year} (${dates})`, 'correct the year, or write entity: with the entity whose report this is'),
	'report.entityNotInLine': (name: string, line: string, folder: string) =>
		said(
			`reports/ holds one report a year, of the archive's own line of entities (${line}); ${name} is not in it`,
			`move the file to ${folder}, the folder of that entity's reports, and remove its entity: line`,
		),
	'shelf.unknownEntity': (folder: string, ids: string) =>
		said(`the folder ${folder} is not named after an entity of the register`, `rename the folder to one of ${ids}, or add the entity to entities.yaml`),
	'shelf.lineEntity': (folder: string, name: string) =>
		said(`${name} is in the archive's own line: its reports go in reports/, not in ${folder}`, 'move the file up into reports/'),
	'shelf.otherEntity': (named: string, folder: string, itsFolder: string) =>
		said(
			`the report says entity: ${named}, but it is in ${folder}, the folder of another entity's reports`,
			`remove the entity: line, or move the file to ${itsFolder}`,
		),
	'shelf.outsideDates': (name: string, year: number, dates: string) =>
		said(`${name} did not exist in ${year} (${dates})`, 'correct the year, or move the file to the folder of the entity whose report this is'),
	'report.boundariesMissing': (indicator: string, period: number, name: string, from: string) =>
		said(
			`the ${indicator} figure for ${period} is from before ${name} existed (from ${from}): on which boundaries is it?`,
			"write boundaries: backdated if it is recomputed on this entity's boundaries (it then joins this entity's series), or boundaries: original if it is the former entity's own figure",
		),
	'report.boundariesNeedless': (period: number, name: string) =>
		said(`boundaries: is only for a year before ${name} existed, and ${period} is not one`, 'remove the boundaries: line'),
	'report.noEntityForYear': (year: number, list: string) =>
		said(`none of the archive's entities existed in ${year}`, `correct the year, or write entity: with one of: ${list}`),
	'report.rankAboveCount': (of: number, count: number, kind: string, day: string) =>
		said(`"of: ${of}" ranks among more than existed: there were ${count} of kind ${kind} on ${day}`, `write of: ${count}, or check the source's ranking`),

	// A report and its figures
	'report.yearMismatch': (year: number, fileYear: number) =>
		said(`the year is ${year} but the file is named ${fileYear}.mdx`, `write year: ${fileYear}, or rename the file to ${year}.mdx`),
	'report.indicatorsNotFields': () => said('indicators is not a set of fields', 'write one "indicator_id: value" per line, indented under indicators:'),
	'report.removedUsed': (id: string, file: string) =>
		said(
			`"${id}" was removed from ${file}, but this report still uses it`,
			`put the indicator back in ${file}, or rename the figure to the indicator that replaces it`,
		),
	'report.unknownId': (id: string, file: string, guess: string | undefined) =>
		said(`"${id}" is not an indicator in ${file}`, guess ? `did you mean "${guess}"?` : `check the spelling, or add the indicator to ${file} first`),
	'report.fieldAsIndicator': (field: string) =>
		said(
			`"${field}" is a field of a figure, but it is indented as an indicator`,
			`indent it under the figure it belongs to, lined up with that figure's value: (write its number as "value: …" on its own line if it is not yet)`,
		),
	'report.entryMissing': () => said('the value is missing', 'write the figure after the colon, or remove the line if it was not published'),
	'report.notFigure': (value: string) => said(`${value} is not a figure`, 'write a number, or value: with the figure'),
	'report.noValue': () => said('the figure has no value, rank or target', 'add value: with the figure, or remove the indicator if it was not published'),
	'report.periodTwice': (period: number, id: string) => said(`period ${period} is given twice for ${id}`, 'give each entry of the list its own period'),
	'report.emptyInDraft': (ids: readonly string[]) =>
		said(
			`${plural(ids.length, 'figure')} of this draft ${ids.length === 1 ? 'has' : 'have'} no value yet: ${ids.join(', ')}`,
			'fill each in, or delete its line if it was not published, before removing draft: true',
		),
	'figure.thousandsOrDecimals': (text: string, spaced: string, decimal: string, plain: string) =>
		said(
			`${text} can be ${decimal} or ${spaced} written with a thousands dot`,
			`write ${decimal} if that is the figure, or ${plain} for ${spaced}: in this file a dot is always the decimal point`,
		),
	'figure.thousandsDot': (text: string, spaced: string, plain: string) =>
		said(
			`${text} looks like ${spaced} written with a thousands dot`,
			`write ${plain}: in this file a dot is always the decimal point, and thousands are written without a separator`,
		),
	'figure.countNotWhole': (text: string) => said(`${text} is not a whole number, which a count must be`, 'write the count without decimals'),
	'figure.tooManyDecimals': (text: string, written: number, id: string, decimals: number, shown: string) =>
		said(
			`${text} has ${written} decimals, but ${id} is shown with at most ${decimals}: readers would see ${shown}`,
			`write the figure with at most ${decimals} decimals as it was published, or set decimals: ${written} for ${id} in the indicator catalogue`,
		),
	'figure.notPercent': (value: number) => `${value} is not a percentage (0–100)`,
	'figure.didYouMean': (guess: number) => `did you mean ${guess}?`,
	'figure.percentLastYear': (year: number, value: number) => `the ${year} figure was ${value}; write the percentage between 0 and 100`,
	'figure.percentRange': 'write the percentage between 0 and 100',
	'figure.negative': (value: number, isCount: boolean) =>
		said(`${value} is negative, which a ${isCount ? 'count' : 'figure in this unit'} cannot be`, 'check the sign'),
	'figure.rankWithoutOf': (rank: number) => said(`rank ${rank} does not say out of how many`, 'add of: with the number ranked, e.g. of: 63'),
	'figure.rankAboveOf': (rank: number, of: number) => said(`rank ${rank} is above of: ${of}`, 'a rank is at most the number ranked; check both'),
	'figure.ofWithoutRank': () => said('of: is given without a rank', 'add rank:, or use total: for a count out of a total'),
	'figure.aboveTotal': (value: number, total: number) => said(`${value} is more than the total ${total}`, 'check the value and the total'),
	'figure.periodAfterYear': (period: number, year: number) =>
		said(`period ${period} is after the report's year ${year}`, `a ${year} report can only state figures for ${year} or earlier`),

	// Translations and text
	'translation.statesField': (key: string, year: number) =>
		said(`a translation states ${key}`, `remove it: figures and dates come from ${year}.mdx; a translation holds title and summary only`),
	'translation.noMain': (year: number) =>
		said(`there is no ${year}.mdx for this translation`, `add content/reports/${year}.mdx with the figures, or rename the file`),
	'translation.sameLanguage': (year: number, lang: string, other: string) =>
		said(`${year}.mdx is already in ${lang}`, `a translation is in the other language; name it ${year}.${other}.mdx`),
	'text.lessThan': (next: string) =>
		said(`"<${next}" is read as the start of a tag (MDX)`, 'write "&lt;" for "<" (e.g. "&lt; 5%"), or put the characters in `code`'),
	'text.brace': () => said('"{" in the text starts an expression (MDX) that cannot be read', 'write "\\{" for "{", or put the characters in `code`'),
	'text.unclosedBrace': () => said('a "{" in the text is never closed (MDX)', 'write "\\{" for "{", or add the closing "}"'),
	'text.unclosedTag': (tag: string) => said(`the tag <${tag}> is never closed (MDX)`, `write <${tag} /> for a tag on its own, or close it with </${tag}>`),
	'text.other': (reason: string) =>
		said(`the text cannot be read as MDX: ${reason}`, 'close the tag (<br /> not <br>), write "<" as &lt; and "{" as \\{, or put the characters in `code`'),
	'text.placeholder': (marker: string) => said(`a placeholder (${marker}) is left in the text`, "replace it with the report's own words"),
	'field.placeholder': (marker: string, field: string) => said(`a placeholder (${marker}) is left in the ${field}`, `write the ${field}`),

	// Across reports
	'reports.sameYear': (other: string, year: number) => said(`${other} is already the report for ${year}`, 'keep one report per year; merge the two files'),
	'reports.staleDraft': (published: string) => said(`this draft is dated ${published}, more than a year ago`, 'publish it (remove draft: true) or delete it'),
	'reports.missingIndicators': (ids: readonly string[], previous: number) =>
		said(
			`${plural(ids.length, 'indicator')} of the ${previous} report ${ids.length === 1 ? 'is' : 'are'} not in this one: ${ids.join(', ')}`,
			'add each that was published; leave out the ones that were not',
		),
	'reports.tenTimes': (value: number, year: number, old: number) =>
		said(`${value} is more than ten times the ${year} figure (${old})`, 'check the unit and the decimal point'),
	'reports.tenth': (value: number, year: number, old: number) =>
		said(`${value} is less than a tenth of the ${year} figure (${old})`, 'check the unit and the decimal point'),

	// The record over git history (src/lib/versions/record.ts)
	'record.figureChanged': (what: string, from: string, to: string, commit: string | undefined) =>
		`${what}: ${from} → ${to} changed after publication${commit ? ` in commit ${commit}` : ''}, without a revisions entry`,
	'record.figureAdded': (what: string, commit: string | undefined) =>
		`${what} was added after publication${commit ? ` in commit ${commit}` : ''}, without a revisions entry`,
	'record.figureRemoved': (what: string, shown: string, commit: string | undefined) =>
		`${what} (${shown}) was removed after publication${commit ? ` in commit ${commit}` : ''}, without a revisions entry`,
	'record.fixNow': 'add a revisions entry (date, kind, note) saying why in the same commit, or restore the published figure',
	'record.fixLater': (version: number) =>
		`add a revisions entry (date, kind, note) saying why in a new commit: version ${version} keeps the figure as first published and the new version shows the change. Git history need not be rewritten`,
	'record.orRestore': (fix: string, from: string) => `${fix}; or restore ${from}`,
	'record.none': '(none)',
	'record.revisionRemoved': (n: number, date: string, kind: string, commit: string) =>
		said(
			`revisions entry ${n} (${date}, ${kind}), committed in ${commit}, has been removed`,
			'put it back as it was: entries are only ever added at the end, and an earlier version is read from them',
		),
	'record.revisionAltered': (n: number, commit: string, was: string, now: string, field: string, old: string) =>
		said(
			`revisions entry ${n} was committed in ${commit} as ${was} and now reads ${now}`,
			`restore ${field}: ${old}; the note may be reworded, but a new change is a new entry at the end`,
		),
	'record.reportDeleted': (year: number, published: string, commit: string, hash: string, file: string) =>
		said(
			`the ${year} report, published ${published}, has been deleted (last committed in ${commit})`,
			`restore it with "git checkout ${hash} -- ${file}": a published report stays in the archive; to correct it, change it and add a revisions entry`,
		),
	'record.unpublished': (published: string) =>
		said(`the report was published on ${published} and cannot become a draft again`, 'remove draft: true; to change a published figure, add a revisions entry'),
	'record.indicatorRemoved': (id: string, catalogue: string, version: number, year: number, file: string, commit: string) =>
		said(
			`"${id}" is no longer in ${catalogue}, but version ${version} of the ${year} report published a figure for it (${file}, commit ${commit})`,
			`put it back in ${catalogue}: the id of a published figure is permanent, and its page and downloads are cited; new reports may simply leave it out`,
		),
	'record.futureRevision': (n: number, date: string) =>
		said(`revisions entry ${n} is dated ${date}, which is after today`, 'date it the day the changed figures are published, today at the latest'),
	'record.earlyRevision': (n: number, date: string, after: string, first: boolean) =>
		said(
			`revisions entry ${n} is dated ${date}, before ${first ? `the report was published (${after})` : `entry ${n - 1} (${after})`}`,
			'date each entry the day its figures were published: after the report, and each after the one before',
		),
	'deployed.restore':
		'restore the history that was deployed (the previous main: a clone, a backup or "git reflog" has it), then make any change in a new commit with a revisions entry',
	'deployed.where': (source: string) => `the site deployed at ${source}`,
	'deployed.reportGone': (year: number, where: string) =>
		said(
			`the ${year} report is published on ${where}, but it is not in the content (or is a draft)`,
			'restore it as it was deployed: a published report stays in the archive',
		),
	'deployed.versionGone': (version: number, year: number, where: string, date: string, restore: string) =>
		said(
			`version ${version} of the ${year} report is published on ${where} (${date}), but the git history no longer holds it: was it squashed, amended or force-pushed?`,
			restore,
		),
	'deployed.noHistory': (version: number, year: number, where: string, date: string) =>
		said(
			`version ${version} of the ${year} report is published on ${where} (${date}), but this build has no git history to publish it from`,
			'build from a full clone of the repository (in a shallow clone: git fetch --unshallow), so that every published version stays',
		),
	'deployed.figureGone': (version: number, year: number, where: string, what: string, restore: string) =>
		said(`version ${version} of the ${year} report is published on ${where} with ${what}, which it no longer has`, restore),
	'deployed.figureDiffers': (version: number, year: number, where: string, what: string, was: string, now: string, restore: string) =>
		said(
			`version ${version} of the ${year} report is published on ${where} with ${what}: ${was}, but would now be published with ${now}`,
			`a deployed figure never changes: ${restore}`,
		),
	'deployed.unreadable': (variable: string, spec: string, where: string, reason: string) =>
		`${variable}=${spec}: ${where} cannot be read (${reason}) — point ${variable} at the folder or address of the deployed site, or leave it unset to check against git history alone`,
	'deployed.addressGone': (address: string, where: string) =>
		said(
			`${address} answers on ${where}, but this build has no page or file there: every link and bookmark to it would break`,
			`keep it, or say where it went in content/redirects.yaml (- from: ${address} / to: the new address)`,
		),
	'deployed.noAddresses': (where: string) =>
		`${where} lists no addresses (data/addresses.json; it was built before Annals listed them): the addresses it answers at were not checked this time`,
	'deployed.addressesChecked': (count: number, source: string) => `Every one of the ${count} addresses ${source} answers at still answers.`,
	'redirects.same': (address: string) => said(`the move from ${address} leads back to ${address}`, 'write the new address in to:, or remove the entry'),
	'redirects.kind': (from: string, to: string) =>
		said(`${from} moves to ${to}: a page (an address ending in /) moves to a page, a file to a file`, 'end both addresses with /, or neither'),
	'redirects.chain': (to: string) => said(`${to} is itself moved by another entry: a reader would be sent on twice`, 'write the last address in to: directly'),
	'redirects.twice': (from: string, line: number) => said(`${from} is moved twice (first at line ${line})`, 'keep one entry for each old address'),
	'redirects.toMissing': (from: string, to: string) =>
		said(
			`${from} is moved to ${to}, but this build has no page or file at ${to}`,
			'write the address as it is now, inside the site (for example /entities/bac_ninh/2025/)',
		),
	'redirects.fromExists': (from: string) =>
		said(
			`${from} is moved, but this build still has a page or file there, which the move would hide`,
			'remove the entry: an address that still answers needs no move',
		),
	'deployed.notJson': (reason: string) => `it is not JSON (${reason})`,
	'deployed.noFigures': 'it has no "figures" list: is it an Annals data/indicators.json?',

	// npm run new-report
	'new.noYear': 'Say which year: npm run new-report -- 2025',
	'new.notYear': (input: string) => `"${input}" is not a year — give four digits, e.g. npm run new-report -- 2025`,
	'new.exists': (path: string) => `${path} already exists — edit that file instead; a report is never overwritten`,
	'new.far': (year: number, distance: number, nearest: number) =>
		`${year} is ${distance} years from the nearest report (${nearest}) — check the year, or add --force if it is right`,
	'new.created': (path: string, latest: number) => `Created ${path} as a draft, with the indicators of ${latest}.`,
	'new.entity': (name: string) => `It is the report of ${name}, as content/entities.yaml and site.yaml's entity: say for that year.`,
	'new.noEntity': (year: number, list: string) =>
		`No entity of the archive's line existed in ${year}, so whose report it is cannot be told. Entities: ${list}. Check the year, or name one with --entity ID.`,
	'new.entityRefused': (id: string, year: number, list: string) =>
		`--entity ${id} cannot make the ${year} report: the archive holds, for each year, the report of its own line of entities (${list}).`,
	'new.entityUnknown': (id: string, list: string) => `--entity ${id} is not an entity of content/entities.yaml. Entities: ${list}.`,
	'new.entityOutsideDates': (id: string, year: number, dates: string) => `${id} did not exist in ${year} (${dates}): check the year or the entity.`,
	'new.entityBeside': (name: string, folder: string) => `It is the report of ${name}, held beside the archive's own reports, in ${folder}.`,
	'new.next': 'Fill in the figures, title, summary and text, then run: npm run check',
	'new.title': (marker: string, year: number) => `${marker}: the title of the ${year} report`,
	'new.summary': (marker: string, year: number) => `${marker}: one or two sentences on ${year}`,
	'new.draftComment': '# Remove the next line when the report is ready to publish.',
	'new.numbersComment': '# Fill in each figure as a number with a decimal point (13.85, not 13,85), and 4850 for four thousand eight hundred and fifty.',
	'new.missingComment': '# Delete the line of a figure that was not published: never write 0 for a missing figure.',
	'new.body': (marker: string, year: number) => `${marker}: write the ${year} report here. Headings start with ##; tables use | columns |.`,
	'new.was': (year: number, edition: number | undefined, shown: string) => `${year} report${edition === undefined ? '' : `, ${edition} edition`}: ${shown}`,
	'new.rank': (rank: number, of: string) => `rank ${rank}/${of}`,
	'new.targetOnly': 'target only',
	'new.total': (total: string) => `out of ${total}`,
	'new.unitOf': (unit: string, noun: string) => `${unit} of ${noun}`,
	'unit.percent': '%',
	'unit.percent_change': '% change',
	'unit.count': 'count',
	'unit.number': 'number',
	'unit.vnd_billion': 'billion VND',
	'unit.vnd_trillion': 'trillion VND',
	'unit.usd': 'USD',
	'unit.index_points': 'index points',
	'unit.hectares': 'ha',
};

export type CheckMessages = typeof en;
