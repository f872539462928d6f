// The last inventory on disk, encrypted through the SecretVault, so the grid shows at start-up before any network
// call. The vault's store writes atomically (temp file + rename), so a process killed mid-write leaves the
// previous snapshot readable. A snapshot that cannot be read is dropped (the next sweep rebuilds it).
// No Electron imports.
import { z } from 'zod';
import { subscriptionSummarySchema, vmSchema } from '../../preload/contract-inventory.js';
import type { SubscriptionSummary, Vm } from '../../preload/contract-inventory.js';
import type { Logger } from '../ports.js';
import type { SecretVault } from '../storage/secret-vault.js';

export const snapshotBlobName = 'inventory-snapshot';

const storedSchema = z.object({
  /** 2 since a VM's powerStateAt is only a change a sweep saw; version 1 also stamped the first listing. */
  version: z.union([z.literal(1), z.literal(2)]),
  savedAt: z.string(),
  lastFullSweepAt: z.string().optional(),
  subscriptions: z.array(subscriptionSummarySchema),
  vms: z.array(vmSchema),
});
export type StoredSnapshot = z.infer<typeof storedSchema>;

export class SnapshotStore {
  constructor(
    private readonly vault: SecretVault,
    private readonly logger: Logger,
  ) {}

  async load(): Promise<StoredSnapshot | undefined> {
    const read = await this.vault.read(snapshotBlobName);
    if (read.kind === 'missing') return undefined;
    if (read.kind === 'damaged') {
      this.logger.warn('the inventory snapshot could not be decrypted; starting without it', { movedTo: read.movedTo });
      return undefined;
    }
    try {
      const parsed = storedSchema.safeParse(JSON.parse(read.value));
      if (parsed.success) return parsed.data.version === 1 ? withoutListingTimes(parsed.data) : parsed.data;
      this.logger.warn('the inventory snapshot does not match this version; starting without it');
    } catch (error) {
      this.logger.warn('the inventory snapshot could not be parsed; starting without it', { error });
    }
    return undefined;
  }

  async save(snapshot: {
    savedAt: string;
    lastFullSweepAt?: string;
    subscriptions: readonly SubscriptionSummary[];
    vms: readonly Vm[];
  }): Promise<void> {
    await this.vault.write(snapshotBlobName, JSON.stringify({ version: 2, ...snapshot }));
  }

  async clear(): Promise<void> {
    await this.vault.delete(snapshotBlobName);
  }
}

/**
 * A version 1 snapshot's "in this state since" may be the time the VM was first listed (months after it started),
 * and a seen change cannot be told from it: the times are dropped, the states kept.
 */
function withoutListingTimes(snapshot: StoredSnapshot): StoredSnapshot {
  return { ...snapshot, vms: snapshot.vms.map(({ powerStateAt: _time, ...vm }) => vm) };
}
