// The app's status as main reports it (which clouds are reachable, how secrets are stored): loaded once, then kept
// current by the `status` event. The renderer cannot change either fact, only explain it; it does pass on the
// OS's word that the network changed, so main re-checks unreachable clouds at once.
import { create } from 'zustand';
import type { AppError, AppStatus, CloudConnectivity } from '../../preload/contract';
import { getBridge } from '../bridge';

interface StatusState {
  status: AppStatus | undefined;
  error: AppError | undefined;
  load(): Promise<void>;
}

export const useStatusStore = create<StatusState>()((set) => ({
  status: undefined,
  error: undefined,
  async load() {
    const result = await getBridge().app.getStatus();
    set(result.ok ? { status: result.value, error: undefined } : { error: result.error });
  },
}));

export function listenForStatus(): () => void {
  const bridge = getBridge();
  const stop = bridge.events.on('status', (status) => useStatusStore.setState({ status, error: undefined }));
  const changed = (): void => {
    void bridge.app.networkChanged(navigator.onLine).then((result) => {
      if (!result.ok) useStatusStore.setState({ error: result.error });
    });
  };
  window.addEventListener('online', changed);
  window.addEventListener('offline', changed);
  return () => {
    stop();
    window.removeEventListener('online', changed);
    window.removeEventListener('offline', changed);
  };
}

/** Offline only when main says so; before the first answer the app assumes it is online. */
export function useOnline(): boolean {
  return useStatusStore((state) => state.status?.online ?? true);
}

/**
 * A cloud main could not reach the last time it tried; undefined while it is reachable or not tried yet. When main
 * says the machine is offline without naming this cloud, it counts as unreachable too, with no times known.
 */
export function useUnreachable(cloudId: string | undefined): CloudConnectivity | undefined {
  const status = useStatusStore((state) => state.status);
  if (!status || cloudId === undefined) return undefined;
  const known = status.clouds.find((cloud) => cloud.cloudId === cloudId);
  if (known) return known.online ? undefined : known;
  return status.online ? undefined : { cloudId, online: false };
}
