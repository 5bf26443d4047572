/**
 * The system Chromium (Debian's `chromium` package; no browser downloads on this network), for the
 * browser tests and the benchmark's first-view measurements.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];

/** Where Chromium is, if it is installed. */
export const chromiumPath = CANDIDATES.find((path) => existsSync(path));

/** Launches headless Chromium with flags that keep it off the network. */
export async function launch(): Promise<Browser> {
	if (!chromiumPath) throw new Error('No Chromium was found at /usr/bin/chromium; install it with "apt-get install chromium" or set CHROMIUM_PATH.');
	return chromium.launch({
		executablePath: chromiumPath,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
	});
}
