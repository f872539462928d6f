// Brings the main window to the front: restored if minimized, shown if hidden in the tray, focused. On macOS the
// app itself must take focus from the browser (`app.focus({ steal: true })`), or the window only bounces in the
// Dock; Windows may flash the taskbar button instead when another app holds the foreground, which is the OS's rule.
import { app, type BrowserWindow } from 'electron';
import type { WindowActivator } from '../ports.js';

export function windowActivator(window: () => BrowserWindow | undefined, platform = process.platform): WindowActivator {
  return {
    bringToFront() {
      const current = window();
      if (!current || current.isDestroyed()) return;
      if (current.isMinimized()) current.restore();
      current.show();
      if (platform === 'darwin') app.focus({ steal: true });
      current.focus();
    },
  };
}
