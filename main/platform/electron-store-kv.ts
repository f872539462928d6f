// KeyValueStore on electron-store (atomic JSON writes in the user data folder; flat keys, see conf-store.ts).
// An unreadable file is moved aside and the store reopened empty, instead of electron-store throwing at start-up.
import Store from 'electron-store';
import { join } from 'node:path';
import type { StoreRecovery } from '../storage/json-file-store.js';
import { adaptConf, confStoreOptions } from '../storage/conf-store.js';
import { moveAside } from '../storage/move-aside.js';
import type { KeyValueStore, Logger } from '../ports.js';

export function openElectronStore(
  dataDir: string,
  name: string,
  logger: Logger,
): { store: KeyValueStore; recovered: StoreRecovery | undefined } {
  const open = (): Store<Record<string, unknown>> =>
    new Store<Record<string, unknown>>({ cwd: dataDir, name, ...confStoreOptions });
  try {
    return { store: adaptConf(open()), recovered: undefined };
  } catch (error) {
    const filePath = join(dataDir, `${name}.json`);
    const reason = error instanceof Error ? error.message : String(error);
    const movedTo = moveAside(filePath, new Date());
    logger.warn('store file was unreadable and has been moved aside', { filePath, movedTo, reason });
    return { store: adaptConf(open()), recovered: { filePath, movedTo, reason } };
  }
}
