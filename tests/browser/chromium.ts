/**
 * Finds the system Chromium for the browser tests. Without one, the tests are skipped with an
 * install hint, except when REQUIRE_BROWSER=1 (CI), where a missing browser is a failure.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { chromiumPath, launch as launchChromium } from '../../scripts/chromium.ts';
import { serveDist, type Served } from '../../scripts/serve.ts';
import type { Build } from '../setup/site.ts';

export const required = process.env['REQUIRE_BROWSER'] === '1';
export const skipBrowser = !chromiumPath && !required;

if (skipBrowser) {
	console.warn('Browser tests skipped: no Chromium found. Install it with "sudo apt-get install chromium" (or set CHROMIUM_PATH).');
}

/** Launches headless Chromium with flags that keep it off the network. */
export async function launch(): Promise<Browser> {
	if (!chromiumPath)
		throw new Error('REQUIRE_BROWSER=1 but no Chromium was found at /usr/bin/chromium; install it with "apt-get install chromium" or set CHROMIUM_PATH.');
	return launchChromium();
}

/**
 * A Chromium and a local server for a built site, started before the tests of the calling
 * describe block and stopped after them. Read `.browser` and `.served` inside the tests.
 */
export function useBrowser(build: () => Build): { browser: Browser; served: Served } {
	const session = {} as { browser: Browser; served: Served };
	beforeAll(async () => {
		const { dir, base } = build();
		[session.browser, session.served] = await Promise.all([launch(), serveDist(dir, base)]);
	});
	afterAll(async () => {
		await session.browser?.close();
		await session.served?.close();
	});
	return session;
}
