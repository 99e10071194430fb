import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench-results/', 'public/pagefind/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // The engine runs in Node and in a worker: it must not reach for the DOM, Svelte, Astro or d3.
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['svelte', 'svelte/*', 'astro', 'astro:*', 'astro/*', 'd3', 'd3-*'], message: 'engine/ must stay free of UI libraries.' },
        { group: ['../widgets/*', '../site/*', '../lessons/*', 'node:*'], message: 'engine/ imports nothing from other rooms or Node built-ins.' },
      ] }],
      'no-restricted-globals': ['error',
        { name: 'window', message: 'engine/ has no DOM.' },
        { name: 'document', message: 'engine/ has no DOM.' },
        { name: 'localStorage', message: 'engine/ has no DOM.' },
        { name: 'navigator', message: 'engine/ has no DOM.' },
      ],
    },
  },
);
