// Accounts as a person uses them, driven by role and accessible name against the emulator: first run, sign-in in
// the browser and with a device code, per-tenant sign-in (MFA), hiding tenants, service principals, sign-out and
// reset, and what the view says when offline or when secrets can only be kept for the session.
import type { Locator, Page } from '@playwright/test';
import { demo } from '../emulator/testing/demo-ids.js';
import { secretStorageText, signInReasonText } from '../preload/contract.js';
import { expect, test } from './fixtures.js';
import { answerSignInPage, switchToDeviceCode } from './sign-in.js';

/** Signs Alice in through the emulator's sign-in page, opened as the system browser would open it. */
async function signInAlice(page: Page): Promise<Locator> {
  const popup = page.context().waitForEvent('page');
  await page.getByRole('button', { name: 'Sign in with the browser' }).click();
  const login = await popup;
  await expect(page.getByText('Waiting for you to finish in the browser…')).toBeVisible();
  await answerSignInPage(login, demo.alice);
  const account = page.getByRole('region', { name: 'Alice Example' });
  await expect(account).toBeVisible();
  await login.close();
  return account;
}

function tenantRow(account: Locator, name: string): Locator {
  return account.getByRole('row', { name: new RegExp(name) });
}

test.describe('without a configured cloud', () => {
  test('first run explains what connecting does and how to register the app, then signs in once it is', async ({
    app,
  }) => {
    const { page } = app;
    await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Connect your first account' })).toBeVisible();
    await page.getByRole('radio', { name: 'Use my organisation’s app registration' }).check();
    await expect(page.getByText('Sign-in to Azure needs an app registration', { exact: true })).toBeVisible();
    await expect(page.getByText('http://localhost', { exact: true })).toBeVisible();
    const browserSignIn = page.getByRole('button', { name: 'Sign in with the browser' });
    await expect(browserSignIn).toBeDisabled();
    await expect(browserSignIn).toHaveAccessibleDescription('Sign-in to Azure needs an app registration first.');

    await page.getByRole('button', { name: 'Settings, Sign-in' }).click();
    const clientId = page.getByRole('textbox', { name: 'Application (client) ID' });
    await expect(clientId).toBeFocused();
    await clientId.fill('not-a-guid');
    await expect(page.getByText(/The Application \(client\) ID is a GUID/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save sign-in settings' })).toBeDisabled();
    await clientId.fill(demo.clientId);
    await page.getByRole('button', { name: 'Save sign-in settings' }).click();
    await expect(page.getByText('Sign-in settings saved.')).toBeVisible();

    await page.getByRole('tab', { name: 'Accounts' }).click();
    await expect(page.getByText('Sign-in to Azure needs an app registration', { exact: true })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Sign in with the browser' })).toBeEnabled();
  });
});

const systemBrowserOutOfReach =
  'Sign-in pages open in the system browser through shell.openExternal, outside Playwright.';

test.describe('against the emulator', () => {
  test.use({ cloud: 'emulator' });
  test.beforeEach(({ app }) => test.skip(app.runtime === 'electron', systemBrowserOutOfReach));

  test('signs in with the browser, words each tenant’s state, and signs in to a tenant that needs MFA', async ({
    app,
  }) => {
    const { page } = app;
    const account = await signInAlice(page);
    await expect(account.getByText('alice@contoso.test')).toBeVisible();
    await expect(account.getByText('User', { exact: true })).toBeVisible();
    await expect(account.getByText('Local Azure emulator')).toBeVisible();
    await expect(account.getByRole('table', { name: 'Tenants of alice@contoso.test' })).toBeVisible();
    await expect(tenantRow(account, 'Contoso')).toContainText('Home');
    await expect(tenantRow(account, 'Contoso')).toContainText('Ready');
    await expect(tenantRow(account, 'Fabrikam')).toContainText('Guest');
    const northwind = tenantRow(account, 'Northwind Lab');
    await expect(northwind).toContainText('Sign-in needed');
    await expect(northwind).toContainText('This tenant requires multi-factor authentication');

    const popup = page.context().waitForEvent('page');
    await northwind.getByRole('button', { name: 'Sign in to this tenant: Northwind Lab' }).click();
    const mfa = await popup;
    await expect(page.getByRole('heading', { name: 'Signing in to Northwind Lab' })).toBeVisible();
    await mfa.getByLabel('Verification code').fill('123456');
    await mfa.getByRole('button', { name: 'Verify' }).click();
    await expect(northwind).toContainText('Ready');
    await expect(northwind.getByRole('button', { name: /Sign in to this tenant/ })).toHaveCount(0);
    await expect(page.getByRole('region', { name: /Signing in/ })).toBeHidden();
  });

  test('"Try another way" switches to a device code, and entering the code finishes the sign-in', async ({ app }) => {
    const { page } = app;
    const panel = await switchToDeviceCode(page);
    await expect(panel.getByRole('button', { name: 'Copy code' })).toBeVisible();
    await expect(panel.getByText(/Conditional Access policies block sign-in with a code/)).toBeVisible();
    await expect(panel.getByRole('timer')).toHaveText(/Time left: \d+:\d\d/);
    const code = (await panel.getByText(/^[A-Z0-9]{6,12}$/).textContent()) ?? '';
    const verificationUri = /https:\/\/\S+\/devicelogin/.exec((await panel.textContent()) ?? '')?.[0];
    if (!verificationUri) throw new Error('the panel shows no verification URL');

    const device = await page.context().newPage();
    await device.goto(verificationUri);
    await device.getByLabel('Code').fill(code);
    await device.getByRole('button', { name: 'Next' }).click();
    await answerSignInPage(device, demo.alice);
    await expect(page.getByRole('region', { name: 'Alice Example' })).toBeVisible({ timeout: 30_000 });
    await expect(panel).toBeHidden();
  });

  test('cancelling a sign-in goes back quietly, without an error', async ({ app }) => {
    const { page } = app;
    const popup = page.context().waitForEvent('page');
    await page.getByRole('button', { name: 'Sign in with the browser' }).click();
    await popup;
    await page.getByRole('button', { name: 'Cancel sign-in' }).click();
    await expect(page.getByRole('region', { name: 'Signing in' })).toBeHidden();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Sign in with the browser' })).toBeEnabled();
  });

  test('after a restart the accounts and tenant states show before any network answer', async ({ app }) => {
    const { emulator } = app;
    if (!emulator) throw new Error('this test needs the emulator');
    const signedIn = await signInAlice(app.page);
    // Each tenant's state lands on its own after the sign-in: wait for the ones this test reads back.
    await expect(tenantRow(signedIn, 'Contoso')).toContainText('Ready');
    await expect(tenantRow(signedIn, 'Northwind Lab')).toContainText('Sign-in needed');
    // From now on every request to the cloud hangs: whatever the app shows comes from its own store.
    await emulator.admin.addFaults('*:*=slow:60000');
    // A failure here must not leave the emulator hanging for the tests after this one.
    try {
      let startedAt = Number.POSITIVE_INFINITY;
      const page = await app.restart({
        beforeStart: async () => {
          startedAt = Date.now();
        },
      });
      await page.getByRole('tab', { name: 'Accounts' }).click();
      const account = page.getByRole('region', { name: 'Alice Example' });
      await expect(tenantRow(account, 'Contoso')).toContainText('Ready');
      await expect(tenantRow(account, 'Northwind Lab')).toContainText('Sign-in needed');
      // Calls the previous run made (some end, and are logged, only during or after the restart) started before the
      // new app did; none may start after it.
      const log = await emulator.admin.requestLog();
      expect(log.recent.filter((request) => Date.parse(request.time) - request.ms >= startedAt)).toEqual([]);
    } finally {
      await emulator.admin.clearFaults();
    }
  });

  test('a hidden tenant stays hidden after a restart and can be shown again', async ({ app }) => {
    const account = await signInAlice(app.page);
    await account.getByRole('button', { name: 'Hide tenant: Fabrikam' }).click();
    await expect(tenantRow(account, 'Fabrikam')).toContainText('Hidden');

    const page = await app.restart();
    await page.getByRole('tab', { name: 'Accounts' }).click();
    const again = page.getByRole('region', { name: 'Alice Example' });
    await expect(tenantRow(again, 'Fabrikam')).toContainText('Hidden');
    await again.getByRole('button', { name: 'Show tenant: Fabrikam' }).click();
    await expect(tenantRow(again, 'Fabrikam')).toContainText('Ready');
    await expect(again.getByRole('button', { name: 'Hide tenant: Fabrikam' })).toBeVisible();
  });

  test('adding a service principal checks each field and never shows the secret', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('menuitem', { name: 'Service principal' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a service principal' });
    await dialog.getByRole('textbox', { name: 'Application (client) ID' }).fill('not-a-guid');
    await dialog.getByRole('button', { name: 'Add service principal' }).click();
    await expect(dialog.getByText('Enter the tenant ID or a domain of the tenant.')).toBeVisible();
    await expect(dialog.getByText(/The application \(client\) ID is a GUID/)).toBeVisible();
    await expect(dialog.getByText('Enter the client secret’s value.')).toBeVisible();

    await dialog.getByRole('radio', { name: 'Certificate' }).check();
    await dialog
      .getByRole('combobox', { name: 'Certificate format' })
      .selectOption({ label: 'One PEM with the certificate and its private key' });
    await dialog.getByRole('textbox', { name: /Certificate \(PEM/ }).fill('-----BEGIN CERTIFICATE-----\nnot a key\n');
    await dialog.getByRole('button', { name: 'Add service principal' }).click();
    await expect(dialog.getByText(/needs both the certificate and its private key/)).toBeVisible();

    await dialog.getByRole('radio', { name: 'Client secret' }).check();
    await dialog.getByRole('textbox', { name: 'Name (optional)' }).fill('Build agent');
    await dialog.getByRole('textbox', { name: 'Tenant ID or domain' }).fill('contoso.test');
    await dialog.getByRole('textbox', { name: 'Application (client) ID' }).fill(demo.secretSp.clientId);
    const secret = dialog.getByLabel('Secret value');
    await expect(secret).toHaveAttribute('type', 'password');
    await secret.fill(demo.secretSp.secret);
    await dialog.getByRole('button', { name: 'Add service principal' }).click();
    await expect(dialog).toBeHidden();

    const account = page.getByRole('region', { name: 'Build agent' });
    await expect(account.getByText('Service principal', { exact: true })).toBeVisible();
    await expect(account.getByText(`Client ID ${demo.secretSp.clientId}`)).toBeVisible();
    await expect(account.getByRole('button', { name: 'Copy the client ID of Build agent' })).toBeVisible();
    await expect(account.getByRole('button', { name: 'Remove Build agent' })).toBeVisible();
    await expect(account.getByRole('button', { name: /^Sign out/ })).toHaveCount(0);
    await expect(tenantRow(account, 'Contoso')).toContainText('Ready');
    await expect(account.getByRole('button', { name: /Sign in to this tenant/ })).toHaveCount(0);
    expect(await page.content()).not.toContain(demo.secretSp.secret);
  });

  test('sign-out asks first; reset sign-in data keeps the accounts and asks for a new sign-in', async ({ app }) => {
    const { page } = app;
    const account = await signInAlice(page);

    await page.getByRole('button', { name: 'Reset sign-in data' }).click();
    const reset = page.getByRole('alertdialog', { name: 'Reset sign-in data?' });
    await expect(reset).toContainText('Your accounts stay listed and ask you to sign in again');
    await reset.getByRole('button', { name: 'Reset sign-in data' }).click();
    await expect(reset).toBeHidden();
    await expect(tenantRow(account, 'Contoso')).toContainText('Sign-in needed');
    await expect(tenantRow(account, 'Contoso')).toContainText(signInReasonText.no_session);

    await account.getByRole('button', { name: 'Sign out alice@contoso.test' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Sign out of alice@contoso.test?' });
    await expect(confirm).toContainText('Nothing changes in Azure');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    await expect(account).toBeVisible();

    await account.getByRole('button', { name: 'Sign out alice@contoso.test' }).click();
    await confirm.getByRole('button', { name: 'Sign out' }).click();
    await expect(account).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Connect your first account' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out of all' })).toBeDisabled();
  });

  test('sign out of all forgets every account after saying what it does', async ({ app }) => {
    const { page } = app;
    await signInAlice(page);
    await page.getByRole('button', { name: 'Sign out of all' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Sign out of all accounts?' });
    await expect(confirm).toContainText('forgets every account and service principal');
    await confirm.getByRole('button', { name: 'Sign out of all' }).click();
    await expect(page.getByRole('heading', { name: 'Connect your first account' })).toBeVisible();
  });

  test('offline: a banner says why, sign-in is still offered with a note, and it clears when back', async ({ app }) => {
    const { page, emulator } = app;
    if (!emulator) throw new Error('this test needs the emulator');
    const account = await signInAlice(page);
    // Northwind's MFA requirement is learned by a tenant check after the sign-in; let it land before going offline.
    await expect(tenantRow(account, 'Northwind Lab')).toContainText('Sign-in needed');
    await emulator.admin.addFaults('*:*=reset');
    await account.getByRole('button', { name: 'Refresh alice@contoso.test' }).click();
    await expect(page.getByText('You are offline')).toBeVisible();
    await expect(page.getByText(/from your last check; each says how old it is/)).toBeVisible();
    await expect(account).toBeVisible();
    // Offline never locks the user in: the sign-in stays offered and says why it may fail.
    const signIn = account.getByRole('button', { name: 'Sign in to this tenant: Northwind Lab' });
    await expect(signIn).toBeEnabled();
    await expect(signIn).toHaveAccessibleDescription(/could not reach Local Azure emulator/);

    await emulator.admin.clearFaults();
    await account.getByRole('button', { name: 'Refresh alice@contoso.test' }).click();
    await expect(page.getByText('You are offline')).toBeHidden();
    await expect(signIn).not.toHaveAccessibleDescription(/could not reach/);
  });
});

test.describe('without a keyring (Linux basic_text)', () => {
  test.use({ cloud: 'emulator', appEnv: { CLOUD_DESK_PREVIEW_ENCRYPTION: 'weak' } });

  test('sign-ins are session-only: the banner says how to fix it and links to the opt-in', async ({ app }) => {
    test.skip(
      app.runtime === 'electron',
      `Simulating a missing keyring is a preview-host switch. ${systemBrowserOutOfReach}`,
    );
    const { page } = app;
    await expect(page.getByText(secretStorageText.session_only.title)).toBeVisible();
    await expect(page.getByText(/install or unlock a keyring such as GNOME Keyring or KWallet/)).toBeVisible();
    // One vocabulary: the welcome card words the storage mode as the banner and Settings do.
    await expect(page.getByRole('region', { name: 'Connect your first account' })).toContainText(
      `Your sign-in data is ${secretStorageText.session_only.phrase}.`,
    );
    const account = await signInAlice(page);
    await expect(account.getByText('Session only', { exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'allow storing sign-in data without a keyring in Settings' }).click();
    const optIn = page.getByRole('switch', { name: 'Store sign-in data on disk when no keyring is available' });
    await expect(optIn).toBeFocused();
    await expect(optIn).not.toBeChecked();
    await expect(page.getByText(`Sign-in data is now ${secretStorageText.session_only.phrase}`)).toBeVisible();
  });
});

test.describe('without any OS encryption', () => {
  test.use({ appEnv: { CLOUD_DESK_PREVIEW_ENCRYPTION: 'unavailable' } });

  test('sign-ins are session-only and the weak-storage opt-in is not offered, since it cannot help', async ({
    app,
  }) => {
    test.skip(app.runtime === 'electron', 'Simulating missing OS encryption is a preview-host switch.');
    const { page } = app;
    await expect(page.getByText(secretStorageText.session_only.title)).toBeVisible();
    await expect(
      page.getByRole('button', { name: 'allow storing sign-in data without a keyring in Settings' }),
    ).toHaveCount(0);
  });
});
