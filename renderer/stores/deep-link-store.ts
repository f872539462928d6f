// The `clouddesk://` link the app was opened with (a VM or a subscription), validated by main: taken once at
// start-up and then kept current by the `open` event. The VM views read `target` and clear it once shown.
import { create } from 'zustand';
import type { DeepLinkTarget } from '../../preload/contract-desktop';
import { getBridge } from '../bridge';

interface DeepLinkState {
  target: DeepLinkTarget | undefined;
  load(): Promise<void>;
  /** Called by the view that showed the target. */
  shown(): void;
}

export const useDeepLinkStore = create<DeepLinkState>()((set) => ({
  target: undefined,
  async load() {
    const result = await getBridge().app.takeDeepLink();
    if (result.ok && result.value) set({ target: result.value });
  },
  shown() {
    set({ target: undefined });
  },
}));

export function listenForDeepLinks(): () => void {
  return getBridge().events.on('open', (target) => useDeepLinkStore.setState({ target }));
}
