// User settings: read from the KeyValueStore field by field (one bad field falls back to its default without
// losing the others; settings from an earlier version are migrated first), written on change, and announced
// with the `settings` event. No Electron imports.
import { settingsSchema, type Settings, type SettingsPatch } from '../../preload/contract.js';
import { defaultUpdatePreferences } from '../../preload/contract-updates.js';
import { defaultDesktopPreferences } from '../../preload/contract-desktop.js';
import type { EventSink, KeyValueStore, Logger } from '../ports.js';

export const defaultSettings: Settings = {
  theme: 'system',
  clientChoice: 'unset',
  clientId: '',
  nationalCloudClients: {},
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
    const changes: SettingsPatch = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    // A client id given while nothing was chosen is the organisation's registration (as before there was a choice).
    if (changes.clientId && changes.clientChoice === undefined && this.current.clientChoice === 'unset') {
      changes.clientChoice = 'organisation';
    }
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
    const migrated = migrateSettings(stored as Record<string, unknown>);
    const fields = settingsSchema.shape;
    const loaded: Record<string, unknown> = {};
    for (const key of Object.keys(fields) as (keyof Settings)[]) {
      const parsed = fields[key].safeParse(migrated[key]);
      if (parsed.success) loaded[key] = parsed.data;
      else {
        loaded[key] = defaultSettings[key];
        this.logger.warn('a stored setting was invalid; using its default', { setting: key });
      }
    }
    const settings = settingsSchema.parse(loaded);
    if (migrated !== stored) this.store.set(storeKey, settings);
    return settings;
  }
}

/**
 * Brings settings stored by an earlier version up to date (the same object when nothing changed). Before there
 * was a choice, a client id in Settings was the organisation's registration, and none meant none chosen.
 */
export function migrateSettings(stored: Record<string, unknown>): Record<string, unknown> {
  if ('clientChoice' in stored) return stored;
  const clientId = stored['clientId'];
  return { ...stored, clientChoice: typeof clientId === 'string' && clientId !== '' ? 'organisation' : 'unset' };
}
