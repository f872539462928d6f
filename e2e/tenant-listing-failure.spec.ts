// A tenant whose subscription list Azure refuses, as a person meets it: on the first sweep no subscription row
// stands for that tenant, so the VM grid's header and the Subscriptions view say which tenant could not be listed,
// in Azure's words and with its age, and Retry lists it once Azure answers again. With every tenant refused, the
// empty state says the listing failed instead of suggesting a missing role.
// With CLOUD_DESK_SCREENSHOTS set, it also takes the chip's screenshots (light and dark, 1024x640 and 720x480).
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { emulateScheme, screenshotFolder } from './screenshot-tour.js';
import { signInAliceInBrowser } from './sign-in.js';

test.use({ cloud: 'emulator' });
test.beforeEach(({ app }) => test.skip(app.runtime === 'electron', 'Sign-in pages open outside Playwright.'));

const listName = 'Tenants whose subscriptions could not be listed';
const refused =
  /Subscriptions of tenant (Contoso|Fabrikam) \(alice@contoso\.test\) couldn't be listed: You do not have permission to list the subscriptions of tenant \1 \(Azure: AuthorizationFailed\)\./;

async function shoot(page: Page, name: string): Promise<void> {
  if (!screenshotFolder) return;
  for (const scheme of ['light', 'dark'] as const) {
    await emulateScheme(page, scheme);
    for (const [width, height] of [
      [1024, 640],
      [720, 480],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: join(resolve(screenshotFolder), `${name}-${width}x${height}-${scheme}.png`) });
    }
  }
  await emulateScheme(page, 'light');
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('a tenant whose subscription list fails says so in both views, and Retry lists it', async ({ app }) => {
  const { page, emulator } = app;
  if (!emulator) throw new Error('this test needs the emulator');
  // The first subscription list asked for (one of Alice's two ready tenants) is refused, as if her role was removed.
  await emulator.admin.addFaults([{ method: 'GET', path: '/subscriptions', kind: '403', count: 1 }]);
  await signInAliceInBrowser(page);

  await page.getByRole('tab', { name: 'Virtual machines' }).click();
  const grid = page.getByRole('grid', { name: 'Virtual machines' });
  await expect(grid.getByRole('row').nth(1)).toBeVisible({ timeout: 30_000 });
  const chip = page.getByRole('list', { name: listName }).getByRole('listitem');
  await expect(chip).toHaveCount(1);
  await expect(chip).toContainText(refused);
  await expect(chip).toContainText(/Failed (just now|\d+ min ago)\./);
  const tenant = refused.exec((await chip.textContent()) ?? '')?.[1] ?? '';
  // The header does not pass a sweep that could not list a tenant off as a refresh.
  await expect(page.getByText(/^Last refreshed .+; 1 tenant listing failed$/)).toBeVisible();
  await shoot(page, 'tenant-listing-failure-vms');

  await page.getByRole('tab', { name: 'Subscriptions' }).click();
  await expect(page.getByRole('heading', { name: 'Subscriptions', level: 1 })).toBeVisible();
  await expect(chip).toContainText(refused);
  await expect(page.getByRole('table', { name: `Subscriptions in ${tenant}` })).toBeHidden();
  await shoot(page, 'tenant-listing-failure-subscriptions');

  // Azure answers again (the fault was for one request): Retry lists the tenant and the chip leaves.
  await chip.getByRole('button', { name: `Retry listing the subscriptions of ${tenant}` }).click();
  await expect(page.getByRole('list', { name: listName })).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('table', { name: `Subscriptions in ${tenant}` })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^Last refreshed [^;]+$/)).toBeVisible();
});

test('with every tenant refused, the empty state says the listing failed, not that a role is missing', async ({
  app,
}) => {
  const { page, emulator } = app;
  if (!emulator) throw new Error('this test needs the emulator');
  await emulator.admin.addFaults([{ method: 'GET', path: '/subscriptions', kind: '403' }]);
  await signInAliceInBrowser(page);

  await page.getByRole('tab', { name: 'Virtual machines' }).click();
  await expect(page.getByRole('heading', { name: "Subscriptions couldn't be listed" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('list', { name: listName }).getByRole('listitem')).toHaveCount(2);
  await expect(page.getByText(/no role assignment/)).toBeHidden();
  await shoot(page, 'tenant-listing-failure-empty');
});
