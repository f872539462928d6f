// Settings > Network: the proxy mode, manual proxy, bypass list, proxy user name and extra CA certificates, kept in
// the settings store under `network`; the proxy password kept apart in the SecretVault (encrypted, never in
// settings.json, never logged, never sent to the renderer, which learns only whether one is set). Announces
// changes with the `network` event and to the network configuration. No Electron imports.
import {
  networkSettingsSchema,
  type NetworkSettings,
  type NetworkSettingsPatch,
  type NetworkState,
} from '../../preload/contract-network.js';
import { ServiceError } from '../errors.js';
import type { EventSink, KeyValueStore, Logger } from '../ports.js';
import type { SecretVault } from '../storage/secret-vault.js';
import { certificateSubjects, NetworkConfig } from './network-config.js';
import type { ProxyResolver } from './proxy-resolver.js';
import { displayProxy, environmentProxyUrl } from './proxy-route.js';

export const defaultNetworkSettings: NetworkSettings = {
  proxyMode: 'system',
  proxyUrl: '',
  proxyBypass: '',
  proxyUsername: '',
  extraCaPem: '',
};
const storeKey = 'network';
export const proxyPasswordSecret = 'net:proxy-password';

export interface NetworkSettingsDeps {
  store: KeyValueStore;
  vault: SecretVault;
  events: EventSink;
  logger: Logger;
  env: Readonly<Record<string, string | undefined>>;
}

export class NetworkSettingsService {
  private current: NetworkSettings;
  private password: string | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: NetworkSettingsDeps) {
    this.current = this.load();
  }

  /** Reads the stored proxy password (if any) from the vault. */
  async start(): Promise<void> {
    const stored = await this.deps.vault.read(proxyPasswordSecret);
    if (stored.kind === 'ok') this.password = stored.value;
    if (stored.kind === 'damaged') this.deps.logger.warn('the stored proxy password could not be read; it was reset');
  }

  get(): NetworkSettings {
    return this.current;
  }

  proxyPassword(): string | undefined {
    return this.password;
  }

  state(): NetworkState {
    const environment = environmentProxyUrl(this.deps.env);
    return {
      ...this.current,
      proxyPasswordSet: this.password !== undefined,
      ...(environment ? { environmentProxy: displayProxy(environment) } : {}),
      extraCaSubjects: safeSubjects(this.current.extraCaPem),
    };
  }

  set(patch: NetworkSettingsPatch): NetworkState {
    const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    const next = networkSettingsSchema.parse({ ...this.current, ...changes });
    if (next.proxyMode === 'manual' && next.proxyUrl === '') {
      throw new ServiceError('invalid_input', 'Enter the proxy URL to use a manual proxy.', 'proxyUrl');
    }
    try {
      certificateSubjects(next.extraCaPem);
    } catch (error) {
      throw new ServiceError('invalid_input', (error as Error).message, 'extraCaPem');
    }
    this.deps.store.set(storeKey, next);
    this.current = next;
    this.deps.logger.info('network settings changed', { proxyMode: next.proxyMode });
    return this.announce();
  }

  async setProxyPassword(password: string): Promise<NetworkState> {
    await this.deps.vault.write(proxyPasswordSecret, password);
    this.password = password;
    return this.announce();
  }

  async clearProxyPassword(): Promise<NetworkState> {
    await this.deps.vault.delete(proxyPasswordSecret);
    this.password = undefined;
    return this.announce();
  }

  /** For the network configuration, which must drop connections made with the old settings. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private announce(): NetworkState {
    for (const listener of this.listeners) listener();
    const state = this.state();
    this.deps.events.emit('network', state);
    return state;
  }

  private load(): NetworkSettings {
    const stored = this.deps.store.get(storeKey);
    if (stored === undefined) return defaultNetworkSettings;
    const parsed = networkSettingsSchema.safeParse(stored);
    if (parsed.success) return parsed.data;
    this.deps.logger.warn('stored network settings were invalid; using the defaults');
    return defaultNetworkSettings;
  }
}

function safeSubjects(pem: string): string[] {
  try {
    return certificateSubjects(pem);
  } catch {
    return [];
  }
}

/** The network settings and the configuration that follows them, as the composition root wires them. */
export async function createNetwork(
  deps: NetworkSettingsDeps & { systemProxy: ProxyResolver },
): Promise<{ settings: NetworkSettingsService; config: NetworkConfig }> {
  const settings = new NetworkSettingsService(deps);
  await settings.start();
  const config = new NetworkConfig({
    settings: () => settings.get(),
    proxyPassword: () => settings.proxyPassword(),
    systemProxy: deps.systemProxy,
    env: deps.env,
  });
  settings.onChange(() => config.changed());
  return { settings, config };
}
