// The browser preview's host stopping under an open page (Ctrl+C, a crash, a restart on a new token): the page says
// that nothing on it is live any more and takes no input, instead of showing "Refreshing 3 of 4" and Ready for ever.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { spawnPreviewHost } from './preview-host.js';

test('a page whose preview host stopped says so and takes no more input', async ({ runtime, previewBrowser }) => {
  test.skip(runtime === 'electron' || !previewBrowser, 'Only the browser preview has a host apart from the page.');
  if (!previewBrowser) return;
  const dataDir = mkdtempSync(join(tmpdir(), 'cloud-desk-e2e-'));
  const host = await spawnPreviewHost({ ...process.env, CLOUD_DESK_DATA_DIR: dataDir });
  const context = await previewBrowser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();
    await host.stop();
    const notice = page.getByRole('alertdialog', { name: 'The preview host stopped' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('Nothing on this page is live any more');
    await expect(notice).toBeFocused();
    // The app behind it is inert: neither the keyboard nor the pointer reaches it.
    const vmsTab = page.getByRole('tab', { name: 'Virtual machines' });
    await page.keyboard.press('Tab');
    await expect(vmsTab).not.toBeFocused();
    const box = await vmsTab.boundingBox();
    if (!box) throw new Error('the Virtual machines tab has no box');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(vmsTab).toHaveAttribute('aria-selected', 'false');
    await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();
  } finally {
    await context.close();
    await host.stop();
  }
});
