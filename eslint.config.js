// Lint rules that keep the architecture honest: process boundaries and translated UI text are
// checked by the linter rather than by memory.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import i18next from 'eslint-plugin-i18next';
import globals from 'globals';

// Attribute strings a person reads or hears: these must come from i18n too.
const VISIBLE_ATTRIBUTES = 'aria-label|aria-description|aria-valuetext|aria-roledescription|title|placeholder|label|legend|alt|confirmLabel|message|hint';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/**/*.test.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // The renderer has no Node and no Electron: it reaches the desktop only through the typed bridge.
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer talks to the shell only through renderer/src/platform.' }],
        patterns: [
          { group: ['node:*', 'fs', 'path', 'child_process'], message: 'No Node modules in the renderer.' },
          { group: ['**/electron/main/**', '**/electron/preload/**'], message: 'Import only electron/shared (types and schemas).' },
        ],
      }],
    },
  },
  {
    files: ['renderer/src/domain/**/*.ts'],
    rules: {
      // The domain is pure: the same rules run in Node tests, in workers and in the page.
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-*', 'dexie', 'dexie-*', '**/db/**', '**/features/**', '**/ui/**', 'i18next'], message: 'The domain is pure TypeScript.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/src/**/*.tsx'],
    ignores: ['renderer/src/**/*.test.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': ['error', {
        mode: 'jsx-text-only',
        words: { exclude: ['[0-9!-/:-@[-`{-~\\s×·•–—…%●○◈☷✎⌖◎▦⇅⚙⌂✓✗←→↑↓]+'] },
      }],
      'no-restricted-syntax': ['error', {
        selector: `JSXAttribute[name.name=/^(${VISIBLE_ATTRIBUTES})$/] > Literal[value=/\\p{L}{2,}/u]`,
        message: 'User-visible attribute text must come from i18n (t(...)).',
      }],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/**'], message: 'The main process never learns the data model.' }],
      }],
    },
  },
);
