// The app's publish schedule for inventory patches: a burst publishes once, after a frame rather than inside its
// callback (so the store's readers render in a task of their own, not in the frame's), and a hidden page (no
// frames) still publishes on a timer.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { framePublisher } from './inventory';

let frames: (() => void)[];
let inFrame: boolean;

beforeEach(() => {
  vi.useFakeTimers();
  frames = [];
  inFrame = false;
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Runs the frame callbacks queued so far, as the browser does at a frame. */
function frame(): void {
  inFrame = true;
  for (const callback of frames.splice(0)) callback();
  inFrame = false;
}

describe('framePublisher', () => {
  it('publishes after the next frame, not inside its callback', () => {
    const schedule = framePublisher();
    const published: boolean[] = [];
    schedule(() => published.push(inFrame));
    vi.advanceTimersByTime(0);
    frame();
    expect(published).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(published).toEqual([false]);
    vi.advanceTimersByTime(200);
    frame();
    expect(published).toHaveLength(1);
  });

  it('publishes on a timer when no frame comes (a hidden page)', () => {
    const schedule = framePublisher();
    const publish = vi.fn();
    schedule(publish);
    vi.advanceTimersByTime(99);
    expect(publish).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(publish).toHaveBeenCalledTimes(1);
  });

  it('waits at least 100 ms after the last publish', () => {
    const schedule = framePublisher();
    const publish = vi.fn();
    schedule(publish);
    vi.advanceTimersByTime(0);
    frame();
    vi.advanceTimersByTime(0);
    schedule(publish);
    vi.advanceTimersByTime(50);
    frame();
    expect(publish).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(50);
    frame();
    vi.advanceTimersByTime(0);
    expect(publish).toHaveBeenCalledTimes(2);
  });
});
