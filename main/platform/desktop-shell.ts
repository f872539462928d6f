// The DesktopShell port on Electron: main opens its own log folder (the renderer never names a path) and
// writes diagnostics to the clipboard.
import { app, clipboard, shell } from 'electron';
import { ServiceError } from '../errors.js';
import type { DesktopShell } from '../ports.js';

export const electronDesktopShell: DesktopShell = {
  async openLogsFolder() {
    const problem = await shell.openPath(app.getPath('logs'));
    if (problem) throw new ServiceError('not_found', `The logs folder could not be opened: ${problem}`);
  },
  copyText(text) {
    clipboard.writeText(text);
  },
};
