// The browser preview against a local emulator, for benchmarks that measure the renderer as a person meets it:
// starts the emulator (any scenario), the preview host on a fresh data folder pointed at it, and Chromium; signs a
// user in through the emulator's sign-in page; restarts the host on the same data folder (the saved snapshot).
// Bench and tool code only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../e2e/chromium.js';
import { spawnPreviewHost, type PreviewHostProcess } from '../e2e/preview-host.js';
import { writeEmulatorCloudConfig } from '../emulator/cloud-config.js';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../emulator/index.js';

export interface PreviewSession {
  emulator: RunningEmulator;
  browser: Browser;
  dataDir: string;
  /** Starts (or restarts) the preview host on the session's data folder; returns its URL. Closes open pages. */
  startHost(): Promise<string>;
  stopHost(): Promise<void>;
  /** A fresh browser context and page (not yet navigated). */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function startPreviewSession(options: EmulatorOptions): Promise<PreviewSession> {
  const emulator = await startEmulator(options);
  const dataDir = mkdtempSync(join(tmpdir(), 'cloud-desk-bench-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CLOUD_DESK_DATA_DIR: dataDir,
    CLOUD_DESK_CLOUD_CONFIG: writeEmulatorCloudConfig(emulator, dataDir),
  };
  const browser = await chromium.launch(chromiumLaunchOptions());
  const contexts: BrowserContext[] = [];
  let host: PreviewHostProcess | undefined;

  const session: PreviewSession = {
    emulator,
    browser,
    dataDir,
    async startHost() {
      await session.stopHost();
      host = await spawnPreviewHost(env);
      return host.url;
    },
    async stopHost() {
      for (const context of contexts.splice(0)) await context.close();
      if (host) await host.stop();
      host = undefined;
    },
    async newPage(viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport });
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      await session.stopHost();
      await browser.close();
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return session;
}

/** Signs a user in from the Accounts view through the emulator's sign-in page (opened as a new tab). */
export async function signIn(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.getByRole('tab', { name: 'Accounts' }).click();
  const popup = page.context().waitForEvent('page');
  await page.getByRole('button', { name: 'Sign in with the browser' }).click();
  const login = await popup;
  await login.getByLabel('Email or username').fill(user.username);
  await login.getByLabel('Password').fill(user.password);
  await login.getByRole('button', { name: 'Sign in' }).click();
  const accept = login.getByRole('button', { name: 'Accept' });
  const signedIn = page.getByText(user.username, { exact: true }).first();
  // Pre-consented users (the fleet's) skip the consent page.
  await Promise.race([accept.waitFor().then(() => accept.click()), signedIn.waitFor()]);
  await signedIn.waitFor();
  if (!login.isClosed()) await login.close();
}
