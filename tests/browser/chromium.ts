/**
 * Finds the system Chromium for the browser tests. Without one, the tests are skipped with an
 * install hint, except when REQUIRE_BROWSER=1 (CI), where a missing browser is a failure.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];

export const chromiumPath = CANDIDATES.find((path) => existsSync(path));
export const required = process.env['REQUIRE_BROWSER'] === '1';
export const skipBrowser = !chromiumPath && !required;

if (skipBrowser) {
	console.warn('Browser tests skipped: no Chromium found. Install it with "sudo apt-get install chromium" (or set CHROMIUM_PATH).');
}

/** Launches headless Chromium with flags that keep it off the network. */
export async function launch(): Promise<Browser> {
	if (!chromiumPath) throw new Error('REQUIRE_BROWSER=1 but no Chromium was found at /usr/bin/chromium; install it with "apt-get install chromium" or set CHROMIUM_PATH.');
	return chromium.launch({
		executablePath: chromiumPath,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
	});
}
