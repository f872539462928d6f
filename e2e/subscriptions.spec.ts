// The Subscriptions view as a person uses it, against the emulator's demo scenario: hide a subscription (its VMs
// leave the grid) and show it again, and a subscription that two accounts reach appears once, names both, and
// lets the user pick which one acts. Both choices survive a restart of the app.
import type { Page } from '@playwright/test';
import { demo } from '../emulator/testing/demo-ids.js';
import { expect, test } from './fixtures.js';
import { signInAliceInBrowser } from './sign-in.js';

test.use({ cloud: 'emulator' });
test.beforeEach(({ app }) => test.skip(app.runtime === 'electron', 'Sign-in pages open outside Playwright.'));

function subscriptionRow(page: Page, name: string) {
  return page.getByRole('row', { name: new RegExp(`^${name.replace(/[/()]/g, '\\$&')} `) });
}

async function openSubscriptions(page: Page) {
  await page.getByRole('tab', { name: 'Subscriptions' }).click();
  await expect(page.getByRole('heading', { name: 'Subscriptions', level: 1 })).toBeVisible();
}

async function searchVms(page: Page, text: string) {
  await page.getByRole('tab', { name: 'Virtual machines' }).click();
  await page.getByRole('searchbox', { name: 'Search VMs' }).fill(text);
  return page.getByRole('grid', { name: 'Virtual machines' });
}

test('hiding a subscription takes its VMs out of the grid until it is shown again, also after a restart', async ({
  app,
}) => {
  let page = app.page;
  await signInAliceInBrowser(page);
  let grid = await searchVms(page, 'build-agent');
  await expect(grid.getByRole('row', { name: /^build-agent-01 / })).toBeVisible({ timeout: 30_000 });

  await openSubscriptions(page);
  const contoso = page.getByRole('table', { name: 'Subscriptions in Contoso' });
  const devTest = subscriptionRow(page, 'Contoso Dev/Test');
  await expect(contoso).toContainText('Contoso Dev/Test');
  await expect(devTest).toContainText('Listed');
  await devTest.getByRole('switch', { name: 'Show Contoso Dev/Test' }).click();
  await expect(devTest.getByRole('switch', { name: 'Show Contoso Dev/Test' })).not.toBeChecked();
  await expect(devTest).toContainText('Hidden: Cloud Desk does not list its VMs.');

  grid = await searchVms(page, 'build-agent');
  await expect(grid.getByRole('row', { name: /^build-agent-01 / })).toBeHidden();
  await expect(page.getByText(/^0 of \d+ VMs$/)).toBeVisible();

  // The choice is the user's: it is still there after the app starts again.
  page = await app.restart();
  await openSubscriptions(page);
  const hidden = subscriptionRow(page, 'Contoso Dev/Test');
  await expect(hidden.getByRole('switch', { name: 'Show Contoso Dev/Test' })).not.toBeChecked();
  await expect(hidden).toContainText('Hidden');

  await hidden.getByRole('switch', { name: 'Show Contoso Dev/Test' }).click();
  await expect(hidden.getByRole('switch', { name: 'Show Contoso Dev/Test' })).toBeChecked();
  // Shown again, it is listed at once.
  await expect(hidden).toContainText('Listed', { timeout: 30_000 });
  grid = await searchVms(page, 'build-agent');
  await expect(grid.getByRole('row', { name: /^build-agent-01 / })).toBeVisible({ timeout: 30_000 });
});

test('a subscription two accounts reach appears once, names both, and acts through the account the user picks', async ({
  app,
}) => {
  let page = app.page;
  // A service principal with the Reader role on Contoso Production, then Alice, who reaches it too.
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('menuitem', { name: 'Service principal' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a service principal' });
  await dialog.getByRole('textbox', { name: 'Name (optional)' }).fill('Inventory reader');
  await dialog.getByRole('textbox', { name: 'Tenant ID or domain' }).fill('contoso.test');
  await dialog.getByRole('textbox', { name: 'Application (client) ID' }).fill(demo.secretSp.clientId);
  await dialog.getByLabel('Secret value').fill(demo.secretSp.secret);
  await dialog.getByRole('button', { name: 'Add service principal' }).click();
  await expect(page.getByRole('region', { name: 'Inventory reader' })).toBeVisible();
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('menuitem', { name: 'Microsoft account' }).click();
  const popup = page.context().waitForEvent('page');
  await page
    .getByRole('dialog', { name: 'Add a Microsoft account' })
    .getByRole('button', { name: 'Sign in with the browser' })
    .click();
  const login = await popup;
  await login.getByLabel('Email or username').fill(demo.alice.username);
  await login.getByLabel('Password').fill(demo.alice.password);
  await login.getByRole('button', { name: 'Sign in' }).click();
  await login.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByRole('region', { name: 'Alice Example' })).toBeVisible();
  await login.close();

  await openSubscriptions(page);
  const production = subscriptionRow(page, 'Contoso Production');
  await expect(production).toHaveCount(1);
  await expect(production).toContainText('Reached through 2 accounts: ', { timeout: 30_000 });
  await expect(production).toContainText('Inventory reader');
  await expect(production).toContainText('alice@contoso.test');
  // The service principal listed it first, so it acts until the user says otherwise.
  const picker = production.getByRole('combobox', { name: 'Account that acts on Contoso Production' });
  await expect(picker).toHaveText('Inventory reader');
  await picker.click();
  await page.getByRole('option', { name: 'alice@contoso.test' }).click();
  await expect(picker).toHaveText('alice@contoso.test');
  // A subscription only Alice reaches has no choice to make.
  await expect(subscriptionRow(page, 'Fabrikam Shared Services')).toContainText('alice@contoso.test');
  await expect(
    subscriptionRow(page, 'Fabrikam Shared Services').getByRole('combobox', { name: /Account that acts on/ }),
  ).toHaveCount(0);

  page = await app.restart();
  await openSubscriptions(page);
  const after = subscriptionRow(page, 'Contoso Production');
  await expect(after.getByRole('combobox', { name: 'Account that acts on Contoso Production' })).toHaveText(
    'alice@contoso.test',
  );
  await expect(page.getByRole('row', { name: /^Contoso Production / })).toHaveCount(1);
});
