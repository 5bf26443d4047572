/**
 * The preview an editor watches while writing: `npm run dev` on a copy of the sample content, with
 * NODE_ENV=production in its environment. A figure typed the Vietnamese way brings up Astro's error overlay with the check's own message and
 * place; fixing it brings the page back with the new figure. A sentence added to the text shows once saved.
 */
import type { ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnPreview } from '../../scripts/bench/dev.ts';
import { clearContentStore, root } from '../setup/site.ts';
import { launch, skipBrowser } from './chromium.ts';

const content = join(root, 'dist-test/preview-content');
const report = join(content, 'reports/2024.mdx');
const port = 4391;
const address = `http://127.0.0.1:${port}/reports/2024/`;

let server: ChildProcess | undefined;
let browser: Browser | undefined;
let log = '';

beforeAll(async () => {
	if (skipBrowser) return;
	rmSync(content, { recursive: true, force: true });
	cpSync(join(root, 'content'), content, { recursive: true });
	clearContentStore();
	// With NODE_ENV=production in the editor's environment, as a container or a shell profile may set
	// it: the preview is a preview all the same (src/integrations/preview-mode.ts).
	server = spawnPreview(content, port, (chunk) => (log += chunk), { NODE_ENV: 'production' });
	// Ready once it answers; at most two minutes on a busy machine.
	for (let tries = 0; ; tries++) {
		const answer = await fetch(address).then(
			(r) => r.status,
			() => 0,
		);
		if (answer === 200) break;
		if (tries > 240 || server.exitCode !== null) throw new Error(`astro dev did not start (last answer ${answer}, exit ${server.exitCode}):\n${log}`);
		await new Promise((done) => setTimeout(done, 500));
	}
	browser = await launch();
}, 180_000);

afterAll(async () => {
	await browser?.close();
	if (server?.pid) process.kill(-server.pid, 'SIGKILL');
	rmSync(content, { recursive: true, force: true });
	clearContentStore();
});

/** The error overlay's text, or undefined when the page shows no overlay. */
async function overlay(page: Page): Promise<string | undefined> {
	return page.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? undefined);
}

/**
 * Loads the report page until `ready` holds for it: Astro picks an edit up a moment after it is
 * saved, and Vite may reload the page once while it prepares its dependencies.
 */
async function loadUntil(page: Page, ready: (overlayText: string | undefined) => Promise<boolean>): Promise<void> {
	for (let tries = 0; tries < 60; tries++) {
		try {
			await page.goto(address, { waitUntil: 'networkidle' });
			await page.waitForTimeout(300);
			if (await ready(await overlay(page))) return;
		} catch (error) {
			if (!/context was destroyed|navigation|interrupted|ERR_ABORTED/i.test((error as Error).message)) throw error;
		}
		await page.waitForTimeout(500);
	}
	// What the page showed last, for a failure to say which of its conditions did not hold.
	const shown = await overlay(page).catch(() => undefined);
	const prose = await page
		.locator('.prose')
		.textContent()
		.catch(() => undefined);
	throw new Error(`the page never got there (overlay: ${shown ?? 'none'}; text ends: ${prose?.trim().slice(-200) ?? 'none'}); astro dev said:\n${log}`);
}

describe.skipIf(skipBrowser)('npm run dev, while an editor types', () => {
	const original = () => readFileSync(join(root, 'content/reports/2024.mdx'), 'utf8');

	test('a figure written "1,1" shows the check\'s message and place in the browser, and fixing it shows the new figure', async () => {
		const page = await browser!.newPage();
		const poverty = () => page.locator('tr[data-indicator="poverty_rate"] .value').first().textContent();
		await loadUntil(page, async (shown) => shown === undefined && (await poverty()) === '1,73%');

		const text = original();
		const line = text.split('\n').findIndex((l) => l.includes('value: 1.73')) + 1;
		expect(line).toBeGreaterThan(0);
		writeFileSync(report, text.replace('value: 1.73', 'value: 1,1'));
		await loadUntil(page, async (shown) => shown !== undefined);
		const shown = await overlay(page);
		expect(shown).toContain(
			`reports/2024.mdx:${line}:12  indicators.poverty_rate.value  "1,1" đang ở dạng chữ, không phải con số — viết 1.1 không có dấu ngoặc kép, dùng dấu chấm làm dấu thập phân`,
		);

		writeFileSync(report, text.replace('value: 1.73', 'value: 1.1'));
		await loadUntil(page, async (now) => now === undefined && (await poverty()) === '1,1%');
		expect(await overlay(page)).toBeUndefined();
		expect(await poverty()).toBe('1,1%');
		await page.close();
	}, 120_000);

	test('a sentence added to the text shows in the page once saved', async () => {
		const page = await browser!.newPage();
		const sentence = 'Câu này được thêm vào khi xem trước.';
		const prose = () => page.locator('.prose').textContent();
		await loadUntil(page, async (shown) => shown === undefined && !(await prose())?.includes(sentence));
		writeFileSync(report, `${original().trimEnd()}\n\n${sentence}\n`);
		await loadUntil(page, async (shown) => shown === undefined && (await prose())!.includes(sentence));
		expect(await page.locator('.prose > p').last().textContent()).toBe(sentence);
		await page.close();
	}, 120_000);
});
