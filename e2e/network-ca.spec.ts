// A certificate only the extra-CA setting makes trusted: a custom cloud added without its CA fails with the
// issuer's name; the same CA chosen as a file in Settings > Network makes the sign-in work.
import { demo } from '../emulator/testing/demo-ids.js';
import { expect, test } from './fixtures.js';
import { answerSignInPage } from './sign-in.js';

test.use({ cloud: 'emulator-not-configured' });

test('a CA file chosen in Settings > Network makes a private CA trusted', async ({ app }) => {
  test.skip(app.runtime === 'electron', 'Sign-in pages open in the system browser, outside Playwright.');
  const { page, emulator } = app;
  if (!emulator) throw new Error('this test needs the emulator');
  await page.getByRole('tab', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Add a custom cloud' });
  await form.getByLabel('Name').fill('Lab emulator');
  await form.getByLabel('Sign-in authority').fill(emulator.authority);
  await form.getByLabel('Resource Manager endpoint').fill(emulator.arm);
  await form.getByLabel('Resource Manager audience').fill('https://management.azure.com/');
  await form.getByLabel("Cloud's client ID").fill(demo.clientId);
  await form.getByRole('button', { name: 'Add cloud' }).click();
  await expect(page.getByText('Lab emulator added.')).toBeVisible();

  await page.getByRole('tab', { name: 'Accounts' }).click();
  await page.getByLabel('Cloud').selectOption({ label: 'Lab emulator' });
  await page.getByRole('button', { name: 'Sign in with the browser' }).click();
  await expect(page.getByRole('alert')).toContainText(
    /Certificate not trusted: the certificate of localhost:\d+ is not trusted \(issued by CN=Cloud Desk Azure Emulator CA/,
  );

  await page.getByRole('tab', { name: 'Settings' }).click();
  const network = page.getByRole('region', { name: 'Network' });
  await network.getByLabel('Certificate file').setInputFiles({
    name: 'not-a-cert.pem',
    mimeType: 'text/plain',
    buffer: Buffer.from('hello'),
  });
  await expect(network.getByText(/The file holds no PEM certificate/)).toBeVisible();
  await network.getByLabel('Certificate file').setInputFiles(emulator.caFile);
  await expect(network.getByText('Certificates from ca.pem are trusted now.')).toBeVisible();
  await expect(network.getByRole('list', { name: 'Extra trusted certificates' })).toContainText(
    'CN=Cloud Desk Azure Emulator CA',
  );

  await page.getByRole('tab', { name: 'Accounts' }).click();
  const popup = page.context().waitForEvent('page');
  await page.getByRole('button', { name: 'Sign in with the browser' }).click();
  const login = await popup;
  await answerSignInPage(login, demo.bob);
  await expect(page.getByRole('region', { name: 'Bob' }).getByRole('row', { name: /Fabrikam/ })).toContainText('Ready');
});
