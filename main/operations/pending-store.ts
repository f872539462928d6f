// Operations still running, persisted encrypted through the SecretVault with the SDK poller's serialized state
// (URLs, no token), so they are resumed and re-checked at the next start. Writes are coalesced: many operations
// changing together become one encryption; `flush()` waits for the last. No Electron imports.
import { z } from 'zod';
import { operationSchema } from '../../preload/contract-operations.js';
import type { Logger } from '../ports.js';
import type { SecretVault } from '../storage/secret-vault.js';

export const pendingBlob = 'operations-pending';

export const pendingSchema = z.strictObject({
  operation: operationSchema,
  tenantId: z.string(),
  cloudId: z.string(),
  /** `poller.serialize()` of @azure/arm-compute's poller. */
  poller: z.string(),
});
export type Pending = z.infer<typeof pendingSchema>;

const storedSchema = z.strictObject({ version: z.literal(1), pending: z.array(pendingSchema) });

export class PendingStore {
  private readonly items = new Map<string, Pending>();
  private writing: Promise<void> | undefined;
  private dirty = false;

  constructor(private readonly deps: { vault: SecretVault; logger: Logger }) {}

  /** What the last run left running; the store then holds it until each is finished or removed. */
  async load(): Promise<Pending[]> {
    const read = await this.deps.vault.read(pendingBlob);
    if (read.kind !== 'ok') return [];
    try {
      const stored = storedSchema.parse(JSON.parse(read.value));
      for (const item of stored.pending) this.items.set(item.operation.id, item);
      return stored.pending;
    } catch (error) {
      this.deps.logger.warn('the stored running operations could not be read; they are not resumed', { error });
      return [];
    }
  }

  set(item: Pending): void {
    this.items.set(item.operation.id, item);
    this.persist();
  }

  remove(id: string): void {
    if (this.items.delete(id)) this.persist();
  }

  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private persist(): void {
    this.dirty = true;
    this.writing ??= this.write().finally(() => {
      this.writing = undefined;
    });
  }

  private async write(): Promise<void> {
    while (this.dirty) {
      this.dirty = false;
      try {
        if (this.items.size === 0) await this.deps.vault.delete(pendingBlob);
        else {
          const pending = [...this.items.values()];
          await this.deps.vault.write(pendingBlob, JSON.stringify({ version: 1, pending }));
        }
      } catch (error) {
        this.deps.logger.warn('the running operations could not be saved', { error });
      }
    }
  }
}
