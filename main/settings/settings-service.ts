// User settings: read from the KeyValueStore field by field (one bad field falls back to its default without
// losing the others), written on change, and announced with the `settings` event. No Electron imports.
import { settingsSchema, type Settings, type SettingsPatch } from '../../preload/contract.js';
import { defaultUpdatePreferences } from '../../preload/contract-updates.js';
import { defaultDesktopPreferences } from '../../preload/contract-desktop.js';
import type { EventSink, KeyValueStore, Logger } from '../ports.js';

export const defaultSettings: Settings = {
  theme: 'system',
  clientId: '',
  defaultTenant: 'organizations',
  allowWeakSecretStorage: false,
  customClouds: [],
  updates: defaultUpdatePreferences,
  desktop: defaultDesktopPreferences(process.platform),
};
const storeKey = 'settings';

export class SettingsService {
  private current: Settings;
  private readonly listeners = new Set<(settings: Settings) => void>();

  constructor(
    private readonly store: KeyValueStore,
    private readonly events: EventSink,
    private readonly logger: Logger,
  ) {
    this.current = this.load();
  }

  get(): Settings {
    return this.current;
  }

  set(patch: SettingsPatch): Settings {
    const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    const next = settingsSchema.parse({ ...this.current, ...changes });
    this.store.set(storeKey, next);
    this.current = next;
    this.events.emit('settings', next);
    for (const listener of this.listeners) listener(next);
    return next;
  }

  /** For main-process reactions (e.g. the native theme); the renderer listens through the event instead. */
  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private load(): Settings {
    const stored = this.store.get(storeKey);
    if (stored === undefined) return defaultSettings;
    if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
      this.logger.warn('stored settings are not an object; using defaults');
      return defaultSettings;
    }
    const fields = settingsSchema.shape;
    const loaded: Record<string, unknown> = {};
    for (const key of Object.keys(fields) as (keyof Settings)[]) {
      const parsed = fields[key].safeParse((stored as Record<string, unknown>)[key]);
      if (parsed.success) loaded[key] = parsed.data;
      else {
        loaded[key] = defaultSettings[key];
        this.logger.warn('a stored setting was invalid; using its default', { setting: key });
      }
    }
    return settingsSchema.parse(loaded);
  }
}
