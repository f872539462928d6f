// The `app` fixture: Cloud Desk started fresh for each test with its own data folder, in either runtime.
// preview: the preview host as a child process plus a page in the project's Chromium.
// electron: the built app through _electron.launch. Specs use only `app` and never care which.
import { test as base, _electron, chromium, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from './chromium.js';
import { spawnPreviewHost } from './preview-host.js';
import { writeEmulatorCloudConfig } from '../emulator/cloud-config.js';
import { startEmulator, type RunningEmulator } from '../emulator/index.js';

export type Runtime = 'preview' | 'electron';

export interface CloudDeskApp {
  runtime: Runtime;
  dataDir: string;
  /** The local Azure the app is pointed at (tests with `test.use({ cloud: 'emulator' })`). */
  emulator: RunningEmulator | undefined;
  page: Page;
  /** The Electron application (main process), in the electron project only. */
  electron: ElectronApplication | undefined;
  /** Quits and starts the app again on the same data folder; `page` is the new window afterwards. */
  /** Stops the app and starts it again on the same data; `beforeStart` runs once the old app has stopped. */
  restart(options?: { beforeStart?: () => Promise<void> }): Promise<Page>;
}

interface Running {
  page: Page;
  electron?: ElectronApplication;
  stop(): Promise<void>;
}

const root = join(import.meta.dirname, '..');

async function startPreview(browser: Browser, env: NodeJS.ProcessEnv): Promise<Running> {
  const host = await spawnPreviewHost(env);
  // The emulator's sign-in pages use a CA made for the run.
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto(host.url);
  return {
    page,
    stop: async () => {
      // The host must stop even when closing the context fails (e.g. a trace file another run removed).
      try {
        await context.close();
      } finally {
        await host.stop();
      }
    },
  };
}

async function startElectron(env: NodeJS.ProcessEnv): Promise<Running> {
  const app = await _electron.launch({
    args: [join(root, 'dist', 'main', 'index.js')],
    cwd: root,
    env: env as Record<string, string>,
  });
  const page = await app.firstWindow();
  return { page, electron: app, stop: () => app.close() };
}

export interface WorkerOptions {
  runtime: Runtime;
}

export interface TestOptions {
  /**
   * 'emulator' starts the app pointed at the worker's local Azure (reset to the demo scenario per test);
   * 'emulator-not-configured' starts the emulator but leaves it to the test to tell the app about it.
   */
  cloud: 'none' | 'emulator' | 'emulator-not-configured';
  /** Extra environment for the app, e.g. CLOUD_DESK_PREVIEW_ENCRYPTION to act like Linux without a keyring. */
  appEnv: Record<string, string>;
}

/** One emulator per worker, started the first time a test asks for it. */
interface LazyEmulator {
  get(): Promise<RunningEmulator>;
}

export const test = base.extend<
  TestOptions & { app: CloudDeskApp },
  WorkerOptions & { previewBrowser: Browser | undefined; lazyEmulator: LazyEmulator }
>({
  cloud: ['none', { option: true }],
  appEnv: [{}, { option: true }],
  lazyEmulator: [
    // Playwright reads a fixture's dependencies from its destructuring pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      let started: Promise<RunningEmulator> | undefined;
      await use({ get: () => (started ??= startEmulator({ scenario: 'demo' })) });
      if (started) await (await started).close();
    },
    { scope: 'worker' },
  ],
  runtime: ['preview', { option: true, scope: 'worker' }],
  previewBrowser: [
    async ({ runtime }, use) => {
      if (runtime !== 'preview') return use(undefined);
      const browser = await chromium.launch(chromiumLaunchOptions());
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ runtime, previewBrowser, cloud, appEnv, lazyEmulator }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cloud-desk-e2e-'));
    const env: NodeJS.ProcessEnv = { ...process.env, ...appEnv, CLOUD_DESK_DATA_DIR: dataDir };
    let emulator: RunningEmulator | undefined;
    if (cloud !== 'none') {
      emulator = await lazyEmulator.get();
      await emulator.admin.reset();
      if (cloud === 'emulator') env['CLOUD_DESK_CLOUD_CONFIG'] = writeEmulatorCloudConfig(emulator, dataDir);
    }
    const start = (): Promise<Running> => {
      if (runtime === 'electron') return startElectron(env);
      if (!previewBrowser) throw new Error('the preview project has no browser');
      return startPreview(previewBrowser, env);
    };
    let running = await start();
    const app: CloudDeskApp = {
      runtime,
      dataDir,
      emulator,
      page: running.page,
      electron: running.electron,
      restart: async (options) => {
        await running.stop();
        await options?.beforeStart?.();
        running = await start();
        app.page = running.page;
        app.electron = running.electron;
        return running.page;
      },
    };
    await use(app);
    await running.stop();
  },
});

export { expect } from '@playwright/test';
