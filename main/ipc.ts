// Binds every contract channel to ipcMain through the one dispatcher (sender check, validation, errors as
// values) and pushes events to the main window. The only file that touches ipcMain.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { channels, ipcEventChannel, ipcRequestChannel } from '../preload/contract.js';
import { validatingSink, type Dispatch, type SenderInfo } from './ipc-router.js';
import type { EventSink, Logger } from './ports.js';

export function bindIpc(dispatch: Dispatch, mainWindow: () => BrowserWindow | undefined): void {
  for (const channel of channels) {
    ipcMain.handle(ipcRequestChannel(channel), (event, arg: unknown) =>
      dispatch(channel, arg, senderOf(event, mainWindow())),
    );
  }
}

function senderOf(event: IpcMainInvokeEvent, window: BrowserWindow | undefined): SenderInfo {
  const frame = event.senderFrame;
  if (!frame || !window || window.isDestroyed() || event.sender !== window.webContents) {
    return { frameUrl: null, isMainFrame: false };
  }
  return { frameUrl: frame.url, isMainFrame: frame === window.webContents.mainFrame };
}

export function windowEventSink(mainWindow: () => BrowserWindow | undefined, logger: Logger): EventSink {
  return validatingSink((name, payload) => {
    const window = mainWindow();
    if (window && !window.isDestroyed()) window.webContents.send(ipcEventChannel(name), payload);
  }, logger);
}
