// The desktop glue on real Electron (the electron project; skipped in the preview, which has no native
// surroundings): the application menu and its commands, and clouddesk:// links through the single-instance lock.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';

const subscription = '0b1f6471-1bf0-4dda-aec3-cb9272f09590';

test.beforeEach(({ runtime }) => {
  test.skip(runtime !== 'electron', 'native menus, links and sandboxing exist only in Electron');
});

test('the application menu has the app commands with their accelerators', async ({ app }) => {
  const electron = app.electron;
  if (!electron) throw new Error('no Electron application');
  const items = await electron.evaluate(({ Menu }) => {
    const flat = (menu: Electron.Menu | null): { label: string; accelerator?: string; role?: string }[] =>
      (menu?.items ?? []).flatMap((item) => [
        {
          label: item.label,
          ...(item.accelerator ? { accelerator: item.accelerator } : {}),
          ...(item.role ? { role: item.role } : {}),
        },
        ...flat(item.submenu ?? null),
      ]);
    return flat(Menu.getApplicationMenu());
  });
  const accelerator = (label: RegExp) => items.find((item) => label.test(item.label))?.accelerator;
  expect(accelerator(/^&?Refresh$/)).toBe('CmdOrCtrl+R');
  expect(accelerator(/^&?Find$/)).toBe('CmdOrCtrl+F');
  expect(accelerator(/^&?Settings/)).toBe('CmdOrCtrl+,');
  expect(items.map((item) => item.label).join(' ')).not.toMatch(/Learn More|Electron/);
});

test('a menu command reaches the renderer: Settings opens the Settings view', async ({ app }) => {
  const electron = app.electron;
  if (!electron) throw new Error('no Electron application');
  await expect(app.page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();
  await electron.evaluate(({ Menu }) => {
    const find = (menu: Electron.Menu | null): Electron.MenuItem | undefined => {
      for (const item of menu?.items ?? []) {
        if (/^&?Settings/.test(item.label)) return item;
        const inner = find(item.submenu ?? null);
        if (inner) return inner;
      }
      return undefined;
    };
    find(Menu.getApplicationMenu())?.click();
  });
  await expect(app.page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
});

test('a clouddesk:// link from a second start is validated and shown; a bad one is ignored', async ({ app }) => {
  const electron = app.electron;
  if (!electron) throw new Error('no Electron application');
  await expect(app.page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();
  const secondStart = (link: string) =>
    electron.evaluate(
      ({ app: electronApp }, argv) => {
        electronApp.emit('second-instance', { preventDefault: () => undefined }, argv, process.cwd(), {});
      },
      ['cloud-desk', link],
    );
  await secondStart('clouddesk://vm/not-a-guid/rg/web');
  await secondStart(`clouddesk://subscription/${subscription}`);
  const banner = app.page
    .getByRole('group', { name: 'Opened from a link' })
    .or(app.page.getByText('Opened from a link'));
  await expect(banner.first()).toBeVisible();
  // No account reaches it yet: the link waits and says so.
  await expect(
    app.page.getByText(`The subscription ${subscription} is not in the inventory`, { exact: false }),
  ).toBeVisible();
  // Main refused the malformed link (an accepted one is logged as 'opening a clouddesk link' instead).
  await expect.poll(() => logText(app.dataDir)).toMatch(/ignored a clouddesk link[\s\S]{0,300}vm\/not-a-guid/);
});

/** Everything the app has logged so far (electron-log writes under the data folder's logs). */
function logText(dataDir: string): string {
  return readdirSync(dataDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.log'))
    .map((file) => readFileSync(join(dataDir, file), 'utf8'))
    .join('\n');
}
