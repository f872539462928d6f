// The real clock and timers, behind the Clock and Timers ports so services and tests agree on time.
import type { Clock, TimerHandle, Timers } from './ports.js';

export const systemClock: Clock = { now: () => Date.now() };

/** Real timers; a pending re-check never keeps the process alive on its own. */
export const systemTimers: Timers = {
  setTimeout(callback, ms): TimerHandle {
    const timer = setTimeout(callback, ms);
    timer.unref();
    return { id: timer };
  },
  clearTimeout(handle) {
    clearTimeout(handle.id as ReturnType<typeof setTimeout>);
  },
};
