// A Scheduler and Clock that move only when a test says so: `advance(ms)` runs whatever falls due, in order.
import type { Clock, Scheduler } from '../ports.js';

export class ManualScheduler implements Scheduler, Clock {
  private time: number;
  private tasks: { at: number; run: () => void; id: number }[] = [];
  private nextId = 0;

  constructor(startIso = '2026-11-30T12:00:00.000Z') {
    this.time = Date.parse(startIso);
  }

  now(): number {
    return this.time;
  }

  after(delayMs: number, run: () => void): () => void {
    const id = this.nextId++;
    this.tasks.push({ at: this.time + delayMs, run, id });
    return () => {
      this.tasks = this.tasks.filter((task) => task.id !== id);
    };
  }

  /** Delays of the tasks still waiting, counted from now. */
  pending(): number[] {
    return this.tasks.map((task) => task.at - this.time).sort((a, b) => a - b);
  }

  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.tasks.filter((task) => task.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.tasks = this.tasks.filter((task) => task.id !== due.id);
      this.time = due.at;
      due.run();
    }
    this.time = end;
  }
}
