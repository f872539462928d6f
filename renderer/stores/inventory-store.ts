// The inventory as main reports it: subscriptions and VMs normalized by id, loaded once as a snapshot and then
// kept current by per-subscription patches with increasing sequence numbers. A patch that skips a number (e.g.
// after the preview's socket reconnected) makes the store ask for a fresh snapshot; patches that arrive while a
// snapshot is on its way wait for it. The bridge is injected (`createInventoryStore`), so tests need no window.
//
// VMs live in one Map that patches change in place: a patch of 50 VMs touches 50 entries, never copies 10,000.
// Each change wraps that Map in a new `VmTable` (two fields), so selectors and memos see a new value per change;
// only the latest table is current (older ones share the Map). Subscriptions are few (hundreds), so their Map
// is replaced per published change.
//
// A sweep sends hundreds of patches in bursts. Each is applied to the Maps as it arrives, but the store publishes
// (and React renders) at most once per `publish` call the injected scheduler makes (the app: once per animation
// frame), so a burst of patches costs one render, not one each. Snapshots are published at once.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppError, Result } from '../../preload/contract';
import type {
  InventoryPatch,
  InventorySnapshot,
  ListingFailure,
  SubscriptionSummary,
  SweepKind,
  SweepProgress,
  Vm,
} from '../../preload/contract-inventory';

/** What the store needs from main; `inventoryBridge()` adapts `window.cloudDesk`, tests pass a script. */
export interface InventoryBridge {
  getSnapshot(): Promise<Result<InventorySnapshot>>;
  refresh(args: { kind: SweepKind; subscriptionIds?: string[] }): Promise<Result<unknown>>;
  cancelRefresh(): Promise<Result<unknown>>;
  setSubscriptionHidden(subscriptionId: string, hidden: boolean): Promise<Result<unknown>>;
  setActingAccount(subscriptionId: string, accountId: string): Promise<Result<unknown>>;
  onPatch(listener: (patch: InventoryPatch) => void): () => void;
  onProgress(listener: (progress: SweepProgress) => void): () => void;
}

/** A failed action with what the user was doing, so the view can say both. */
export interface InventoryActionError {
  action: string;
  error: AppError;
}

/** The VMs by id, and how many changes they have seen. A new table per change; the Map is shared. */
export interface VmTable {
  readonly byId: ReadonlyMap<string, Vm>;
  readonly version: number;
}

export interface InventoryState {
  /** False until the first snapshot arrived. */
  loaded: boolean;
  loadError: AppError | undefined;
  /** The sequence number of the last patch applied. */
  seq: number;
  vms: VmTable;
  subscriptions: ReadonlyMap<string, SubscriptionSummary>;
  lastFullSweepAt: string | undefined;
  /** True while the data came from the stored snapshot and no sweep of this run has confirmed it. */
  fromStore: boolean;
  progress: SweepProgress | null;
  /** The tenants whose subscriptions the last sweep could not list, with the words and when. */
  listingFailures: readonly ListingFailure[];
  error: InventoryActionError | undefined;
  /** Keys of actions waiting for main's answer: 'refresh', `refresh:<subscriptionId>`, `hide:<id>`, ... */
  pending: readonly string[];
  /** Fetches the snapshot (again) and starts listening; returns the function that stops listening. */
  start(): () => void;
  resnapshot(): Promise<void>;
  refresh(subscriptionIds?: string[]): Promise<void>;
  cancelRefresh(): Promise<void>;
  setSubscriptionHidden(subscriptionId: string, hidden: boolean): Promise<void>;
  setActingAccount(subscriptionId: string, accountId: string): Promise<void>;
  dismissError(): void;
}

export type InventoryStore = StoreApi<InventoryState>;

export interface InventoryStoreOptions {
  /**
   * Calls `publish` soon (the app: on the next animation frame); patches applied until then are published
   * together. Without it every patch is published at once.
   */
  schedulePublish?(publish: () => void): void;
}

function isRunning(progress: SweepProgress | null): boolean {
  return progress?.state === 'running';
}

