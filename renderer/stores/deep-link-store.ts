// The `clouddesk://` link the app was opened with (a VM or a subscription), validated by main: taken once at
// start-up and then kept current by the `open` event. `followDeepLinks` (features/deep-links) opens the target
// once the inventory has it, and says meanwhile whether it is still looking or cannot find it.
import { create } from 'zustand';
import type { DeepLinkTarget } from '../../preload/contract-desktop';
import { getBridge } from '../bridge';

/** looking: the inventory is loading or a sweep runs; missing: the inventory on screen does not have it. */
export type DeepLinkStatus = 'looking' | 'missing';

export interface DeepLinkState {
  target: DeepLinkTarget | undefined;
  status: DeepLinkStatus;
  load(): Promise<void>;
  /** A new link arrived (the `open` event). */
  open(target: DeepLinkTarget): void;
  setStatus(status: DeepLinkStatus): void;
  /** The target was shown, or the user dismissed the link. */
  shown(): void;
}

export const useDeepLinkStore = create<DeepLinkState>()((set, get) => ({
  target: undefined,
  status: 'looking',
  async load() {
    const result = await getBridge().app.takeDeepLink();
    if (result.ok && result.value) get().open(result.value);
  },
  open(target) {
    set({ target, status: 'looking' });
  },
  setStatus(status) {
    if (get().status !== status) set({ status });
  },
  shown() {
    set({ target: undefined, status: 'looking' });
  },
}));

export function listenForDeepLinks(): () => void {
  return getBridge().events.on('open', (target) => useDeepLinkStore.getState().open(target));
}
