// Info-level log lines for the long work the app does on the user's behalf, taken from the services' own events
// (the same ones the renderer gets): power actions when asked and when they end (with Azure's correlation id and
// error code), inventory sweeps (full sweeps at info, the minute-by-minute power sweeps at debug), and a warning
// with Azure's request and correlation ids when a subscription's listing fails (once per failed request). The VM's
// ARM id identifies it (as Azure's own logs do); no account names. No Electron imports.
import type { InventoryPatch, SweepProgress } from '../../preload/contract-inventory.js';
import { finishedStates, type Operation } from '../../preload/contract-operations.js';
import type { Logger } from '../ports.js';

export class WorkLog {
  private readonly openOperations = new Set<string>();
  private readonly openSweeps = new Set<string>();
  private readonly listingProblems = new Map<string, string>();

  constructor(private readonly logger: Logger) {}

  /** Feed every operations registry change. */
  operations(changed: readonly Operation[]): void {
    for (const op of changed) {
      const finished = finishedStates.has(op.state);
      if (!finished && !this.openOperations.has(op.id)) {
        this.openOperations.add(op.id);
        this.logger.info(op.resumed ? 'power action resumed' : 'power action requested', {
          operationId: op.id,
          batchId: op.batchId,
          action: op.action,
          vmId: op.vmId,
        });
      }
      if (finished && this.openOperations.delete(op.id)) {
        this.logger.info('power action finished', {
          operationId: op.id,
          action: op.action,
          state: op.state,
          ...(op.error ? { error: op.error.code, armCode: op.error.armCode } : {}),
          ...(op.correlationId ? { correlationId: op.correlationId } : {}),
          ...(op.endedAt ? { durationMs: Date.parse(op.endedAt) - Date.parse(op.startedAt) } : {}),
        });
      }
    }
  }

  /** Feed every `inventory` patch. */
  inventory(patch: InventoryPatch): void {
    for (const id of patch.removedSubscriptions) this.listingProblems.delete(id);
    for (const sub of patch.subscriptions) {
      if (!sub.error || sub.status === 'ok' || sub.status === 'loading' || sub.status === 'not_listed') {
        if (sub.status !== 'loading') this.listingProblems.delete(sub.id);
        continue;
      }
      const key = JSON.stringify([sub.status, sub.error.code, sub.error.correlationId ?? sub.error.requestId ?? '']);
      if (this.listingProblems.get(sub.id) === key) continue;
      this.listingProblems.set(sub.id, key);
      this.logger.warn('a subscription could not be listed', {
        subscriptionId: sub.id,
        status: sub.status,
        // Not `code`: the log redaction blanks a field of that name (an OAuth authorization code).
        errorCode: sub.error.code,
        ...(sub.error.requestId ? { requestId: sub.error.requestId } : {}),
        ...(sub.error.correlationId ? { correlationId: sub.error.correlationId } : {}),
        ...(sub.throttledUntil ? { throttledUntil: sub.throttledUntil } : {}),
      });
    }
  }

  /** Feed every `inventoryProgress` event. */
  sweep(progress: SweepProgress): void {
    const write = (message: string, fields: Record<string, unknown>): void =>
      progress.kind === 'full' ? this.logger.info(message, fields) : this.logger.debug(message, fields);
    const base = { sweepId: progress.sweepId, kind: progress.kind };
    if (progress.state === 'running') {
      if (this.openSweeps.has(progress.sweepId)) return;
      this.openSweeps.add(progress.sweepId);
      write('inventory sweep started', { ...base, subscriptions: progress.subscriptionsTotal });
      return;
    }
    if (!this.openSweeps.delete(progress.sweepId)) return;
    write('inventory sweep finished', {
      ...base,
      state: progress.state,
      subscriptions: `${progress.subscriptionsDone}/${progress.subscriptionsTotal}`,
      ...(progress.finishedAt ? { durationMs: Date.parse(progress.finishedAt) - Date.parse(progress.startedAt) } : {}),
    });
  }
}
