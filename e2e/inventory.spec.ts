// The VM inventory as a person uses it, against the emulator's demo scenario: sign in, see the VMs of every
// tenant, search and filter the grid, move through it with the keyboard and open a VM's details, read the chip
// of a subscription Azure refuses (403), and start again offline to find the grid with its age.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { row } from './vm-grid.js';
import { signInAliceInBrowser as signInAlice } from './sign-in.js';

const devTest = '1a2b3c4d-0002-4e5f-8a9b-0c1d2e3f4a02';
const vmListOf = (subscriptionId: string) =>
  `/subscriptions/${subscriptionId}/providers/Microsoft.Compute/virtualMachines`;

/** Northwind Lab asks for MFA: sign in to it so every tenant's VMs can be listed. */
async function signInNorthwind(page: Page, account: Locator): Promise<void> {
  const northwind = account.getByRole('row', { name: /Northwind Lab/ });
  const popup = page.context().waitForEvent('page');
  await northwind.getByRole('button', { name: 'Sign in to this tenant: Northwind Lab' }).click();
  const mfa = await popup;
  await mfa.getByLabel('Verification code').fill('123456');
  await mfa.getByRole('button', { name: 'Verify' }).click();
  await expect(northwind).toContainText('Ready');
  await mfa.close();
}

test('with no account yet, the VMs view says so and "Add account" goes to Accounts', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: 'Virtual machines' }).click();
  await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();
});

