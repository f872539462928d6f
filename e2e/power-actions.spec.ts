// Power actions as a person uses them, against the emulator's demo scenario (its VMs take 30 s to settle):
// deallocate a running production VM after a confirmation that starts on Cancel and watch it pass through
// Deallocating to Deallocated; start a VM where Alice is only a Reader and read why not; start three VMs at once
// from a selection; then find all of it in the Activity view and export it as CSV.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { CloudDeskApi, Theme } from '../preload/contract.js';
import { expect, test } from './fixtures.js';
import { row } from './vm-grid.js';
import { signInAliceInBrowser as signInAlice } from './sign-in.js';

/** Set CLOUD_DESK_SCREENSHOTS to a folder to keep pictures of the screens this spec passes through. */
const shots = process.env['CLOUD_DESK_SCREENSHOTS'];

function setTheme(page: Page, theme: Theme): Promise<unknown> {
  return page.evaluate(
    (value) => (window as unknown as { cloudDesk: CloudDeskApi }).cloudDesk.settings.set({ theme: value }),
    theme,
  );
}

async function picture(page: Page, name: string): Promise<void> {
  if (!shots) return;
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await expect(page.locator(`html[data-theme="${theme}"]`)).toHaveCount(1);
    await page.screenshot({ path: `${shots}/${name}-${theme}.png` });
  }
  await setTheme(page, 'light');
}

test.describe('power actions', () => {
  test.use({ cloud: 'emulator' });
  test.beforeEach(({ app }) => test.skip(app.runtime === 'electron', 'Sign-in pages open outside Playwright.'));

  test('deallocates, refuses with words, starts three at once, and exports the activity', async ({ app }) => {
    test.setTimeout(240_000);
    const { page } = app;
    await signInAlice(page);
    await page.getByRole('tab', { name: 'Virtual machines' }).click();
    const grid = page.getByRole('grid', { name: 'Virtual machines' });
    const search = page.getByRole('searchbox', { name: 'Search VMs' });
    await expect(row(grid, 'web-prod-01')).toContainText('Running', { timeout: 30_000 });

    // Deallocate one running production VM, from the keyboard: Space selects its row, the selection's toolbar
    // acts; the confirmation lists it, counts production, and starts on Cancel.
    await search.fill('web-prod-01');
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    const selection = page.getByRole('toolbar', { name: 'Selected VMs' });
    await expect(selection).toContainText('1 selected');
    await selection.getByRole('button', { name: 'Deallocate', exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Deallocate 1 VM?' });
    await expect(confirm).toContainText('This VM is production: it is tagged as production');
    await expect(confirm.getByRole('list', { name: 'VM to deallocate' })).toContainText('web-prod-01');
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await picture(page, 'confirm-deallocate');
    await confirm.getByRole('button', { name: 'Deallocate 1 VM' }).click();
    await expect(row(grid, 'web-prod-01')).toContainText('Deallocating', { timeout: 15_000 });
    await selection.getByRole('button', { name: 'Clear selection' }).click();

    // Start three deallocated VMs together: select them with Ctrl+click, act from the selection's toolbar.
    await search.fill('');
    for (const name of ['build-agent-05', 'sandbox-alice', 'web-prod-04']) {
      await row(grid, name)
        .getByRole('gridcell')
        .nth(1)
        .click({ modifiers: ['ControlOrMeta'] });
    }
    await expect(selection).toContainText('3 selected');
    await selection.getByRole('button', { name: 'Start', exact: true }).click();
    await Promise.all(
      ['build-agent-05', 'sandbox-alice', 'web-prod-04'].map((name) =>
        expect(row(grid, name)).toContainText('Starting', { timeout: 15_000 }),
      ),
    );
    await picture(page, 'bulk-start-running');
    // When Azure has finished all three, one toast says so (a live region: screen readers hear it too).
    // (Fluent also copies the text into its own live region; the toast is the last of the two.)
    await expect(page.getByText('Start: 3 started').last()).toBeVisible({ timeout: 90_000 });
    // The selection's toolbar follows the rows as Azure reports them: all three run now, so Start is off.
    for (const name of ['build-agent-05', 'sandbox-alice', 'web-prod-04']) {
      await expect(row(grid, name)).toContainText('Running', { timeout: 30_000 });
    }
    await expect(selection.getByRole('button', { name: 'Start', exact: true })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await selection.getByRole('button', { name: 'Clear selection' }).click();

    // Alice is only a Reader in Fabrikam Shared Services: Azure refuses, and the toast says why and what to ask.
    await search.fill('dc-02');
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const dc02 = page.getByRole('dialog', { name: 'dc-02' });
    await dc02.getByRole('button', { name: 'Start', exact: true }).click();
    const refusal =
      "You don't have permission to start VMs in Fabrikam Shared Services as alice@contoso.test. " +
      'Ask for Virtual Machine Contributor.';
    await expect(page.getByText(refusal).first()).toBeVisible({ timeout: 15_000 });
    await picture(page, 'permission-failure');
    await dc02.getByRole('button', { name: 'Close details' }).click();

    // The rows show what Azure reports now: Deallocated and Running.
    await search.fill('');
    await expect(row(grid, 'web-prod-01')).toContainText('Deallocated', { timeout: 90_000 });
    for (const name of ['build-agent-05', 'sandbox-alice', 'web-prod-04']) {
      await expect(row(grid, name)).toContainText('Running', { timeout: 30_000 });
    }

    // The Activity view has all five, newest first, and exports them.
    await page.getByRole('tab', { name: 'Activity' }).click();
    const log = page.getByRole('table', { name: 'Activity log, newest first' });
    await expect(log.getByRole('row')).toHaveCount(6);
    await expect(log.getByRole('row').nth(1)).toContainText('Start');
    await expect(log).toContainText(refusal);
    await picture(page, 'activity');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^cloud-desk-activity-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d\.csv$/);
    const csv = await readFile(await file.path(), 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'Time,Action,Target,Resource group,Subscription,Account,Result,Message,Correlation id,Duration (s)',
    );
    expect(lines).toHaveLength(6);
    expect(csv).toContain(',Deallocate,web-prod-01,');
    expect(csv).toContain(',alice@contoso.test,failed,');
  });

  test('renames a subscription as its Owner and says why a Reader cannot', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    await signInAlice(page);
    await page.getByRole('tab', { name: 'Subscriptions' }).click();
    const contoso = page.getByRole('table', { name: 'Subscriptions in Contoso' });
    await contoso.getByRole('button', { name: 'Rename Contoso Dev/Test' }).click({ timeout: 30_000 });
    const dialog = page.getByRole('dialog', { name: 'Rename Contoso Dev/Test' });
    await dialog.getByLabel('New name').fill('Contoso Dev|Test');
    await expect(dialog).toContainText('must not contain < > ; or |');
    await dialog.getByLabel('New name').fill('Contoso Engineering');
    await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(contoso).toContainText('Contoso Engineering', { timeout: 60_000 });

    const fabrikam = page.getByRole('table', { name: 'Subscriptions in Fabrikam' });
    await fabrikam.getByRole('button', { name: 'Rename Fabrikam Shared Services' }).click();
    const refused = page.getByRole('dialog', { name: 'Rename Fabrikam Shared Services' });
    await refused.getByLabel('New name').fill('Mine now');
    await refused.getByRole('button', { name: 'Rename', exact: true }).click();
    await expect(refused.getByRole('alert')).toContainText(
      "You don't have permission to rename Fabrikam Shared Services as alice@contoso.test.",
    );
  });
});
