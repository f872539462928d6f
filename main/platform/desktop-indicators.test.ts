// The Electron adapters behind the desktop indicators, against a typed fake of `electron`: the tray (created once,
// updated in place, destroyed when turned off), OS notifications (only where supported), taskbar progress
// (Electron's -1 clears it) and window focus.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, FakeNotification, FakeTray, fakeElectron } from '../testing/fake-electron.js';

vi.mock('electron', async () => {
  const { fakeElectron: fake } = await import('../testing/fake-electron.js');
  return {
    Menu: fake.Menu,
    Tray: fake.Tray,
    Notification: fake.Notification,
    nativeImage: fake.nativeImage,
  };
});

const { electronNotifier, electronTray, windowFocus, windowProgress } = await import('./desktop-indicators.js');

describe('desktop indicators on Electron', () => {
  beforeEach(() => fakeElectron.reset());

  it('creates the tray once with a 16 px icon, updates its tooltip and menu, and destroys it when hidden', () => {
    const tray = electronTray('/app/resources/tray.png');
    tray.show('Cloud Desk', [{ label: 'Open Cloud Desk' }]);
    tray.show('Cloud Desk: 2 VMs running', [{ label: '2 VMs running', enabled: false }]);
    expect(FakeTray.created).toHaveLength(1);
    const [icon] = FakeTray.created;
    expect(icon?.image).toMatchObject({ path: '/app/resources/tray.png', size: { width: 16, height: 16 } });
    expect(icon?.tooltip).toBe('Cloud Desk: 2 VMs running');
    expect(icon?.menu?.template).toEqual([{ label: '2 VMs running', enabled: false }]);
    tray.hide();
    expect(icon?.destroyed).toBe(true);
    tray.show('Cloud Desk', []);
    expect(FakeTray.created).toHaveLength(2);
  });

  it('shows a notification only where the OS supports them', () => {
    electronNotifier.notify('Start finished', 'web-1 started.');
    FakeNotification.supported = false;
    electronNotifier.notify('Start finished', 'web-2 started.');
    expect(FakeNotification.shown).toEqual([{ title: 'Start finished', body: 'web-1 started.', silent: false }]);
  });

  it('sets and clears taskbar progress on a live window, and reads its focus', () => {
    const window = new FakeBrowserWindow({});
    const progress = windowProgress(() => window as never);
    progress.set(0.5);
    progress.set(null);
    window.destroyed = true;
    progress.set(0.75);
    expect(window.progress).toEqual([0.5, -1]);
    window.focused = true;
    expect(windowFocus(() => window as never).focused()).toBe(true);
    expect(windowFocus(() => undefined).focused()).toBe(false);
  });
});
