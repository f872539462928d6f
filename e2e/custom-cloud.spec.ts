// A private cloud added in Settings (here: the local emulator, with its own CA) is offered when adding an
// account, and signing in to it works like any other cloud.
import { demo } from '../emulator/testing/demo-ids.js';
import { expect, test } from './fixtures.js';
import { answerSignInPage } from './sign-in.js';

test.use({ cloud: 'emulator-not-configured' });

test('a custom cloud added in Settings can be signed in to', async ({ app }) => {
  const { page, emulator } = app;
  if (!emulator) throw new Error('this test needs the emulator');
  await page.getByRole('tab', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Add a custom cloud' });
  await form.getByRole('button', { name: 'Add cloud' }).click();
  await expect(form.getByText('This must not be empty.')).toBeVisible();

  await form.getByLabel('Name').fill('Lab emulator');
  await form.getByLabel('Sign-in authority').fill(emulator.authority);
  await form.getByLabel('Resource Manager endpoint').fill(emulator.arm);
  await form.getByLabel('Resource Manager audience').fill('https://management.azure.com/');
  await form.getByLabel("Cloud's client ID").fill(demo.clientId);
  await form.getByLabel('CA certificates (PEM)').fill(emulator.caPem);
  await form.getByRole('button', { name: 'Add cloud' }).click();
  await expect(page.getByText('Lab emulator added.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Custom clouds' })).toContainText('Lab emulator');

  await page.getByRole('tab', { name: 'Accounts' }).click();
  await page.getByLabel('Cloud').selectOption({ label: 'Lab emulator' });
  const popup = page.context().waitForEvent('page');
  await page.getByRole('button', { name: 'Sign in with the browser' }).click();
  const login = await popup;
  await answerSignInPage(login, demo.bob);
  const account = page.getByRole('region', { name: 'Bob' });
  await expect(account).toContainText('Lab emulator');
  await expect(account.getByRole('row', { name: /Fabrikam/ })).toContainText('Ready');
});
