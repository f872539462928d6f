// The `clouddesk://` link the app was opened with (a VM or a subscription), validated by main: taken once at
// start-up and kept current by the `open` event, which is answered by taking the link too (taking is what clears
// it in main, so a reload does not get a link that was already shown). `followDeepLinks` (features/deep-links) opens the target
// once the inventory has it, and says meanwhile whether it is still looking or cannot find it. A link still
// waiting is kept in the page's session storage (main hands a link out once), so a reload of the window (e.g.
// after its renderer crashed) keeps waiting for it.
import { create } from 'zustand';
import { deepLinkTargetSchema, type DeepLinkTarget } from '../../preload/contract-desktop';
import { getBridge } from '../bridge';

/** looking: the inventory is loading or a sweep runs; missing: the inventory on screen does not have it. */
export type DeepLinkStatus = 'looking' | 'missing';

export interface DeepLinkState {
  target: DeepLinkTarget | undefined;
  status: DeepLinkStatus;
  load(): Promise<void>;
  /** A new link arrived (the `open` event): shows it and takes it from main (the newest one main has, if any). */
  arrived(target: DeepLinkTarget): Promise<void>;
  open(target: DeepLinkTarget): void;
  setStatus(status: DeepLinkStatus): void;
  /** The target was shown, or the user dismissed the link. */
  shown(): void;
}

const waitingKey = 'cloud-desk:deep-link';

function rememberWaiting(target: DeepLinkTarget | undefined): void {
  if (target) window.sessionStorage.setItem(waitingKey, JSON.stringify(target));
  else window.sessionStorage.removeItem(waitingKey);
}

function waitingBeforeReload(): DeepLinkTarget | undefined {
  try {
    const parsed = deepLinkTargetSchema.safeParse(JSON.parse(window.sessionStorage.getItem(waitingKey) ?? 'null'));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export const useDeepLinkStore = create<DeepLinkState>()((set, get) => ({
  target: undefined,
  status: 'looking',
  async load() {
    const result = await getBridge().app.takeDeepLink();
    const target = (result.ok ? result.value : null) ?? waitingBeforeReload();
    if (target && !get().target) get().open(target);
  },
  async arrived(target) {
    get().open(target);
    const result = await getBridge().app.takeDeepLink();
    if (result.ok && result.value) get().open(result.value);
  },
  open(target) {
    rememberWaiting(target);
    set({ target, status: 'looking' });
  },
  setStatus(status) {
    if (get().status !== status) set({ status });
  },
  shown() {
    rememberWaiting(undefined);
    set({ target: undefined, status: 'looking' });
  },
}));

export function listenForDeepLinks(): () => void {
  return getBridge().events.on('open', (target) => void useDeepLinkStore.getState().arrived(target));
}
