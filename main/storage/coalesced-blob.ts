// One vault blob written from a value that changes often (running operations, the activity log): changes are
// held back a moment and coalesced, so a bulk action of 500 changing one by one becomes a few encryptions of the
// whole value, not 500; `flush()` (on quit, or before a clear) writes at once and waits. No Electron imports.
import type { Logger } from '../ports.js';
import type { SecretVault } from './secret-vault.js';

export class CoalescedBlob {
  private writing: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dirty = false;

  constructor(
    private readonly vault: SecretVault,
    private readonly name: string,
    /** The value to store now, or undefined to delete the blob. */
    private readonly value: () => string | undefined,
    private readonly logger: Logger,
    private readonly delayMs = 1000,
  ) {}

  /** The value changed: it is written within `delayMs`. */
  changed(): void {
    this.dirty = true;
    if (this.writing || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.start();
    }, this.delayMs);
  }

  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.start();
    }
    while (this.writing) await this.writing;
  }

  private start(): void {
    this.writing ??= this.write().finally(() => {
      this.writing = undefined;
      if (this.dirty) this.changed();
    });
  }

  private async write(): Promise<void> {
    this.dirty = false;
    const value = this.value();
    try {
      if (value === undefined) await this.vault.delete(this.name);
      else await this.vault.write(this.name, value);
    } catch (error) {
      this.logger.warn('a stored blob could not be saved', { name: this.name, error });
    }
  }
}
