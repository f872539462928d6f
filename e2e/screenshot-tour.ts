// What the screenshot tours share: the folder they write into (CLOUD_DESK_SCREENSHOTS; no folder, no pictures),
// the three window sizes every screen must fit, and the three looks: light, dark and high contrast (forced colours,
// as Windows' contrast themes give them, over a dark scheme). Test code only.
import type { Page } from '@playwright/test';

export const screenshotFolder = process.env['CLOUD_DESK_SCREENSHOTS'];

export const screenshotSizes = [
  { name: '720x480', width: 720, height: 480 },
  { name: '1024x640', width: 1024, height: 640 },
  { name: '1920x1080', width: 1920, height: 1080 },
] as const;

export const schemes = ['light', 'dark', 'high-contrast'] as const;
export type Scheme = (typeof schemes)[number];

/** Shows the page as the OS would with `scheme` chosen. */
export async function emulateScheme(page: Page, scheme: Scheme): Promise<void> {
  await page.emulateMedia(
    scheme === 'high-contrast'
      ? { colorScheme: 'dark', forcedColors: 'active' }
      : { colorScheme: scheme, forcedColors: 'none' },
  );
}
