/**
 * A new editor with a browser only: the editing form at /admin/ of the built sample site (Decap CMS,
 * served by the site itself) saving through decap-server into a clone of this repository, one commit
 * per save, as the published form commits to GitHub. Add 2026 (the new Bắc Ninh's, as the archive's line says), correct a 2024 figure, then check the
 * files and build the clone: both changes are published.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LOCAL_BACKEND_PORT } from '../../src/lib/cms/config.ts';
import { buildArchive, builds, clearContentStore, root } from '../setup/site.ts';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../../scripts/chromium.ts';
import { serveDist } from '../../scripts/serve.ts';
import { userEnv } from '../../scripts/user-env.ts';
import { skipBrowser, useBrowser } from './chromium.ts';

const work = join(root, 'dist-test/cms');
const out = join(root, 'dist-test/cms-out');
/** Set to a folder to keep the screenshots EDITING.md shows (npm run docs:editing). */
const shots = process.env['ANNALS_EDITING_SHOTS'];

const git = (...args: string[]) => execFileSync('git', ['-C', work, ...args], { encoding: 'utf8' });
/** The lines the last commit removed and added, without the file headers. */
const changedLines = () =>
	git('show', '--format=', '--unified=0', 'HEAD')
		.split('\n')
		.filter((line) => /^[-+](?![-+])/.test(line));

/** A field's whole control (label, input, hint) by the field's name, inside `scope`. */
function control(scope: Page | Locator, name: string, which: 'first' | 'last' = 'first'): Locator {
	return scope.locator(`label[for^="${name}-field-"]`)[which]().locator('xpath=../..');
}

async function publish(page: Page): Promise<string> {
	await page.getByRole('button', { name: 'Công bố', exact: true }).click();
	await page.getByText('Công bố ngay', { exact: true }).first().click();
	const toast = page.locator('.Toastify__toast').last();
	await toast.waitFor();
	const text = await toast.innerText();
	await page.locator('.Toastify__toast').evaluateAll((toasts) => toasts.forEach((t) => t.remove()));
	return text;
}

async function shot(page: Page, name: string) {
	if (!shots) return;
	mkdirSync(shots, { recursive: true });
	await page.screenshot({ path: join(shots, `${name}.png`) });
}

