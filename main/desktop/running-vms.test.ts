import { describe, expect, it } from 'vitest';
import type { InventoryPatch, InventorySnapshot, Vm } from '../../preload/contract-inventory.js';
import type { RunningVms } from '../ports.js';
import { testSubscription, testVm } from '../../preload/testing/inventory-fixtures.js';
import { RunningVmTracker } from './running-vms.js';

const sub = testSubscription({
  vmCount: 2,
  fetchedAt: '2026-11-30T08:00:00.000Z',
  powerFetchedAt: '2026-11-30T09:00:00.000Z',
});
const vm = (name: string, powerState: Vm['powerState']): Vm => testVm(name, { powerState });

const patch = (seq: number, change: Partial<InventoryPatch>): InventoryPatch => ({
  seq,
  subscriptions: [],
  removedSubscriptions: [],
  vms: [],
  removedVms: [],
  ...change,
});

function setup(snapshot: Partial<InventorySnapshot> = {}) {
  const source = {
    snapshot: { seq: 0, subscriptions: [], vms: [], fromStore: false, sweep: null, ...snapshot } as InventorySnapshot,
    getSnapshot(): InventorySnapshot {
      return this.snapshot;
    },
  };
  const link = { online: true };
  const tracker = new RunningVmTracker(source, () => link.online);
  const heard: (RunningVms | undefined)[] = [];
  tracker.onChange((count) => heard.push(count));
  return { source, link, tracker, heard };
}

describe('RunningVmTracker', () => {
  it('knows nothing while the inventory has no subscription', () => {
    expect(setup().tracker.current()).toBeUndefined();
  });

  it('counts running VMs from the snapshot and follows patches, telling listeners only on a change', () => {
    const { tracker, heard } = setup({ seq: 3, subscriptions: [sub], vms: [vm('a', 'running'), vm('b', 'stopped')] });
    expect(tracker.current()).toEqual({ count: 1, confirmed: true });
    tracker.apply(patch(4, { vms: [vm('b', 'running')] }));
    tracker.apply(patch(5, { subscriptions: [{ ...sub, powerFetchedAt: '2026-11-30T10:00:00.000Z' }] }));
    tracker.apply(patch(6, { removedVms: [vm('a', 'running').id] }));
    expect(heard).toEqual([
      { count: 1, confirmed: true },
      { count: 2, confirmed: true },
      { count: 1, confirmed: true },
    ]);
  });

  it('reloads the snapshot after a gap in the patches', () => {
    const { source, tracker } = setup({ seq: 1, subscriptions: [sub], vms: [vm('a', 'running')] });
    expect(tracker.current()?.count).toBe(1);
    source.snapshot = { ...source.snapshot, seq: 5, vms: [vm('a', 'running'), vm('b', 'running')] };
    tracker.apply(patch(5, { vms: [vm('b', 'running')] }));
    expect(tracker.current()?.count).toBe(2);
  });

  it('says how old the count is while it comes from disk, offline, or after a failed listing', () => {
    const stored = setup({ seq: 1, subscriptions: [sub], vms: [vm('a', 'running')], fromStore: true });
    expect(stored.tracker.current()).toEqual({ count: 1, confirmed: false, asOf: '2026-11-30T09:00:00.000Z' });
    stored.tracker.apply(patch(2, { fromStore: false }));
    expect(stored.tracker.current()).toEqual({ count: 1, confirmed: true });

    stored.link.online = false;
    stored.tracker.connectivityChanged();
    expect(stored.heard.at(-1)).toEqual({ count: 1, confirmed: false, asOf: '2026-11-30T09:00:00.000Z' });
    stored.link.online = true;
    stored.tracker.connectivityChanged();

    const older = { ...sub, id: 'sub-2', status: 'error' as const, powerFetchedAt: '2026-11-29T18:00:00.000Z' };
    stored.tracker.apply(patch(3, { subscriptions: [older] }));
    expect(stored.tracker.current()).toEqual({ count: 1, confirmed: false, asOf: '2026-11-29T18:00:00.000Z' });
  });

  it('ignores subscriptions that are not listed (hidden, disabled) when judging the count', () => {
    const hidden = { ...sub, id: 'sub-2', status: 'not_listed' as const, powerFetchedAt: undefined };
    const { tracker } = setup({ seq: 1, subscriptions: [sub, hidden], vms: [vm('a', 'running')] });
    expect(tracker.current()).toEqual({ count: 1, confirmed: true });
  });
});
