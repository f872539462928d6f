// Renders resources/icon.svg to resources/icon.png (1024x1024, transparent background) with headless Chromium,
// so the PNG electron-builder turns into .icns/.ico/Linux icons always matches the SVG source.
// A developer tool only: it must not run in CI or at build time (the PNG is committed).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../e2e/chromium.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svgPath = path.join(root, 'resources', 'icon.svg');
const pngPath = path.join(root, 'resources', 'icon.png');
const size = 1024;

const svg = await readFile(svgPath, 'utf8');
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">${svg.replace(/<\?xml[^>]*\?>/, '')}</body></html>`,
  );
  await page.locator('svg').screenshot({ path: pngPath, omitBackground: true });
} finally {
  await browser.close();
}
process.stdout.write(`wrote ${path.relative(root, pngPath)}\n`);
