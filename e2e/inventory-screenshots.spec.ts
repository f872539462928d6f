// A tour of the VMs and Subscriptions views for people to look at: the emulator's fleet (12 tenants, 200
// subscriptions, 10,000 VMs) at the window's minimum size, a laptop size and full HD, light, dark and high
// contrast; the details panel; subscriptions with problems (403, 503, a 20-minute throttle); and the offline
// start. Runs only when CLOUD_DESK_SCREENSHOTS names a folder to write into
// (`CLOUD_DESK_SCREENSHOTS=out npx playwright test --project preview e2e/inventory-screenshots.spec.ts`);
// docs/screenshots/ holds the ones the README and docs show.
import type { Page } from '@playwright/test';
import { join, resolve } from 'node:path';
import { fleetUser } from '../emulator/scenarios/fleet.js';
import { expect, test } from './fixtures.js';
import { emulateScheme, schemes, screenshotFolder, screenshotSizes } from './screenshot-tour.js';
import { signInAliceInBrowser } from './sign-in.js';

const folder = screenshotFolder;
const sizes = screenshotSizes;

test.use({ cloud: 'emulator' });
test.beforeEach(({ app }) =>
  test.skip(!folder || app.runtime === 'electron', 'Set CLOUD_DESK_SCREENSHOTS to a folder to take screenshots.'),
);

async function shoot(page: Page, name: string, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize({ width: size.width, height: size.height });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: join(resolve(folder ?? '.'), `${name}.png`) });
}

test('screenshots of the VM grid with 10,000 VMs, its details, and the Subscriptions view', async ({ app }) => {
  test.setTimeout(900_000);
  const { emulator } = app;
  if (!emulator) throw new Error('the tour needs the emulator');
  await emulator.admin.reset('fleet');
  try {
    const { page } = app;
    const popup = page.context().waitForEvent('page');
    await page.getByRole('button', { name: 'Sign in with the browser' }).click();
    const login = await popup;
    await login.getByLabel('Email or username').fill(fleetUser.username);
    await login.getByLabel('Password').fill(fleetUser.password);
    await login.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('region', { name: /ops@fleet\.test|Fleet/ }).first()).toBeVisible({ timeout: 60_000 });
    await login.close();

    await page.getByRole('tab', { name: 'Virtual machines' }).click();
    // Every VM of the listable subscriptions (the fleet has some Disabled and Deleted ones).
    await expect(page.getByText(/^9,\d{3} VMs$/)).toBeVisible({ timeout: 600_000 });
    await page.getByRole('progressbar', { name: 'Refresh progress' }).waitFor({ state: 'hidden', timeout: 600_000 });

    // High contrast is looked at with the demo's inventory (below): the fleet's adds nothing but minutes.
    for (const scheme of ['light', 'dark'] as const) {
      await emulateScheme(page, scheme);
      await page.getByRole('tab', { name: 'Virtual machines' }).click();
      await shoot(page, `vms-${scheme}`, { width: 1280, height: 800 });
      for (const size of sizes) await shoot(page, `vms-${size.name}-${scheme}`, size);

      await page.getByRole('tab', { name: 'Subscriptions' }).click();
      await expect(page.getByRole('heading', { name: 'Subscriptions', level: 1 })).toBeVisible();
      await shoot(page, `subscriptions-1024x640-${scheme}`, sizes[1]);
    }
  } finally {
    await emulator.admin.reset('demo');
  }
});

