// The app's status as main reports it (online or not, how secrets are stored): loaded once, then kept current by
// the `status` event. Read-only here: the renderer cannot change either fact, only explain it.
import { create } from 'zustand';
import type { AppError, AppStatus } from '../../preload/contract';
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
  return getBridge().events.on('status', (status) => useStatusStore.setState({ status, error: undefined }));
}

/** Offline only when main says so; before the first answer the app assumes it is online. */
export function useOnline(): boolean {
  return useStatusStore((state) => state.status?.online ?? true);
}
