// Settings persist across a restart, and a damaged settings file is reported, kept, and replaced by defaults.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

/** Accounts is the first view; these tests start on Settings. */
async function openSettings(page: Page): Promise<Page> {
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  return page;
}

test('the theme setting applies at once and persists across a restart', async ({ app }) => {
  await openSettings(app.page);
  const dark = app.page.getByRole('radio', { name: 'Dark' });
  await dark.check();
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const page = await openSettings(await app.restart());
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('radio', { name: 'Light' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('a corrupted settings file is moved aside, reported, and defaults are used', async ({ app }) => {
  await openSettings(app.page);
  await app.page.getByRole('radio', { name: 'Dark' }).check();
  await expect(app.page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  writeFileSync(join(app.dataDir, 'settings.json'), '{"settings": {"theme": "da');
  const page = await openSettings(await app.restart());
  await expect(page.getByText('Your settings could not be read')).toBeVisible();
  await expect(page.getByText(/settings\.json\.corrupt-/)).toBeVisible();
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByRole('radio', { name: 'Use system setting' })).toBeChecked();
  await page.getByRole('button', { name: 'Dismiss: Your settings could not be read' }).click();
  await expect(page.getByText('Your settings could not be read')).toBeHidden();
});

test('help links open in the browser, never inside the app', async ({ app }) => {
  test.skip(
    app.runtime === 'electron',
    'The system browser opened by shell.openExternal is outside Playwright’s reach.',
  );
  // The network is closed here: answer github.com locally so the new tab shows where it was sent.
  await app.page.context().route('https://github.com/**', (route) => route.fulfill({ body: 'GitHub stand-in' }));
  await app.page.getByRole('tab', { name: 'About' }).click();
  const popup = app.page.context().waitForEvent('page');
  await app.page.getByRole('button', { name: 'Report an issue' }).click();
  const opened = await popup;
  await expect.poll(() => opened.url()).toContain('https://github.com/cloud-desk/cloud-desk/issues/new');
  // The app's own page stayed where it was.
  await expect(app.page.getByRole('heading', { name: 'About Cloud Desk' })).toBeVisible();
});
