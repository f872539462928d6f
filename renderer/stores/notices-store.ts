// Notices from main (e.g. a settings file that had to be reset), kept current by the `notices` event.
import { create } from 'zustand';
import type { Notice } from '../../preload/contract';
import { getBridge } from '../bridge';

interface NoticesState {
  notices: Notice[];
  load(): Promise<void>;
  dismiss(id: string): Promise<void>;
}

export const useNoticesStore = create<NoticesState>()((set) => ({
  notices: [],
  async load() {
    const result = await getBridge().app.getNotices();
    if (result.ok) set({ notices: result.value });
  },
  async dismiss(id) {
    await getBridge().app.dismissNotice(id);
  },
}));

export function listenForNotices(): () => void {
  return getBridge().events.on('notices', (notices) => useNoticesStore.setState({ notices }));
}
