// One real-browser sign-in: msal-node's acquireTokenInteractive opens Debian Chromium (via playwright-core),
// which walks the emulator's sign-in, consent and account-picker pages by role and accessible name.
import { PublicClientApplication } from '@azure/msal-node';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../../e2e/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../index.js';
import { demo } from '../testing/demo-ids.js';
import { networkModuleTrusting } from '../testing/msal-network.js';

let emu: RunningEmulator;
let browser: Browser;

beforeAll(async () => {
  [emu, browser] = await Promise.all([startEmulator({ scenario: 'demo' }), chromium.launch(chromiumLaunchOptions())]);
});
afterAll(async () => {
  await Promise.all([browser.close(), emu.close()]);
});

describe('sign-in pages in Chromium', () => {
  it('signs in, consents, then picks the account on the second sign-in', async () => {
    // The per-run CA is not in Chromium's store; this test browser skips certificate checks instead.
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const app = new PublicClientApplication({
      auth: {
        clientId: demo.clientId,
        authority: `${emu.authority}/organizations`,
        knownAuthorities: [new URL(emu.authority).host],
      },
      system: { networkClient: networkModuleTrusting(emu.caPem) },
    });
    const pages: Page[] = [];
    const open = async (url: string): Promise<void> => {
      const page = await context.newPage();
      pages.push(page);
      await page.goto(url);
    };

    const first = app.acquireTokenInteractive({
      scopes: ['https://management.azure.com/.default'],
      openBrowser: open,
      successTemplate: '<h1>Signed in to Cloud Desk</h1>',
      errorTemplate: '<h1>Sign-in failed</h1>',
    });
    const waitForPage = async (n: number): Promise<Page> => {
      await expect.poll(() => pages.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(n);
      const page = pages[n - 1];
      if (!page) throw new Error('no page');
      return page;
    };
    const page = await waitForPage(1);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email or username').fill(demo.alice.username);
    await page.getByLabel('Password').fill(demo.alice.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Permissions requested' }).waitFor();
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByRole('heading', { name: 'Signed in to Cloud Desk' }).waitFor();
    const result = await first;
    expect(result.account?.username).toBe(demo.alice.username);

    const second = app.acquireTokenInteractive({
      scopes: ['https://management.azure.com/.default'],
      prompt: 'select_account',
      openBrowser: open,
      successTemplate: '<h1>Signed in to Cloud Desk</h1>',
      errorTemplate: '<h1>Sign-in failed</h1>',
    });
    const picker = await waitForPage(2);
    await picker.getByRole('heading', { name: 'Pick an account' }).waitFor();
    await picker.getByRole('button', { name: 'Use another account' }).waitFor();
    await picker.getByRole('button', { name: demo.alice.username }).click();
    await picker.getByRole('heading', { name: 'Signed in to Cloud Desk' }).waitFor();
    expect((await second).account?.homeAccountId).toBe(result.account?.homeAccountId);
    await context.close();
  });
});
