// The browser preview against a local emulator, for benchmarks that measure the renderer as a person meets it:
// starts the emulator (any scenario), the preview host on a fresh data folder pointed at it, and Chromium; signs a
// user in through the emulator's sign-in page; restarts the host on the same data folder (the saved snapshot).
// Bench and tool code only.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../e2e/chromium.js';
import { writeEmulatorCloudConfig } from '../emulator/cloud-config.js';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../emulator/index.js';

const root = join(import.meta.dirname, '..');

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

function firstJsonLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) throw new Error('the preview host has no stdout');
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      try {
        resolve((JSON.parse(line) as { url: string }).url);
      } catch {
        reject(new Error(`the preview host printed something other than its URL: ${line}`));
      }
    });
    child.once('exit', (code) => reject(new Error(`the preview host exited with ${code} before it was ready`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
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
  let host: ChildProcess | undefined;

  const session: PreviewSession = {
    emulator,
    browser,
    dataDir,
    async startHost() {
      await session.stopHost();
      const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'preview', 'cli.ts'), '--port', '0'], {
        cwd: root,
        env,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      host = child;
      return firstJsonLine(child);
    },
    async stopHost() {
      for (const context of contexts.splice(0)) await context.close();
      if (host) await stopChild(host);
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
