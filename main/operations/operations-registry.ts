// The operations registry: every power action's public record by its stable id, the unfinished ones and a
// bounded tail of finished ones. Changes reach the renderer as one `operations` event per turn carrying only
// the operations that changed (a bulk action of 500 is not 500 events, nor the whole list each time): the
// composition root forwards `onChange` to the event.
// No Electron imports.
import { finishedStates, type Operation } from '../../preload/contract-operations.js';

export class OperationsRegistry {
  private readonly operations = new Map<string, Operation>();
  private readonly changed = new Set<string>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<(changed: readonly Operation[]) => void>();

  constructor(private readonly keepFinished = 500) {}

  get(id: string): Operation | undefined {
    return this.operations.get(id);
  }

  /** Unfinished first (oldest first), then finished, newest first. */
  list(): Operation[] {
    const all = [...this.operations.values()];
    const open = all.filter((op) => !finishedStates.has(op.state));
    const done = all.filter((op) => finishedStates.has(op.state)).reverse();
    return [...open, ...done];
  }

  unfinished(): Operation[] {
    return [...this.operations.values()].filter((op) => !finishedStates.has(op.state));
  }

  /** The unfinished operation on this VM, if any: a VM never has two. */
  runningOn(vmId: string): Operation | undefined {
    for (const op of this.operations.values()) if (op.vmId === vmId && !finishedStates.has(op.state)) return op;
    return undefined;
  }

  put(op: Operation): void {
    // Re-inserting moves a finished operation to the end, so the tail is ordered by when things finished.
    if (finishedStates.has(op.state)) this.operations.delete(op.id);
    this.operations.set(op.id, op);
    this.changed.add(op.id);
    this.trim();
    this.flushTimer ??= setTimeout(() => this.flush(), 0);
  }

  update(id: string, patch: Partial<Operation>): Operation | undefined {
    const current = this.operations.get(id);
    if (!current) return undefined;
    const next = { ...current, ...patch };
    this.put(next);
    return next;
  }

  onChange(listener: (changed: readonly Operation[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends what changed now (tests and quit call it; otherwise it runs once per turn). */
  flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const changed = [...this.changed].flatMap((id) => this.operations.get(id) ?? []);
    this.changed.clear();
    if (changed.length === 0) return;
    for (const listener of this.listeners) listener(changed);
  }

  private trim(): void {
    let finished = 0;
    for (const op of this.operations.values()) if (finishedStates.has(op.state)) finished += 1;
    for (const [id, op] of this.operations) {
      if (finished <= this.keepFinished) break;
      if (finishedStates.has(op.state)) {
        this.operations.delete(id);
        finished -= 1;
      }
    }
  }
}
