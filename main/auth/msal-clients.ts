// One MSAL PublicClientApplication per cloud (and client id), each with its encrypted cache, the cloud's network
// client (proxy, extra CAs, connectivity) and MSAL's log routed through our redacting logger. No Electron imports.
import { LogLevel, PublicClientApplication } from '@azure/msal-node';
import { createHash } from 'node:crypto';
import { authorityHostPort, type CloudEndpoints } from '../clouds.js';
import type { Connectivity } from '../net/connectivity.js';
import { MsalNetworkClient } from '../net/msal-network.js';
import type { NetworkConfig } from '../net/network-config.js';
import type { Logger } from '../ports.js';
import type { SecretVault } from '../storage/secret-vault.js';
import { CacheSlot, vaultCachePlugin } from './cache-plugin.js';

// Most misconfigurations surface only as endpoints_resolution_error; verbose MSAL logs say why.
const verbose = Boolean(process.env['CLOUD_DESK_MSAL_VERBOSE']);

export const msalCacheName = (cloudId: string): string => `msal:${cloudId}`;

export interface MsalClientsDeps {
  vault: SecretVault;
  connectivity: Connectivity;
  /** Proxy and trusted certificates, shared with the Azure SDK clients. */
  network: NetworkConfig;
  logger: Logger;
  /** Called when a cloud's stored cache could not be decrypted (it was moved aside). */
  onCacheDamaged(cloudId: string, movedTo: string): void;
}

export class MsalClients {
  private readonly clients = new Map<string, PublicClientApplication>();
  private readonly slots = new Map<string, CacheSlot>();

  constructor(private readonly deps: MsalClientsDeps) {}

  get(cloud: CloudEndpoints, clientId: string, defaultTenant: string): PublicClientApplication {
    // A custom cloud edited in Settings keeps its id; its endpoints and CA are part of what makes a client.
    const key = [
      cloud.id,
      cloud.authorityHost,
      createHash('sha256')
        .update(cloud.caPem ?? '')
        .digest('hex'),
      clientId,
      defaultTenant,
    ].join('|');
    let client = this.clients.get(key);
    if (!client) {
      client = new PublicClientApplication({
        auth: {
          clientId,
          authority: `${cloud.authorityHost}/${defaultTenant}`,
          ...(cloud.kind === 'custom' ? { knownAuthorities: [authorityHostPort(cloud)] } : {}),
        },
        cache: {
          cachePlugin: vaultCachePlugin(this.deps.vault, msalCacheName(cloud.id), this.slot(cloud.id), (movedTo) =>
            this.deps.onCacheDamaged(cloud.id, movedTo),
          ),
        },
        system: {
          networkClient: new MsalNetworkClient(this.deps.network, this.deps.connectivity, cloud.caPem),
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
      this.clients.set(key, client);
    }
    return client;
  }

  /** Forgets every client and cache document; clients still finishing a call cannot write their old copy back. */
  reset(): void {
    for (const slot of this.slots.values()) slot.discarded = true;
    this.slots.clear();
    this.clients.clear();
  }

  private slot(cloudId: string): CacheSlot {
    let slot = this.slots.get(cloudId);
    if (!slot) {
      slot = new CacheSlot();
      this.slots.set(cloudId, slot);
    }
    return slot;
  }
}
