// The only renderer module that touches `window.cloudDesk` (defined by the preload in Electron and by the
// preview bridge in a browser). Everything else imports `cloudDesk` from here, fully typed by the contract.
import type { CloudDeskApi } from '../preload/contract';

declare global {
  interface Window {
    readonly cloudDesk?: CloudDeskApi;
  }
}

export class BridgeMissingError extends Error {
  constructor() {
    super('Cloud Desk’s bridge to the main process is missing: this page must be opened by the app or the preview.');
    this.name = 'BridgeMissingError';
  }
}

export function getBridge(): CloudDeskApi {
  const api = window.cloudDesk;
  if (!api) throw new BridgeMissingError();
  return api;
}
