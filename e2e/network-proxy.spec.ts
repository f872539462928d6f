// Settings > Network drives the same network configuration the app signs in with: a proxy set in the UI carries
// the sign-in (MSAL) and the tenant listing (ARM) to the emulator, as a real CONNECT proxy started here counts.
import { demo } from '../emulator/testing/demo-ids.js';
import { startCountingProxy } from '../main/net/testing/connect-proxy.js';
import { expect, test } from './fixtures.js';

test.use({ cloud: 'emulator' });

test('a proxy entered in Settings carries the sign-in and the Azure calls', async ({ app }) => {
  test.skip(app.runtime === 'electron', 'Sign-in pages open in the system browser, outside Playwright.');
  const proxy = await startCountingProxy({ username: 'alice-proxy', password: 'Proxy#Pass1' });
  try {
    const { page } = app;
    await page.getByRole('tab', { name: 'Settings' }).click();
    const network = page.getByRole('region', { name: 'Network' });
    await network.getByRole('radio', { name: 'Use this proxy server' }).check();
    await network.getByRole('textbox', { name: 'Proxy server URL' }).fill(proxy.url);
    await network.getByRole('textbox', { name: 'Proxy user name' }).fill('alice-proxy');
    await network.getByRole('button', { name: 'Save network settings' }).click();
    await expect(network.getByText('Network settings saved.')).toBeVisible();
    await network.getByLabel('Proxy password').fill('Proxy#Pass1');
    await network.getByRole('button', { name: 'Save password' }).click();
    await expect(network.getByText('A password is saved, encrypted.')).toBeVisible();
    await expect(network.getByLabel('Proxy password')).toHaveValue('');

    await page.getByRole('tab', { name: 'Accounts' }).click();
    const popup = page.context().waitForEvent('page');
    await page.getByRole('button', { name: 'Sign in with the browser' }).click();
    const login = await popup;
    await login.getByLabel('Email or username').fill(demo.alice.username);
    await login.getByLabel('Password').fill(demo.alice.password);
    await login.getByRole('button', { name: 'Sign in' }).click();
    await login.getByRole('button', { name: 'Accept' }).click();
    await expect(page.getByRole('region', { name: 'Alice Example' })).toBeVisible();
    await login.close();

    const emulatorHost = new URL(app.emulator?.authority ?? '').host;
    expect(proxy.refused).toBe(0);
    expect(proxy.tunnels.length).toBeGreaterThan(0);
    expect(new Set(proxy.tunnels)).toEqual(new Set([emulatorHost]));
  } finally {
    await proxy.close();
  }
});
