// One MSAL PublicClientApplication per cloud, with the cloud's one in-memory token cache (written encrypted after
// calls that change it), the cloud's network client (proxy, extra CAs, connectivity) and MSAL's log routed through our
// redacting logger. Every MSAL call goes through `use`. No Electron imports.
import { LogLevel, PublicClientApplication } from '@azure/msal-node';
import { createHash } from 'node:crypto';
import { authorityHostPort, type CloudEndpoints } from '../clouds.js';
import type { Connectivity } from '../net/connectivity.js';
import { MsalNetworkClient } from '../net/msal-network.js';
import type { NetworkConfig } from '../net/network-config.js';
import type { Clock, Logger } from '../ports.js';
import type { SecretVault } from '../storage/secret-vault.js';
import { CloudCache } from './cloud-token-cache.js';

// Most misconfigurations surface only as endpoints_resolution_error; verbose MSAL logs say why.
const verbose = Boolean(process.env['CLOUD_DESK_MSAL_VERBOSE']);

export const msalCacheName = (cloudId: string): string => `msal:${cloudId}`;

export interface MsalClientsDeps {
  vault: SecretVault;
  /** Each cloud's network link (MSAL's calls report whether the cloud answers). */
  connectivity: { link(cloudId: string): Connectivity };
  /** Proxy and trusted certificates, shared with the Azure SDK clients. */
  network: NetworkConfig;
  logger: Logger;
  clock: Clock;
  /** Called when a cloud's stored cache could not be used (it was moved aside). */
  onCacheDamaged(cloudId: string, movedTo: string, why: string): void;
}

interface CloudClient {
  key: string;
  client: PublicClientApplication;
  /** Resolves once the client holds the cloud's stored cache. */
  attached: Promise<void>;
  cache: CloudCache;
}

export class MsalClients {
  private readonly clients = new Map<string, CloudClient>();
  private readonly caches = new Map<string, CloudCache>();

  constructor(private readonly deps: MsalClientsDeps) {}

  /**
   * Runs `work` on the cloud's one client, then writes the cache if the work changed it. Calls for many tenants
   * may run at once: they share the client's in-memory cache.
   */
  async use<T>(
    cloud: CloudEndpoints,
    clientId: string,
    defaultTenant: string,
    work: (client: PublicClientApplication) => Promise<T>,
  ): Promise<T> {
    const entry = this.entry(cloud, clientId, defaultTenant);
    await entry.attached;
    try {
      return await work(entry.client);
    } finally {
      await entry.cache.persist(entry.client.getTokenCache());
    }
  }

  /** Writes every cloud's pending cache changes (on quit). */
  async flush(): Promise<void> {
    await Promise.all([...this.caches.values()].map((cache) => cache.flush()));
  }

  /** Forgets every client and cache document; clients still finishing a call cannot write their old copy back. */
  reset(): void {
    for (const cache of this.caches.values()) cache.discard();
    this.caches.clear();
    this.clients.clear();
  }

  /**
   * The cloud's one client. A changed client id, default tenant or custom-cloud endpoint makes a new client that
   * starts from the cloud's latest cache document; the old one can no longer write.
   */
  private entry(cloud: CloudEndpoints, clientId: string, defaultTenant: string): CloudClient {
    const key = [
      cloud.authorityHost,
      createHash('sha256')
        .update(cloud.caPem ?? '')
        .digest('hex'),
      clientId,
      defaultTenant,
    ].join('|');
    const existing = this.clients.get(cloud.id);
    if (existing?.key === key) return existing;
    const cache = this.cache(cloud.id);
    const client = new PublicClientApplication({
      auth: {
        clientId,
        authority: `${cloud.authorityHost}/${defaultTenant}`,
        ...(cloud.kind === 'custom' ? { knownAuthorities: [authorityHostPort(cloud)] } : {}),
      },
      system: {
        networkClient: new MsalNetworkClient(this.deps.network, this.deps.connectivity.link(cloud.id), cloud.caPem),
        loggerOptions: {
          piiLoggingEnabled: false,
          logLevel: verbose ? LogLevel.Verbose : LogLevel.Warning,
          loggerCallback: (level, message) => {
            if (level <= LogLevel.Warning) this.deps.logger.warn(`msal: ${message}`);
            else if (verbose) this.deps.logger.info(`msal: ${message}`);
          },
        },
      },
    });
    const entry: CloudClient = { key, client, cache, attached: cache.attach(client.getTokenCache()) };
    this.clients.set(cloud.id, entry);
    return entry;
  }

  private cache(cloudId: string): CloudCache {
    let cache = this.caches.get(cloudId);
    if (!cache) {
      cache = new CloudCache({
        vault: this.deps.vault,
        name: msalCacheName(cloudId),
        now: () => this.deps.clock.now(),
        logger: this.deps.logger,
        onDamaged: (movedTo, why) => this.deps.onCacheDamaged(cloudId, movedTo, why),
      });
      this.caches.set(cloudId, cache);
    }
    return cache;
  }
}
