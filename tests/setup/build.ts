import { ensureBuilds } from './site.ts';

/** Vitest global setup: build the sample archive before the build-output and browser tests. */
export default function setup() {
	ensureBuilds();
}
