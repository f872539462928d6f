// The operations' view of the inventory: an index of VMs and subscriptions kept from the inventory's own
// snapshot and patches (the same ones the renderer gets), so looking up 500 VMs costs no snapshot copies, and
// re-checks that go to the inventory's fast power sweep of the affected subscriptions. No Electron imports.
import type {
  InventoryPatch,
  InventorySnapshot,
  SubscriptionSummary,
  SweepKind,
  Vm,
} from '../../preload/contract-inventory.js';
import type { Logger } from '../ports.js';
import type { InventoryPort } from './ports.js';

export interface InventorySource {
  getSnapshot(): InventorySnapshot;
  /** Runs a sweep to its end (after whatever runs now). */
  sweep(kind: SweepKind, subscriptionIds?: readonly string[]): Promise<void>;
}

export class InventoryMirror implements InventoryPort {
  private vms = new Map<string, Vm>();
  private subscriptions = new Map<string, SubscriptionSummary>();
  private seq = -1;
  private readonly listeners = new Set<(vms: readonly Vm[]) => void>();

  constructor(
    private readonly source: () => InventorySource,
    private readonly logger: Logger,
  ) {}

  /** Feed every `inventory` patch the inventory emits; a gap reloads from its snapshot. */
  apply(patch: InventoryPatch): void {
    if (patch.seq <= this.seq) return;
    if (patch.seq !== this.seq + 1) {
      this.load();
      return;
    }
    for (const id of patch.removedSubscriptions) this.subscriptions.delete(id);
    for (const sub of patch.subscriptions) this.subscriptions.set(sub.id, sub);
    for (const id of patch.removedVms) this.vms.delete(id);
    for (const vm of patch.vms) this.vms.set(vm.id, vm);
    this.seq = patch.seq;
    if (patch.vms.length > 0) this.notify(patch.vms);
  }

  private load(): void {
    const snapshot = this.source().getSnapshot();
    this.subscriptions = new Map(snapshot.subscriptions.map((s) => [s.id, s]));
    this.vms = new Map(snapshot.vms.map((vm) => [vm.id, vm]));
    this.seq = snapshot.seq;
    this.notify(snapshot.vms);
  }

  private notify(vms: readonly Vm[]): void {
    for (const listener of this.listeners) listener(vms);
  }

  vm(id: string): Vm | undefined {
    if (this.seq < 0) this.load();
    return this.vms.get(id);
  }

  subscription(id: string): SubscriptionSummary | undefined {
    if (this.seq < 0) this.load();
    return this.subscriptions.get(id);
  }

  async recheck(vmIds: readonly string[]): Promise<void> {
    const subscriptionIds = [...new Set(vmIds.flatMap((id) => this.vms.get(id)?.subscriptionId ?? []))];
    if (subscriptionIds.length > 0) await this.source().sweep('power', subscriptionIds);
  }

  /**
   * Subscription records (names) come with a full sweep, run in the background after whatever sweep runs now: a
   * sweep already under way may have read the old record, so joining it would never read the new one.
   */
  refreshSubscription(): Promise<void> {
    this.source()
      .sweep('full')
      .catch((error: unknown) => this.logger.warn('the inventory could not read subscriptions back', { error }));
    return Promise.resolve();
  }

  onVmsChanged(listener: (vms: readonly Vm[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
