// The inventory store against a scripted bridge: snapshot then patches in order, removal, a gap in the sequence
// numbers answered by a fresh snapshot, patches that arrive during a snapshot fetch, and actions' failures.
import { beforeEach, describe, expect, it } from 'vitest';
import type { AppError, Result } from '../../preload/contract';
import type { InventoryPatch, InventorySnapshot, SweepProgress } from '../../preload/contract-inventory';
import { testSubscription, testVm } from '../testing/inventory-fixtures';
import { createInventoryStore, type InventoryBridge, type InventoryStore } from './inventory-store';

const web = testVm({ name: 'web-1' });
const db = testVm({ name: 'db-1', powerState: 'stopped' });
const sub = testSubscription({ id: 'sub-1', vmCount: 2 });

function snapshot(overrides: Partial<InventorySnapshot> = {}): InventorySnapshot {
  return { seq: 3, subscriptions: [sub], vms: [web, db], fromStore: true, sweep: null, ...overrides };
}

function patch(seq: number, overrides: Partial<InventoryPatch> = {}): InventoryPatch {
  return { seq, subscriptions: [], removedSubscriptions: [], vms: [], removedVms: [], ...overrides };
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

let snapshots: (() => Promise<Result<InventorySnapshot>>)[];
let snapshotCalls: number;
let calls: { method: string; args: unknown[] }[];
let sendPatch: (patch: InventoryPatch) => void;
let sendProgress: (progress: SweepProgress) => void;
let failWith: AppError | undefined;
let store: InventoryStore;

function answer(): Promise<Result<unknown>> {
  return Promise.resolve(failWith ? { ok: false, error: failWith } : { ok: true, value: null });
}

beforeEach(() => {
  snapshots = [];
  snapshotCalls = 0;
  calls = [];
  failWith = undefined;
  const bridge: InventoryBridge = {
    getSnapshot: () => {
      snapshotCalls += 1;
      const next = snapshots.shift();
      return next ? next() : Promise.resolve({ ok: true, value: snapshot() });
    },
    refresh: (...args) => (calls.push({ method: 'refresh', args }), answer()),
    cancelRefresh: (...args) => (calls.push({ method: 'cancelRefresh', args }), answer()),
    setSubscriptionHidden: (...args) => (calls.push({ method: 'setSubscriptionHidden', args }), answer()),
    setActingAccount: (...args) => (calls.push({ method: 'setActingAccount', args }), answer()),
    onPatch: (listener) => {
      sendPatch = listener;
      return () => undefined;
    },
    onProgress: (listener) => {
      sendProgress = listener;
      return () => undefined;
    },
  };
  store = createInventoryStore(bridge);
});

async function started(): Promise<void> {
  store.getState().start();
  await expect.poll(() => store.getState().loaded).toBe(true);
}

describe('snapshot and patches', () => {
  it('loads the snapshot normalized by id', async () => {
    await started();
    const state = store.getState();
    expect(state.seq).toBe(3);
    expect([...state.vms.byId.keys()]).toEqual([web.id, db.id]);
    expect(state.subscriptions.get('sub-1')).toEqual(sub);
    expect(state.fromStore).toBe(true);
  });

  it('keeps the tenants whose listing failed from the snapshot, replaced by a patch that carries them', async () => {
    const failure = {
      accountId: 'a1',
      tenantId: 't1',
      kind: 'error' as const,
      error: { code: 'internal' as const, message: 'Azure could not list the subscriptions of tenant Contoso.' },
      at: '2030-01-01T10:00:00.000Z',
    };
    snapshots.push(() => Promise.resolve({ ok: true, value: snapshot({ listingFailures: [failure] }) }));
    await started();
    expect(store.getState().listingFailures).toEqual([failure]);
    sendPatch(patch(4, { vms: [{ ...web, powerState: 'stopped' }] }));
    expect(store.getState().listingFailures).toEqual([failure]);
    sendPatch(patch(5, { listingFailures: [] }));
    expect(store.getState().listingFailures).toEqual([]);
  });

  it('applies the next patch in place: upserts, removals, subscription status, sweep time', async () => {
    await started();
    const before = store.getState();
    const mapBefore = before.vms.byId;
    const started1 = { ...web, powerState: 'stopping' as const };
    const added = testVm({ name: 'api-1' });
    sendPatch(
      patch(4, {
        vms: [started1, added],
        removedVms: [db.id],
        subscriptions: [{ ...sub, status: 'error', error: { code: 'forbidden', message: 'No access.' } }],
        lastFullSweepAt: '2030-01-01T10:00:00.000Z',
        fromStore: false,
      }),
    );
    const after = store.getState();
    expect(after.seq).toBe(4);
    // Changed in place (no copy of every row), announced by a new table with the next version.
    expect(after.vms.byId).toBe(mapBefore);
    expect(after.vms).not.toBe(before.vms);
    expect(after.vms.version).toBe(before.vms.version + 1);
    expect(after.vms.byId.get(web.id)?.powerState).toBe('stopping');
    expect(after.vms.byId.has(db.id)).toBe(false);
    expect(after.vms.byId.get(added.id)).toEqual(added);
    expect(after.subscriptions.get('sub-1')?.status).toBe('error');
    expect(after.lastFullSweepAt).toBe('2030-01-01T10:00:00.000Z');
    expect(after.fromStore).toBe(false);
  });

  it('removes a subscription without touching the VM version when no VM changed', async () => {
    await started();
    const vms = store.getState().vms;
    sendPatch(patch(4, { removedSubscriptions: ['sub-1'] }));
    expect(store.getState().subscriptions.has('sub-1')).toBe(false);
    expect(store.getState().vms).toBe(vms);
  });

  it('ignores a patch it already has', async () => {
    await started();
    sendPatch(patch(3, { removedVms: [web.id] }));
    expect(store.getState().vms.byId.has(web.id)).toBe(true);
    expect(snapshotCalls).toBe(1);
  });

  it('asks for a fresh snapshot on a gap and applies the patches that follow it', async () => {
    await started();
    const fresh = deferred<Result<InventorySnapshot>>();
    snapshots.push(() => fresh.promise);
    sendPatch(patch(6, { removedVms: [web.id] }));
    expect(snapshotCalls).toBe(2);
    expect(store.getState().vms.byId.has(web.id)).toBe(true);
    // While the snapshot is on its way, later patches wait for it.
    sendPatch(patch(8, { vms: [testVm({ name: 'late-1' })] }));
    sendPatch(patch(7, { removedVms: [db.id] }));
    fresh.resolve({ ok: true, value: snapshot({ seq: 6, vms: [db], fromStore: false }) });
    await expect.poll(() => store.getState().seq).toBe(8);
    expect([...store.getState().vms.byId.keys()]).toEqual([testVm({ name: 'late-1' }).id]);
    expect(snapshotCalls).toBe(2);
  });

  it('keeps the data and reports why when a fresh snapshot fails', async () => {
    await started();
    snapshots.push(() => Promise.resolve({ ok: false, error: { code: 'offline', message: 'Socket closed.' } }));
    sendPatch(patch(9));
    await expect.poll(() => store.getState().loadError?.code).toBe('offline');
    expect(store.getState().vms.byId.size).toBe(2);
  });

  it('keeps sweep progress from its event', async () => {
    await started();
    const progress: SweepProgress = {
      sweepId: 's1',
      kind: 'full',
      state: 'running',
      subscriptionsDone: 1,
      subscriptionsTotal: 4,
      tenants: [],
      startedAt: '2030-01-01T10:00:00.000Z',
    };
    sendProgress(progress);
    expect(store.getState().progress).toEqual(progress);
  });
});

/** A store whose publishes wait for the test to run them, started on the default snapshot. */
async function startedBatched() {
  const publishes: (() => void)[] = [];
  let patches: (patch: InventoryPatch) => void = () => undefined;
  let progress: (progress: SweepProgress) => void = () => undefined;
  const batched = createInventoryStore(
    {
      getSnapshot: () => Promise.resolve({ ok: true, value: snapshot() }),
      refresh: answer,
      cancelRefresh: answer,
      setSubscriptionHidden: answer,
      setActingAccount: answer,
      onPatch: (listener) => ((patches = listener), () => undefined),
      onProgress: (listener) => ((progress = listener), () => undefined),
    },
    { schedulePublish: (publish) => publishes.push(publish) },
  );
  batched.getState().start();
  await expect.poll(() => batched.getState().loaded).toBe(true);
  return {
    store: batched,
    publishes,
    patches: (patch: InventoryPatch) => patches(patch),
    progress: (p: SweepProgress) => progress(p),
  };
}

describe('publishing a burst of patches', () => {
  it('applies every patch but publishes them together when the scheduler says so', async () => {
    const { store: batched, publishes, patches: listener } = await startedBatched();
    const before = batched.getState();
    const added = testVm({ name: 'api-1' });
    listener(patch(4, { vms: [added] }));
    listener(patch(5, { removedVms: [db.id], subscriptions: [{ ...sub, status: 'loading' }] }));
    listener(patch(6, { subscriptions: [{ ...sub, status: 'ok' }] }));
    // Nothing published yet, not even in the published Map, and one publish asked for the whole burst.
    expect(batched.getState()).toBe(before);
    expect(before.vms.byId.has(added.id)).toBe(false);
    expect(before.vms.byId.has(db.id)).toBe(true);
    expect(publishes).toHaveLength(1);
    publishes[0]?.();
    const after = batched.getState();
    expect(after.seq).toBe(6);
    expect(after.vms.version).toBe(before.vms.version + 1);
    expect([...after.vms.byId.keys()]).toEqual([web.id, added.id]);
    expect(after.subscriptions.get('sub-1')?.status).toBe('ok');
    // The published subscriptions stay as they were when later patches arrive.
    listener(patch(7, { removedSubscriptions: ['sub-1'] }));
    expect(after.subscriptions.has('sub-1')).toBe(true);
    // Sequence numbers follow the patches applied, not the ones published: 8 after an unpublished 7 is no gap.
    listener(patch(8, { vms: [testVm({ name: 'next-1' })] }));
    expect(publishes).toHaveLength(2);
    publishes[1]?.();
    expect(batched.getState().seq).toBe(8);
    expect(batched.getState().subscriptions.has('sub-1')).toBe(false);
  });
});

describe('publishing sweep progress', () => {
  it('shows a sweep starting and ending at once, and its steps with the next publish', async () => {
    const { store: batched, publishes, progress: deliver } = await startedBatched();
    const step = (state: SweepProgress['state'], done: number): SweepProgress => ({
      sweepId: 's1',
      kind: 'full',
      state,
      subscriptionsDone: done,
      subscriptionsTotal: 2,
      tenants: [],
      startedAt: '2030-01-01T10:00:00.000Z',
    });
    deliver(step('running', 0));
    expect(batched.getState().progress).toEqual(step('running', 0));
    deliver(step('running', 1));
    expect(batched.getState().progress).toEqual(step('running', 0));
    publishes.at(-1)?.();
    expect(batched.getState().progress).toEqual(step('running', 1));
    deliver(step('done', 2));
    expect(batched.getState().progress).toEqual(step('done', 2));
  });
});

describe('actions', () => {
  it('refreshes all subscriptions, or only the ones named', async () => {
    await store.getState().refresh();
    await store.getState().refresh(['sub-1']);
    expect(calls).toEqual([
      { method: 'refresh', args: [{ kind: 'full' }] },
      { method: 'refresh', args: [{ kind: 'full', subscriptionIds: ['sub-1'] }] },
    ]);
  });

  it('keeps a failure with what the user was doing', async () => {
    failWith = { code: 'forbidden', message: 'Not yours.' };
    await store.getState().setSubscriptionHidden('sub-1', true);
    expect(store.getState().error).toEqual({ action: 'Could not hide the subscription', error: failWith });
    expect(store.getState().pending).toEqual([]);
  });
});
