// Keeps the app working when its data folder cannot be written (read-only, full, permissions): a store whose
// write fails with a file-system error switches to memory for the rest of the session, starting from what it
// last held, and reports the problem once through StorageHealth, which turns it into a notice. Errors that are
// not about the disk (a value the store refuses) still throw. Node only; no Electron.
import type { Notice } from '../../preload/contract.js';
import type { KeyValueStore, Logger } from '../ports.js';
import { prepareDataFolder, type DataFolderProblem } from './data-folder.js';

/** The one place that knows whether Cloud Desk could save its data this session, and says so. */
export class StorageHealth {
  private current: DataFolderProblem | undefined;
  private readonly listeners = new Set<(problem: DataFolderProblem) => void>();

  /** Prepares the data folder (see data-folder.ts) and starts with what that found. */
  static forFolder(folder: string, logger: Logger): StorageHealth {
    const health = new StorageHealth();
    const problem = prepareDataFolder(folder, logger);
    if (problem) health.report(problem);
    return health;
  }

  problem(): DataFolderProblem | undefined {
    return this.current;
  }

  /** Records the first problem; later ones add nothing the user could act on. */
  report(problem: DataFolderProblem): void {
    if (this.current) return;
    this.current = problem;
    for (const listener of this.listeners) listener(problem);
  }

  onProblem(listener: (problem: DataFolderProblem) => void): void {
    this.listeners.add(listener);
  }
}

export const dataFolderNoticeId = 'data-folder-unwritable';

const causes: Record<string, string> = {
  EROFS: 'is on a read-only disk',
  ENOSPC: 'is on a disk that is full',
  EDQUOT: 'is on a disk where your quota is used up',
  EACCES: 'does not let Cloud Desk write to it (permission denied)',
  EPERM: 'does not let Cloud Desk write to it (operation not permitted)',
  ENOTDIR: 'cannot be created because a file is in the way',
  EEXIST: 'cannot be created because a file is in the way',
};

export function dataFolderNotice(problem: DataFolderProblem): Notice {
  return {
    id: dataFolderNoticeId,
    level: 'warning',
    title: 'Cloud Desk cannot save its data',
    message:
      `The data folder ${problem.folder} ${causes[problem.code] ?? `cannot be written (${problem.code})`}. ` +
      'Cloud Desk keeps working, but settings you change and accounts you connect last only until you quit. ' +
      'Free up space or make the folder writable (or start Cloud Desk with CLOUD_DESK_DATA_DIR set to another ' +
      'folder), then restart Cloud Desk.',
  };
}

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && 'syscall' in error;
}

export class MemoryFallbackStore implements KeyValueStore {
  private memory: Map<string, unknown> | undefined;

  constructor(
    private readonly inner: KeyValueStore,
    private readonly deps: { folder: string; health: StorageHealth; logger: Logger },
  ) {
    // A folder already known to be unwritable: read what is there, never try to write.
    if (deps.health.problem()) this.memory = this.snapshot();
  }

  /** True once writes go to memory only. */
  inMemory(): boolean {
    return this.memory !== undefined;
  }

  get(key: string): unknown {
    return this.memory ? this.memory.get(key) : this.inner.get(key);
  }

  keys(): string[] {
    return this.memory ? [...this.memory.keys()] : this.inner.keys();
  }

  set(key: string, value: unknown): void {
    this.write(
      (memory) => memory.set(key, value),
      () => this.inner.set(key, value),
    );
  }

  delete(key: string): void {
    this.write(
      (memory) => memory.delete(key),
      () => this.inner.delete(key),
    );
  }

  private write(inMemory: (memory: Map<string, unknown>) => void, onDisk: () => void): void {
    if (!this.memory) {
      try {
        onDisk();
        return;
      } catch (error) {
        if (!isFileSystemError(error)) throw error;
        this.deps.logger.warn('a store could not be written; keeping it in memory', { errorCode: error.code });
        // An atomic write that failed left the file (and the store's view of it) as it was before.
        this.memory = this.snapshot();
        this.deps.health.report({ folder: this.deps.folder, code: error.code ?? 'EUNKNOWN' });
      }
    }
    inMemory(this.memory);
  }

  private snapshot(): Map<string, unknown> {
    try {
      return new Map(this.inner.keys().map((key) => [key, this.inner.get(key)]));
    } catch (error) {
      this.deps.logger.warn('a store could not be read; starting it empty in memory', { error });
      return new Map();
    }
  }
}
