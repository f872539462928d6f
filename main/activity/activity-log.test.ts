import { describe, expect, it } from 'vitest';
import type { ActivityChange, ActivityEntry } from '../../preload/contract-operations.js';
import { fixedClock, MemoryStore, RecordingLogger } from '../testing/fakes.js';
import { activityBlob, ActivityLog } from './activity-log.js';
import { csvCell, toCsv } from './csv.js';
import { testVault } from '../testing/vault.js';
import { testActivityEntry } from '../../preload/testing/activity-fixtures.js';

const clock = fixedClock('2026-11-30T12:00:00Z');

async function log(store = new MemoryStore(), limit?: number): Promise<ActivityLog> {
  const logger = new RecordingLogger();
  const vault = await testVault({ store, clock, logger });
  const activity = new ActivityLog({ vault, clock, logger, ...(limit ? { limit } : {}) });
  await activity.start();
  return activity;
}

function entry(n: number, patch: Partial<ActivityEntry> = {}): Omit<ActivityEntry, 'id'> {
  // The log gives entries their ids.
  const { id: _id, ...fields } = testActivityEntry(n, patch);
  return fields;
}

describe('csv', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"\nbye']])).toBe('a,b\r\n"x,y","say ""hi""\nbye"\r\n');
  });

  it('turns cells a spreadsheet would evaluate into text', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tx']) {
      expect(csvCell(evil).replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvCell('vm-1')).toBe('vm-1');
    expect(csvCell(-1)).toBe('-1');
  });
});

describe('the activity log', () => {
  it('sends one numbered change per turn with only the new entries, and the clear', async () => {
    const activity = await log();
    const changes: ActivityChange[] = [];
    activity.onChange((change) => changes.push(change));
    activity.record(entry(1));
    activity.record(entry(2));
    activity.flushChanges();
    expect(activity.page().seq).toBe(1);
    activity.record(entry(3));
    activity.flushChanges();
    await activity.clear();
    activity.record(entry(4));
    activity.flushChanges();
    activity.flushChanges();
    expect(changes.map((c) => [c.seq, c.cleared, c.appended.map((e) => e.targetName)])).toEqual([
      [1, false, ['vm-1', 'vm-2']],
      [2, false, ['vm-3']],
      [3, true, ['vm-4']],
    ]);
    expect(activity.page()).toEqual({ seq: 3, entries: [changes[2]?.appended[0]] });
  });

  it('lists newest first and filters by result, VM and account', async () => {
    const activity = await log();
    activity.record(entry(1));
    activity.record(entry(2, { result: 'failed', accountName: 'bob@contoso.example', accountId: 'bob-id' }));
    activity.record(entry(3));
    expect(activity.list().map((e) => e.targetName)).toEqual(['vm-3', 'vm-2', 'vm-1']);
    expect(activity.list({ result: 'failed' }).map((e) => e.targetName)).toEqual(['vm-2']);
    expect(activity.list({ vm: 'VM-1' }).map((e) => e.targetName)).toEqual(['vm-1']);
    expect(activity.list({ account: 'bob' }).map((e) => e.targetName)).toEqual(['vm-2']);
  });

  it('keeps only the newest entries, encrypted, across restarts', async () => {
    const store = new MemoryStore();
    const first = await log(store, 3);
    for (let n = 1; n <= 5; n += 1) first.record(entry(n));
    await first.stop();
    const stored = store.get(`vault:${activityBlob}`);
    expect(String(stored)).toMatch(/^enc:/);
    expect(String(stored)).not.toContain('vm-5');
    const second = await log(store, 3);
    expect(second.list().map((e) => e.targetName)).toEqual(['vm-5', 'vm-4', 'vm-3']);
  });

  it('clears the log from memory and from disk', async () => {
    const store = new MemoryStore();
    const activity = await log(store);
    activity.record(entry(1));
    await activity.stop();
    await activity.clear();
    expect(activity.list()).toEqual([]);
    expect(store.get(`vault:${activityBlob}`)).toBeUndefined();
  });

  it('exports what the filter shows as CSV with a dated file name', async () => {
    const activity = await log();
    activity.record(entry(1, { message: '=cmd|calc' }));
    activity.record(entry(2, { result: 'failed' }));
    const out = activity.exportCsv({ result: 'succeeded' });
    expect(out.fileName).toBe('cloud-desk-activity-2026-11-30-12-00-00.csv');
    expect(out.rows).toBe(1);
    const lines = out.csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'Time,Action,Target,Resource group,Subscription,Account,Result,Message,Correlation id,Duration (s)',
    );
    expect(lines[1]).toBe("2026-11-30T11:00:01Z,Deallocate,vm-1,rg,s,alice@contoso.example,succeeded,'=cmd|calc,,1.5");
  });
});
