// Lint: typescript-eslint (no `any`, ever), React hooks, and the layering rules from STYLE.md: the renderer
// reaches neither main nor Node; only the Electron glue imports electron; product code never imports the
// emulator, the preview host or the e2e specs.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream'];
const notProduct = [
  { group: ['**/emulator/**', '**/emulator'], message: 'Product code never imports the emulator.' },
  { group: ['**/preview/**', '**/preview'], message: 'Product code never imports the preview host.' },
  { group: ['**/e2e/**'], message: 'Product code never imports e2e specs.' },
];
const electronOnlyInGlue = {
  name: 'electron',
  message: 'Only main/index.ts, window, ipc, app-protocol, main/platform/* and preload/index.ts import electron.',
};
// electron-store, electron-updater, electron-log, electron-context-menu... load Electron themselves.
const electronPackagesOnlyInGlue = {
  group: ['electron-*', '!electron-builder', '!electron-to-chromium'],
  message: 'electron-* packages load Electron: only main/index.ts and main/platform/* import them.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      '.cache/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'preview/bridge.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInGlue, ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node.' }))],
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node.' },
            { group: ['**/main/**', '**/main'], message: 'The renderer talks to main only through the bridge.' },
            electronPackagesOnlyInGlue,
            ...notProduct,
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts', 'preload/**/*.ts'],
    ignores: [
      'main/index.ts',
      'main/window.ts',
      'main/ipc.ts',
      'main/app-protocol.ts',
      'main/platform/**',
      'main/testing/fake-electron.ts',
      'preload/index.ts',
      '**/*.test.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronOnlyInGlue], patterns: [electronPackagesOnlyInGlue, ...notProduct] },
      ],
    },
  },
  {
    // Tests (and the testing/ folders, their helpers) may use the emulator and its test helpers, but still never load
    // Electron.
    files: ['main/**/*.test.ts', 'main/**/testing/**/*.ts', 'preload/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnlyInGlue], patterns: [electronPackagesOnlyInGlue] }],
    },
  },
  {
    files: [
      'main/index.ts',
      'main/window.ts',
      'main/ipc.ts',
      'main/app-protocol.ts',
      'main/platform/**',
      // Type imports only: Electron's .d.ts types the fake; the module itself is never loaded.
      'main/testing/fake-electron.ts',
      'preload/index.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: notProduct }] },
  },
  {
    files: ['emulator/cli.ts', 'preview/cli.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
