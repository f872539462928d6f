// The power-action confirmation counts production by resource group tags too, as a person sees it against the
// emulator's demo: rg-shared-infra is tagged `ENV: Production` while its VMs say `env: shared`, rg-web-prod is
// tagged `environment: production`. Selecting VMs there and asking to deallocate says how many are in
// production-tagged groups; Cancel runs nothing. A subscription whose groups cannot be read is named with why; one
// VM asked from its details gets the same words beside its action's option.
import type { Locator, Page } from '@playwright/test';
import type { CloudDeskApi, Theme } from '../preload/contract.js';
import { expect, test } from './fixtures.js';
import { row } from './vm-grid.js';
import { signInAliceInBrowser as signInAlice } from './sign-in.js';

/** Set CLOUD_DESK_SCREENSHOTS to a folder to keep pictures of the confirmation. */
const shots = process.env['CLOUD_DESK_SCREENSHOTS'];
const contosoDevTest = '1a2b3c4d-0002-4e5f-8a9b-0c1d2e3f4a02';

/** Signs Alice in and opens the VM grid once `names` show as running. */
async function gridWithRunning(page: Page, names: readonly string[]): Promise<Locator> {
  await signInAlice(page);
  await page.getByRole('tab', { name: 'Virtual machines' }).click();
  const grid = page.getByRole('grid', { name: 'Virtual machines' });
  for (const name of names) {
    await expect(row(grid, name)).toContainText('Running', { timeout: 30_000 });
  }
  return grid;
}

async function select(grid: Locator, names: readonly string[]): Promise<void> {
  for (const name of names) {
    await row(grid, name)
      .getByRole('gridcell')
      .nth(1)
      .click({ modifiers: ['ControlOrMeta'] });
  }
}

async function pictures(page: Page, name: string): Promise<void> {
  if (!shots) return;
  const original = page.viewportSize();
  for (const size of [
    { width: 720, height: 480 },
    { width: 1024, height: 640 },
  ]) {
    await page.setViewportSize(size);
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate(
        (value: Theme) => (window as unknown as { cloudDesk: CloudDeskApi }).cloudDesk.settings.set({ theme: value }),
        theme,
      );
      await expect(page.locator(`html[data-theme="${theme}"]`)).toHaveCount(1);
      await page.screenshot({ path: `${shots}/${name}-${size.width}x${size.height}-${theme}.png` });
    }
  }
  if (original) await page.setViewportSize(original);
}

test.describe('production tags in the confirmation', () => {
  test.use({ cloud: 'emulator' });
  test.beforeEach(({ app }) => test.skip(app.runtime === 'electron', 'Sign-in pages open outside Playwright.'));

  test('counts VMs in production-tagged resource groups, and Cancel runs nothing', async ({ app }) => {
    test.setTimeout(120_000);
    const { page, emulator } = app;
    if (!emulator) throw new Error('this spec needs the emulator');
    const grid = await gridWithRunning(page, ['dc-01', 'monitor-01', 'build-agent-02']);

    await select(grid, ['dc-01', 'monitor-01', 'build-agent-02']);
    const selection = page.getByRole('toolbar', { name: 'Selected VMs' });
    await expect(selection).toContainText('3 selected');
    // Azure answers slowly: the dialog says it is checking, and the action does not wait for it.
    await emulator.admin.addFaults('GET:/subscriptions/*/resourcegroups=slow:4000');
    await selection.getByRole('button', { name: 'Deallocate', exact: true }).click();

    const confirm = page.getByRole('alertdialog', { name: 'Deallocate 3 VMs?' });
    const facts = confirm.getByRole('status');
    await expect(facts).toHaveText('Checking resource group tags…');
    await expect(confirm.getByRole('button', { name: 'Deallocate 3 VMs' })).toBeEnabled();
    await pictures(page, 'confirm-production-checking');
    // Only lines that arrive are read out (not the whole region again).
    await expect(facts).toHaveAttribute('aria-atomic', 'false');
    await expect(facts).toHaveText('2 of 3 are production: 2 in production-tagged resource groups (rg-shared-infra).', {
      timeout: 20_000,
    });
    await emulator.admin.clearFaults();
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await pictures(page, 'confirm-production-groups');

    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    const ran = await page.evaluate(async () => {
      const cloudDesk = (window as unknown as { cloudDesk: CloudDeskApi }).cloudDesk;
      const [operations, activity] = await Promise.all([cloudDesk.operations.list(), cloudDesk.activity.list()]);
      return {
        operations: operations.ok ? operations.value.length : -1,
        activity: activity.ok ? activity.value.entries.length : -1,
      };
    });
    expect(ran).toEqual({ operations: 0, activity: 0 });
    for (const name of ['dc-01', 'monitor-01', 'build-agent-02']) {
      await expect(row(grid, name)).toContainText('Running');
    }
  });

  test('names a subscription whose groups could not be read, and counts one VM from its details', async ({ app }) => {
    test.setTimeout(120_000);
    const { page, emulator } = app;
    if (!emulator) throw new Error('this spec needs the emulator');
    const grid = await gridWithRunning(page, ['web-prod-01', 'dc-01', 'build-agent-02']);
    await emulator.admin.addFaults(`GET:/subscriptions/${contosoDevTest}/resourcegroups=403`);
    try {
      await select(grid, ['web-prod-01', 'dc-01', 'build-agent-02']);
      await page.getByRole('toolbar', { name: 'Selected VMs' }).getByRole('button', { name: 'Restart' }).click();
      const confirm = page.getByRole('alertdialog', { name: 'Restart 3 VMs?' });
      const facts = confirm.getByRole('status');
      await expect(facts).toContainText(
        '2 of 3 are production: 2 in production-tagged resource groups (rg-shared-infra, rg-web-prod), 1 tagged itself.',
      );
      await expect(facts).toContainText(
        "Couldn't check the resource group tags of Contoso Dev/Test: You do not have permission to read the " +
          'resource groups of this subscription',
      );
      await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
      await pictures(page, 'confirm-production-unchecked');
      await page.keyboard.press('Escape');
      await expect(confirm).toBeHidden();
    } finally {
      await emulator.admin.clearFaults();
    }

    // One VM, from its details: the same words, beside the stop's own option.
    await page.getByRole('searchbox', { name: 'Search VMs' }).fill('monitor-01');
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const details = page.getByRole('dialog', { name: 'monitor-01' });
    await details.getByRole('button', { name: 'Stop', exact: true }).click();
    const stop = page.getByRole('alertdialog', { name: 'Stop 1 VM?' });
    await expect(stop.getByRole('status')).toHaveText(
      'This VM is production: it is in a production-tagged resource group (rg-shared-infra).',
    );
    await expect(
      stop.getByRole('checkbox', { name: 'Skip the graceful shutdown (like pulling the plug)' }),
    ).toBeVisible();
    await expect(stop.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await stop.getByRole('button', { name: 'Cancel' }).click();
    await expect(stop).toBeHidden();
  });
});
