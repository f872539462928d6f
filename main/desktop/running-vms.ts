// How many VMs run, for the tray: counted from the inventory's own snapshot and patches (the same ones the
// renderer gets), so the number is what the app has confirmed. While the inventory has not confirmed it in this
// run (the snapshot came from disk), the app is offline, or a subscription's last listing failed, the count says
// how old it is: the oldest time Azure confirmed the power states it includes. No Electron imports.
import type { InventoryPatch, InventorySnapshot, SubscriptionSummary } from '../../preload/contract-inventory.js';
import type { RunningVmCount, RunningVms } from '../ports.js';

export class RunningVmTracker implements RunningVmCount {
  private readonly running = new Set<string>();
  private subscriptions = new Map<string, SubscriptionSummary>();
  private fromStore = false;
  private lastFullSweepAt: string | undefined;
  private seq = -1;
  private readonly listeners = new Set<(count: RunningVms | undefined) => void>();
  private published: string | undefined;

  constructor(
    private readonly source: { getSnapshot(): InventorySnapshot },
    private readonly online: () => boolean,
  ) {}

  /** Feed every `inventory` patch; a gap (or the first patch) reloads from the snapshot. */
  apply(patch: InventoryPatch): void {
    if (patch.seq <= this.seq) return;
    if (patch.seq !== this.seq + 1) {
      this.load();
      return;
    }
    for (const id of patch.removedVms) this.running.delete(id);
    for (const vm of patch.vms) {
      if (vm.powerState === 'running') this.running.add(vm.id);
      else this.running.delete(vm.id);
    }
    if (patch.subscriptions.length > 0 || patch.removedSubscriptions.length > 0) {
      const next = new Map(this.subscriptions);
      for (const id of patch.removedSubscriptions) next.delete(id);
      for (const sub of patch.subscriptions) next.set(sub.id, sub);
      this.subscriptions = next;
    }
    if (patch.fromStore !== undefined) this.fromStore = patch.fromStore;
    if (patch.lastFullSweepAt !== undefined) this.lastFullSweepAt = patch.lastFullSweepAt;
    this.seq = patch.seq;
    this.publish();
  }

  /** The connection came or went: the count becomes (or stops being) "as of". */
  connectivityChanged(): void {
    this.publish();
  }

  current(): RunningVms | undefined {
    if (this.seq < 0) this.load();
    if (this.subscriptions.size === 0) return undefined;
    const count = this.running.size;
    const listed = [...this.subscriptions.values()].filter((sub) => sub.status !== 'not_listed');
    const confirmed =
      this.online() && !this.fromStore && listed.every((sub) => sub.status === 'ok' || sub.status === 'loading');
    if (confirmed) return { count, confirmed };
    const times = listed.flatMap((sub) => sub.powerFetchedAt ?? sub.fetchedAt ?? []).sort();
    const asOf = times[0] ?? this.lastFullSweepAt;
    return { count, confirmed, ...(asOf ? { asOf } : {}) };
  }

  onChange(listener: (count: RunningVms | undefined) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private load(): void {
    const snapshot = this.source.getSnapshot();
    this.running.clear();
    for (const vm of snapshot.vms) if (vm.powerState === 'running') this.running.add(vm.id);
    this.subscriptions = new Map(snapshot.subscriptions.map((sub) => [sub.id, sub]));
    this.fromStore = snapshot.fromStore;
    this.lastFullSweepAt = snapshot.lastFullSweepAt;
    this.seq = snapshot.seq;
    this.publish();
  }

  /** Tells listeners only when what the tray would say changed (a sweep's patches mostly do not). */
  private publish(): void {
    const now = this.current();
    const key = JSON.stringify(now ?? null);
    if (key === this.published) return;
    this.published = key;
    for (const listener of this.listeners) listener(now);
  }
}
