/**
 * `npm run edit`: the editing form on this computer. Starts decap-server (which reads and writes
 * the files of this folder for the form) on 127.0.0.1:8081 and the preview (`astro dev`) on
 * 127.0.0.1:4321, and says where the form is. A save writes the report file here, as a text editor
 * would; commit it as usual. Ctrl+C stops both.
 *
 * `--commit` makes every save a commit on the current branch, as the published form commits to
 * GitHub or GitLab (decap-server's git mode, which stages everything in the folder: use it in a
 * clean working tree).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir } from '../src/data/content-files.ts';
import { checkLanguage } from '../src/i18n/check/index.ts';
import { LOCAL_BACKEND_PORT } from '../src/lib/cms/config.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { commit: { type: 'boolean', default: false }, port: { type: 'string', default: '4321' }, lang: { type: 'string' } } });
const lang = checkLanguage(readFileSync(join(contentDir(), 'site.yaml'), 'utf8'), values.lang);
const words = {
	vi: {
		open: (url: string) => `Biểu mẫu biên tập: ${url}  (bấm "Đăng nhập"; Ctrl+C để dừng)`,
		saves: values.commit ? 'Mỗi lần lưu là một commit trên nhánh hiện tại.' : 'Mỗi lần lưu ghi tệp báo cáo vào thư mục này; hãy commit như thường lệ.',
		stopped: (name: string, code: number | null) => `${name} đã dừng (mã ${code}).`,
	},
	en: {
		open: (url: string) => `Editing form: ${url}  (press "Login"; Ctrl+C to stop)`,
		saves: values.commit ? 'Every save is a commit on the current branch.' : 'Every save writes the report file in this folder; commit it as usual.',
		stopped: (name: string, code: number | null) => `${name} stopped (code ${code}).`,
	},
}[lang];

const children: ChildProcess[] = [];
function start(name: string, args: string[], env: Record<string, string>): ChildProcess {
	const child = spawn(process.execPath, args, { cwd: process.cwd(), env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
	child.on('exit', (code) => {
		console.error(words.stopped(name, code));
		stop(code ?? 1);
	});
	children.push(child);
	return child;
}
function stop(code = 0) {
	for (const child of children) if (child.exitCode === null) child.kill();
	process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

start('decap-server', [join(root, 'node_modules/decap-server/dist/index.js')], {
	MODE: values.commit ? 'git' : 'fs',
	GIT_REPO_DIRECTORY: process.cwd(),
	PORT: String(LOCAL_BACKEND_PORT),
	BIND_HOST: '127.0.0.1',
	LOG_LEVEL: 'warn',
});
start('astro dev', [join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', values.port], {});
console.log(words.open(`http://127.0.0.1:${values.port}/admin/`));
console.log(words.saves);