describe.skipIf(skipBrowser)('the editing form, in Chromium, saving into a clone through decap-server', () => {
	const session = useBrowser(() => builds.root);
	let server: ChildProcess;
	let page: Page;

	beforeAll(async () => {
		rmSync(work, { recursive: true, force: true });
		mkdirSync(join(root, 'dist-test'), { recursive: true });
		execFileSync('git', ['clone', '-q', '--no-local', root, work]);
		git('checkout', '-q', '-B', 'main');
		git('config', 'user.name', 'Biên tập viên');
		git('config', 'user.email', 'editor@example.org');
		server = spawn(process.execPath, [join(root, 'node_modules/decap-server/dist/index.js')], {
			cwd: work,
			env: userEnv({ MODE: 'git', GIT_REPO_DIRECTORY: work, PORT: String(LOCAL_BACKEND_PORT), BIND_HOST: '127.0.0.1', LOG_LEVEL: 'info' }),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		await new Promise<void>((ready, fail) => {
			let log = '';
			server.stdout!.on('data', (chunk: Buffer) => {
				log += chunk.toString();
				if (log.includes('configured with')) ready();
			});
			server.on('exit', (code) => fail(new Error(`decap-server stopped (${code}) on port ${LOCAL_BACKEND_PORT}:\n${log}`)));
		});
		page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
		await page.goto(`${session.served.url}admin/`);
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		await page.getByText('2024 · Tổng kết công tác thi đua').waitFor();
		await shot(page, 'collection');
	});

	afterAll(async () => {
		await page?.close();
		server?.kill();
		[work, out].forEach((dir) => rmSync(dir, { recursive: true, force: true }));
		clearContentStore();
	});

	test('the form is in Vietnamese, made from the catalogue, with last year’s figure beside each indicator', async () => {
		await page.goto(`${session.served.url}admin/#/collections/reports/new`);
		const growth = control(page, 'grdp_growth');
		await expect(growth.locator('label').first().textContent()).resolves.toMatch(/^Tốc độ tăng trưởng kinh tế \(GRDP\)/);
		await expect(growth.innerText()).resolves.toContain('đơn vị: % tăng/giảm. Đã công bố năm 2025: 10,27 hạng 5/34.');
		// Only counts out of a total have a total field.
		await expect(control(page, 'main_targets_met').innerText()).resolves.toContain('Đã công bố năm 2025: 17 / 18.');
		await expect(control(page, 'year').locator('input').inputValue()).resolves.toBe('2026');
	});

	test('adds the 2026 report with three figures and a text: one commit, the file in canonical order', async () => {
		await control(page, 'title').locator('input').fill('Báo cáo kinh tế – xã hội năm 2026');
		await control(page, 'summary').locator('textarea').fill('GRDP tăng 10,27%; GRDP bình quân đầu người 4.850 USD.');
		await control(page, 'published').locator('input').first().fill('2026-11-20');
		for (const [id, value] of [
			['grdp_growth', '10,27'],
			['grdp_per_capita', '4.850'],
			['poverty_rate', '0,97'],
		] as const) {
			const field = control(page, id);
			await field.getByRole('button', { name: /số liệu/ }).click();
			await control(field, 'value').locator('input').fill(value);
		}
		await control(page, 'body').locator('[contenteditable="true"]').first().click();
		await page.keyboard.type('Năm 2026, kinh tế của tỉnh tiếp tục tăng trưởng.');
		await control(page, 'grdp_growth').evaluate((element) => element.scrollIntoView({ block: 'start' }));
		await shot(page, 'new-report');
		const before = git('rev-parse', 'HEAD').trim();
		await expect(publish(page)).resolves.toBe('Mục đã được lưu');
		expect(git('log', '--format=%s', `${before}..HEAD`).trim()).toBe('Thêm Báo cáo 2026 (biểu mẫu biên tập)');
		expect(git('show', '--format=', '--name-status', 'HEAD').trim()).toBe('A\tcontent/reports/2026.mdx');
		expect(readFileSync(join(work, 'content/reports/2026.mdx'), 'utf8')).toBe(
			[
				'---',
				'year: 2026',
				'title: Báo cáo kinh tế – xã hội năm 2026',
				'summary: GRDP tăng 10,27%; GRDP bình quân đầu người 4.850 USD.',
				'published: 2026-11-20',
				'indicators:',
				'  grdp_growth: 10.27',
				'  grdp_per_capita: 4850',
				'  poverty_rate: 0.97',
				'---',
				'',
				'Năm 2026, kinh tế của tỉnh tiếp tục tăng trưởng.',
				'',
			].join('\n'),
		);
	});

	test('correcting a published 2024 figure without a revisions entry is refused, in Vietnamese, and nothing is saved', async () => {
		// As an editor does: back to the list, then the report.
		await page.getByRole('link', { name: /Đang viết trong bộ sưu tập/ }).click();
		await page.getByText('2024 · Tổng kết công tác thi đua').click();
		await expect(control(page, 'year').locator('input').inputValue()).resolves.toBe('2024');
		const growth = control(page, 'grdp_growth');
		await control(growth, 'value').locator('input').fill('13,9');
		const before = git('rev-parse', 'HEAD').trim();
		await expect(publish(page)).resolves.toContain(
			'Bạn đã sửa số liệu đã công bố (Tốc độ tăng trưởng kinh tế (GRDP)). Hãy thêm một mục trong “Đính chính và điều chỉnh”',
		);
		expect(git('rev-parse', 'HEAD').trim()).toBe(before);
		expect(git('status', '--porcelain')).toBe('');
	});

	test('with the revisions entry, the save is one commit whose diff is the figure line and the entry', async () => {
		const revisions = control(page, 'revisions');
		await revisions.getByRole('button', { name: /mục/i }).click();
		await control(revisions, 'date', 'last').locator('input').first().fill('2026-12-01');
		await control(revisions, 'kind', 'last').locator('[class*="control"]').first().click();
		await page.getByText('Đính chính (sửa sai sót)', { exact: true }).click();
		await control(revisions, 'note_vi', 'last').locator('textarea').fill('Sửa tốc độ tăng trưởng GRDP năm 2024.');
		await control(revisions, 'note_en', 'last').locator('textarea').fill('GRDP growth for 2024 corrected.');
		await shot(page, 'correction');
		await expect(publish(page)).resolves.toBe('Mục đã được lưu');
		expect(git('log', '-1', '--format=%s').trim()).toBe('Sửa Báo cáo 2024 (biểu mẫu biên tập)');
		const diff = changedLines();
		expect(diff).toEqual([
			'-    value: 13.87',
			'+    value: 13.9',
			'+  - date: 2026-12-01',
			'+    kind: correction',
			'+    note:',
			'+      vi: Sửa tốc độ tăng trưởng GRDP năm 2024.',
			'+      en: GRDP growth for 2024 corrected.',
		]);
	});

	test('old Bắc Ninh’s reports have their own form: a correction there is saved in its folder, with its entry', async () => {
		await page.goto(`${session.served.url}admin/#/collections/reports_bac_ninh_old`);
		await page.getByText('2024 · Tình hình kinh tế – xã hội tỉnh Bắc Ninh năm 2024').click();
		const growth = control(page, 'grdp_growth');
		await expect(control(growth, 'value').locator('input').inputValue()).resolves.toBe('6,03');
		// The hint is old Bắc Ninh's own latest figure, not the archive's.
		await expect(growth.innerText()).resolves.toContain('Đã công bố năm 2024: 6,03.');
		await control(growth, 'value').locator('input').fill('6,1');
		const before = git('rev-parse', 'HEAD').trim();
		await expect(publish(page)).resolves.toContain('Bạn đã sửa số liệu đã công bố (Tốc độ tăng trưởng kinh tế (GRDP))');
		expect(git('rev-parse', 'HEAD').trim()).toBe(before);
		const revisions = control(page, 'revisions');
		await revisions.getByRole('button', { name: /mục/i }).click();
		await control(revisions, 'date', 'last').locator('input').first().fill('2026-12-01');
		await control(revisions, 'kind', 'last').locator('[class*="control"]').first().click();
		await page.getByText('Điều chỉnh (thay số ước tính)', { exact: true }).click();
		await control(revisions, 'note_vi', 'last').locator('textarea').fill('Cập nhật tốc độ tăng trưởng GRDP năm 2024.');
		await expect(publish(page)).resolves.toBe('Mục đã được lưu');
		expect(git('show', '--format=', '--name-status', 'HEAD').trim()).toBe('M\tcontent/reports/bac_ninh_old/2024.mdx');
		const diff = changedLines();
		expect(diff).toEqual([
			'-    value: 6.03',
			'+    value: 6.1',
			'+revisions:',
			'+  - date: 2026-12-01',
			'+    kind: revision',
			'+    note: Cập nhật tốc độ tăng trưởng GRDP năm 2024.',
		]);
	});

	test('the saved files pass npm run check, and a build publishes the new report and the correction', () => {
		const check = spawnSync(process.execPath, [join(root, 'scripts/check.ts')], { cwd: work, env: userEnv(), encoding: 'utf8' });
		expect(`${check.stdout}${check.stderr}`).toMatch(/không có lỗi/);
		expect(check.status).toBe(0);
		clearContentStore();
		const { status, output } = buildArchive({ ARCHIVE_CONTENT: join(work, 'content'), ARCHIVE_OUT: out });
		expect(status, output).toBe(0);
		const page2026 = readFileSync(join(out, 'reports/2026/index.html'), 'utf8');
		expect(page2026).toContain('Báo cáo kinh tế – xã hội năm 2026');
		expect(page2026).toContain('10,27');
		const page2024 = readFileSync(join(out, 'reports/2024/index.html'), 'utf8');
		expect(page2024).toContain('13,9');
		expect(page2024).toContain('Sửa tốc độ tăng trưởng GRDP năm 2024.');
		// The figure as first published stays readable in the earlier version.
		expect(existsSync(join(out, 'reports/2024/v2/index.html'))).toBe(true);
		expect(readFileSync(join(out, 'reports/2024/v2/index.html'), 'utf8')).toContain('13,87');
		// Old Bắc Ninh's corrected report, with its first version kept.
		expect(readFileSync(join(out, 'entities/bac_ninh_old/2024/index.html'), 'utf8')).toContain('6,1');
		expect(readFileSync(join(out, 'entities/bac_ninh_old/2024/v1/index.html'), 'utf8')).toContain('6,03');
	});
});

describe.skipIf(skipBrowser)('npm run edit', () => {
	let edit: ChildProcess;
	let log = '';
	const port = 4391;

	afterAll(() => {
		if (edit?.pid) process.kill(-edit.pid, 'SIGTERM');
		clearContentStore();
	});

	test('starts decap-server on this folder and the preview, says where the form is, and serves it', async () => {
		clearContentStore();
		edit = spawn(process.execPath, [join(root, 'scripts/edit.ts'), '--port', String(port)], {
			cwd: root,
			env: userEnv(),
			detached: true,
		});
		edit.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
		edit.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
		const until = Date.now() + 60_000;
		let form: Response | undefined;
		while (Date.now() < until && !form?.ok) {
			await new Promise((r) => setTimeout(r, 500));
			form = await fetch(`http://127.0.0.1:${port}/admin/`).catch(() => undefined);
		}
		expect(log).toContain(`Biểu mẫu biên tập: http://127.0.0.1:${port}/admin/`);
		expect(form?.status, log).toBe(200);
		const info = await fetch(`http://127.0.0.1:${LOCAL_BACKEND_PORT}/api/v1`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ action: 'info' }),
		});
		// Files written in this folder, not committed: a text editor's way, safe in a working tree.
		expect(await info.json()).toMatchObject({ type: 'local_fs' });
	});
});

describe.skipIf(skipBrowser)('the published form before sign-in is set up', () => {
	test('says so, in the page’s language, and loads nothing of Decap', async () => {
		const served = await serveDist(builds.root.dir, builds.root.base);
		// A host name that is not this computer's, as a reader of the published site would have.
		const browser = await chromium.launch({
			executablePath: chromiumPath!,
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--host-resolver-rules=MAP annals.test 127.0.0.1'],
		});
		try {
			const page = await browser.newPage();
			const requests: string[] = [];
			page.on('request', (request) => requests.push(new URL(request.url()).pathname));
			const port = new URL(served.url).port;
			for (const [path, words] of [
				['admin/', 'Lưu trữ này chưa được thiết lập đăng nhập.'],
				['en/admin/', 'Signing in is not set up for this archive yet.'],
			] as const) {
				await page.goto(`http://annals.test:${port}/${path}`);
				const notice = page.locator('[data-annals-no-backend]');
				await notice.waitFor({ state: 'visible' });
				await expect(notice.innerText()).resolves.toContain(words);
			}
			expect(requests.filter((p) => p.includes('decap'))).toEqual([]);
		} finally {
			await browser.close();
			await served.close();
		}
	});
});
