// The Activity view stays open while a power action runs and ends: the operations panel shows it running, and
// its activity entry appears without leaving the view (the log is not re-read: the `activity` event adds it), a
// filter set beforehand still applies, and clearing the log empties it. A bulk confirmation keeps its buttons in
// the window at every size. With CLOUD_DESK_SCREENSHOTS naming a folder, it also keeps pictures of the
// confirmation dialogs, the Activity view with a running operation, and the view after it ended, at
// 720x480, 1024x640 and 1920x1080, light, dark and high contrast (forced colours).
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { CloudDeskApi, Theme } from '../preload/contract.js';
import { expect, test } from './fixtures.js';
import { row } from './vm-grid.js';
import { schemes, screenshotFolder, screenshotSizes } from './screenshot-tour.js';
import { signInAliceInBrowser } from './sign-in.js';

const folder = screenshotFolder;
const sizes = screenshotSizes;
const looks = schemes;

async function look(page: Page, name: (typeof looks)[number]): Promise<void> {
  const theme: Theme = name === 'dark' ? 'dark' : 'light';
  await page.emulateMedia({ forcedColors: name === 'high-contrast' ? 'active' : 'none' });
  await page.evaluate(
    (value) => (window as unknown as { cloudDesk: CloudDeskApi }).cloudDesk.settings.set({ theme: value }),
    theme,
  );
  await expect(page.locator(`html[data-theme="${name === 'high-contrast' ? 'high-contrast' : theme}"]`)).toHaveCount(1);
}

/** Pictures at every size and look; `fits` is checked at every size, pictures or not. */
async function pictures(page: Page, name: string, fits?: () => Promise<void>): Promise<void> {
  const out = resolve(folder ?? '.');
  for (const size of sizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await fits?.();
    if (!folder) continue;
    for (const name2 of looks) {
      await look(page, name2);
      await page.screenshot({ path: join(out, `${name}-${size.name}-${name2}.png`) });
      if (size.name !== '1920x1080') {
        // The whole view: the shell's main area scrolls, so make the window as tall as its content.
        await page.setViewportSize({ width: size.width, height: 1400 });
        await page.screenshot({ path: join(out, `${name}-${size.name}-${name2}-all.png`) });
        await page.setViewportSize({ width: size.width, height: size.height });
      }
    }
  }
  await look(page, 'light');
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.use({ cloud: 'emulator' });

test('the Activity view adds an ended action without being reopened', async ({ app }) => {
  test.skip(app.runtime === 'electron', 'Sign-in pages open outside Playwright.');
  test.setTimeout(folder ? 300_000 : 150_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAliceInBrowser(page);
  await page.getByRole('tab', { name: 'Virtual machines' }).click();
  const grid = page.getByRole('grid', { name: 'Virtual machines' });
  await expect(row(grid, 'web-prod-02')).toContainText('Running', { timeout: 30_000 });

  // A bulk confirmation: the list of names scrolls inside the dialog, whose buttons stay in the window.
  const rows = grid.getByRole('row');
  await rows.nth(1).getByRole('gridcell').first().click();
  await rows
    .nth(16)
    .getByRole('gridcell')
    .first()
    .click({ modifiers: ['Shift'] });
  const selection = page.getByRole('toolbar', { name: 'Selected VMs' });
  await expect(selection).toContainText('16 selected');
  await selection.getByRole('button', { name: 'Deallocate', exact: true }).click();
  const bulk = page.getByRole('alertdialog', { name: /^Deallocate \d+ VMs\?$/ });
  await expect(bulk.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await pictures(page, 'confirm-bulk', async () => {
    await expect(bulk.getByRole('button', { name: 'Cancel' })).toBeInViewport();
    await expect(bulk.getByRole('button', { name: /^Deallocate \d+ VMs$/ })).toBeInViewport();
  });
  await bulk.getByRole('button', { name: 'Cancel' }).click();
  await selection.getByRole('button', { name: 'Clear selection' }).click();

  await page.getByRole('searchbox', { name: 'Search VMs' }).fill('web-prod-02');
  await row(grid, 'web-prod-02').getByRole('gridcell').nth(1).click();
  const details = page.getByRole('dialog', { name: 'web-prod-02' });
  // A button that cannot act says why, to the pointer (tooltip) and to screen readers (its description).
  const startButton = details.getByRole('button', { name: 'Start', exact: true });
  await expect(startButton).toHaveAttribute('aria-disabled', 'true');
  await expect(startButton).toHaveAccessibleDescription('It is already running.');
  await details.getByRole('button', { name: 'Deallocate', exact: true }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Deallocate 1 VM?' });
  await expect(confirm.getByRole('checkbox', { name: 'Force deallocate' })).not.toBeChecked();
  await pictures(page, 'confirm-deallocate');
  await confirm.getByRole('button', { name: 'Deallocate 1 VM' }).click();
  await expect(details).toContainText('Deallocating', { timeout: 15_000 });
  // Nothing runs twice: while it deallocates, every action on it is disabled with the reason.
  await expect(details.getByRole('button', { name: 'Stop', exact: true })).toHaveAccessibleDescription(
    'Deallocating is still in progress; wait until it finishes.',
  );
  await details.getByRole('button', { name: 'Close details' }).click();

  // Open Activity while it runs, filtered to deallocations of web VMs that succeeded.
  await page.getByRole('tab', { name: 'Activity' }).click();
  const panel = page.getByRole('table', { name: 'Running and recent operations' });
  await expect(panel.getByRole('row', { name: /web-prod-02/ })).toBeVisible();
  await page.getByLabel('VM', { exact: true }).fill('web-prod');
  await expect(page.getByText('No activity matches these filters.')).toBeVisible();
  await pictures(page, 'activity-running');

  // Azure settles the VM (the demo's VMs take 30 s); the entry arrives while the view stays open.
  const log = page.getByRole('table', { name: 'Activity log, newest first' });
  await expect(log.getByRole('row', { name: /web-prod-02/ })).toContainText('Succeeded', { timeout: 90_000 });
  await expect(log.getByRole('row')).toHaveCount(2);
  await pictures(page, 'activity-ended');

  // Clearing empties the open view through the same event (the view does not list again).
  await page.getByRole('button', { name: 'Clear activity log' }).click();
  await page
    .getByRole('alertdialog', { name: 'Clear the activity log?' })
    .getByRole('button', { name: 'Clear' })
    .click();
  await expect(page.getByText('No activity matches these filters.')).toBeVisible();

  // Settings offers the same, where people look for it.
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Clear activity log' }).click();
  await page
    .getByRole('alertdialog', { name: 'Clear the activity log?' })
    .getByRole('button', { name: 'Clear' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'The activity log is empty.' })).toBeVisible();
});
