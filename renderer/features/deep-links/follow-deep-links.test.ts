// Following a clouddesk:// link with the real stores: a VM link waits while the inventory loads, opens the VM
// once it is there (names compared as Azure does, without case), says when the inventory does not have it and
// still opens it if a later patch brings it; a subscription link opens the subscription; a dismissed link is
// forgotten.
import { beforeEach, describe, expect, it } from 'vitest';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Result } from '../../../preload/contract';
import type { InventoryPatch, InventorySnapshot, SweepProgress } from '../../../preload/contract-inventory';
import type { DeepLinkState } from '../../stores/deep-link-store';
import { createInventoryStore, type InventoryStore } from '../../stores/inventory-store';
import { testSubscription, testVm } from '../../testing/inventory-fixtures';
import { followDeepLinks, resolveTarget } from './follow-deep-links';

const subscriptionId = '0b1f6471-1bf0-4dda-aec3-cb9272f09590';
const web = testVm({ name: 'Web-01', subscriptionId, resourceGroup: 'RG-Web' });
const sub = testSubscription({ id: subscriptionId, vmCount: 1 });
const vmLink = { kind: 'vm', subscriptionId, resourceGroup: 'rg-web', name: 'web-01' } as const;

let answerSnapshot: (snapshot: InventorySnapshot) => void;
let sendPatch: (patch: InventoryPatch) => void;
let sendProgress: (progress: SweepProgress) => void;
let inventory: InventoryStore;
let links: StoreApi<DeepLinkState>;
let shown: string[];

beforeEach(() => {
  inventory = createInventoryStore({
    getSnapshot: () =>
      new Promise<Result<InventorySnapshot>>((resolve) => {
        answerSnapshot = (value) => resolve({ ok: true, value });
      }),
    refresh: () => Promise.resolve({ ok: true, value: null }),
    cancelRefresh: () => Promise.resolve({ ok: true, value: null }),
    setSubscriptionHidden: () => Promise.resolve({ ok: true, value: null }),
    setActingAccount: () => Promise.resolve({ ok: true, value: null }),
    onPatch: (listener) => {
      sendPatch = listener;
      return () => undefined;
    },
    onProgress: (listener) => {
      sendProgress = listener;
      return () => undefined;
    },
  });
  links = createStore<DeepLinkState>()((set) => ({
    target: undefined,
    status: 'looking',
    load: () => Promise.resolve(),
    arrived: (target) => Promise.resolve(set({ target, status: 'looking' })),
    open: (target) => set({ target, status: 'looking' }),
    setStatus: (status) => set({ status }),
    shown: () => set({ target: undefined, status: 'looking' }),
  }));
  shown = [];
  followDeepLinks(links, inventory, {
    showVm: (vmId) => shown.push(`vm:${vmId}`),
    showSubscription: (id) => shown.push(`subscription:${id}`),
  });
});

const snapshot = (vms = [web]): InventorySnapshot => ({
  seq: 1,
  subscriptions: [sub],
  vms,
  fromStore: false,
  sweep: null,
});

describe('followDeepLinks', () => {
  it('waits for the inventory, then opens the VM the link names and forgets the link', async () => {
    inventory.getState().start();
    links.getState().open(vmLink);
    expect(links.getState().status).toBe('looking');
    answerSnapshot(snapshot());
    await expect.poll(() => shown).toEqual([`vm:${web.id}`]);
    expect(links.getState().target).toBeUndefined();
  });

  it('says when the inventory does not have the VM, and opens it when a patch brings it', async () => {
    inventory.getState().start();
    answerSnapshot(snapshot([]));
    await expect.poll(() => inventory.getState().loaded).toBe(true);
    links.getState().open(vmLink);
    expect(links.getState().status).toBe('missing');
    sendProgress({
      sweepId: 's',
      kind: 'full',
      state: 'running',
      subscriptionsDone: 0,
      subscriptionsTotal: 1,
      tenants: [],
      startedAt: '2026-11-30T10:00:00.000Z',
    });
    expect(links.getState().status).toBe('looking');
    sendPatch({ seq: 2, subscriptions: [], removedSubscriptions: [], vms: [web], removedVms: [] });
    expect(shown).toEqual([`vm:${web.id}`]);
  });

  it('opens a subscription the inventory has, and nothing once the user dismissed the link', async () => {
    inventory.getState().start();
    answerSnapshot(snapshot([]));
    await expect.poll(() => inventory.getState().loaded).toBe(true);
    links.getState().open(vmLink);
    links.getState().shown();
    sendPatch({ seq: 2, subscriptions: [], removedSubscriptions: [], vms: [web], removedVms: [] });
    links.getState().open({ kind: 'subscription', subscriptionId });
    expect(shown).toEqual([`subscription:${subscriptionId}`]);
  });
});

describe('resolveTarget', () => {
  it('does not match a VM of the same name in another resource group or subscription', () => {
    const state = {
      loaded: true,
      progress: null,
      subscriptions: new Map([[sub.id, sub]]),
      vms: {
        version: 1,
        byId: new Map(
          [
            testVm({ name: 'web-01', subscriptionId, resourceGroup: 'rg-other' }),
            testVm({ name: 'web-01', resourceGroup: 'rg-web' }),
          ].map((vm) => [vm.id, vm]),
        ),
      },
    };
    expect(resolveTarget(vmLink, state)).toEqual({ kind: 'missing' });
    expect(
      resolveTarget({ kind: 'subscription', subscriptionId: 'ffffffff-1bf0-4dda-aec3-cb9272f09590' }, state),
    ).toEqual({
      kind: 'missing',
    });
  });
});
