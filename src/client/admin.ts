/**
 * The editing form: loads Decap CMS from this site, registers the report file format that writes
 * only what the editor changed (src/lib/cms/report-file.ts), and starts it with the configuration
 * the page was built with. On the editor's own computer (`npm run edit`) it saves through
 * decap-server; on the published site through the GitHub or GitLab repository in site.yaml.
 */
import { cmsWords } from '../i18n/cms/index.ts';
import type { Indicator, Locale } from '../lib/content/model.ts';
import { fromFile, REPORT_FORMAT, toFile, type FormData, type ReportFormatContext } from '../lib/cms/report-file.ts';

interface Settings {
	config: Record<string, unknown>;
	backend: Record<string, unknown> | undefined;
	commitMessages: Record<string, string>;
	indicators: Indicator[];
	lang: Locale;
	locale: Locale;
	localPort: number;
	decap: string;
}

interface DecapCms {
	registerCustomFormat(name: string, extension: string, format: { fromFile(text: string): unknown; toFile(data: unknown): string }): void;
	init(options: { config: Record<string, unknown> }): void;
}

declare global {
	interface Window {
		CMS_MANUAL_INIT?: boolean;
		CMS?: DecapCms;
	}
}

function loadScript(src: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const script = document.createElement('script');
		script.src = src;
		script.onload = () => resolve();
		script.onerror = () => reject(new Error(`${src} did not load`));
		document.head.append(script);
	});
}

async function start() {
	const settings = JSON.parse(document.getElementById('annals-cms')!.textContent!) as Settings;
	const local = ['localhost', '127.0.0.1'].includes(location.hostname);
	if (!local && !settings.backend) {
		document.querySelector<HTMLElement>('[data-annals-no-backend]')!.hidden = false;
		return;
	}
	window.CMS_MANUAL_INIT = true;
	await loadScript(settings.decap);
	const cms = window.CMS!;
	const context: ReportFormatContext = { indicators: settings.indicators, lang: settings.lang, words: cmsWords(settings.locale) };
	cms.registerCustomFormat(REPORT_FORMAT, 'mdx', {
		fromFile: (text) => fromFile(text, context),
		toFile: (data) => toFile(data as FormData, context),
	});
	const branch = typeof settings.backend?.['branch'] === 'string' ? settings.backend['branch'] : 'main';
	cms.init({
		config: {
			...settings.config,
			...(local
				? // decap-server on this computer, the way Decap's own local_backend reaches it.
					{
						backend: {
							name: 'proxy',
							proxy_url: `http://${location.hostname}:${settings.localPort}/api/v1`,
							branch,
							commit_messages: settings.commitMessages,
						},
						publish_mode: 'simple',
					}
				: // Each save becomes a pull (merge) request, checked by CI before it reaches the site.
					{ backend: { ...settings.backend, commit_messages: settings.commitMessages }, publish_mode: 'editorial_workflow' }),
		},
	});
}

void start();
