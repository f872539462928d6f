// KeyValueStore on electron-store (atomic, owner-only JSON files in the user data folder; flat keys). What
// happens at opening (temporary files of killed writes, an unreadable file, an unwritable folder) is decided in
// storage/conf-store.ts, which tests run on conf, electron-store's engine.
import Store from 'electron-store';
import { openConfStore, confStoreOptions } from '../storage/conf-store.js';
import type { StoreRecovery } from '../storage/json-file-store.js';
import type { StorageHealth } from '../storage/memory-fallback-store.js';
import type { KeyValueStore, Logger } from '../ports.js';

export function openElectronStore(
  dataDir: string,
  name: string,
  deps: { logger: Logger; health: StorageHealth },
): { store: KeyValueStore; recovered: StoreRecovery | undefined } {
  return openConfStore(
    () => new Store<Record<string, unknown>>({ cwd: dataDir, name, ...confStoreOptions }),
    { folder: dataDir, name },
    { ...deps, now: () => new Date() },
  );
}
