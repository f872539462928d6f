// Test-only: a NetworkConfig from plain values (no settings store), for tests of code that makes network calls.
import type { NetworkSettings } from '../../../preload/contract-network.js';
import { NetworkConfig } from '../network-config.js';
import { defaultNetworkSettings } from '../network-settings.js';
import { environmentProxyResolver, type ProxyResolver } from '../proxy-resolver.js';

export interface TestNetworkOptions {
  settings?: Partial<NetworkSettings>;
  password?: string;
  env?: Record<string, string>;
  systemProxy?: ProxyResolver;
  proxyConnectTimeoutMs?: number;
}

/** Direct (proxy mode `none`) unless told otherwise; the environment is empty unless given. */
export function testNetwork(options: TestNetworkOptions = {}): NetworkConfig {
  const settings: NetworkSettings = { ...defaultNetworkSettings, proxyMode: 'none', ...options.settings };
  const env = options.env ?? {};
  return new NetworkConfig({
    settings: () => settings,
    proxyPassword: () => options.password,
    systemProxy: options.systemProxy ?? environmentProxyResolver(env),
    env,
    ...(options.proxyConnectTimeoutMs ? { proxyConnectTimeoutMs: options.proxyConnectTimeoutMs } : {}),
  });
}
