// The app's inventory store, bound to `window.cloudDesk` (looked up per call, so importing this module needs no
// bridge), and the hook views read it through. Tests create their own store with `createInventoryStore`.
import { useStore } from 'zustand';
import { getBridge } from '../bridge';
import { createInventoryStore, type InventoryBridge, type InventoryState } from './inventory-store';

const windowBridge: InventoryBridge = {
  getSnapshot: () => getBridge().inventory.getSnapshot(),
  refresh: (args) => getBridge().inventory.refresh(args),
  cancelRefresh: () => getBridge().inventory.cancelRefresh(),
  setSubscriptionHidden: (subscriptionId, hidden) =>
    getBridge().inventory.setSubscriptionHidden({ subscriptionId, hidden }),
  setActingAccount: (subscriptionId, accountId) =>
    getBridge().inventory.setActingAccount({ subscriptionId, accountId }),
  onPatch: (listener) => getBridge().events.on('inventory', listener),
  onProgress: (listener) => getBridge().events.on('inventoryProgress', listener),
};

/**
 * Publishes a burst of patches on the next frame (one render for the burst); a hidden page gets no frames, so a
 * timer publishes there.
 */
function nextFrame(publish: () => void): void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    publish();
  };
  requestAnimationFrame(once);
  setTimeout(once, 100);
}

export const inventoryStore = createInventoryStore(windowBridge, { schedulePublish: nextFrame });

export function useInventory<T>(selector: (state: InventoryState) => T): T {
  return useStore(inventoryStore, selector);
}

/** Whether an action with this key waits for main's answer. */
export function useInventoryPending(key: string): boolean {
  return useInventory((state) => state.pending.includes(key));
}
