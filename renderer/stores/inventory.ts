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

/** At most this often: a sweep's patches arrive many times a second, and each publish renders the grid. */
const publishEveryMs = 100;

/**
 * Publishes a burst of patches right after a frame at least `publishEveryMs` after the last publish (one render for
 * the burst); a hidden page gets no frames, so a timer publishes there. Not in the frame callback itself: the
 * store's readers render synchronously where it publishes, and inside the frame that render and the frame's layout
 * and paint of it would be one task (over 50 ms with a grid of rows); after it, they are two.
 */
export function framePublisher(): (publish: () => void) => void {
  let lastPublish = Number.NEGATIVE_INFINITY;
  return (publish) => {
    let done = false;
    const once = (): void => {
      if (done) return;
      done = true;
      lastPublish = performance.now();
      publish();
    };
    setTimeout(
      () => {
        requestAnimationFrame(() => setTimeout(once, 0));
        setTimeout(once, 100);
      },
      Math.max(0, lastPublish + publishEveryMs - performance.now()),
    );
  };
}

export const inventoryStore = createInventoryStore(windowBridge, { schedulePublish: framePublisher() });

export function useInventory<T>(selector: (state: InventoryState) => T): T {
  return useStore(inventoryStore, selector);
}

/** Whether an action with this key waits for main's answer. */
export function useInventoryPending(key: string): boolean {
  return useInventory((state) => state.pending.includes(key));
}
