// Signs the demo user Alice in through the emulator's sign-in page, opened as the system browser would open it,
// accepting the consent page; answers her account's region once the app shows it. Shared by the specs that only
// need a signed-in account to start from.
import type { Locator, Page } from '@playwright/test';
import { demo } from '../emulator/testing/demo-ids.js';
import { expect } from './fixtures.js';

export async function signInAliceInBrowser(page: Page): Promise<Locator> {
  const popup = page.context().waitForEvent('page');
  await page.getByRole('button', { name: 'Sign in with the browser' }).click();
  const login = await popup;
  await login.getByLabel('Email or username').fill(demo.alice.username);
  await login.getByLabel('Password').fill(demo.alice.password);
  await login.getByRole('button', { name: 'Sign in' }).click();
  await login.getByRole('button', { name: 'Accept' }).click();
  const account = page.getByRole('region', { name: 'Alice Example' });
  await expect(account).toBeVisible();
  await login.close();
  return account;
}
