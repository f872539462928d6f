// The real clock and timers, behind the Clock and Scheduler ports so services and tests agree on time.
import type { Clock, Scheduler } from './ports.js';

export const systemClock: Clock = { now: () => Date.now() };

export const systemScheduler: Scheduler = {
  after(delayMs, run) {
    const timer = setTimeout(run, delayMs);
    // A pending check must not keep a quitting process alive.
    timer.unref();
    return () => clearTimeout(timer);
  },
};
