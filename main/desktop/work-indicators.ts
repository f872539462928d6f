// What long work shows outside the window, fed by the services' own events: power actions (one activity per
// batch, with taskbar progress when the batch has several VMs and a notification that words how it ended) and
// full inventory refreshes the user asked for (progress from the sweep's own counts). The ActivityReporter
// decides whether a notification is due (setting, focus, duration). No Electron imports.
import { actionLabels, finishedStates, type Operation, type PowerAction } from '../../preload/contract-operations.js';
import type { SweepProgress } from '../../preload/contract-inventory.js';
import type { Activity, ActivityReporter } from './activity-reporter.js';

interface Batch {
  action: PowerAction;
  activity: Activity;
  operations: Map<string, Operation>;
}

/** Follows the operations registry's changes; a batch ends when every operation in it has finished. */
export class OperationBatchReporter {
  private readonly batches = new Map<string, Batch>();

  constructor(private readonly reporter: ActivityReporter) {}

  /** Feed every registry change (the `operations` event's payload). */
  changed(operations: readonly Operation[]): void {
    const byBatch = new Map<string, Operation[]>();
    for (const op of operations) byBatch.set(op.batchId, [...(byBatch.get(op.batchId) ?? []), op]);
    for (const [batchId, changed] of byBatch) {
      let batch = this.batches.get(batchId);
      if (!batch) {
        const [first] = changed;
        // A batch's operations are registered together: the first time it is seen, it is seen whole.
        if (!first || changed.every((op) => finishedStates.has(op.state))) continue;
        const activity = this.reporter.begin({ progress: changed.length > 1 });
        batch = { action: first.action, activity, operations: new Map() };
        this.batches.set(batchId, batch);
      }
      for (const op of changed) batch.operations.set(op.id, op);
      const all = [...batch.operations.values()];
      const finished = all.filter((op) => finishedStates.has(op.state)).length;
      batch.activity.progress(finished / all.length);
      if (finished === all.length) {
        batch.activity.finish(batchSummary(batch.action, all));
        this.batches.delete(batchId);
      }
    }
  }
}

/** "Deallocate finished" and "web-01 deallocated." or "3 deallocated, 1 failed." */
export function batchSummary(action: PowerAction, operations: readonly Operation[]): { title: string; body: string } {
  const words = actionLabels[action];
  const title = `${words.verb} finished`;
  const [only] = operations;
  if (operations.length === 1 && only) {
    if (only.state === 'succeeded') return { title, body: `${only.vmName} ${words.done}.` };
    if (only.state === 'failed') {
      return {
        title: `${words.verb} failed`,
        body: `${only.vmName}: ${only.error?.message ?? 'Azure reported a failure.'}`,
      };
    }
    return { title: `${words.verb} cancelled`, body: only.note ?? `${only.vmName} was not changed.` };
  }
  const count = (state: Operation['state']) => operations.filter((op) => op.state === state).length;
  const parts = [
    [count('succeeded'), words.done],
    [count('failed'), 'failed'],
    [count('cancelled'), 'cancelled'],
  ] as const;
  const body = parts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}`)
    .join(', ');
  return { title: count('failed') > 0 ? `${words.verb} finished with failures` : title, body: `${body}.` };
}

/** Full inventory sweeps the user asked for (not the scheduled ones: those would notify every few minutes). */
export class SweepReporter {
  private latest: SweepProgress | undefined;
  private current: { sweepId: string; activity: Activity } | undefined;
  private queued = false;

  constructor(private readonly reporter: ActivityReporter) {}

  /** Feed every `inventoryProgress` event. */
  progress(progress: SweepProgress): void {
    this.latest = progress;
    if (this.queued && progress.kind === 'power' && progress.state === 'cancelled') this.queued = false;
    if (this.queued && progress.kind === 'full' && progress.state === 'running') {
      this.queued = false;
      this.userAsked(progress.sweepId);
      return;
    }
    if (this.current?.sweepId === progress.sweepId) this.show(progress);
  }

  /** The user started this sweep (Refresh); its progress may already have been reported. */
  userAsked(sweepId: string): void {
    if (this.current?.sweepId === sweepId) return;
    if (this.latest?.sweepId === sweepId && this.latest.state !== 'running') return;
    this.current = { sweepId, activity: this.reporter.begin() };
    if (this.latest?.sweepId === sweepId) this.show(this.latest);
  }

  /** The user's Refresh was queued behind a power sweep: the next full sweep to start is theirs (Cancel drops it). */
  userQueued(): void {
    this.queued = true;
  }

  private show(progress: SweepProgress): void {
    const current = this.current;
    if (!current) return;
    const { subscriptionsDone: done, subscriptionsTotal: total } = progress;
    current.activity.progress(total === 0 ? 0 : done / total);
    if (progress.state === 'running') return;
    this.current = undefined;
    current.activity.finish(
      progress.state === 'done'
        ? {
            title: 'Inventory refreshed',
            body: `${total} subscription${total === 1 ? '' : 's'} listed; open Cloud Desk to see what changed.`,
          }
        : { title: 'Inventory refresh cancelled', body: `${done} of ${total} subscriptions were listed.` },
    );
  }
}
