// Lint rules that keep the architecture honest: process boundaries, the layers (screens read through
// db/, the domain stays pure, test kits stay out of the app) and translated UI text are
// checked by the linter rather than by memory.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import i18next from 'eslint-plugin-i18next';
import globals from 'globals';

// Attribute strings a person reads or hears: these must come from i18n too.
const VISIBLE_ATTRIBUTES = 'aria-label|aria-description|aria-valuetext|aria-roledescription|title|placeholder|label|legend|alt|confirmLabel|message|hint';

const TESTKIT_ONLY_IN_TESTS = { group: ['**/testkit/**'], message: 'Test kits (renderer/src/testkit) are for tests only: they must not reach the app bundle.' };
const DOMAIN_PURE = { group: ['react', 'react-*', 'dexie', 'dexie-*', '**/db/**', '**/features/**', '**/ui/**', 'i18next'], message: 'The domain is pure TypeScript.' };

// The renderer has no Node and no Electron: it reaches the desktop only through the typed bridge.
const RENDERER_IMPORTS = {
  paths: [{ name: 'electron', message: 'The renderer talks to the shell only through renderer/src/platform.' }],
  patterns: [
    { group: ['node:*', 'fs', 'path', 'child_process'], message: 'No Node modules in the renderer.' },
    { group: ['**/electron/main/**', '**/electron/preload/**'], message: 'Import only electron/shared (types and schemas).' },
    TESTKIT_ONLY_IN_TESTS,
  ],
};

// Screens (features/, ui/, app/) never touch the tables: they read through the reads of db/
// (`useRead(query)`, `useRecord(kind, id)`) and write through the repositories and db/ steps. The
// database itself may only be handed, as is, to a db/ function: `liveVillages(getRelais().db)`.
const READ_THROUGH_DB = 'Screens never touch the tables: read through a db/ read (useRead / useRecord) and write through a repository or a db/ step; pass getRelais().db only as an argument to a db/ function.';
const SCREEN_IMPORTS = {
  paths: [
    ...RENDERER_IMPORTS.paths,
    { name: 'dexie', allowImportNames: ['liveQuery'], message: READ_THROUGH_DB },
  ],
  patterns: [
    ...RENDERER_IMPORTS.patterns,
    { group: ['**/db/schema', '**/db/sync/*', '!**/db/sync/index'], message: READ_THROUGH_DB },
  ],
};
const SCREEN_SYNTAX = [
  // getRelais().db.villages…, relais.db.transaction(…), const d = getRelais().db
  { selector: "MemberExpression[property.name='db']:not(CallExpression > MemberExpression.arguments)", message: READ_THROUGH_DB },
  // const { db } = getRelais()
  { selector: "ObjectPattern > Property[key.name='db']", message: READ_THROUGH_DB },
  // db.villages…, whatever `db` is
  { selector: "MemberExpression[object.type='Identifier'][object.name='db']", message: READ_THROUGH_DB },
];
const I18N_SYNTAX = [
  { selector: `JSXAttribute[name.name=/^(${VISIBLE_ATTRIBUTES})$/] > Literal[value=/\\p{L}{2,}/u]`, message: 'User-visible attribute text must come from i18n (t(...)).' },
];

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
      'no-restricted-imports': ['error', RENDERER_IMPORTS],
    },
  },
  {
    files: ['renderer/src/domain/**/*.ts'],
    rules: {
      // The domain is pure: the same rules run in Node tests, in workers and in the page.
      'no-restricted-imports': ['error', { patterns: [DOMAIN_PURE] }],
    },
  },
  {
    files: ['renderer/src/domain/**/*.ts'],
    ignores: ['renderer/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [DOMAIN_PURE, TESTKIT_ONLY_IN_TESTS] }],
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
      'no-restricted-syntax': ['error', ...I18N_SYNTAX],
    },
  },
  {
    files: ['renderer/src/{features,ui,app}/**/*.{ts,tsx}'],
    ignores: ['renderer/src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', SCREEN_IMPORTS],
      'no-restricted-syntax': ['error', ...SCREEN_SYNTAX],
    },
  },
  {
    // The same for components, with the i18n rule above (a later block replaces a rule's options).
    files: ['renderer/src/{features,ui,app}/**/*.tsx'],
    ignores: ['renderer/src/**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': ['error', ...SCREEN_SYNTAX, ...I18N_SYNTAX],
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
