// A tour of the Accounts view for people to look at: Alice signed in (one tenant waiting for MFA) at the window's
// minimum size, a laptop size and full HD, light, dark and high contrast, with a menu, a dialog or neither open. Runs only when
// CLOUD_DESK_SCREENSHOTS names a folder to write into (`CLOUD_DESK_SCREENSHOTS=out npx playwright test
// --project preview e2e/screenshots.spec.ts`); docs/screenshots/ holds the ones the README shows.
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures.js';
import { emulateScheme, schemes, screenshotFolder, screenshotSizes } from './screenshot-tour.js';
import { signInAliceInBrowser } from './sign-in.js';

const folder = screenshotFolder;
const sizes = screenshotSizes;

test.use({ cloud: 'emulator' });

test('screenshots of the Accounts view', async ({ app }) => {
  test.skip(!folder || app.runtime === 'electron', 'Set CLOUD_DESK_SCREENSHOTS to a folder to take screenshots.');
  test.setTimeout(180_000);
  const out = resolve(folder ?? '.');
  const { page } = app;
  await signInAliceInBrowser(page);

  for (const scheme of schemes) {
    await emulateScheme(page, scheme);
    // The README's pair (docs/screenshots/accounts-light.png and -dark.png), with no control focused.
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.mouse.move(0, 859);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.screenshot({ path: join(out, `accounts-${scheme}.png`) });
    for (const size of sizes) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.mouse.move(0, size.height - 1);
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
      if (size.name === '1024x640') {
        await page.getByRole('radio', { name: 'Certificate' }).check();
        await page.screenshot({ path: join(out, `accounts-${size.name}-${scheme}-dialog-certificate.png`) });
      }
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Sign out alice@contoso.test' }).click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await page.screenshot({ path: join(out, `accounts-${size.name}-${scheme}-confirm.png`) });
      await page.keyboard.press('Escape');
      await expect(page.getByRole('alertdialog')).toBeHidden();
    }
  }

  // Waiting for the browser, at the laptop size.
  await page.emulateMedia({ colorScheme: 'dark', forcedColors: 'none' });
  await page.setViewportSize({ width: 1024, height: 640 });
  const mfaPage = page.context().waitForEvent('page');
  await page.getByRole('button', { name: 'Sign in to this tenant: Northwind Lab' }).click();
  await (await mfaPage).close();
  await expect(page.getByRole('button', { name: 'Open the sign-in page again' })).toBeVisible();
  await page.screenshot({ path: join(out, 'accounts-1024x640-dark-waiting.png') });
  await page.getByRole('button', { name: 'Cancel sign-in' }).click();
  await expect(page.getByRole('region', { name: /Signing in/ })).toBeHidden();

  // The main screen a newcomer sees after the demo's sign-in (the README's first picture): Alice's VMs.
  await page.getByRole('tab', { name: 'Virtual machines' }).click();
  const grid = page.getByRole('grid', { name: 'Virtual machines' });
  await expect(grid.getByRole('row').nth(1)).toBeVisible({ timeout: 30_000 });
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, forcedColors: 'none' });
    await page.mouse.move(0, 799);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.screenshot({ path: join(out, `demo-vms-${scheme}.png`) });
  }

  // Started with the cloud unreachable: the offline banner and "as of" times, light and dark.
  const { emulator } = app;
  if (!emulator) throw new Error('the tour needs the emulator');
  await emulator.admin.addFaults('*:*=reset');
  try {
    const offline = await app.restart();
    await offline.setViewportSize({ width: 1024, height: 640 });
    // The app opens on the VMs view; the accounts' offline state and ages are on Accounts.
    await offline.getByRole('tab', { name: 'Accounts' }).click();
    await expect(offline.getByText('You are offline')).toBeVisible();
    for (const scheme of ['light', 'dark'] as const) {
      await offline.emulateMedia({ colorScheme: scheme });
      await offline.screenshot({ path: join(out, `accounts-1024x640-${scheme}-offline.png`) });
    }
  } finally {
    await emulator.admin.clearFaults();
  }
});
