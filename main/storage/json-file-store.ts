// A KeyValueStore kept as one JSON file, written atomically (temp file + rename, via `atomically`), so a
// killed process leaves either the old or the new document, never half of one; the temporary files such a kill
// leaves are removed when the store is opened. With `mode`, the file (and every temporary file) is created with
// it and an existing file is narrowed to it. An unreadable file is moved aside and reported, and the store starts
// empty. Used by the browser preview; Node only, no Electron.
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { writeFileSync } from 'atomically';
import type { Clock, KeyValueStore, Logger } from '../ports.js';
import { removeStaleTempFiles } from './data-folder.js';
import type { StorageHealth } from './memory-fallback-store.js';
import { moveAside } from './move-aside.js';
import { narrowFileMode } from './narrow-file-mode.js';

export interface StoreRecovery {
  filePath: string;
  movedTo: string;
  reason: string;
}

export class JsonFileStore implements KeyValueStore {
  private data: Record<string, unknown>;

  private constructor(
    private readonly filePath: string,
    data: Record<string, unknown>,
    private readonly mode: number | undefined,
  ) {
    this.data = data;
  }

  /** Opens (or creates) the store; `recovered` is set when an unreadable file was moved aside. */
  static open(
    filePath: string,
    deps: { clock: Clock; logger: Logger; mode?: number; health?: StorageHealth },
  ): { store: JsonFileStore; recovered: StoreRecovery | undefined } {
    const empty = (): JsonFileStore => new JsonFileStore(filePath, {}, deps.mode);
    removeStaleTempFiles(dirname(filePath), basename(filePath), deps.logger);
    let text: string;
    try {
      text = readFileSync(filePath, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // No file yet, or no folder (one that cannot be created is reported by the data-folder check).
      if (code === 'ENOENT' || code === 'ENOTDIR') return { store: empty(), recovered: undefined };
      throw error;
    }
    if (deps.mode !== undefined) narrowFileMode(filePath, deps.mode, deps.logger);
    const reason = problemWith(text);
    if (reason === undefined) {
      const data = JSON.parse(text) as Record<string, unknown>;
      return { store: new JsonFileStore(filePath, data, deps.mode), recovered: undefined };
    }
    let movedTo: string;
    try {
      movedTo = moveAside(filePath, new Date(deps.clock.now()));
    } catch (error) {
      // It cannot be moved, so it must not be written over either: the folder counts as unwritable (the
      // MemoryFallbackStore around this store then keeps every change in memory).
      const code = (error as NodeJS.ErrnoException).code ?? 'EUNKNOWN';
      deps.logger.warn('an unreadable store file could not be moved aside; leaving it as it is', {
        filePath,
        reason,
        errorCode: code,
      });
      deps.health?.report({ folder: dirname(filePath), code });
      return { store: empty(), recovered: undefined };
    }
    deps.logger.warn('store file was unreadable and has been moved aside', { filePath, movedTo, reason });
    return { store: empty(), recovered: { filePath, movedTo, reason } };
  }

  get(key: string): unknown {
    return this.data[key];
  }

  set(key: string, value: unknown): void {
    this.commit({ ...this.data, [key]: value });
  }

  keys(): string[] {
    return Object.keys(this.data);
  }

  delete(key: string): void {
    const { [key]: _removed, ...rest } = this.data;
    this.commit(rest);
  }

  private commit(next: Record<string, unknown>): void {
    writeFileSync(this.filePath, `${JSON.stringify(next, null, 2)}\n`, {
      encoding: 'utf8',
      ...(this.mode === undefined ? {} : { mode: this.mode }),
    });
    this.data = next;
  }
}

function problemWith(text: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'not a JSON object';
  return undefined;
}
