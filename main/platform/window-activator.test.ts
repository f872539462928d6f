// Bringing the window forward after a browser sign-in, against a typed fake of `electron`.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, fakeElectron } from '../testing/fake-electron.js';

vi.mock('electron', async () => {
  const { fakeElectron: fake } = await import('../testing/fake-electron.js');
  return {
    get app() {
      return fake.app;
    },
  };
});

const { windowActivator } = await import('./window-activator.js');

function hiddenMinimizedWindow(): FakeBrowserWindow {
  const window = new FakeBrowserWindow({});
  window.minimized = true;
  return window;
}

describe('windowActivator', () => {
  beforeEach(() => fakeElectron.reset());

  it('restores, shows and focuses the window; no app-wide focus steal outside macOS', () => {
    const window = hiddenMinimizedWindow();
    windowActivator(() => window as never, 'win32').bringToFront();
    expect({ minimized: window.minimized, shown: window.shown, focused: window.focused }).toEqual({
      minimized: false,
      shown: true,
      focused: true,
    });
    expect(fakeElectron.app.focusRequests).toEqual([]);
  });

  it('takes the focus from the browser on macOS', () => {
    const window = hiddenMinimizedWindow();
    windowActivator(() => window as never, 'darwin').bringToFront();
    expect(fakeElectron.app.focusRequests).toEqual([{ steal: true }]);
    expect(window.focused).toBe(true);
  });

  it('does nothing once the window is gone', () => {
    const window = hiddenMinimizedWindow();
    window.destroyed = true;
    windowActivator(() => window as never, 'darwin').bringToFront();
    windowActivator(() => undefined, 'darwin').bringToFront();
    expect(window.shown).toBe(false);
    expect(fakeElectron.app.focusRequests).toEqual([]);
  });
});
