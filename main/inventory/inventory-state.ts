// The inventory held in main, normalized by id: subscriptions and VMs in maps; a change is detected by comparing
// the new row's data with the held one (sameData: no serialized copy of every row is built or kept). Every change
// is a transaction that yields one patch carrying only what changed, with the next sequence number; the whole
// state is sent only by `snapshot`. No Electron imports.
import type {
  AccessPath,
  InventoryPatch,
  ListingFailure,
  InventorySnapshot,
  SubscriptionSummary,
  SweepProgress,
  Vm,
} from '../../preload/contract-inventory.js';
import { sameData } from './same-data.js';

export interface InventoryChange {
  upsertSubscription(subscription: SubscriptionSummary): void;
  removeSubscription(id: string): void;
  upsertVm(vm: Vm): void;
  removeVm(id: string): void;
  /** Replaces a subscription's VMs with exactly these (a full listing): absent ones are removed. */
  replaceVms(subscriptionId: string, vms: readonly Vm[]): void;
  setMeta(meta: { lastFullSweepAt?: string; fromStore?: boolean }): void;
  /** An (account, tenant)'s subscription listing failed: replaces that path's previous failure. */
  recordListingFailure(failure: ListingFailure): void;
  /** That path's listing succeeded. */
  clearListingFailure(path: AccessPath): void;
  /** Drops the failures of paths that are gone (a signed-out account, a tenant no longer ready). */
  keepListingFailures(keep: (path: AccessPath) => boolean): void;
}

/** One (account, tenant) path as a key: the same string everywhere in the inventory. */
export const pathKey = (path: AccessPath): string => `${path.accountId}|${path.tenantId}`;

export class InventoryState {
  private readonly subscriptions = new Map<string, SubscriptionSummary>();
  private readonly vms = new Map<string, Vm>();
  private readonly vmsBySubscription = new Map<string, Set<string>>();
  private seq = 0;
  private lastFullSweepAt: string | undefined;
  private fromStore = false;
  private readonly listingFailures = new Map<string, ListingFailure>();

  get currentSeq(): number {
    return this.seq;
  }

  subscription(id: string): SubscriptionSummary | undefined {
    return this.subscriptions.get(id);
  }

  allSubscriptions(): SubscriptionSummary[] {
    return [...this.subscriptions.values()];
  }

  vm(id: string): Vm | undefined {
    return this.vms.get(id);
  }

  vmsOf(subscriptionId: string): Vm[] {
    return [...(this.vmsBySubscription.get(subscriptionId) ?? [])].flatMap((id) => this.vms.get(id) ?? []);
  }

  get isFromStore(): boolean {
    return this.fromStore;
  }

  get lastFullSweep(): string | undefined {
    return this.lastFullSweepAt;
  }

  snapshot(sweep: SweepProgress | null): InventorySnapshot {
    return {
      seq: this.seq,
      subscriptions: this.allSubscriptions(),
      vms: [...this.vms.values()],
      ...(this.lastFullSweepAt ? { lastFullSweepAt: this.lastFullSweepAt } : {}),
      fromStore: this.fromStore,
      sweep,
      listingFailures: [...this.listingFailures.values()],
    };
  }

  /** Runs the change; returns the patch (with the next seq) or undefined when nothing actually changed. */
  change(apply: (change: InventoryChange) => void): InventoryPatch | undefined {
    const subs = new Map<string, SubscriptionSummary>();
    const removedSubs = new Set<string>();
    const vms = new Map<string, Vm>();
    const removedVms = new Set<string>();
    let meta: { lastFullSweepAt?: string; fromStore?: boolean } = {};
    let failuresChanged = false;

    const removeVm = (id: string): void => {
      const existing = this.vms.get(id);
      if (!existing) return;
      this.vms.delete(id);
      this.vmsBySubscription.get(existing.subscriptionId)?.delete(id);
      vms.delete(id);
      removedVms.add(id);
    };
    const upsertVm = (vm: Vm): void => {
      const previous = this.vms.get(vm.id);
      if (previous && sameData(previous, vm)) return;
      if (previous && previous.subscriptionId !== vm.subscriptionId) {
        this.vmsBySubscription.get(previous.subscriptionId)?.delete(vm.id);
      }
      this.vms.set(vm.id, vm);
      let set = this.vmsBySubscription.get(vm.subscriptionId);
      if (!set) this.vmsBySubscription.set(vm.subscriptionId, (set = new Set()));
      set.add(vm.id);
      vms.set(vm.id, vm);
      removedVms.delete(vm.id);
    };
    const change: InventoryChange = {
      upsertSubscription: (subscription) => {
        const previous = this.subscriptions.get(subscription.id);
        if (previous && sameData(previous, subscription)) return;
        this.subscriptions.set(subscription.id, subscription);
        subs.set(subscription.id, subscription);
        removedSubs.delete(subscription.id);
      },
      removeSubscription: (id) => {
        for (const vmId of [...(this.vmsBySubscription.get(id) ?? [])]) removeVm(vmId);
        this.vmsBySubscription.delete(id);
        if (!this.subscriptions.delete(id)) return;
        subs.delete(id);
        removedSubs.add(id);
      },
      upsertVm,
      removeVm,
      replaceVms: (subscriptionId, list) => {
        const keep = new Set(list.map((vm) => vm.id));
        for (const id of [...(this.vmsBySubscription.get(subscriptionId) ?? [])]) if (!keep.has(id)) removeVm(id);
        for (const vm of list) upsertVm(vm);
      },
      setMeta: (next) => {
        if (next.lastFullSweepAt !== undefined && next.lastFullSweepAt !== this.lastFullSweepAt) {
          this.lastFullSweepAt = next.lastFullSweepAt;
          meta = { ...meta, lastFullSweepAt: next.lastFullSweepAt };
        }
        if (next.fromStore !== undefined && next.fromStore !== this.fromStore) {
          this.fromStore = next.fromStore;
          meta = { ...meta, fromStore: next.fromStore };
        }
      },
      recordListingFailure: (failure) => {
        const previous = this.listingFailures.get(pathKey(failure));
        if (previous && sameData(previous, failure)) return;
        this.listingFailures.set(pathKey(failure), failure);
        failuresChanged = true;
      },
      clearListingFailure: (path) => {
        if (this.listingFailures.delete(pathKey(path))) failuresChanged = true;
      },
      keepListingFailures: (keep) => {
        for (const [key, failure] of this.listingFailures) {
          if (keep(failure)) continue;
          this.listingFailures.delete(key);
          failuresChanged = true;
        }
      },
    };
    apply(change);
    if (
      subs.size + removedSubs.size + vms.size + removedVms.size === 0 &&
      Object.keys(meta).length === 0 &&
      !failuresChanged
    ) {
      return undefined;
    }
    this.seq += 1;
    return {
      seq: this.seq,
      subscriptions: [...subs.values()],
      removedSubscriptions: [...removedSubs],
      vms: [...vms.values()],
      removedVms: [...removedVms],
      ...meta,
      ...(failuresChanged ? { listingFailures: [...this.listingFailures.values()] } : {}),
    };
  }
}
