// The browser preview's host stopping under an open page (Ctrl+C, a crash, a restart on a new token): the page says
// that nothing on it is live any more and takes no input, instead of showing "Refreshing 3 of 4" and Ready for ever.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect, test } from './fixtures.js';
import { spawnPreviewHost } from './preview-host.js';

const previewOnly = 'Only the browser preview has a host apart from the page.';

/** A page on a preview host of its own (a fresh data folder), shown on Accounts; both closed afterwards. */
async function onOwnHost(
  browser: Browser,
  act: (page: Page, host: Awaited<ReturnType<typeof spawnPreviewHost>>) => Promise<void>,
): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cloud-desk-e2e-'));
  const host = await spawnPreviewHost({ ...process.env, CLOUD_DESK_DATA_DIR: dataDir });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();
    await act(page, host);
  } finally {
    await context.close();
    await host.stop();
  }
}

test('a page whose preview host stopped says so and takes no more input', async ({ runtime, previewBrowser }) => {
  test.skip(runtime === 'electron' || !previewBrowser, previewOnly);
  if (!previewBrowser) return;
  await onOwnHost(previewBrowser, async (page, host) => {
    await host.stop();
    const notice = page.getByRole('alertdialog', { name: 'The preview host stopped' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('Nothing on this page is live any more');
    await expect(notice).toBeFocused();
    // The app behind it is inert: the keyboard cannot reach it, nor a dialog the app opens afterwards.
    const vmsTab = page.getByRole('tab', { name: 'Virtual machines' });
    await vmsTab.evaluate((tab) => (tab as HTMLElement).focus());
    await expect(vmsTab).not.toBeFocused();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.querySelector('#root')?.contains(document.activeElement))).toBe(false);
    const later = await page.evaluate(() => {
      const button = document.createElement('button');
      document.body.append(button);
      button.focus();
      return document.activeElement === button;
    });
    expect(later).toBe(false);
    await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();
  });
});

test('a connection the host drops while it stays up is opened again, with no notice', async ({
  runtime,
  previewBrowser,
}) => {
  test.skip(runtime === 'electron' || !previewBrowser, previewOnly);
  if (!previewBrowser) return;
  await onOwnHost(previewBrowser, async (page) => {
    // A frame over the host's 1 MiB limit: the host drops that connection and stays up.
    const dropped = await page.evaluate(async () => {
      const api = (window as unknown as { cloudDesk: { accounts: { refresh(arg: string): Promise<{ ok: boolean }> } } })
        .cloudDesk;
      return api.accounts.refresh('x'.repeat(2 * 1024 * 1024));
    });
    expect(dropped.ok).toBe(false);
    await page.getByRole('tab', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await expect(page.locator('#preview-host-stopped')).toHaveCount(0);
  });
});
