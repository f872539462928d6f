// Operations still running, persisted encrypted through the SecretVault with the SDK poller's serialized state
// (URLs, no token), so they are resumed and re-checked at the next start. Written through a CoalescedBlob; call
// `flush()` on quit. No Electron imports.
import { z } from 'zod';
import { operationSchema } from '../../preload/contract-operations.js';
import type { Logger } from '../ports.js';
import { CoalescedBlob } from '../storage/coalesced-blob.js';
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
  private readonly blob: CoalescedBlob;

  constructor(private readonly deps: { vault: SecretVault; logger: Logger }) {
    this.blob = new CoalescedBlob(
      deps.vault,
      pendingBlob,
      () => (this.items.size === 0 ? undefined : JSON.stringify({ version: 1, pending: [...this.items.values()] })),
      deps.logger,
    );
  }

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
    this.blob.changed();
  }

  remove(id: string): void {
    if (this.items.delete(id)) this.blob.changed();
  }

  flush(): Promise<void> {
    return this.blob.flush();
  }
}
