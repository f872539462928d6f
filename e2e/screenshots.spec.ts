// A tour of the Accounts view for people to look at: Alice signed in (one tenant waiting for MFA) at the window's
// minimum size, a laptop size and full HD, light and dark, with and without a dialog open. Runs only when
// CLOUD_DESK_SCREENSHOTS names a folder to write into (`CLOUD_DESK_SCREENSHOTS=out npx playwright test
// --project preview e2e/screenshots.spec.ts`); docs/screenshots/ holds the ones the README shows.
import { join, resolve } from 'node:path';
import { demo } from '../emulator/testing/demo-ids.js';
import { expect, test } from './fixtures.js';

const folder = process.env['CLOUD_DESK_SCREENSHOTS'];
const sizes = [
  { name: '720x480', width: 720, height: 480 },
  { name: '1024x640', width: 1024, height: 640 },
  { name: '1920x1080', width: 1920, height: 1080 },
] as const;

test.use({ cloud: 'emulator' });

test('screenshots of the Accounts view', async ({ app }) => {
  test.skip(!folder || app.runtime === 'electron', 'Set CLOUD_DESK_SCREENSHOTS to a folder to take screenshots.');
  test.setTimeout(180_000);
  const out = resolve(folder ?? '.');
  const { page } = app;
  const popup = page.context().waitForEvent('page');
  await page.getByRole('button', { name: 'Sign in with the browser' }).click();
  const login = await popup;
  await login.getByLabel('Email or username').fill(demo.alice.username);
  await login.getByLabel('Password').fill(demo.alice.password);
  await login.getByRole('button', { name: 'Sign in' }).click();
  await login.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByRole('region', { name: 'Alice Example' })).toBeVisible();
  await login.close();

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // The README's pair (docs/screenshots/accounts-light.png and -dark.png), with no control focused.
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.screenshot({ path: join(out, `accounts-${scheme}.png`) });
    for (const size of sizes) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.screenshot({ path: join(out, `accounts-${size.name}-${scheme}.png`) });
      // The whole view, scrolled: the shell's main area scrolls, so make it as tall as its content first.
      await page.setViewportSize({ width: size.width, height: 2000 });
      await page.screenshot({ path: join(out, `accounts-${size.name}-${scheme}-all.png`) });
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.getByRole('button', { name: 'Add account' }).click();
      await page.screenshot({ path: join(out, `accounts-${size.name}-${scheme}-menu.png`) });
      await page.getByRole('menuitem', { name: 'Service principal' }).click();
      await expect(page.getByRole('dialog', { name: 'Add a service principal' })).toBeVisible();
      await page.screenshot({ path: join(out, `accounts-${size.name}-${scheme}-dialog.png`) });
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Sign out alice@contoso.test' }).click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await page.screenshot({ path: join(out, `accounts-${size.name}-${scheme}-confirm.png`) });
      await page.keyboard.press('Escape');
      await expect(page.getByRole('alertdialog')).toBeHidden();
    }
  }
});
