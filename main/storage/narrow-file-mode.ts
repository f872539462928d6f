// Narrows an existing file to an owner-only mode on POSIX, so a secrets file written by an older version (0644)
// does not stay readable by others until its next write. Windows has no such modes. Node only; no Electron.
import { chmodSync, statSync } from 'node:fs';
import type { Logger } from '../ports.js';

export function narrowFileMode(filePath: string, mode: number, logger: Logger): void {
  if (process.platform === 'win32') return;
  try {
    const current = statSync(filePath, { throwIfNoEntry: false });
    if (current && (current.mode & 0o777) !== mode) chmodSync(filePath, mode);
  } catch (error) {
    logger.warn('a store file could not be made owner-only', { filePath, error });
  }
}
