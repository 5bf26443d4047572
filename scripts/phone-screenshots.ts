/**
 * `node scripts/phone-screenshots.ts dist`: the screenshots in docs/phone/, of a built archive at 390 px
 * (a common phone width), light scheme. Run from the project root after `npm run build`.
 */
import { launch } from './chromium.ts';
import { serveDist } from './serve.ts';
const dir = process.argv[2]!;
const shots: [string, string, string?][] = [
	['home', ''],
	['report', 'reports/2024/', '.figures'],
	['report-versions', 'reports/2024/', '.versions .changes'],
	['indicators', 'indicators/', '.indicator-list'],
	['indicator', 'en/indicators/grdp_growth/', 'annals-chart'],
	['compare', 'compare/?i=grdp_growth,iip_growth,industrial_parks&a=2023&b=2024', '[data-year-table]'],
	['search', 'search/?q=ho+ngheo'],
];
const served = await serveDist(dir, '/');
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, colorScheme: 'light' });
for (const [name, route, selector] of shots) {
	await page.goto(served.url + route);
	if (selector) await page.evaluate((sel) => document.querySelector(sel)?.scrollIntoView({ block: 'start' }), selector);
	await page.waitForTimeout(route.startsWith('search') || selector === 'annals-chart' ? 1500 : 600);
	await page.screenshot({ path: `docs/phone/${name}.png` });
}
await browser.close();
await served.close();
