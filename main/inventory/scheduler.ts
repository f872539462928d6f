// When sweeps run: a full sweep at start and every 15 minutes, a power sweep every minute while the window is
// visible (every 5 minutes while hidden), nothing while offline (a power sweep as soon as the app is back
// online), and quick re-checks every few seconds while VMs are in a transitional state. Decides timing only;
// the sweeps themselves are the service's. Clock and timers are ports so tests drive time. No Electron imports.
import type { Clock } from '../ports.js';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ScheduleOptions {
  fullIntervalMs: number;
  powerIntervalVisibleMs: number;
  powerIntervalHiddenMs: number;
  recheckMs: number;
}

export const defaultSchedule: ScheduleOptions = {
  fullIntervalMs: 15 * 60_000,
  powerIntervalVisibleMs: 60_000,
  powerIntervalHiddenMs: 5 * 60_000,
  recheckMs: 7_000,
};

export interface SchedulerTarget {
  sweep(kind: 'full' | 'power'): Promise<void>;
  /** Re-checks VMs in transitional states; resolves true while some are still transitional. */
  recheck(): Promise<boolean>;
  failed(error: unknown): void;
}

export class SweepScheduler {
  private visible = true;
  private online = true;
  private running = false;
  private stopped = true;
  private lastFull = Number.NEGATIVE_INFINITY;
  private lastPower = Number.NEGATIVE_INFINITY;
  private heldUntil = Number.NEGATIVE_INFINITY;
  private timer: unknown;
  private recheckTimer: unknown;

  constructor(
    private readonly target: SchedulerTarget,
    private readonly clock: Clock,
    private readonly timers: Timers,
    private readonly options: ScheduleOptions = defaultSchedule,
  ) {}

  /**
   * Starts with a full sweep right away, or, with `holdMs`, once `release()` is called or that long has passed:
   * a window reading the stored snapshot at start-up gets it before the sweep competes for the CPU.
   */
  start(options: { holdMs?: number } = {}): void {
    this.stopped = false;
    this.heldUntil = options.holdMs === undefined ? Number.NEGATIVE_INFINITY : this.clock.now() + options.holdMs;
    this.plan();
  }

  /** Whether the start-up sweep still waits for `release()` or the end of its hold. */
  get holding(): boolean {
    return !this.stopped && this.heldUntil > this.clock.now();
  }

  /** Ends the start-up hold (the snapshot was read): the held sweep runs as soon as it is due. */
  release(): void {
    if (this.heldUntil === Number.NEGATIVE_INFINITY) return;
    this.heldUntil = Number.NEGATIVE_INFINITY;
    this.plan();
  }

  stop(): void {
    this.stopped = true;
    this.clear();
    if (this.recheckTimer !== undefined) this.timers.clearTimeout(this.recheckTimer);
    this.recheckTimer = undefined;
  }

  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    this.plan();
  }

  setOnline(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    this.plan();
  }

  /** A sweep ran outside the schedule (on demand): the next one of its kind is counted from now. */
  ran(kind: 'full' | 'power'): void {
    const now = this.clock.now();
    this.lastPower = now;
    if (kind === 'full') this.lastFull = now;
    this.plan();
  }

  /** Some VMs are starting, stopping or deallocating: re-check them soon. */
  transitional(): void {
    if (this.stopped || this.recheckTimer !== undefined) return;
    this.recheckTimer = this.timers.setTimeout(() => {
      this.recheckTimer = undefined;
      if (this.stopped || !this.online) return;
      this.target
        .recheck()
        .then((again) => {
          if (again) this.transitional();
        })
        .catch((error: unknown) => this.target.failed(error));
    }, this.options.recheckMs);
  }

  private due(): { kind: 'full' | 'power'; at: number } {
    const fullAt = this.lastFull + this.options.fullIntervalMs;
    const interval = this.visible ? this.options.powerIntervalVisibleMs : this.options.powerIntervalHiddenMs;
    const powerAt = this.lastPower + interval;
    return fullAt <= powerAt ? { kind: 'full', at: fullAt } : { kind: 'power', at: powerAt };
  }

  private clear(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private plan(): void {
    this.clear();
    if (this.stopped || this.running || !this.online) return;
    const next = this.due();
    const wait = Math.max(0, next.at - this.clock.now(), this.heldUntil - this.clock.now());
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.fire(next.kind);
    }, wait);
  }

  private fire(kind: 'full' | 'power'): void {
    if (this.stopped || this.running || !this.online) return;
    this.running = true;
    this.target
      .sweep(kind)
      .catch((error: unknown) => this.target.failed(error))
      .finally(() => {
        this.running = false;
        this.ran(kind);
      });
  }
}
