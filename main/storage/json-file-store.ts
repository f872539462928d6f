// A KeyValueStore kept as one JSON file, written atomically (temp file + rename, via `atomically`), so a
// killed process leaves either the old or the new document, never half of one. An unreadable file is moved
// aside and reported, and the store starts empty. Used by the browser preview; Node only, no Electron.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileSync } from 'atomically';
import type { Clock, KeyValueStore, Logger } from '../ports.js';
import { moveAside } from './move-aside.js';

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
  ) {
    this.data = data;
  }

  /** Opens (or creates) the store; `recovered` is set when an unreadable file was moved aside. */
  static open(
    filePath: string,
    deps: { clock: Clock; logger: Logger },
  ): { store: JsonFileStore; recovered: StoreRecovery | undefined } {
    mkdirSync(dirname(filePath), { recursive: true });
    let text: string;
    try {
      text = readFileSync(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return { store: new JsonFileStore(filePath, {}), recovered: undefined };
      }
      throw error;
    }
    const reason = problemWith(text);
    if (reason === undefined) {
      return { store: new JsonFileStore(filePath, JSON.parse(text) as Record<string, unknown>), recovered: undefined };
    }
    const movedTo = moveAside(filePath, new Date(deps.clock.now()));
    deps.logger.warn('store file was unreadable and has been moved aside', { filePath, movedTo, reason });
    return { store: new JsonFileStore(filePath, {}), recovered: { filePath, movedTo, reason } };
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
    writeFileSync(this.filePath, `${JSON.stringify(next, null, 2)}\n`, { encoding: 'utf8' });
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
