// The error a service throws on purpose: its code (the contract's closed set) and message reach the renderer as
// they are. Domain code imports it from here, not from the IPC gate. No Electron imports.
import type { ErrorCode } from '../preload/contract.js';

export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
