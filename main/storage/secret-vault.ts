// Secrets at rest: named blobs (MSAL caches, the account registry) encrypted through the SecretCipher before
// they touch the store. Without real OS encryption they stay in memory for the session unless the user opted in
// to weak storage. A blob that fails to decrypt is moved aside under a timestamped key, never silently deleted.
// No Electron imports.
import type { CipherStatus, Clock, KeyValueStore, Logger, SecretCipher } from '../ports.js';

export type VaultMode = 'encrypted' | 'session_only' | 'weak';

export type VaultRead = { kind: 'missing' } | { kind: 'ok'; value: string } | { kind: 'damaged'; movedTo: string };

const prefix = 'vault:';

export class SecretVault {
  private readonly memory = new Map<string, string>();
  private readonly queues = new Map<string, Promise<void>>();
  private status: CipherStatus = { protection: 'unavailable' };

  constructor(
    private readonly store: KeyValueStore,
    private readonly cipher: SecretCipher,
    private readonly deps: {
      clock: Clock;
      logger: Logger;
      allowWeak: () => boolean;
      /** False while the data folder cannot be written (the store then keeps changes in memory). */
      diskWritable?: () => boolean;
    },
  ) {}

  /** Asks the cipher what it can do; call once at start-up and whenever the weak-storage opt-in changes. */
  async refreshStatus(): Promise<VaultMode> {
    try {
      this.status = await this.cipher.status();
    } catch (error) {
      this.deps.logger.warn('the OS encryption status could not be read', { error });
      this.status = { protection: 'unavailable' };
    }
    return this.mode();
  }

  mode(): VaultMode {
    if (this.status.protection === 'os') return 'encrypted';
    if (this.status.protection === 'weak' && this.deps.allowWeak()) return 'weak';
    return 'session_only';
  }

  /** Whether secrets written now outlive this session: stored (encrypted or weakly) in a folder that takes writes. */
  persists(): boolean {
    return this.mode() !== 'session_only' && this.deps.diskWritable?.() !== false;
  }

  /** Whether opting in to weak storage would put secrets on disk (the OS offers at least obfuscation). */
  weakAvailable(): boolean {
    return this.status.protection !== 'unavailable';
  }

  backend(): string | undefined {
    return this.status.backend;
  }

  /**
   * Every read, write and delete of one blob runs in order: encryption is asynchronous, and out of order an
   * older value could land last, a delete could be undone by a write still encrypting, or a read could miss a
   * write just made.
   */
  private queued<T>(name: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(name) ?? Promise.resolve();
    const next = previous.then(work, work);
    this.queues.set(
      name,
      next.then(
        () => undefined,
        () => undefined,
      ),
    );
    return next;
  }

  /** Resolves once every queued write and delete has reached the store (on quit). */
  async flush(): Promise<void> {
    await Promise.all(this.queues.values());
  }

  read(name: string): Promise<VaultRead> {
    return this.queued(name, () => this.readNow(name));
  }

  private async readNow(name: string): Promise<VaultRead> {
    if (this.mode() === 'session_only') {
      const value = this.memory.get(name);
      return value === undefined ? { kind: 'missing' } : { kind: 'ok', value };
    }
    const stored = this.store.get(prefix + name);
    if (stored === undefined) return { kind: 'missing' };
    let decrypted: { plain: string; shouldReEncrypt: boolean };
    try {
      if (typeof stored !== 'string') throw new Error('the stored blob is not a string');
      decrypted = await this.cipher.decrypt(stored);
    } catch (error) {
      const movedTo = `${prefix}${name}.corrupt-${new Date(this.deps.clock.now()).toISOString()}`;
      this.store.set(movedTo, stored);
      this.store.delete(prefix + name);
      this.deps.logger.warn('an encrypted blob could not be decrypted and was moved aside', { name, movedTo, error });
      return { kind: 'damaged', movedTo };
    }
    if (decrypted.shouldReEncrypt) {
      // Best effort: the OS asked for a fresh encryption (e.g. a rotated key); the value itself is fine.
      try {
        this.store.set(prefix + name, await this.cipher.encrypt(decrypted.plain));
      } catch (error) {
        this.deps.logger.warn('re-encrypting a blob failed; keeping the old encryption', { name, error });
      }
    }
    return { kind: 'ok', value: decrypted.plain };
  }

  write(name: string, value: string): Promise<void> {
    return this.queued(name, async () => {
      if (this.mode() === 'session_only') {
        this.memory.set(name, value);
        return;
      }
      this.store.set(prefix + name, await this.cipher.encrypt(value));
    });
  }

  delete(name: string): Promise<void> {
    return this.queued(name, () => {
      this.memory.delete(name);
      this.store.delete(prefix + name);
      return Promise.resolve();
    });
  }

  /** Moves session-only secrets to disk once protection allows it (e.g. after the weak-storage opt-in). */
  async persistSessionSecrets(): Promise<void> {
    if (this.mode() === 'session_only') return;
    for (const [name, value] of [...this.memory]) await this.write(name, value);
    this.memory.clear();
  }

  /**
   * The opposite, when the user withdraws the weak-storage opt-in: secrets on disk come back into memory for
   * the session and leave the disk. Blobs already moved aside as damaged stay where they are, for support.
   */
  async retreatToMemory(): Promise<void> {
    if (this.mode() !== 'session_only') return;
    const names = this.store
      .keys()
      .filter((key) => key.startsWith(prefix) && !key.includes('.corrupt-'))
      .map((key) => key.slice(prefix.length));
    for (const name of names) {
      await this.queued(name, async () => {
        const stored = this.store.get(prefix + name);
        if (typeof stored !== 'string') return;
        try {
          this.memory.set(name, (await this.cipher.decrypt(stored)).plain);
          this.store.delete(prefix + name);
        } catch (error) {
          this.deps.logger.warn('a blob could not be brought back into memory; left on disk', { name, error });
        }
      });
    }
  }
}
