// How tests and tools start Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the installed Google
// Chrome (Playwright's `chrome` channel, present on CI runners of every OS). Playwright's own browser downloads
// cannot work on our build machines. Test and tool code only.
import { existsSync } from 'node:fs';
import type { LaunchOptions } from 'playwright-core';

// On a closed network Chromium otherwise floods it with refused connections (updates, metrics, first-run pages).
const quietArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export function chromiumLaunchOptions(): LaunchOptions {
  const explicit = process.env['CHROMIUM_PATH'];
  if (explicit) return { executablePath: explicit, args: quietArgs };
  if (existsSync('/usr/bin/chromium')) return { executablePath: '/usr/bin/chromium', args: quietArgs };
  return { channel: 'chrome', args: quietArgs };
}
