// Long work (a full refresh, a bulk action) shown outside the window: taskbar / dock progress while it runs and,
// when it ends while the window is not focused, an OS notification (if the setting allows and the work took
// long enough to be worth one). Services report through it; it decides. No Electron imports.
import type { Clock, Logger, Notifier, TaskProgress, WindowFocus } from '../ports.js';

/** A refresh shorter than this ends without a notification: the user has hardly looked away. */
export const notifyAfterMs = 10_000;

export interface ActivityDeps {
  progress: TaskProgress;
  notifier: Notifier;
  focus: WindowFocus;
  clock: Clock;
  logger: Logger;
  notifyWhenDone: () => boolean;
}

export interface Activity {
  /** Fraction done, 0 to 1. */
  progress(fraction: number): void;
  /** Ends the activity; `summary` is the notification's text. */
  finish(summary: { title: string; body: string }): void;
}

export class ActivityReporter {
  private readonly running = new Map<number, number>();
  private nextId = 0;

  constructor(private readonly deps: ActivityDeps) {}

  /** `progress: false` for work too small for a taskbar bar (one VM's action); it can still notify. */
  begin(options: { progress?: boolean } = {}): Activity {
    const id = this.nextId++;
    const startedAt = this.deps.clock.now();
    const showsProgress = options.progress ?? true;
    if (showsProgress) {
      this.running.set(id, 0);
      this.show();
    }
    let done = false;
    return {
      progress: (fraction) => {
        if (done || !showsProgress) return;
        this.running.set(id, Math.min(1, Math.max(0, fraction)));
        this.show();
      },
      finish: ({ title, body }) => {
        if (done) return;
        done = true;
        if (showsProgress) {
          this.running.delete(id);
          this.show();
        }
        const long = this.deps.clock.now() - startedAt >= notifyAfterMs;
        if (long && this.deps.notifyWhenDone() && !this.deps.focus.focused()) {
          this.deps.logger.info('notified that work finished', { title });
          this.deps.notifier.notify(title, body);
        }
      },
    };
  }

  /** Runs `work` as an activity; the summary depends on how it ended. */
  async track<T>(
    work: () => Promise<T>,
    summary: (outcome: { ok: boolean }) => { title: string; body: string },
  ): Promise<T> {
    const activity = this.begin();
    try {
      const result = await work();
      activity.finish(summary({ ok: true }));
      return result;
    } catch (error) {
      activity.finish(summary({ ok: false }));
      throw error;
    }
  }

  /** Several activities at once show their average; none clears the bar. */
  private show(): void {
    const fractions = [...this.running.values()];
    this.deps.progress.set(fractions.length === 0 ? null : fractions.reduce((a, b) => a + b, 0) / fractions.length);
  }
}
