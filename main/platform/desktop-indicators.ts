// Electron adapters for the desktop indicators: OS notifications, taskbar / dock progress, window focus, and the
// tray / menu-bar icon. The decisions (when to notify, what the tray says) live in main/desktop/.
import { Menu, Notification, Tray, nativeImage, type BrowserWindow } from 'electron';
import type { MenuItemSpec } from '../menu/menu-template.js';
import type { TrayPort } from '../desktop/tray-controller.js';
import type { Notifier, TaskProgress, WindowFocus } from '../ports.js';

export const electronNotifier: Notifier = {
  notify(title, body) {
    if (Notification.isSupported()) new Notification({ title, body, silent: false }).show();
  },
};

export function windowProgress(window: () => BrowserWindow | undefined): TaskProgress {
  return {
    set(fraction) {
      const current = window();
      // -1 removes the bar (Electron's convention).
      if (current && !current.isDestroyed()) current.setProgressBar(fraction ?? -1);
    },
  };
}

export function windowFocus(window: () => BrowserWindow | undefined): WindowFocus {
  return { focused: () => window()?.isFocused() ?? false };
}

export function electronTray(iconPath: string): TrayPort {
  let tray: Tray | undefined;
  return {
    show(tooltip: string, menu: MenuItemSpec[]) {
      tray ??= new Tray(nativeImage.createFromPath(iconPath).resize({ width: 16, height: 16 }));
      tray.setToolTip(tooltip);
      tray.setContextMenu(Menu.buildFromTemplate(menu));
    },
    hide() {
      tray?.destroy();
      tray = undefined;
    },
  };
}
