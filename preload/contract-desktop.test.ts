import { describe, expect, it } from 'vitest';
import { requests, events } from './contract.js';
import { defaultDesktopPreferences } from './contract-desktop.js';

describe('desktop and update channels in the contract', () => {
  it('accepts a renderer error and refuses oversize or extra fields', () => {
    const args = requests['app.reportError'].args;
    expect(args.safeParse({ message: 'boom', stack: 'at x' }).success).toBe(true);
    expect(args.safeParse({ message: 'x'.repeat(2001) }).success).toBe(false);
    expect(args.safeParse({ message: 'boom', path: '/etc/passwd' }).success).toBe(false);
    expect(args.safeParse({ message: '' }).success).toBe(false);
  });

  it('takes no argument for opening the logs folder: the renderer never names a path', () => {
    expect(requests['app.openLogsFolder'].args.safeParse(undefined).success).toBe(true);
    expect(requests['app.openLogsFolder'].args.safeParse('/tmp').success).toBe(false);
  });

  it('sends only the closed set of menu commands', () => {
    expect(events.command.safeParse('refresh').success).toBe(true);
    expect(events.command.safeParse('toggle-devtools').success).toBe(false);
  });

  it('describes every update phase, with progress bounded', () => {
    const state = (phase: unknown) => events.updates.safeParse({ currentVersion: '1.0.0', phase });
    expect(
      state({ status: 'downloading', version: '2.0.0', installMode: 'restart', percent: 50, bytesPerSecond: 1 })
        .success,
    ).toBe(true);
    expect(
      state({ status: 'downloading', version: '2.0.0', installMode: 'restart', percent: 150, bytesPerSecond: 1 })
        .success,
    ).toBe(false);
    expect(state({ status: 'error', message: 'offline', retryAt: 'soon' }).success).toBe(false);
    expect(state({ status: 'exploded' }).success).toBe(false);
  });

  it('keeps the tray off by default on Linux only', () => {
    expect(defaultDesktopPreferences('linux').trayIcon).toBe(false);
    expect(defaultDesktopPreferences('win32').trayIcon).toBe(true);
    expect(defaultDesktopPreferences('darwin').trayIcon).toBe(true);
  });
});