test('screenshots of subscriptions with problems, and of the offline start', async ({ app }) => {
  test.setTimeout(600_000);
  const { emulator } = app;
  if (!emulator) throw new Error('the tour needs the emulator');
  const vms = (id: string) => `/subscriptions/${id}/providers/Microsoft.Compute/virtualMachines`;
  await emulator.admin.addFaults([
    { method: 'GET', path: vms('1a2b3c4d-0002-4e5f-8a9b-0c1d2e3f4a02'), kind: '403' },
    { method: 'GET', path: vms('2c3d4e5f-0004-4a6b-9c7d-1e2f3a4b5c04'), kind: '503', arg: 0 },
    { method: 'GET', path: vms('1a2b3c4d-0001-4e5f-8a9b-0c1d2e3f4a01'), kind: '429', arg: 1200 },
  ]);
  await signInAliceInBrowser(app.page);
  let page = app.page;
  await page.getByRole('tab', { name: 'Virtual machines' }).click();
  const problems = page.getByRole('list', { name: 'Subscriptions with problems' });
  await expect(problems.getByRole('listitem')).toHaveCount(3, { timeout: 60_000 });
  for (const scheme of schemes) {
    await emulateScheme(page, scheme);
    await page.getByRole('tab', { name: 'Virtual machines' }).click();
    for (const size of sizes) await shoot(page, `vms-${size.name}-${scheme}-problems`, size);
    await page.getByRole('tab', { name: 'Subscriptions' }).click();
    for (const size of sizes) await shoot(page, `subscriptions-${size.name}-${scheme}-problems`, size);
  }

  // Signed in to Northwind Lab too (MFA): every tenant's VMs, then a filter menu open and the details of a
  // stopped VM (still billed, instance view, ids, the accounts that reach it), opened from the keyboard.
  await emulator.admin.clearFaults();
  await page.getByRole('tab', { name: 'Accounts' }).click();
  const northwind = page.getByRole('row', { name: /Northwind Lab/ });
  const mfaPopup = page.context().waitForEvent('page');
  await northwind.getByRole('button', { name: 'Sign in to this tenant: Northwind Lab' }).click();
  const mfa = await mfaPopup;
  await mfa.getByLabel('Verification code').fill('123456');
  await mfa.getByRole('button', { name: 'Verify' }).click();
  await expect(northwind).toContainText('Ready');
  await mfa.close();
  await page.getByRole('tab', { name: 'Virtual machines' }).click();
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  const grid = page.getByRole('grid', { name: 'Virtual machines' });
  await expect(grid.getByRole('row', { name: /^lab-vm-01 / })).toBeVisible({ timeout: 60_000 });
  // Contoso Production stays throttled (Azure asked for 20 minutes); the others are listed now.
  await expect(grid.getByRole('row', { name: /^bastion-01 / })).toBeVisible({ timeout: 60_000 });
  for (const scheme of schemes) {
    await emulateScheme(page, scheme);
    for (const size of sizes) await shoot(page, `vms-${size.name}-${scheme}-demo`, size);
    await page.getByRole('button', { name: 'Power state' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Stopped' }).click();
    await shoot(page, `vms-1024x640-${scheme}-filter`, sizes[1]);
    await page.keyboard.press('Escape');
    await page.getByRole('searchbox', { name: 'Search VMs' }).fill('bastion-01');
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const details = page.getByRole('dialog', { name: 'bastion-01' });
    await expect(details.getByText(/^As of /)).toBeVisible({ timeout: 30_000 });
    for (const size of sizes) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.screenshot({ path: join(resolve(folder ?? '.'), `vms-${size.name}-${scheme}-details.png`) });
    }
    await page.keyboard.press('Escape');
    await expect(details).toBeHidden();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
  }

  await emulator.admin.addFaults('*:*=reset');
  try {
    page = await app.restart();
    await expect(page.getByText(/^Offline: showing the inventory as of /)).toBeVisible({ timeout: 60_000 });
    for (const scheme of schemes) {
      await emulateScheme(page, scheme);
      await page.getByRole('tab', { name: 'Virtual machines' }).click();
      for (const size of sizes) await shoot(page, `vms-${size.name}-${scheme}-offline`, size);
      await page.getByRole('tab', { name: 'Subscriptions' }).click();
      await shoot(page, `subscriptions-1024x640-${scheme}-offline`, sizes[1]);
    }
  } finally {
    await emulator.admin.clearFaults();
  }
});
