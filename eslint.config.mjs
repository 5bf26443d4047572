// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default defineConfig(
	{ ignores: ['dist/', 'dist-*/', '.astro/', 'node_modules/'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	...astro.configs.recommended,
	{
		languageOptions: {
			globals: { console: 'readonly', process: 'readonly', URL: 'readonly', document: 'readonly', window: 'readonly' },
		},
		rules: {
			// `_name` marks a parameter or destructured field that is deliberately unused.
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
		},
	},
	// The layers (docs/architecture.md): imports run one way, from pages down to schemas.
	{
		// The domain is plain data in, plain data out: no Astro, no adapter, no build machinery, no file system.
		files: ['src/lib/**/*.ts', 'src/schemas/**/*.ts', 'src/i18n/**/*.ts'],
		ignores: ['**/*.test.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ regex: '^astro:', message: 'src/lib, src/schemas and src/i18n use no Astro module: pass plain data in.' },
						{
							regex: '(^|/)(data|integrations|workers|pages|components|layouts|client)/',
							message: 'src/lib, src/schemas and src/i18n import only each other: the layers above call them.',
						},
						{
							regex: '^node:(fs|fs/promises|child_process|worker_threads)$',
							message: 'No file system or processes in the domain: src/data reads files and git.',
						},
					],
				},
			],
		},
	},
	{
		// The dictionaries and schemas sit below the domain.
		files: ['src/schemas/**/*.ts', 'src/i18n/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ regex: '(^|/)lib/', message: 'src/schemas and src/i18n sit below src/lib: move the shared type down instead.' },
						{ regex: '^astro:' },
						{ regex: '(^|/)(data|integrations|workers)/' },
					],
				},
			],
		},
	},
	{
		// The build's machinery serves the adapter and the integrations, and knows neither.
		files: ['src/workers/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '(^|/)(data|integrations|pages|components|layouts)/',
							message: 'src/workers is called by src/data and src/integrations, never the other way round.',
						},
						{ regex: '^astro:' },
					],
				},
			],
		},
	},
);
