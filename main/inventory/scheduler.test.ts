import { describe, expect, it } from 'vitest';
import { SweepScheduler, type ScheduleOptions, type Timers } from './scheduler.js';

/** A clock and timers that move only when the test says so. */
class FakeTime implements Timers {
  now = 0;
  private pending: { id: number; at: number; callback: () => void }[] = [];
  private next = 1;
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.push({ id, at: this.now + ms, callback });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((timer) => timer.id !== handle);
  }
  get timers(): number {
    return this.pending.length;
  }
  /** Moves time forward, firing due timers in order and letting the sweeps they start settle. */
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      await settle();
      const due = this.pending.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.pending = this.pending.filter((timer) => timer !== due);
      this.now = due.at;
      due.callback();
    }
    this.now = end;
    await settle();
  }
}

const settle = async (): Promise<void> => {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
};

const options: ScheduleOptions = {
  fullIntervalMs: 15 * 60_000,
  powerIntervalVisibleMs: 60_000,
  powerIntervalHiddenMs: 5 * 60_000,
  recheckMs: 7_000,
};

function setup(transitionalFor = 0) {
  const time = new FakeTime();
  const sweeps: { kind: string; at: number }[] = [];
  const rechecks: number[] = [];
  let left = transitionalFor;
  const scheduler = new SweepScheduler(
    {
      sweep: (kind) => {
        sweeps.push({ kind, at: time.now });
        return Promise.resolve();
      },
      recheck: () => {
        rechecks.push(time.now);
        left -= 1;
        return Promise.resolve(left > 0);
      },
      failed: (error) => {
        throw error;
      },
    },
    { now: () => time.now },
    time,
    options,
  );
  return { time, sweeps, rechecks, scheduler };
}

describe('SweepScheduler', () => {
  it('sweeps in full at start, then power every minute and in full every 15 minutes while visible', async () => {
    const { time, sweeps, scheduler } = setup();
    scheduler.start();
    await time.advance(15 * 60_000);
    expect(sweeps[0]).toEqual({ kind: 'full', at: 0 });
    expect(sweeps.filter((s) => s.kind === 'power')).toHaveLength(14);
    expect(sweeps.at(-1)).toEqual({ kind: 'full', at: 15 * 60_000 });
  });

  it('slows power sweeps to every 5 minutes while hidden, and catches up when shown again', async () => {
    const { time, sweeps, scheduler } = setup();
    scheduler.start();
    await time.advance(0);
    scheduler.setVisible(false);
    await time.advance(10 * 60_000);
    expect(sweeps.map((s) => s.at)).toEqual([0, 5 * 60_000, 10 * 60_000]);
    scheduler.setVisible(true);
    await time.advance(60_000);
    expect(sweeps.at(-1)).toEqual({ kind: 'power', at: 11 * 60_000 });
  });

  it('does nothing while offline and sweeps as soon as it is back online', async () => {
    const { time, sweeps, scheduler } = setup();
    scheduler.start();
    await time.advance(0);
    scheduler.setOnline(false);
    await time.advance(10 * 60_000);
    expect(sweeps).toHaveLength(1);
    expect(time.timers).toBe(0);
    scheduler.setOnline(true);
    await time.advance(0);
    expect(sweeps.at(-1)).toEqual({ kind: 'power', at: 10 * 60_000 });
  });

  it('counts the next sweep from an on-demand one', async () => {
    const { time, sweeps, scheduler } = setup();
    scheduler.start();
    await time.advance(30_000);
    scheduler.ran('full');
    await time.advance(60_000);
    expect(sweeps.map((s) => [s.kind, s.at])).toEqual([
      ['full', 0],
      ['power', 90_000],
    ]);
  });

  it('holds the start-up sweep until released', async () => {
    const { time, sweeps, scheduler } = setup();
    scheduler.start({ holdMs: 3_000 });
    await time.advance(1_000);
    expect(sweeps).toEqual([]);
    expect(scheduler.holding).toBe(true);
    scheduler.release();
    expect(scheduler.holding).toBe(false);
    await time.advance(0);
    expect(sweeps).toEqual([{ kind: 'full', at: 1_000 }]);
  });

  it('runs the held start-up sweep when the hold ends without a release', async () => {
    const { time, sweeps, scheduler } = setup();
    scheduler.start({ holdMs: 3_000 });
    await time.advance(5_000);
    expect(sweeps).toEqual([{ kind: 'full', at: 3_000 }]);
    expect(scheduler.holding).toBe(false);
  });

  it('re-checks transitional VMs every 7 s until they settle', async () => {
    const { time, rechecks, scheduler } = setup(3);
    scheduler.start();
    await time.advance(0);
    scheduler.transitional();
    await time.advance(30_000);
    expect(rechecks).toEqual([7_000, 14_000, 21_000]);
  });

  it('stop clears every timer: nothing runs after it', async () => {
    const { time, sweeps, rechecks, scheduler } = setup(5);
    scheduler.start();
    await time.advance(0);
    scheduler.transitional();
    scheduler.stop();
    expect(time.timers).toBe(0);
    await time.advance(60 * 60_000);
    expect(sweeps).toHaveLength(1);
    expect(rechecks).toEqual([]);
  });
});
