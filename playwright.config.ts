// Playwright e2e: the same specs in two projects. `preview` drives the browser preview host in Debian's (or
// any given) Chromium and runs everywhere; `electron` drives the real app through _electron.launch wherever the
// Electron binary exists. Without the binary, the electron project runs one spec that is skipped and says why.
import { defineConfig } from '@playwright/test';
import { electronBinary } from './e2e/electron-binary.js';
import type { TestOptions, WorkerOptions } from './e2e/fixtures.js';

const hasElectron = electronBinary() !== undefined;

export default defineConfig<TestOptions, WorkerOptions>({
  testDir: 'e2e',
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env['CI'] ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'preview',
      testIgnore: 'electron-unavailable.spec.ts',
      use: { runtime: 'preview' },
    },
    {
      name: 'electron',
      ...(hasElectron ? { testIgnore: 'electron-unavailable.spec.ts' } : { testMatch: 'electron-unavailable.spec.ts' }),
      use: { runtime: 'electron' },
    },
  ],
});
