// The desktop glue's renderer side in the browser preview, against the emulator: a clouddesk:// link handed over
// at start (CLOUD_DESK_OPEN_LINK, as the OS passes one in argv) opens its VM once the account that reaches it
// signs in; a subscription link (an `open` event) focuses its row; the menu's commands (delivered as main
// delivers them, as `command` events on the bridge) refresh what the current view shows and focus its search box
// (the VM grid's, an account's tenant search). The native menu and the link's single-instance delivery are
// covered for real in the electron project (desktop.spec.ts).
import type { Page, WebSocketRoute } from '@playwright/test';
import { fleetUser } from '../emulator/scenarios/fleet.js';
import { demo } from '../emulator/testing/demo-ids.js';
import { expect, test } from './fixtures.js';
import { answerSignInPage, signInAliceInBrowser } from './sign-in.js';

const contosoProd = '1a2b3c4d-0001-4e5f-8a9b-0c1d2e3f4a01';

test.beforeEach(({ runtime }) => test.skip(runtime === 'electron', 'Sign-in pages open outside Playwright.'));

test.describe('a clouddesk:// link', () => {
  test.use({
    cloud: 'emulator',
    appEnv: { CLOUD_DESK_OPEN_LINK: `clouddesk://vm/${contosoProd}/RG-WEB-PROD/web-prod-01` },
  });

  test('waits for the account that reaches the VM, then opens it selected with its details', async ({ app }) => {
    const { page } = app;
    const banner = page.getByRole('group', { name: 'Opened from a link' }).or(page.getByText('Opened from a link'));
    await expect(page.getByText(/web-prod-01 in resource group RG-WEB-PROD.* is not in the inventory/)).toBeVisible();
    // Main hands a link out once; a reload of the window (as after a renderer crash) keeps waiting for it.
    await page.reload();
    await expect(page.getByText(/web-prod-01 in resource group RG-WEB-PROD.* is not in the inventory/)).toBeVisible();

    const popup = page.context().waitForEvent('page');
    await page.getByRole('button', { name: 'Sign in with the browser' }).click();
    const login = await popup;
    await answerSignInPage(login, demo.alice);

    const details = page.getByRole('dialog', { name: 'web-prod-01' });
    await expect(details).toBeVisible({ timeout: 30_000 });
    await expect(details.getByText('Standard_D4s_v5')).toBeVisible();
    await expect(banner).toHaveCount(0);
    await details.getByRole('button', { name: 'Close details' }).click();
    await expect(page.getByRole('heading', { name: 'Virtual machines', level: 1 })).toBeVisible();
    const row = page.getByRole('grid', { name: 'Virtual machines' }).getByRole('row', { name: /^web-prod-01 / });
    await expect(row).toHaveAttribute('aria-selected', 'true');
    await login.close();
  });
});

/** Lets the test deliver events as main would, on the page's own socket to the preview host. */
async function routeEvents(page: Page): Promise<(name: string, payload: unknown) => void> {
  let route: WebSocketRoute | undefined;
  await page.routeWebSocket(/\/__preview\/ws/, (ws) => {
    ws.connectToServer();
    route = ws;
  });
  await page.reload();
  await expect.poll(() => route !== undefined).toBe(true);
  return (name, payload) => route?.send(JSON.stringify({ type: 'event', name, payload }));
}

test.describe('menu commands', () => {
  test.use({ cloud: 'emulator' });

  test('Refresh refreshes what the view shows; Find focuses the view’s search box', async ({ app }) => {
    const { page, emulator } = app;
    if (!emulator) throw new Error('this test needs the emulator');
    await signInAliceInBrowser(page);
    const emit = await routeEvents(page);
    const requests = async (path: RegExp) =>
      (await emulator.admin.requestLog()).recent.filter((r) => r.method === 'GET' && path.test(r.path)).length;

    // Accounts: the accounts' tenants are checked again, the inventory is not swept.
    await page.getByRole('tab', { name: 'Accounts' }).click();
    await emulator.admin.clearRequestLog();
    emit('command', 'refresh');
    await expect.poll(() => requests(/^\/tenants\b/)).toBeGreaterThan(0);
    expect(await requests(/^\/subscriptions(\?|$)/)).toBe(0);

    // Virtual machines: a full sweep lists the subscriptions again.
    await page.getByRole('tab', { name: 'Virtual machines' }).click();
    const grid = page.getByRole('grid', { name: 'Virtual machines' });
    await expect(grid.getByRole('row', { name: /^web-prod-01 / })).toBeVisible({ timeout: 30_000 });
    await emulator.admin.clearRequestLog();
    emit('command', 'refresh');
    await expect.poll(() => requests(/^\/subscriptions(\?|$)/)).toBeGreaterThan(0);

    emit('command', 'find');
    await expect(page.getByRole('searchbox', { name: 'Search VMs' })).toBeFocused();
  });
});

test.describe('a clouddesk:// link to a subscription', () => {
  test.use({ cloud: 'emulator' });

  test('opens the Subscriptions view on its row', async ({ app }) => {
    const { page } = app;
    await signInAliceInBrowser(page);
    const emit = await routeEvents(page);
    emit('open', { kind: 'subscription', subscriptionId: '2c3d4e5f-0004-4a6b-9c7d-1e2f3a4b5c04' });
    await expect(page.getByRole('heading', { name: 'Subscriptions', level: 1 })).toBeVisible();
    await expect(page.getByRole('row', { name: /Fabrikam Shared Services/ })).toBeFocused({ timeout: 30_000 });
  });
});

test.describe('Find in Accounts', () => {
  test.use({ cloud: 'emulator' });

  test('focuses the tenant search of an account with many tenants', async ({ app }) => {
    const { page, emulator } = app;
    if (!emulator) throw new Error('this test needs the emulator');
    await emulator.admin.reset('fleet:tenants=7,subscriptions=7,vms=7');
    try {
      const popup = page.context().waitForEvent('page');
      await page.getByRole('button', { name: 'Sign in with the browser' }).click();
      const login = await popup;
      await answerSignInPage(login, fleetUser, null);
      const search = page.getByRole('searchbox', { name: `Find a tenant of ${fleetUser.username}` });
      await expect(search).toBeVisible({ timeout: 30_000 });
      await login.close();
      const emit = await routeEvents(page);
      await page.getByRole('tab', { name: 'Accounts' }).click();
      await expect(search).toBeVisible();
      emit('command', 'find');
      await expect(search).toBeFocused();
    } finally {
      await emulator.admin.reset('demo');
    }
  });
});
