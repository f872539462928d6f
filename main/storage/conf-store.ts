// How Cloud Desk uses `conf` (the engine of electron-store): keys are flat names, never dot-paths, because
// the vault's keys contain dots (`vault:msal:azure.corrupt-<time>`) and a dot-path write would nest the old value
// under the new key and a delete would then take both. Files are owner-only (`configFileMode`, which conf hands to
// `atomically` for the temporary file and the rename). Opening also clears what a killed write left behind, moves
// an unreadable file aside, and falls back to memory when the folder cannot be written. Pure; no Electron imports.
import { join } from 'node:path';
import type { KeyValueStore, Logger } from '../ports.js';
import { privateFileMode, removeStaleTempFiles } from './data-folder.js';
import type { StoreRecovery } from './json-file-store.js';
import { MemoryFallbackStore, type StorageHealth } from './memory-fallback-store.js';
import { moveAside } from './move-aside.js';
import { narrowFileMode } from './narrow-file-mode.js';

export const confStoreOptions = {
  accessPropertiesByDotNotation: false,
  clearInvalidConfig: false,
  configFileMode: privateFileMode,
} as const;

/** The part of conf's (and electron-store's) API the adapter uses. */
export interface ConfLike {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  readonly store: Record<string, unknown>;
}

export function adaptConf(store: ConfLike): KeyValueStore {
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
    keys: () => Object.keys(store.store),
  };
}

/** Nothing on disk to read: the store of a folder that could not even be opened (it starts, and stays, in memory). */
const nothingOnDisk: KeyValueStore = {
  get: () => undefined,
  set: () => undefined,
  delete: () => undefined,
  keys: () => [],
};

/**
 * Opens `<folder>/<name>.json` through `create` (electron-store in the app, conf in tests): temporary files of
 * killed writes removed, an existing file narrowed to 0600, an unreadable file moved aside and reported.
 */
export function openConfStore(
  create: () => ConfLike,
  file: { folder: string; name: string },
  deps: { logger: Logger; health: StorageHealth; now: () => Date },
): { store: KeyValueStore; recovered: StoreRecovery | undefined } {
  const filePath = join(file.folder, `${file.name}.json`);
  const fallback = (inner: KeyValueStore): KeyValueStore =>
    new MemoryFallbackStore(inner, { folder: file.folder, health: deps.health, logger: deps.logger });
  removeStaleTempFiles(file.folder, `${file.name}.json`, deps.logger);
  narrowFileMode(filePath, privateFileMode, deps.logger);
  try {
    return { store: fallback(adaptConf(create())), recovered: undefined };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && 'syscall' in (error as object)) {
      deps.logger.warn('a store could not be opened; keeping it in memory', { filePath, errorCode: code });
      deps.health.report({ folder: file.folder, code });
      return { store: fallback(nothingOnDisk), recovered: undefined };
    }
    const reason = error instanceof Error ? error.message : String(error);
    let movedTo: string;
    try {
      movedTo = moveAside(filePath, deps.now());
    } catch (moveError) {
      // It cannot be moved, so it must not be written over either: keep this session in memory.
      const moveCode = (moveError as NodeJS.ErrnoException).code ?? 'EUNKNOWN';
      deps.logger.warn('an unreadable store file could not be moved aside; leaving it as it is', {
        filePath,
        reason,
        errorCode: moveCode,
      });
      deps.health.report({ folder: file.folder, code: moveCode });
      return { store: fallback(nothingOnDisk), recovered: undefined };
    }
    deps.logger.warn('store file was unreadable and has been moved aside', { filePath, movedTo, reason });
    return { store: fallback(adaptConf(create())), recovered: { filePath, movedTo, reason } };
  }
}
