// Settings > Network drives the same network configuration the app signs in with: a proxy set in the UI carries
// the sign-in (MSAL) and the tenant listing (ARM) to the emulator, as a real CONNECT proxy started here counts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { demo } from '../emulator/testing/demo-ids.js';
import { startCountingProxy } from '../main/net/testing/connect-proxy.js';
import { expect, test } from './fixtures.js';

test.use({ cloud: 'emulator' });

async function useProxy(page: Page, url: string, username?: string): Promise<void> {
  await page.getByRole('tab', { name: 'Settings' }).click();
  const network = page.getByRole('region', { name: 'Network' });
  await network.getByRole('radio', { name: 'Use this proxy server' }).check();
  await network.getByRole('textbox', { name: 'Proxy server URL' }).fill(url);
  if (username) await network.getByRole('textbox', { name: 'Proxy user name' }).fill(username);
  await network.getByRole('button', { name: 'Save network settings' }).click();
  await expect(network.getByText('Network settings saved.')).toBeVisible();
}

test('a proxy entered in Settings carries the sign-in and the Azure calls', async ({ app }) => {
  test.skip(app.runtime === 'electron', 'Sign-in pages open in the system browser, outside Playwright.');
  const proxy = await startCountingProxy({ username: 'alice-proxy', password: 'Proxy#Pass1' });
  try {
    const { page } = app;
    await useProxy(page, proxy.url, 'alice-proxy');
    const network = page.getByRole('region', { name: 'Network' });
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
    for (const file of ['settings.json', 'secrets.json']) {
      expect(readFileSync(join(app.dataDir, file), 'utf8')).not.toContain('Proxy#Pass1');
    }
  } finally {
    await proxy.close();
  }
});

test('a proxy that asks for a password says so where the sign-in failed', async ({ app }) => {
  test.skip(app.runtime === 'electron', 'Sign-in pages open in the system browser, outside Playwright.');
  const proxy = await startCountingProxy({ username: 'alice-proxy', password: 'Proxy#Pass1' });
  try {
    const { page } = app;
    await useProxy(page, proxy.url);
    await page.getByRole('tab', { name: 'Accounts' }).click();
    await page.getByRole('button', { name: 'Sign in with the browser' }).click();
    await expect(page.getByRole('alert')).toContainText(/Proxy authentication required.*Settings > Network/);
    expect(proxy.refused).toBeGreaterThan(0);
    expect(proxy.tunnels).toEqual([]);
  } finally {
    await proxy.close();
  }
});

test('the proxy settings work from the keyboard alone', async ({ app }) => {
  const { page } = app;
  await page.getByRole('tab', { name: 'Settings' }).click();
  const network = page.getByRole('region', { name: 'Network' });
  await network.getByRole('radio', { name: /Use the system proxy settings/ }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(network.getByRole('radio', { name: 'Use this proxy server' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(network.getByRole('textbox', { name: 'Proxy server URL' })).toBeFocused();
  await page.keyboard.type('http://proxy.contoso.com:8080');
  await page.keyboard.press('Enter');
  await expect(network.getByText('Network settings saved.')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(network.getByRole('textbox', { name: 'Do not use the proxy for' })).toBeFocused();
});
