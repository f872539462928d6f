// About's support actions and renderer error reporting: diagnostics carry versions and platform but nothing
// personal; a page error lands in main's log, redacted; the preview says it has no folder to open.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';

test('Copy diagnostics gives versions and platform, and no data folder path', async ({ app }) => {
  const { page } = app;
  await page.getByRole('tab', { name: 'About' }).click();
  await page.getByRole('button', { name: 'Copy diagnostics' }).click();
  if (app.runtime === 'preview') {
    const text = page.getByRole('textbox', { name: 'Diagnostics' });
    await expect(text).toHaveValue(/Cloud Desk: \d+\.\d+\.\d+/);
    await expect(text).toHaveValue(/Secret storage: /);
    expect(await text.inputValue()).not.toContain(app.dataDir);
  } else {
    await expect(page.getByText('Diagnostics copied to the clipboard.')).toBeVisible();
  }
});

test('the browser preview explains that it has no logs folder to open', async ({ app }) => {
  test.skip(app.runtime !== 'preview', 'Electron opens the folder in the file manager');
  await app.page.getByRole('tab', { name: 'About' }).click();
  await app.page.getByRole('button', { name: 'Open logs folder' }).click();
  await expect(app.page.getByText(/The browser preview cannot open a folder/)).toBeVisible();
});

test('an uncaught page error reaches main’s log, with secrets redacted', async ({ app }) => {
  await expect(app.page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();
  await app.page.evaluate(() => {
    setTimeout(() => {
      throw new Error('view exploded near https://localhost/?code=0.SECRETCODE&state=1');
    });
  });
  const logs = join(app.dataDir, 'logs');
  const logText = (): string =>
    existsSync(logs)
      ? readdirSync(logs)
          .map((file) => readFileSync(join(logs, file), 'utf8'))
          .join('\n')
      : '';
  await expect.poll(logText).toContain('renderer error');
  expect(logText()).toContain('view exploded');
  expect(logText()).not.toContain('SECRETCODE');
});
