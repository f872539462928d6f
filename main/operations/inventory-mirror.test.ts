import { describe, expect, it } from 'vitest';
import type { InventorySnapshot, SweepKind, Vm } from '../../preload/contract-inventory.js';
import { RecordingLogger } from '../testing/fakes.js';
import { testSubscription, testVm } from '../../preload/testing/inventory-fixtures.js';
import { InventoryMirror, type InventorySource } from './inventory-mirror.js';

class Source implements InventorySource {
  snapshot: InventorySnapshot = { seq: 0, subscriptions: [], vms: [], fromStore: false, sweep: null };
  readonly sweeps: { kind: SweepKind; ids: readonly string[] | undefined }[] = [];
  getSnapshot(): InventorySnapshot {
    return this.snapshot;
  }
  sweep(kind: SweepKind, subscriptionIds?: readonly string[]): Promise<void> {
    this.sweeps.push({ kind, ids: subscriptionIds });
    return Promise.resolve();
  }
}

const sub = testSubscription();

const web = testVm('web-1');

describe('the operations’ index of the inventory', () => {
  it('follows patches in order and tells listeners about changed VMs', () => {
    const source = new Source();
    source.snapshot = { ...source.snapshot, seq: 4, subscriptions: [sub], vms: [web] };
    const mirror = new InventoryMirror(() => source, new RecordingLogger());
    const heard: Vm[][] = [];
    mirror.onVmsChanged((vms) => heard.push([...vms]));
    expect(mirror.vm(web.id)?.powerState).toBe('running');
    const deallocating = { ...web, powerState: 'deallocating' as const };
    mirror.apply({ seq: 5, subscriptions: [], removedSubscriptions: [], vms: [deallocating], removedVms: [] });
    expect(mirror.vm(web.id)?.powerState).toBe('deallocating');
    expect(heard.at(-1)).toEqual([deallocating]);
    mirror.apply({ seq: 5, subscriptions: [], removedSubscriptions: [], vms: [web], removedVms: [] });
    expect(mirror.vm(web.id)?.powerState).toBe('deallocating');
  });

  it('reloads from the snapshot after a gap', () => {
    const source = new Source();
    source.snapshot = { ...source.snapshot, seq: 1, subscriptions: [sub], vms: [web] };
    const mirror = new InventoryMirror(() => source, new RecordingLogger());
    expect(mirror.subscription('sub-1')).toEqual(sub);
    source.snapshot = { ...source.snapshot, seq: 9, vms: [] };
    mirror.apply({ seq: 9, subscriptions: [], removedSubscriptions: [], vms: [], removedVms: [web.id] });
    expect(mirror.vm(web.id)).toBeUndefined();
  });

  it('re-checks the subscriptions of the VMs asked for with one power sweep', async () => {
    const source = new Source();
    const other = testVm('db-1', { subscriptionId: 'sub-2' });
    source.snapshot = { ...source.snapshot, seq: 1, subscriptions: [sub], vms: [web, other] };
    const mirror = new InventoryMirror(() => source, new RecordingLogger());
    mirror.vm(web.id);
    await mirror.recheck([web.id, other.id, 'unknown']);
    expect(source.sweeps).toEqual([{ kind: 'power', ids: ['sub-1', 'sub-2'] }]);
  });

  it('reads a renamed subscription back with a full sweep that starts after the one running now', async () => {
    // A sweep already under way may have read the old name; joining it would never read the new one.
    const source = new Source();
    const mirror = new InventoryMirror(() => source, new RecordingLogger());
    await mirror.refreshSubscription();
    expect(source.sweeps).toEqual([{ kind: 'full', ids: undefined }]);
  });
});
