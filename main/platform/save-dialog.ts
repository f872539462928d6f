// Electron adapter for the FileSaver port: the native save dialog (attached to the app window), then the file
// written by main. The renderer never names a path.
import { writeFile } from 'node:fs/promises';
import { dialog, type BrowserWindow } from 'electron';
import type { FileSaver } from '../activity/activity-export.js';

export function saveDialogFileSaver(window: () => BrowserWindow | undefined): FileSaver {
  return {
    async save(fileName, content) {
      const options = {
        defaultPath: fileName,
        filters: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }],
      };
      const owner = window();
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      await writeFile(result.filePath, content, 'utf8');
      return result.filePath;
    },
  };
}
