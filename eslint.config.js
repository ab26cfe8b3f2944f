// Lint: typescript-eslint with types, React's hooks rules, jsx-a11y for the UI — and the house's
// arrows (docs/ARCHITECTURE.md) as import restrictions, so a forbidden arrow fails `npm run lint`.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'node:.+',
  'fs',
  'fs/promises',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'stream',
  'url',
  'worker_threads',
  'zlib',
];

/** An import of another top-level folder, however deep the importing file sits. */
const side = (...names) => ({
  regex: `^(\\.\\./)+(${names.join('|')})(/|$)`,
  message: `the house's arrows (docs/ARCHITECTURE.md) do not allow this import`,
});
/** An import of these packages (or their subpaths), by name: names are regular expressions. */
const packages = (names, why) => ({ regex: `^(${names.join('|')})(/.*)?$`, message: why });

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
      'db/migrations/**',
      'server/migrations/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Errors cross the boundary as AppError; a rejected value of another kind is mapped there.
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      // `void promise` marks a deliberate fire-and-forget (a UI refresh, a background nudge).
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false, arguments: false } }],
      // Template literals of numbers are how Vietnamese labels are written ("số 12/2026").
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      '@typescript-eslint/only-throw-error': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat['recommended-latest'], jsxA11y.flatConfigs.recommended],
    languageOptions: { globals: globals.browser },
    rules: {
      // Screens load their data in an effect (fetch, then set state when it answers); the rule
      // (written for the React Compiler) flags every such load, not a real cascade.
      'react-hooks/set-state-in-effect': 'off',
      // Keyboard-first by design: every dialog and form opens on its first field (DESIGN.md).
      'jsx-a11y/no-autofocus': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            side('db', 'electron', 'server'),
            packages(NODE_BUILTINS, 'the renderer runs in the page: no Node built-ins'),
            packages(['better-sqlite3', 'electron', 'drizzle-orm'], 'the renderer reaches the store only through the api client'),
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            side('db', 'electron', 'renderer', 'server'),
            packages(NODE_BUILTINS, 'shared/ is pure TypeScript: no Node built-ins'),
            packages(['electron', 'better-sqlite3', 'drizzle-orm', 'react', 'antd'], 'shared/ depends on zod and other pure packages only'),
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [side('electron', 'renderer', 'server'), packages(['electron'], 'db/ is plain Node')] },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            side('db', 'electron', 'renderer'),
            packages(['electron', 'better-sqlite3'], 'the server shares only shared/ with the desktop'),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.{ts,cts}'],
    ignores: ['electron/main.ts', 'electron/preload.cts', 'electron/window.ts', 'electron/updater.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            side('renderer', 'server'),
            packages(
              ['electron'],
              "only main.ts, preload.cts, window.ts and updater.ts import 'electron': the rest runs in browser mode and tests too",
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main.ts', 'electron/preload.cts', 'electron/window.ts', 'electron/updater.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [side('renderer', 'server')] }] },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Tests poke at results whose shape the assertion itself checks.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
);
