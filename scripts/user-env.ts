/**
 * The environment a command gets when an editor or a CI starts it. A test runner adds variables of
 * its own that Astro and Vite read (Vitest sets NODE_ENV=test, with which Vite sets
 * import.meta.env.DEV, and copies its import.meta.env into the environment: BASE_URL, MODE, DEV, PROD, SSR): the
 * commands the tests and the benchmark start get this process's environment without them, so that
 * they run as they run for the people who use them.
 */
const VITEST_ENV = new Set(['NODE_ENV', 'TEST', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']);
const testRunner = (name: string) => name.startsWith('VITEST') || VITEST_ENV.has(name);

/** This process's environment without a test runner's variables, with `extra` over it. */
export function userEnv(extra: Record<string, string> = {}): Record<string, string> {
	const own = Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && !testRunner(entry[0]));
	return { ...Object.fromEntries(own), ...extra };
}
