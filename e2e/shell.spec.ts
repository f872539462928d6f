/// <reference lib="dom" />
// The shell boots, shows what it runs on, and the page's world holds the contract's bridge and nothing else.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiFunctionPaths } from '../preload/api.js';
import { channels } from '../preload/contract.js';
import { expect, test } from './fixtures.js';

const version = (
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string }
).version;

test('boots and shows its details on the About page', async ({ app }) => {
  const { page } = app;
  await page.getByRole('tab', { name: 'About' }).click();
  await expect(page.getByRole('heading', { name: 'About Cloud Desk', level: 1 })).toBeVisible();
  const details = page.getByRole('definition');
  await expect(details.first()).toHaveText(version);
  await expect(page.getByText(app.dataDir, { exact: true })).toBeVisible();
  const runsIn = app.runtime === 'electron' ? 'Desktop app (Electron)' : 'Browser preview';
  await expect(page.getByText(runsIn, { exact: true })).toBeVisible();
});

test('the page has no Node, no require and no ipcRenderer', async ({ app }) => {
  const leaks = await app.page.evaluate(() => {
    const world = window as unknown as Record<string, unknown>;
    return ['require', 'process', 'module', 'ipcRenderer', 'electron', 'Buffer', 'global'].filter(
      (name) => world[name] !== undefined,
    );
  });
  expect(leaks).toEqual([]);
});

test('window.cloudDesk exposes exactly the contract', async ({ app }) => {
  await expect(app.page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();
  const exposed = await app.page.evaluate(() => {
    const paths = (value: object, prefix: string): string[] =>
      Object.entries(value).flatMap(([key, inner]) => {
        const path = prefix ? `${prefix}.${key}` : key;
        if (typeof inner === 'function') return [path];
        if (typeof inner === 'object' && inner !== null) return paths(inner, path);
        return [`${path}:${typeof inner}`];
      });
    return paths((window as unknown as { cloudDesk?: object }).cloudDesk ?? {}, '');
  });
  const expected = apiFunctionPaths({ ...Object.fromEntries(channels.map((c) => [c, () => {}])) });
  expect(exposed.sort()).toEqual([...expected.map((path) => path), 'events.on'].sort());
});

test('a malformed call from the page gets invalid_input naming the field', async ({ app }) => {
  await expect(app.page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();
  const results = await app.page.evaluate(async () => {
    const api = (window as unknown as { cloudDesk: unknown }).cloudDesk as {
      settings: { set(arg: unknown): Promise<unknown> };
      app: { getInfo(arg: unknown): Promise<unknown> };
    };
    return [await api.settings.set({ theme: 'purple' }), await api.settings.set('dark'), await api.app.getInfo(42)];
  });
  expect(results[0]).toMatchObject({ ok: false, error: { code: 'invalid_input', detail: 'theme' } });
  expect(results[1]).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  expect(results[2]).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  // Nothing changed: the theme is still the default.
  await app.page.getByRole('tab', { name: 'Settings' }).click();
  await expect(app.page.getByRole('radio', { name: 'Use system setting' })).toBeChecked();
});

test('the navigation labels line up, and in high contrast hover is not a second selection bar', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.emulateMedia({ forcedColors: 'active' });
  const nav = page.getByRole('navigation', { name: 'Views' });
  await nav.getByRole('tab', { name: 'Settings' }).click();
  const layout = await nav.getByRole('tab').evaluateAll((tabs) =>
    tabs.map((tab) => {
      // The visible label, not the hidden bold copy Fluent keeps to reserve the selected label's width.
      const label = tab.querySelector('.fui-Tab__content:not(.fui-Tab__content--reserved-space)');
      const range = document.createRange();
      if (label) range.selectNodeContents(label);
      return { left: Math.round(range.getBoundingClientRect().left), height: tab.getBoundingClientRect().height };
    }),
  );
  expect(layout).toHaveLength(6);
  expect(new Set(layout.map((tab) => tab.left)).size).toBe(1);
  expect(new Set(layout.map((tab) => tab.height)).size).toBe(1);

  const hovered = nav.getByRole('tab', { name: 'Activity' });
  await hovered.hover();
  const bar = await hovered.evaluate((tab) => getComputedStyle(tab, '::before').backgroundColor);
  // Transparent: no bar drawn (forced colours may still name a colour for it).
  expect(bar).toMatch(/^rgba\(\d+, \d+, \d+, 0\)$/);
});
