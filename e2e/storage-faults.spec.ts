// The data folder failing under a running app, as a person meets it: a notice says so in words, and the app
// keeps working (in memory) instead of failing each change with an error that points to an unwritten log file.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { expect, test } from './fixtures.js';

test('a data folder that stops taking writes is reported once, in words, and the app keeps working', async ({
  app,
}) => {
  test.skip(app.runtime === 'electron', 'Electron keeps its own profile files in the data folder open.');
  const { page } = app;
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  // The folder goes away under the app and a file takes its place (as a disk unmounted or replaced would).
  renameSync(app.dataDir, `${app.dataDir}-moved`);
  writeFileSync(app.dataDir, 'not a folder');
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByText('Cloud Desk cannot save its data')).toBeVisible();
  await expect(
    page.getByText(/cannot be created because a file is in the way\. Cloud Desk keeps working/),
  ).toBeVisible();
  // The notice's words (several lines at this width) end above the view's heading instead of running over it.
  await page.setViewportSize({ width: 1024, height: 640 });
  const words = await page.getByText(/Cloud Desk keeps working/).boundingBox();
  const heading = await page.getByRole('heading', { name: 'Settings', level: 1 }).boundingBox();
  expect(words && heading && words.y + words.height <= heading.y).toBe(true);
  await page.getByRole('radio', { name: 'Light' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.getByText(/log file/)).toBeHidden();
  await expect(page.getByRole('alert')).toBeHidden();
  // Put the folder back so the fixture stops the app on it as usual.
  rmSync(app.dataDir);
  renameSync(`${app.dataDir}-moved`, app.dataDir);
});
