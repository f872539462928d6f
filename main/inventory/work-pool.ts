// Runs queued async tasks with at most `concurrency` at once, highest priority first, and stops taking new ones
// once the signal aborts. Hand-written (about 40 lines) because sweeps need priorities that change while the
// queue runs (tenants first, then the largest subscriptions), which p-limit does not offer. No Electron imports.
interface Queued {
  priority: number;
  order: number;
  run: () => Promise<void>;
}

export class WorkPool {
  private readonly queue: Queued[] = [];
  private running = 0;
  private order = 0;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly signal: AbortSignal,
  ) {}

  /** Queues a task; it must handle its own errors (a throw is swallowed so one task cannot stop the others). */
  add(priority: number, run: () => Promise<void>): void {
    const item = { priority, order: this.order++, run };
    // After every task of the same or a higher priority (the queue is sorted that way): a binary search, since a
    // 10,000-VM sweep queues about a thousand tasks.
    let low = 0;
    let high = this.queue.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.queue[middle]?.priority ?? Number.NEGATIVE_INFINITY) >= priority) low = middle + 1;
      else high = middle;
    }
    this.queue.splice(low, 0, item);
    this.pump();
  }

  /** Resolves once nothing is queued or running (or everything left was dropped by the abort). */
  idle(): Promise<void> {
    if (this.running === 0 && (this.queue.length === 0 || this.signal.aborted)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private pump(): void {
    if (this.signal.aborted) this.queue.length = 0;
    while (this.running < this.concurrency && this.queue.length > 0) {
      const next = this.queue.shift();
      if (!next) break;
      this.running += 1;
      void next
        .run()
        .catch(() => undefined)
        .finally(() => {
          this.running -= 1;
          this.pump();
        });
    }
    if (this.running === 0 && this.queue.length === 0) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}
