// Signing in to real Azure without registering an app first: with no client id built in or chosen, the first
// run offers the organisation's registration or the Azure CLI's public client; the choice makes Azure sign-in
// available and shows (and can be changed) in Settings. A default built in when packaging needs no choice.
import { expect, test } from './fixtures.js';

const azureCli = /^Use the Azure CLI’s public client \(no registration; sign-ins show as Azure CLI/;

test('first run offers both clients; choosing the Azure CLI’s makes Azure sign-in available and shows in Settings', async ({
  app,
}) => {
  const { page } = app;
  const choice = page.getByRole('group', { name: 'Choose how Cloud Desk signs in to Azure' });
  await expect(choice).toBeVisible();
  await expect(choice.getByRole('radio', { name: 'Use my organisation’s app registration' })).toBeVisible();
  await expect(choice.getByRole('radio', { name: azureCli })).toBeVisible();
  const browserSignIn = page.getByRole('button', { name: 'Sign in with the browser' });
  await expect(browserSignIn).toBeDisabled();

  await choice.getByRole('radio', { name: azureCli }).check();
  await choice.getByRole('button', { name: 'Use this choice' }).click();
  await expect(choice).toBeHidden();
  await expect(browserSignIn).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Sign in with a code' })).toBeEnabled();

  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByRole('radio', { name: azureCli })).toBeChecked();
  // The choice outlives a restart.
  const restarted = await app.restart();
  await restarted.getByRole('tab', { name: 'Settings' }).click();
  await expect(restarted.getByRole('radio', { name: azureCli })).toBeChecked();
});

test('the organisation’s choice asks for its client id, with the registration recipe, before sign-in is offered', async ({
  app,
}) => {
  const { page } = app;
  const choice = page.getByRole('group', { name: 'Choose how Cloud Desk signs in to Azure' });
  await choice.getByRole('radio', { name: 'Use my organisation’s app registration' }).check();
  await expect(choice.getByText('http://localhost', { exact: true })).toBeVisible();
  await choice.getByRole('button', { name: 'Use this choice' }).click();
  await expect(choice.getByText('Enter your organisation’s Application (client) ID.')).toBeVisible();
  await choice.getByRole('textbox', { name: 'Application (client) ID' }).fill('not-a-guid');
  await expect(choice.getByText(/The Application \(client\) ID is a GUID/)).toBeVisible();
  await choice.getByRole('textbox', { name: 'Application (client) ID' }).fill('0d35c0de-c10d-4dd5-a0e1-c1a5de5c0de1');
  await choice.getByRole('button', { name: 'Use this choice' }).click();
  await expect(choice).toBeHidden();
  await expect(page.getByRole('button', { name: 'Sign in with the browser' })).toBeEnabled();

  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByRole('radio', { name: 'Use my organisation’s app registration' })).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Application (client) ID' })).toHaveValue(
    '0d35c0de-c10d-4dd5-a0e1-c1a5de5c0de1',
  );
  // Settings can change the choice later.
  await page.getByRole('radio', { name: azureCli }).check();
  await page.getByRole('button', { name: 'Save sign-in settings' }).click();
  await expect(page.getByText('Sign-in settings saved.')).toBeVisible();
  await expect(page.getByRole('radio', { name: azureCli })).toBeChecked();
});

test.describe('with a default client id built in', () => {
  const builtin = '2f1b5e64-3c4d-4e8f-9a0b-1c2d3e4f5a6b';
  test.use({ appEnv: { CLOUD_DESK_CLIENT_ID: builtin } });

  test('signs in with it without asking, and Settings names it and can change it', async ({ app }) => {
    test.skip(app.runtime === 'electron', 'A packaged app reads its default from package.json, not the environment.');
    const { page } = app;
    await expect(page.getByRole('heading', { name: 'Connect your first account' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in with the browser' })).toBeEnabled();
    await expect(page.getByRole('group', { name: 'Choose how Cloud Desk signs in to Azure' })).toBeHidden();
    await page.getByRole('tab', { name: 'Settings' }).click();
    const builtIn = page.getByRole('radio', {
      name: `Use the app registration built into this copy of Cloud Desk (${builtin})`,
    });
    await expect(builtIn).toBeChecked();
    await page.getByRole('radio', { name: azureCli }).check();
    await page.getByRole('button', { name: 'Save sign-in settings' }).click();
    await expect(page.getByText('Sign-in settings saved.')).toBeVisible();
    await expect(page.getByRole('radio', { name: azureCli })).toBeChecked();
    await expect(builtIn).not.toBeChecked();
  });
});

test.describe('national clouds', () => {
  const builtin = '2f1b5e64-3c4d-4e8f-9a0b-1c2d3e4f5a6b';
  test.use({ appEnv: { CLOUD_DESK_CLIENT_ID: builtin } });

  test('do not borrow Azure’s registration; each takes its own choice, in the first run or in Settings', async ({
    app,
  }) => {
    test.skip(app.runtime === 'electron', 'A packaged app reads its default from package.json, not the environment.');
    const { page } = app;
    const browserSignIn = page.getByRole('button', { name: 'Sign in with the browser' });
    await expect(browserSignIn).toBeEnabled();
    // Azure signs in with the built-in registration; Azure China has no registration of its own yet.
    await page.getByRole('combobox', { name: 'Cloud' }).selectOption({ label: 'Azure operated by 21Vianet' });
    const china = page.getByRole('group', { name: 'Choose how Cloud Desk signs in to Azure operated by 21Vianet' });
    await expect(china).toContainText('runs its own Microsoft Entra ID');
    await expect(browserSignIn).toBeDisabled();
    await expect(china.getByRole('radio', { name: /built into this copy/ })).toHaveCount(0);
    await china.getByRole('radio', { name: azureCli }).check();
    await china.getByRole('button', { name: 'Use this choice' }).click();
    await expect(china).toBeHidden();
    await expect(browserSignIn).toBeEnabled();

    // US Government still needs its own: Settings gives it a registration made in that cloud.
    await page.getByRole('tab', { name: 'Settings' }).click();
    const chinaSettings = page.getByRole('group', { name: 'Sign-in to Azure operated by 21Vianet' });
    await expect(chinaSettings.getByRole('radio', { name: /^The Azure CLI’s public client/ })).toBeChecked();
    const usGov = page.getByRole('group', { name: 'Sign-in to Azure US Government' });
    await usGov.getByRole('radio', { name: 'An app registration made in Azure US Government' }).check();
    await page.getByRole('button', { name: 'Save national cloud sign-in' }).click();
    await expect(usGov.getByText(/Enter your organisation’s Application \(client\) ID/)).toBeVisible();
    await usGov
      .getByRole('textbox', { name: 'Application (client) ID in Azure US Government' })
      .fill('0d35c0de-c10d-4dd5-a0e1-c1a5de5c0de1');
    await page.getByRole('button', { name: 'Save national cloud sign-in' }).click();
    await expect(page.getByText('National cloud sign-in saved.')).toBeVisible();

    await page.getByRole('tab', { name: 'Accounts' }).click();
    await page.getByRole('combobox', { name: 'Cloud' }).selectOption({ label: 'Azure US Government' });
    await expect(browserSignIn).toBeEnabled();
    await expect(page.getByRole('group', { name: /^Choose how Cloud Desk signs in/ })).toHaveCount(0);
  });
});
