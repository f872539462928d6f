// The updater's state as main reports it: loaded once, then kept current by the `updates` event. Actions go to
// main; their answers and the event bring the new state back.
import { create } from 'zustand';
import type { AppError } from '../../../preload/contract';
import type { UpdateState } from '../../../preload/contract-updates';
import { getBridge } from '../../bridge';

interface UpdatesState {
  state: UpdateState | undefined;
  error: AppError | undefined;
  load(): Promise<void>;
  check(): Promise<void>;
  download(): Promise<void>;
  restart(): Promise<void>;
}

export const useUpdatesStore = create<UpdatesState>()((set) => ({
  state: undefined,
  error: undefined,
  async load() {
    const result = await getBridge().updates.getState();
    set(result.ok ? { state: result.value, error: undefined } : { error: result.error });
  },
  async check() {
    const result = await getBridge().updates.check();
    set(result.ok ? { state: result.value, error: undefined } : { error: result.error });
  },
  async download() {
    const result = await getBridge().updates.download();
    set(result.ok ? { state: result.value, error: undefined } : { error: result.error });
  },
  async restart() {
    const result = await getBridge().updates.restartToUpdate();
    if (!result.ok) set({ error: result.error });
  },
}));

export function listenForUpdates(): () => void {
  return getBridge().events.on('updates', (state) => useUpdatesStore.setState({ state, error: undefined }));
}