test.describe('the VM inventory', () => {
  test.use({ cloud: 'emulator' });
  test.beforeEach(({ app }) => test.skip(app.runtime === 'electron', 'Sign-in pages open outside Playwright.'));

  test('shows every tenant’s VMs, searches, filters, opens details from the keyboard, and words a 403', async ({
    app,
  }) => {
    const { page, emulator } = app;
    if (!emulator) throw new Error('this test needs the emulator');
    // Azure refuses to list Contoso Dev/Test's VMs, as if Alice's role there had just been removed.
    await emulator.admin.addFaults([{ method: 'GET', path: vmListOf(devTest), kind: '403' }]);
    const account = await signInAlice(page);
    await signInNorthwind(page, account);

    await page.getByRole('tab', { name: 'Virtual machines' }).click();
    await expect(page.getByRole('heading', { name: 'Virtual machines', level: 1 })).toBeVisible();
    const grid = page.getByRole('grid', { name: 'Virtual machines' });
    const search = page.getByRole('searchbox', { name: 'Search VMs' });
    // One VM from each tenant: Contoso, Fabrikam (guest) and Northwind Lab (after its MFA sign-in).
    await expect(grid.getByRole('row').nth(1)).toBeVisible({ timeout: 30_000 });
    for (const [name, tenant] of [
      ['web-prod-01', 'Contoso'],
      ['dc-01', 'Fabrikam'],
      ['lab-vm-01', 'Northwind Lab'],
    ] as const) {
      await search.fill(name);
      await expect(row(grid, name)).toContainText(tenant, { timeout: 30_000 });
    }
    await search.fill('api-prod-01');
    await expect(row(grid, 'api-prod-01')).toContainText('Stopped');
    // The row says why: the badge that a stopped VM is still billed, a disabled action why it cannot act.
    await expect(row(grid, 'api-prod-01').getByText('Stopped')).toHaveAccessibleDescription(
      /Deallocate to stop paying for compute/,
    );
    await expect(
      row(grid, 'api-prod-01').getByRole('button', { name: 'Stop', exact: true }),
    ).toHaveAccessibleDescription('It is already stopped.');
    await search.fill('');

    // The refused subscription's chip says what Azure said, and offers a retry of that subscription only.
    const problems = page.getByRole('list', { name: 'Subscriptions with problems' });
    const chip = problems.getByRole('listitem', { name: /Contoso Dev\/Test/ });
    await expect(chip).toContainText(
      'Contoso Dev/Test: You do not have permission to list the VMs of this subscription (Azure: AuthorizationFailed).',
    );
    await expect(chip).toContainText('Ask an owner of the subscription for the Reader role');
    await expect(chip).not.toContainText('Pagination');
    await expect(chip.getByRole('button', { name: 'Retry Contoso Dev/Test' })).toBeVisible();
    // The header's "Last refreshed" does not pass the refusal off as a refresh.
    await expect(page.getByText(/^Last refreshed .+; 1 of 4 subscriptions failed$/)).toBeVisible();

    await search.fill('lab-');
    await expect(grid.getByRole('row')).toHaveCount(5);
    await expect(page.getByText(/^4 of \d+ VMs$/)).toBeVisible();
    await search.fill('');
    // A search that matches nothing leaves only the header row (no rows of the search before it).
    await search.fill('no-such-vm');
    await expect(page.getByText('No VM matches the search and filters.')).toBeVisible();
    await expect(grid.getByRole('row')).toHaveCount(1);
    await search.fill('');
    await expect(row(grid, 'api-prod-01')).toBeVisible();

    await page.getByRole('button', { name: 'Power state' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Stopped' }).click();
    await page.keyboard.press('Escape');
    await expect(row(grid, 'api-prod-01')).toBeVisible();
    await expect(row(grid, 'web-prod-01')).toBeHidden();
    // Every row but the header row (the first).
    for (const text of (await grid.getByRole('row').allInnerTexts()).slice(1)) expect(text).toContain('Stopped');

    await page.getByRole('button', { name: 'Tenant' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Fabrikam' }).click();
    await page.keyboard.press('Escape');
    await expect(grid.getByRole('row')).toHaveCount(2);
    await expect(row(grid, 'bastion-01')).toBeVisible();

    // The keyboard: into the grid, down to the row, Enter opens its details.
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const details = page.getByRole('dialog', { name: 'bastion-01' });
    await expect(details).toBeVisible();
    await expect(details).toContainText('Deallocate to stop paying for compute');
    await expect(details.getByRole('button', { name: 'Copy Resource ID' })).toBeVisible();
    await expect(details).toContainText('alice@contoso.test through Fabrikam');
    await expect(details.getByText('VM stopped')).toBeVisible({ timeout: 15_000 });
    await page.keyboard.press('Escape');
    await expect(details).toBeHidden();

    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(row(grid, 'api-prod-01')).toBeVisible();
  });

  test('names a tenant waiting for its MFA sign-in in both views, so its missing VMs are not taken for none', async ({
    app,
  }) => {
    const { page } = app;
    await signInAlice(page);
    await page.getByRole('tab', { name: 'Virtual machines' }).click();
    const grid = page.getByRole('grid', { name: 'Virtual machines' });
    await expect(row(grid, 'api-prod-01')).toBeVisible({ timeout: 30_000 });
    const chip = page
      .getByRole('list', { name: 'Tenants not listed' })
      .getByRole('listitem', { name: 'Northwind Lab (alice@contoso.test): not listed' });
    await expect(chip).toContainText('This tenant needs you to sign in again before Cloud Desk can list');
    await page.getByRole('tab', { name: 'Subscriptions' }).click();
    await expect(chip).toBeVisible();
    await chip.getByRole('button', { name: 'Sign in to Northwind Lab in Accounts' }).press('Enter');
    await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();
    // The keyboard lands on the button that does it.
    await expect(page.getByRole('button', { name: 'Sign in to this tenant: Northwind Lab' })).toBeFocused();
    await signInNorthwind(page, page.getByRole('region', { name: 'Alice Example' }));
    await page.getByRole('tab', { name: 'Virtual machines' }).click();
    await expect(row(grid, 'lab-vm-01')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('list', { name: 'Tenants not listed' })).toBeHidden();
  });

  test('starts offline from the saved inventory and says how old it is', async ({ app }) => {
    const { emulator } = app;
    if (!emulator) throw new Error('this test needs the emulator');
    await signInAlice(app.page);
    await app.page.getByRole('tab', { name: 'Virtual machines' }).click();
    const before = app.page.getByRole('grid', { name: 'Virtual machines' });
    await expect(row(before, 'api-prod-01')).toBeVisible({ timeout: 30_000 });
    await expect(app.page.getByText(/^Last refreshed /)).toBeVisible({ timeout: 30_000 });

    // From now on every connection to the cloud is cut, as if the network (or Azure) were gone.
    await emulator.admin.addFaults('*:*=reset');
    const page = await app.restart();
    await expect(page.getByRole('heading', { name: 'Virtual machines', level: 1 })).toBeVisible();
    const grid = page.getByRole('grid', { name: 'Virtual machines' });
    await expect(row(grid, 'api-prod-01')).toBeVisible();
    await expect(page.getByText(/^Offline: showing the inventory as of .+, (just now|\d+ min ago)$/)).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByRole('button', { name: 'Refresh' })).toBeDisabled();
    await expect(page.getByRole('list', { name: 'Subscriptions with problems' })).toBeHidden();
    await emulator.admin.clearFaults();
  });
});