export function createInventoryStore(bridge: InventoryBridge, options: InventoryStoreOptions = {}): InventoryStore {
  return createStore<InventoryState>()((set, get) => {
    // Patches that arrived while a snapshot was being fetched, applied on top of it in order.
    let waiting: InventoryPatch[] | undefined;
    // The Map behind `vms`, changed in place by patches.
    let vmsById = new Map<string, Vm>();
    // What patches applied since the store last published: the sequence number they reached and what changed.
    let seq = 0;
    let unpublished:
      | {
          /** VMs upserted (a VM) or removed (null) since the last publish, applied to the Map when it publishes. */
          vms: Map<string, Vm | null>;
          subscriptions: Map<string, SubscriptionSummary> | undefined;
          meta: Partial<Pick<InventoryState, 'lastFullSweepAt' | 'fromStore' | 'progress' | 'listingFailures'>>;
        }
      | undefined;
    let publishScheduled = false;

    function changed(): NonNullable<typeof unpublished> {
      if (!publishScheduled && options.schedulePublish) {
        publishScheduled = true;
        options.schedulePublish(() => {
          publishScheduled = false;
          publish();
        });
      }
      return (unpublished ??= { vms: new Map(), subscriptions: undefined, meta: {} });
    }

    function publish(): void {
      const changes = unpublished;
      if (!changes) return;
      unpublished = undefined;
      // The Map changes only here, as the store publishes: a render reading it sees what the store published.
      for (const [id, vm] of changes.vms) {
        if (vm) vmsById.set(id, vm);
        else vmsById.delete(id);
      }
      set((state) => ({
        seq,
        ...(changes.subscriptions ? { subscriptions: changes.subscriptions } : {}),
        ...(changes.vms.size > 0 ? { vms: { byId: vmsById, version: state.vms.version + 1 } } : {}),
        ...changes.meta,
      }));
    }

    function applySnapshot(snapshot: InventorySnapshot): void {
      vmsById = new Map(snapshot.vms.map((vm) => [vm.id, vm] as const));
      seq = snapshot.seq;
      unpublished = undefined;
      set((state) => ({
        loaded: true,
        loadError: undefined,
        seq: snapshot.seq,
        vms: { byId: vmsById, version: state.vms.version + 1 },
        subscriptions: new Map(snapshot.subscriptions.map((sub) => [sub.id, sub] as const)),
        lastFullSweepAt: snapshot.lastFullSweepAt,
        fromStore: snapshot.fromStore,
        progress: snapshot.sweep,
        listingFailures: snapshot.listingFailures ?? [],
      }));
    }

    function applyPatch(patch: InventoryPatch): void {
      const changes = changed();
      for (const id of patch.removedVms) changes.vms.set(id, null);
      for (const vm of patch.vms) changes.vms.set(vm.id, vm);
      if (patch.subscriptions.length > 0 || patch.removedSubscriptions.length > 0) {
        // Copied once per publish, so a published Map never changes.
        const next = (changes.subscriptions ??= new Map(get().subscriptions));
        for (const id of patch.removedSubscriptions) next.delete(id);
        for (const sub of patch.subscriptions) next.set(sub.id, sub);
      }
      if (patch.lastFullSweepAt !== undefined) changes.meta.lastFullSweepAt = patch.lastFullSweepAt;
      if (patch.fromStore !== undefined) changes.meta.fromStore = patch.fromStore;
      if (patch.listingFailures !== undefined) changes.meta.listingFailures = patch.listingFailures;
      seq = patch.seq;
      if (!options.schedulePublish) publish();
    }

    function receiveProgress(progress: SweepProgress): void {
      changed().meta.progress = progress;
      // A sweep starting or ending shows at once (Refresh turns into Cancel and back); its steps go with the rows.
      if (!options.schedulePublish || isRunning(progress) !== isRunning(get().progress)) publish();
    }

    function receive(patch: InventoryPatch): void {
      if (waiting) {
        waiting.push(patch);
        return;
      }
      if (!get().loaded || patch.seq <= seq) return;
      if (patch.seq === seq + 1) applyPatch(patch);
      else void fetchSnapshot([patch]);
    }

    async function fetchSnapshot(pending: InventoryPatch[] = []): Promise<void> {
      if (waiting) {
        waiting.push(...pending);
        return;
      }
      waiting = pending;
      const result = await bridge.getSnapshot();
      const arrived = waiting;
      waiting = undefined;
      if (!result.ok) {
        set({ loadError: result.error });
        return;
      }
      applySnapshot(result.value);
      for (const patch of arrived.sort((a, b) => a.seq - b.seq)) receive(patch);
    }

    async function track(key: string, action: string, call: () => Promise<Result<unknown>>): Promise<boolean> {
      set((state) => ({ pending: [...state.pending, key], error: undefined }));
      const result = await call();
      set((state) => ({
        pending: state.pending.filter((candidate) => candidate !== key),
        ...(result.ok ? {} : { error: { action, error: result.error } }),
      }));
      return result.ok;
    }

    return {
      loaded: false,
      loadError: undefined,
      seq: 0,
      vms: { byId: vmsById, version: 0 },
      subscriptions: new Map(),
      lastFullSweepAt: undefined,
      fromStore: false,
      progress: null,
      listingFailures: [],
      error: undefined,
      pending: [],

      start() {
        const stops = [bridge.onPatch(receive), bridge.onProgress(receiveProgress)];
        void fetchSnapshot();
        return () => stops.forEach((stop) => stop());
      },

      resnapshot: () => fetchSnapshot(),

      async refresh(subscriptionIds) {
        const key = subscriptionIds ? `refresh:${subscriptionIds.join(',')}` : 'refresh';
        await track(key, 'Could not start a refresh', () =>
          bridge.refresh({ kind: 'full', ...(subscriptionIds ? { subscriptionIds } : {}) }),
        );
      },

      async cancelRefresh() {
        await track('cancel', 'Could not cancel the refresh', () => bridge.cancelRefresh());
      },

      async setSubscriptionHidden(subscriptionId, hidden) {
        await track(
          `hide:${subscriptionId}`,
          hidden ? 'Could not hide the subscription' : 'Could not show the subscription',
          () => bridge.setSubscriptionHidden(subscriptionId, hidden),
        );
      },

      async setActingAccount(subscriptionId, accountId) {
        await track(`acting:${subscriptionId}`, 'Could not change the account that acts on the subscription', () =>
          bridge.setActingAccount(subscriptionId, accountId),
        );
      },

      dismissError() {
        set({ error: undefined });
      },
    };
  });
}
