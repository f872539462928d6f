// The local activity log: what was done to which VM (or subscription), when, by which account, with what result,
// ARM's correlation id and how long it took. Kept encrypted through the SecretVault with the rest of the app's
// data, bounded (oldest entries dropped), newest first. Written through a CoalescedBlob (many entries finishing
// together become one encryption); `stop()` writes the last change. Changes reach the renderer as one numbered
// `activity` event per turn carrying only the new entries (the composition root forwards `onChange`), so a view
// never re-reads the whole log. No Electron imports.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  activityEntrySchema,
  actionLabels,
  matchesActivityFilter,
  type ActivityChange,
  type ActivityEntry,
  type ActivityFilter,
  type ActivityPage,
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
  private seq = 0;
  private appended: ActivityEntry[] = [];
  private cleared = false;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<(change: ActivityChange) => void>();

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
    this.appended.push(full);
    this.changed();
    return full;
  }

  list(filter?: ActivityFilter): ActivityEntry[] {
    return this.entries.filter((e) => matchesActivityFilter(e, filter)).reverse();
  }

  /** The filtered entries with the number of the last change sent: later events continue from it. */
  page(filter?: ActivityFilter): ActivityPage {
    return { seq: this.seq, entries: this.list(filter) };
  }

  onChange(listener: (change: ActivityChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async clear(): Promise<void> {
    this.entries = [];
    this.appended = [];
    this.cleared = true;
    this.changed();
    this.blob.changed();
    await this.blob.flush();
  }

  private changed(): void {
    this.flushTimer ??= setTimeout(() => this.flushChanges(), 0);
  }

  /** Sends what changed now (tests and quit call it; otherwise it runs once per turn). */
  flushChanges(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (!this.cleared && this.appended.length === 0) return;
    this.seq += 1;
    const change: ActivityChange = {
      seq: this.seq,
      cleared: this.cleared,
      appended: this.appended.slice(-this.limit()),
    };
    this.appended = [];
    this.cleared = false;
    for (const listener of this.listeners) listener(change);
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

  /** Sends and writes the last change; call on quit. */
  stop(): Promise<void> {
    this.flushChanges();
    return this.blob.flush();
  }
}
