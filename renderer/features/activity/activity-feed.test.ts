import { describe, expect, it } from 'vitest';
import type { ActivityChange, ActivityEntry } from '../../../preload/contract-operations';
import { testActivityEntry } from '../../../preload/testing/activity-fixtures';
import { applyChange, emptyFeed, takePage, type ActivityFeed } from './activity-feed';

const entry = testActivityEntry;

const change = (seq: number, appended: ActivityEntry[], cleared = false): ActivityChange => ({
  seq,
  cleared,
  appended,
});

function feed(value: ActivityFeed | 'reload'): ActivityFeed {
  if (value === 'reload') throw new Error('expected a feed, got reload');
  return value;
}

const names = (f: ActivityFeed) => f.entries.map((e) => e.targetName);

describe('the activity feed', () => {
  it('puts appended entries on top, newest first, without re-reading the page', () => {
    const start = feed(takePage(emptyFeed, { seq: 4, entries: [entry(2), entry(1)] }, undefined));
    const next = feed(applyChange(start, change(5, [entry(3), entry(4)]), undefined));
    expect(names(next)).toEqual(['vm-4', 'vm-3', 'vm-2', 'vm-1']);
    expect(next.seq).toBe(5);
  });

  it('keeps the filter: only matching new entries are shown', () => {
    const filter = { result: 'failed' as const, vm: 'web' };
    const start = feed(takePage(emptyFeed, { seq: 1, entries: [] }, filter));
    const next = feed(
      applyChange(
        start,
        change(2, [
          entry(1, { targetName: 'web-1', result: 'failed' }),
          entry(2, { targetName: 'web-2' }),
          entry(3, { targetName: 'db-1', result: 'failed' }),
        ]),
        filter,
      ),
    );
    expect(names(next)).toEqual(['web-1']);
  });

  it('holds changes that arrive before the page and skips what the page already has', () => {
    const waiting = feed(applyChange(emptyFeed, change(3, [entry(3)]), undefined));
    const more = feed(applyChange(waiting, change(4, [entry(4)]), undefined));
    // The page was read after change 3 was sent, before change 4.
    const ready = feed(takePage(more, { seq: 3, entries: [entry(3), entry(2)] }, undefined));
    expect(names(ready)).toEqual(['vm-4', 'vm-3', 'vm-2']);
    expect(ready.held).toEqual([]);
  });

  it('empties on a clear and then shows what was written after it', () => {
    const start = feed(takePage(emptyFeed, { seq: 1, entries: [entry(2), entry(1)] }, undefined));
    expect(names(feed(applyChange(start, change(2, [entry(5)], true), undefined)))).toEqual(['vm-5']);
  });

  it('asks for a fresh page when a change was missed', () => {
    const start = feed(takePage(emptyFeed, { seq: 1, entries: [] }, undefined));
    expect(applyChange(start, change(3, [entry(1)]), undefined)).toBe('reload');
    expect(applyChange(start, change(1, [entry(1)]), undefined)).toBe(start);
  });

  it('keeps at most as many rows as the log', () => {
    const start = feed(takePage(emptyFeed, { seq: 1, entries: [entry(2), entry(1)] }, undefined, 3));
    expect(names(feed(applyChange(start, change(2, [entry(3), entry(4)]), undefined, 3)))).toEqual([
      'vm-4',
      'vm-3',
      'vm-2',
    ]);
  });
});
