// Opens what a `clouddesk://` link asks for once the inventory has it: a VM in the VMs view, selected, with its
// details open; a subscription in the Subscriptions view, scrolled to and focused. Until then the link waits
// (the inventory may still be loading, or the account that reaches it not yet signed in) and the banner says
// whether the app is still looking or cannot find it. The rule is pure (`resolveTarget`); `followDeepLinks`
// binds it to the stores and is tested with them.
import type { StoreApi } from 'zustand';
import type { DeepLinkTarget } from '../../../preload/contract-desktop';
import type { DeepLinkState } from '../../stores/deep-link-store';
import type { InventoryState } from '../../stores/inventory-store';

export type Resolution =
  | { kind: 'vm'; vmId: string }
  | { kind: 'subscription'; subscriptionId: string }
  | { kind: 'looking' }
  | { kind: 'missing' };

type InventoryView = Pick<InventoryState, 'loaded' | 'vms' | 'subscriptions' | 'progress'>;

export function resolveTarget(target: DeepLinkTarget, inventory: InventoryView): Resolution {
  if (target.kind === 'subscription') {
    if (inventory.subscriptions.has(target.subscriptionId)) {
      return { kind: 'subscription', subscriptionId: target.subscriptionId };
    }
  } else {
    const group = target.resourceGroup.toLowerCase();
    const name = target.name.toLowerCase();
    for (const vm of inventory.vms.byId.values()) {
      if (
        vm.subscriptionId === target.subscriptionId &&
        vm.resourceGroup.toLowerCase() === group &&
        vm.name.toLowerCase() === name
      ) {
        return { kind: 'vm', vmId: vm.id };
      }
    }
  }
  const busy = !inventory.loaded || inventory.progress?.state === 'running';
  return { kind: busy ? 'looking' : 'missing' };
}

export interface DeepLinkViews {
  showVm(vmId: string): void;
  showSubscription(subscriptionId: string): void;
}

/** Watches both stores until a link's target can be shown; returns the function that stops watching. */
export function followDeepLinks(
  links: StoreApi<DeepLinkState>,
  inventory: StoreApi<InventoryState>,
  views: DeepLinkViews,
): () => void {
  const check = (): void => {
    const { target } = links.getState();
    if (!target) return;
    const resolution = resolveTarget(target, inventory.getState());
    switch (resolution.kind) {
      case 'vm':
        links.getState().shown();
        return views.showVm(resolution.vmId);
      case 'subscription':
        links.getState().shown();
        return views.showSubscription(resolution.subscriptionId);
      default:
        return links.getState().setStatus(resolution.kind);
    }
  };
  const stops = [
    links.subscribe((state, previous) => {
      if (state.target !== previous.target) check();
    }),
    inventory.subscribe(check),
  ];
  check();
  return () => stops.forEach((stop) => stop());
}
