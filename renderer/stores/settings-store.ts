// Settings as main reports them: loaded once, then kept current by the `settings` event; changes go to main
// and come back through the event, so every window agrees.
import { create } from 'zustand';
import type { AppError, Settings, SettingsPatch } from '../../preload/contract';
import { getBridge } from '../bridge';

interface SettingsState {
  settings: Settings | undefined;
  error: AppError | undefined;
  load(): Promise<void>;
  update(patch: SettingsPatch): Promise<void>;
}

export const useSettingsStore = create<SettingsState>()((set, get) => ({
  settings: undefined,
  error: undefined,
  async load() {
    const result = await getBridge().settings.get();
    set(result.ok ? { settings: result.value, error: undefined } : { error: result.error });
  },
  async update(patch) {
    // Show the choice at once; main's answer (or the event) confirms it, and a failure puts the old one back.
    const before = get().settings;
    const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    if (before) set({ settings: { ...before, ...changes } });
    const result = await getBridge().settings.set(patch);
    set(result.ok ? { settings: result.value, error: undefined } : { settings: before, error: result.error });
  },
}));

export function listenForSettings(): () => void {
  return getBridge().events.on('settings', (settings) => useSettingsStore.setState({ settings }));
}
