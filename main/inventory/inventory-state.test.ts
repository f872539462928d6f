import { describe, expect, it } from 'vitest';
import type { SubscriptionSummary, Vm } from '../../preload/contract-inventory.js';
import { testSubscription, testVm } from '../../preload/testing/inventory-fixtures.js';
import { InventoryState } from './inventory-state.js';

const sub = (id: string, extra: Partial<SubscriptionSummary> = {}): SubscriptionSummary =>
  testSubscription({ id, displayName: `Sub ${id}`, vmCount: 0, ...extra });

const vm = (name: string, subscriptionId = 's1', extra: Partial<Vm> = {}): Vm =>
  testVm(name, { subscriptionId, ...extra });

describe('InventoryState patches', () => {
  it('numbers patches one after another and the snapshot carries the last number', () => {
    const state = new InventoryState();
    const first = state.change((c) => c.upsertSubscription(sub('s1')));
    const second = state.change((c) => c.upsertVm(vm('a')));
    expect([first?.seq, second?.seq]).toEqual([1, 2]);
    expect(state.snapshot(null)).toMatchObject({ seq: 2, vms: [{ name: 'a' }], subscriptions: [{ id: 's1' }] });
  });

  it('sends only the VMs whose serialized form changed, and no patch when nothing did', () => {
    const state = new InventoryState();
    state.change((c) => c.replaceVms('s1', [vm('a'), vm('b'), vm('c')]));
    const patch = state.change((c) =>
      c.replaceVms('s1', [vm('a'), vm('b', 's1', { powerState: 'deallocated' }), vm('c')]),
    );
    expect(patch?.vms.map((v) => [v.name, v.powerState])).toEqual([['b', 'deallocated']]);
    expect(patch?.removedVms).toEqual([]);
    expect(
      state.change((c) => c.replaceVms('s1', [vm('a'), vm('b', 's1', { powerState: 'deallocated' }), vm('c')])),
    ).toBe(undefined);
    expect(state.currentSeq).toBe(2);
  });

  it('removes VMs a full listing no longer has, and only from that subscription', () => {
    const state = new InventoryState();
    state.change((c) => {
      c.replaceVms('s1', [vm('a'), vm('b')]);
      c.replaceVms('s2', [vm('x', 's2')]);
    });
    const patch = state.change((c) => c.replaceVms('s1', [vm('a')]));
    expect(patch?.removedVms).toEqual([vm('b').id]);
    expect(state.vmsOf('s2')).toHaveLength(1);
  });

  it('removing a subscription removes its VMs in the same patch', () => {
    const state = new InventoryState();
    state.change((c) => {
      c.upsertSubscription(sub('s1'));
      c.replaceVms('s1', [vm('a'), vm('b')]);
    });
    const patch = state.change((c) => c.removeSubscription('s1'));
    expect(patch).toMatchObject({ removedSubscriptions: ['s1'], vms: [], subscriptions: [] });
    expect(patch?.removedVms.sort()).toEqual([vm('a').id, vm('b').id].sort());
    expect(state.snapshot(null).vms).toEqual([]);
  });

  it('a VM removed and re-added in one change is an upsert, not a removal', () => {
    const state = new InventoryState();
    state.change((c) => c.upsertVm(vm('a')));
    const patch = state.change((c) => {
      c.removeVm(vm('a').id);
      c.upsertVm(vm('a', 's1', { powerState: 'stopped' }));
    });
    expect(patch?.removedVms).toEqual([]);
    expect(patch?.vms.map((v) => v.powerState)).toEqual(['stopped']);
  });

  it('reports meta changes (from the store, last full sweep) only when they change', () => {
    const state = new InventoryState();
    expect(state.change((c) => c.setMeta({ fromStore: true }))).toMatchObject({ fromStore: true });
    expect(state.change((c) => c.setMeta({ fromStore: true }))).toBeUndefined();
    expect(
      state.change((c) => c.setMeta({ fromStore: false, lastFullSweepAt: '2026-01-01T00:00:00.000Z' })),
    ).toMatchObject({
      fromStore: false,
      lastFullSweepAt: '2026-01-01T00:00:00.000Z',
    });
  });
});

describe('InventoryState listing failures', () => {
  const failure = (tenantId: string, message = 'Azure had a problem.') => ({
    accountId: 'a1',
    tenantId,
    kind: 'error' as const,
    error: { code: 'internal' as const, message },
    at: '2026-01-01T00:00:00.000Z',
  });

  it('sends every failing tenant when one changes, and no patch when the same failure comes again', () => {
    const state = new InventoryState();
    state.change((c) => c.recordListingFailure(failure('t1')));
    const patch = state.change((c) => c.recordListingFailure(failure('t2')));
    expect(patch?.listingFailures?.map((f) => f.tenantId)).toEqual(['t1', 't2']);
    expect(state.change((c) => c.recordListingFailure(failure('t2')))).toBeUndefined();
    expect(state.change((c) => c.upsertSubscription(sub('s1')))?.listingFailures).toBeUndefined();
  });

  it('drops the failures of paths that are gone, and says so in a patch', () => {
    const state = new InventoryState();
    state.change((c) => {
      c.recordListingFailure(failure('t1'));
      c.recordListingFailure(failure('t2'));
    });
    const patch = state.change((c) => c.keepListingFailures((path) => path.tenantId === 't2'));
    expect(patch?.listingFailures?.map((f) => f.tenantId)).toEqual(['t2']);
    expect(state.change((c) => c.clearListingFailure({ accountId: 'a1', tenantId: 't1' }))).toBeUndefined();
    expect(state.change((c) => c.clearListingFailure({ accountId: 'a1', tenantId: 't2' }))?.listingFailures).toEqual(
      [],
    );
  });
});
