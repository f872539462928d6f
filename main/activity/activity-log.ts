// The local activity log: what was done to which VM (or subscription), when, by which account, with what result,
// ARM's correlation id and how long it took. Kept encrypted through the SecretVault with the rest of the app's
// data, bounded (oldest entries dropped), newest first. Written through a CoalescedBlob (many entries finishing
// together become one encryption); `stop()` writes the last change. No Electron imports.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  activityEntrySchema,
  actionLabels,
  type ActivityEntry,
  type ActivityFilter,
} from '../../preload/contract-operations.js';
import type { Clock, Logger } from '../ports.js';
import { CoalescedBlob } from '../storage/coalesced-blob.js';
import type { SecretVault } from '../storage/secret-vault.js';
import { toCsv } from './csv.js';

export const activityBlob = 'activity-log';
export const defaultActivityLimit = 5000;

const storedSchema = z.strictObject({ version: z.literal(1), entries: z.array(activityEntrySchema) });

export class ActivityLog {
  /** Oldest first; `list` reverses. */
  private entries: ActivityEntry[] = [];
  private readonly blob: CoalescedBlob;

  constructor(private readonly deps: { vault: SecretVault; clock: Clock; logger: Logger; limit?: number }) {
    this.blob = new CoalescedBlob(
      deps.vault,
      activityBlob,
      () => (this.entries.length === 0 ? undefined : JSON.stringify({ version: 1, entries: this.entries })),
      deps.logger,
    );
  }

  async start(): Promise<void> {
    const read = await this.deps.vault.read(activityBlob);
    if (read.kind !== 'ok') return;
    try {
      const parsed = storedSchema.parse(JSON.parse(read.value));
      // Entries recorded while the stored log was being read stay, after the older ones.
      this.entries = [...parsed.entries, ...this.entries].slice(-this.limit());
    } catch (error) {
      this.deps.logger.warn('the stored activity log could not be read; starting a new one', { error });
    }
  }

  private limit(): number {
    return this.deps.limit ?? defaultActivityLimit;
  }

  record(entry: Omit<ActivityEntry, 'id'>): ActivityEntry {
    const full = { id: randomUUID(), ...entry };
    this.entries.push(full);
    if (this.entries.length > this.limit()) this.entries.splice(0, this.entries.length - this.limit());
    this.blob.changed();
    return full;
  }

  list(filter?: ActivityFilter): ActivityEntry[] {
    const vm = filter?.vm?.trim().toLowerCase();
    const account = filter?.account?.trim().toLowerCase();
    return this.entries
      .filter(
        (e) =>
          (filter?.result === undefined || e.result === filter.result) &&
          (!vm || e.targetName.toLowerCase().includes(vm) || e.targetId.toLowerCase().includes(vm)) &&
          (!account || e.accountId.toLowerCase() === account || e.accountName.toLowerCase().includes(account)),
      )
      .reverse();
  }

  async clear(): Promise<void> {
    this.entries = [];
    this.blob.changed();
    await this.blob.flush();
  }

  /** The filtered entries as CSV, newest first, with a file name that sorts by date. */
  exportCsv(filter?: ActivityFilter): { fileName: string; csv: string; rows: number } {
    const rows = this.list(filter);
    const csv = toCsv(
      [
        'Time',
        'Action',
        'Target',
        'Resource group',
        'Subscription',
        'Account',
        'Result',
        'Message',
        'Correlation id',
        'Duration (s)',
      ],
      rows.map((e) => [
        e.at,
        e.action === 'rename' ? 'Rename subscription' : actionLabels[e.action].verb,
        e.targetName,
        e.resourceGroup,
        e.subscriptionId,
        e.accountName,
        e.result,
        e.message,
        e.correlationId,
        (e.durationMs / 1000).toFixed(1),
      ]),
    );
    const stamp = new Date(this.deps.clock.now()).toISOString().slice(0, 19).replace(/[:T]/g, '-');
    return { fileName: `cloud-desk-activity-${stamp}.csv`, csv, rows: rows.length };
  }

  /** Writes the last change; call on quit. */
  stop(): Promise<void> {
    return this.blob.flush();
  }
}
