// The emulator's sign-in page as a person answers it (name, password, then the consent page), and the demo user
// Alice signed in through it, opened as the system browser would open it; answers her account's region once the
// app shows it. Shared by the specs that sign in.
import type { Locator, Page } from '@playwright/test';
import { demo } from '../emulator/testing/demo-ids.js';
import { expect } from './fixtures.js';

/**
 * Answers the emulator's sign-in page as `user`, then presses the consent page's button (null when the app is
 * pre-consented for the user and no consent page comes).
 */
export async function answerSignInPage(
  login: Page,
  user: { username: string; password: string },
  consent: 'Accept' | 'Cancel' | null = 'Accept',
): Promise<void> {
  await login.getByLabel('Email or username').fill(user.username);
  await login.getByLabel('Password').fill(user.password);
  await login.getByRole('button', { name: 'Sign in' }).click();
  if (consent) await login.getByRole('button', { name: consent }).click();
}

export async function signInAliceInBrowser(page: Page): Promise<Locator> {
  const popup = page.context().waitForEvent('page');
  await page.getByRole('button', { name: 'Sign in with the browser' }).click();
  const login = await popup;
  await answerSignInPage(login, demo.alice);
  const account = page.getByRole('region', { name: 'Alice Example' });
  await expect(account).toBeVisible();
  await login.close();
  return account;
}

/**
 * Starts a browser sign-in, closes the page it opens (as a person who cannot use that browser would) and chooses
 * "Try another way": answers the signing-in panel once it shows the device code.
 */
export async function switchToDeviceCode(page: Page): Promise<Locator> {
  const popup = page.context().waitForEvent('page');
  await page.getByRole('button', { name: 'Sign in with the browser' }).click();
  await (await popup).close();
  await page.getByRole('button', { name: 'Try another way: sign in with a code' }).click();
  const panel = page.getByRole('region', { name: 'Signing in' });
  await expect(panel.getByText('Enter this code on the sign-in page')).toBeVisible();
  return panel;
}
