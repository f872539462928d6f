// The data folder as the stores find it at start-up: created owner-only (0700 on POSIX), checked for being
// writable (a read-only or full disk is reported, not discovered later by a failing sign-in), and cleared of the
// temporary files an atomic write leaves when the process is killed mid-write (`atomically` names them
// `<file>.tmp-<10 digits><6 hex>`; some hold ciphertext of refresh tokens). Node only; no Electron.
import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../ports.js';

/** Why the data folder cannot be written, by the error code the OS gave. */
export interface DataFolderProblem {
  folder: string;
  code: string;
}

/** Owner-only modes for the data folder and every file in it that holds secrets or ciphertext. */
export const privateFolderMode = 0o700;
export const privateFileMode = 0o600;

/** Creates the folder (0700), narrows an existing one to 0700 on POSIX and checks that a file can be written in it. */
export function prepareDataFolder(folder: string, logger: Logger): DataFolderProblem | undefined {
  try {
    mkdirSync(folder, { recursive: true, mode: privateFolderMode });
    if (process.platform !== 'win32') chmodSync(folder, privateFolderMode);
    const probe = join(folder, `.write-check-${process.pid}`);
    writeFileSync(probe, 'ok', { mode: privateFileMode });
    rmSync(probe, { force: true });
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EUNKNOWN';
    logger.warn('the data folder cannot be written; working in memory', { folder, errorCode: code });
    return { folder, code };
  }
}

const tempSuffix = /\.tmp-\d{10}[0-9a-f]{6}$/;

/** Deletes what a killed atomic write of `fileName` left in `folder`; returns the names it removed. */
export function removeStaleTempFiles(folder: string, fileName: string, logger: Logger): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const stale = names.filter((name) => name.startsWith(`${fileName}.tmp-`) && tempSuffix.test(name));
  const removed: string[] = [];
  for (const name of stale) {
    try {
      rmSync(join(folder, name), { force: true });
      removed.push(name);
    } catch (error) {
      logger.warn('a temporary file from an interrupted write could not be removed', { name, error });
    }
  }
  if (removed.length > 0) logger.info('removed temporary files from interrupted writes', { removed });
  return removed;
}
