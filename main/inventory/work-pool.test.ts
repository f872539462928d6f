import { describe, expect, it } from 'vitest';
import { WorkPool } from './work-pool.js';

/** A task that records when it starts and finishes when `release` is called for it. */
function gate() {
  const started: string[] = [];
  const releases = new Map<string, () => void>();
  const task = (name: string) => () => {
    started.push(name);
    return new Promise<void>((resolve) => releases.set(name, resolve));
  };
  const release = (name: string): void => releases.get(name)?.();
  return { started, task, release };
}

describe('WorkPool', () => {
  it('runs at most `concurrency` tasks, highest priority first, in the order added within a priority', async () => {
    const pool = new WorkPool(1, new AbortController().signal);
    const { started, task, release } = gate();
    pool.add(0, task('first'));
    for (const [priority, name] of [
      [1, 'low-1'],
      [5, 'high-1'],
      [1, 'low-2'],
      [3, 'mid'],
      [5, 'high-2'],
      [1, 'low-3'],
    ] as const) {
      pool.add(priority, task(name));
    }
    expect(started).toEqual(['first']);
    const idle = pool.idle();
    for (let i = 0; i < 7; i += 1) {
      release(started.at(-1) ?? '');
      await Promise.resolve();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await idle;
    expect(started).toEqual(['first', 'high-1', 'high-2', 'mid', 'low-1', 'low-2', 'low-3']);
  });

  it('drops what is still queued once the signal aborts', async () => {
    const abort = new AbortController();
    const pool = new WorkPool(1, abort.signal);
    const { started, task, release } = gate();
    pool.add(0, task('running'));
    pool.add(0, task('queued'));
    abort.abort();
    release('running');
    await pool.idle();
    expect(started).toEqual(['running']);
  });
});
