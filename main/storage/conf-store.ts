// How Cloud Desk uses `conf` (the engine of electron-store): keys are flat names, never dot-paths, because
// the vault's keys contain dots (`vault:msal:azure.corrupt-<time>`) and a dot-path write would nest the old value
// under the new key and a delete would then take both. Pure; no Electron imports.
import type { KeyValueStore } from '../ports.js';

export const confStoreOptions = { accessPropertiesByDotNotation: false, clearInvalidConfig: false } as const;

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
