import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import remarkSmartypantsWhenNeeded from './smartypants.ts';

/** Astro's processor as astro.config.mjs sets it up, with its own SmartyPants or ours. */
const astros = createMarkdownProcessor({ remarkPlugins: [remarkGfm], gfm: false, syntaxHighlight: false });
const ours = createMarkdownProcessor({ remarkPlugins: [remarkSmartypantsWhenNeeded, remarkGfm], gfm: false, syntaxHighlight: false, smartypants: false });

const SAMPLES = {
	'plain prose': 'Tăng trưởng GRDP đạt 8,2%, cao hơn kế hoạch.\n\nGrowth reached 8.2% against a 7% target.',
	'a table and a list': '| Year | Rate |\n| --- | --- |\n| 2023 | 4.1% |\n\n- one\n- two',
	'straight quotes': 'The committee said "the target was met" and the province\'s plan held.',
	'quotes around a link': 'See "[the plan](https://example.org)" for details.',
	'a double dash': 'Growth -- the fastest in years -- came from industry.',
	'an ellipsis': 'Roads, schools, clinics... and more. Also spaced . . . dots.',
	backticks: "An ``old style'' quote and `code` inline.",
	'quotes only in code': 'Nothing here but `"quoted code"`.',
	'a heading with quotes': '## The "new" rural standard\n\nText.',
};

describe('SmartyPants only where needed', () => {
	for (const [name, markdown] of Object.entries(SAMPLES)) {
		it(`renders ${name} exactly as Astro does`, async () => {
			const [expected, actual] = await Promise.all([(await astros).render(markdown), (await ours).render(markdown)]);
			expect(actual.code).toBe(expected.code);
		});
	}

	it('still curls quotes, so the check is not skipping everything', async () => {
		const { code } = await (await ours).render(SAMPLES['straight quotes']);
		expect(code).toContain('“the target was met”');
		expect(code).toContain('province’s');
	});
});
