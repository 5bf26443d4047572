import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/content/**/*.test.ts'],
					// The property tests take seconds, and CI may share its cores: one that took 4.6 s on
					// this machine took more than Vitest's default 5 s there. A hang still fails.
					testTimeout: 30_000,
				},
			},
			{
				test: {
					name: 'site',
					include: ['tests/site/**/*.test.ts'],
					globalSetup: ['tests/setup/build.ts'],
					testTimeout: 120_000,
					hookTimeout: 300_000,
					// Some files run astro build themselves; Astro keeps one content store per project,
					// so two builds at once would trip over each other.
					fileParallelism: false,
				},
			},
			{
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					globalSetup: ['tests/setup/build.ts'],
					testTimeout: 120_000,
					hookTimeout: 300_000,
					// One Chromium at a time: this machine has two cores.
					fileParallelism: false,
				},
			},
		],
	},
});
