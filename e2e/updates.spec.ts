// Updates: a build that is not an installed release says so and never checks; in Electron, a local generic feed
// (dev-app-update.yml through CLOUD_DESK_DEV_UPDATE_CONFIG, electron-updater's forceDevUpdateConfig) is asked
// and the newer version it names reaches About.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';

test('a build that is not an installed release says it does not update itself', async ({ app }) => {
  await app.page.getByRole('tab', { name: 'About' }).click();
  await expect(app.page.getByRole('heading', { name: 'Updates', level: 2 })).toBeVisible();
  await expect(app.page.getByRole('status').filter({ hasText: 'does not update itself' })).toBeVisible();
  await expect(app.page.getByRole('button', { name: 'Check for updates' })).toHaveCount(0);
});

test.describe('with a local update feed', () => {
  const requests: string[] = [];
  let feed: Server | undefined;
  // Known before the app starts (test.use below); written once the feed has its port.
  const configPath = join(mkdtempSync(join(tmpdir(), 'cloud-desk-feed-')), 'dev-app-update.yml');

  test.beforeAll(async ({ runtime }) => {
    test.skip(runtime !== 'electron', 'the updater runs only in Electron');
    const server = createServer((request, response) => {
      requests.push(request.url ?? '');
      if (/\/latest[\w-]*\.yml$/.test(request.url ?? '')) {
        response.setHeader('Content-Type', 'text/yaml');
        response.end(
          'version: 99.0.0\nfiles:\n  - url: cloud-desk-99.0.0.bin\n    sha512: AAAA\n    size: 4\n' +
            'path: cloud-desk-99.0.0.bin\nsha512: AAAA\nreleaseDate: 2026-11-30T00:00:00.000Z\n',
        );
        return;
      }
      response.statusCode = 404;
      response.end();
    });
    feed = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('the feed has no port');
    writeFileSync(
      configPath,
      `provider: generic\nurl: http://127.0.0.1:${address.port}/\nupdaterCacheDirName: cloud-desk-e2e-updater\n`,
    );
  });

  test.afterAll(async () => {
    await new Promise<void>((resolve) => (feed ? feed.close(() => resolve()) : resolve()));
  });

  test.use({ appEnv: { CLOUD_DESK_DEV_UPDATE_CONFIG: configPath } });

  test('asks the feed and shows the newer version', async ({ app }) => {
    // Without background downloads the found version stays on screen (the feed has no file to download).
    await app.page.getByRole('tab', { name: 'Settings' }).click();
    const background = app.page.getByRole('switch', { name: 'Download updates in the background' });
    await expect(background).toBeChecked();
    await background.click();
    await expect(background).not.toBeChecked();
    await app.page.getByRole('tab', { name: 'About' }).click();
    await app.page.getByRole('button', { name: 'Check for updates' }).click();
    await expect(app.page.getByRole('status').filter({ hasText: 'Version 99.0.0 is available.' })).toBeVisible();
    await expect(app.page.getByRole('button', { name: 'Download version 99.0.0' })).toBeVisible();
    expect(requests.some((url) => /latest[\w-]*\.yml$/.test(url))).toBe(true);
  });
});
