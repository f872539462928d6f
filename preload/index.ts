// The Electron preload: exposes `window.cloudDesk`, generated from the contract, and nothing else.
// It runs sandboxed, so it is bundled into one CommonJS file; it must not expose ipcRenderer or any Node API.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi } from './api.js';
import { ipcEventChannel, ipcRequestChannel, type Result } from './contract.js';

const api = buildApi({
  invoke: (channel, arg) => ipcRenderer.invoke(ipcRequestChannel(channel), arg) as Promise<Result<unknown>>,
  listen: (name, deliver) => {
    const channel = ipcEventChannel(name);
    const handler = (_event: IpcRendererEvent, payload: unknown): void => deliver(payload);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
});

contextBridge.exposeInMainWorld('cloudDesk', api);
