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
  private readonly writing = new Map<string, Promise<void>>();
  private status: CipherStatus = { protection: 'unavailable' };

  constructor(
    private readonly store: KeyValueStore,
    private readonly cipher: SecretCipher,
    private readonly deps: { clock: Clock; logger: Logger; allowWeak: () => boolean },
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

  /** Whether opting in to weak storage would put secrets on disk (the OS offers at least obfuscation). */
  weakAvailable(): boolean {
    return this.status.protection !== 'unavailable';
  }

  backend(): string | undefined {
    return this.status.backend;
  }

  async read(name: string): Promise<VaultRead> {
    if (this.mode() === 'session_only') {
      const value = this.memory.get(name);
      return value === undefined ? { kind: 'missing' } : { kind: 'ok', value };
    }
    const stored = this.store.get(prefix + name);
    if (stored === undefined) return { kind: 'missing' };
    try {
      if (typeof stored !== 'string') throw new Error('the stored blob is not a string');
      const { plain, shouldReEncrypt } = await this.cipher.decrypt(stored);
      if (shouldReEncrypt) await this.write(name, plain);
      return { kind: 'ok', value: plain };
    } catch (error) {
      const movedTo = `${prefix}${name}.corrupt-${new Date(this.deps.clock.now()).toISOString()}`;
      this.store.set(movedTo, stored);
      this.store.delete(prefix + name);
      this.deps.logger.warn('an encrypted blob could not be decrypted and was moved aside', { name, movedTo, error });
      return { kind: 'damaged', movedTo };
    }
  }

  /**
   * Writes are queued per name: encryption is asynchronous, and without the queue an older value whose
   * encryption finished last would overwrite a newer one.
   */
  write(name: string, value: string): Promise<void> {
    const previous = this.writing.get(name) ?? Promise.resolve();
    const next = previous.then(async () => {
      if (this.mode() === 'session_only') {
        this.memory.set(name, value);
        return;
      }
      this.store.set(prefix + name, await this.cipher.encrypt(value));
    });
    this.writing.set(
      name,
      next.catch(() => undefined),
    );
    return next;
  }

  delete(name: string): void {
    this.memory.delete(name);
    this.store.delete(prefix + name);
  }

  /** Moves session-only secrets to disk once protection allows it (e.g. after the weak-storage opt-in). */
  async persistSessionSecrets(): Promise<void> {
    if (this.mode() === 'session_only') return;
    for (const [name, value] of this.memory) await this.write(name, value);
    this.memory.clear();
  }
}
