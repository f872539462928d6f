// ARM clients for one sweep: one token per (account, tenant) for the whole sweep (the credential is memoized
// until shortly before the token expires), SDK clients that share the app's rate governor, bounded retries with
// jitter (the SDK's exponential strategy), and Retry-After honoured up to a cap. No Electron imports.
import { ComputeManagementClient } from '@azure/arm-compute';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CloudEndpoints } from '../clouds.js';
import { armClientOptions, type ArmClientOptions } from '../net/arm-pipeline.js';
import type { CloudConnectivity } from '../net/connectivity.js';
import type { NetworkConfig } from '../net/network-config.js';
import { rateLimitPolicy, type RateGovernor } from './rate-limit.js';
import { listSubscriptions, type SubscriptionRecord } from './subscriptions.js';

export interface AccessPathRef {
  accountId: string;
  tenantId: string;
}

export interface ArmSessionDeps {
  credentialFor(accountId: string, tenantId: string): TokenCredential;
  cloudOf(accountId: string): CloudEndpoints | undefined;
  connectivity: CloudConnectivity;
  network: NetworkConfig;
  governor: RateGovernor;
  /** Bounded retries: the SDK's exponential strategy adds jitter to each delay. */
  maxRetries?: number;
}

type InventoryClientOptions = ArmClientOptions & {
  retryOptions: { maxRetries: number; retryDelayInMs: number; maxRetryDelayInMs: number };
};

/**
 * Asks the inner credential once, then serves the token until two minutes before it expires. A failed request is
 * the answer for every caller of this credential too (it lives for one sweep): a tenant whose sign-in fails is
 * asked once per sweep, not once per request of each of its subscriptions.
 */
export function memoizedCredential(inner: TokenCredential): TokenCredential & { readonly calls: number } {
  let cached: Promise<AccessToken | null> | undefined;
  let key = '';
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      const wanted = [scopes].flat().join(' ');
      // A claims challenge must reach the inner credential: it decides whether a sign-in is needed.
      if (options?.claims) return inner.getToken(scopes, options);
      const current = cached;
      if (current && key === wanted) {
        const token = await current;
        if (token && token.expiresOnTimestamp - Date.now() > 120_000) return token;
      }
      key = wanted;
      calls += 1;
      const fresh = inner.getToken(scopes, options);
      cached = fresh;
      return fresh;
    },
  };
}

export class ArmSession {
  private readonly credentials = new Map<string, TokenCredential>();
  private readonly computeClients = new Map<string, ComputeManagementClient>();
  /** Per (account, tenant): every client of the path shares them (the cloud is looked up once per sweep). */
  private readonly pathOptions = new Map<string, InventoryClientOptions>();

  constructor(private readonly deps: ArmSessionDeps) {}

  private key(path: AccessPathRef): string {
    return `${path.accountId}|${path.tenantId}`;
  }

  private credential(path: AccessPathRef): TokenCredential {
    const key = this.key(path);
    let credential = this.credentials.get(key);
    if (!credential) {
      credential = memoizedCredential(this.deps.credentialFor(path.accountId, path.tenantId));
      this.credentials.set(key, credential);
    }
    return credential;
  }

  private options(path: AccessPathRef): InventoryClientOptions {
    const key = this.key(path);
    let options = this.pathOptions.get(key);
    if (!options) {
      options = this.buildOptions(path);
      this.pathOptions.set(key, options);
    }
    return options;
  }

  private buildOptions(path: AccessPathRef): InventoryClientOptions {
    const cloud = this.deps.cloudOf(path.accountId);
    if (!cloud) throw new Error('The cloud of this account is not configured any more.');
    const base = armClientOptions(cloud, this.deps.connectivity.link(cloud.id), this.deps.network);
    return {
      ...base,
      additionalPolicies: [
        ...base.additionalPolicies,
        { position: 'perRetry', policy: rateLimitPolicy(this.deps.governor, this.key(path), (ms) => sleep(ms)) },
      ],
      retryOptions: { maxRetries: this.deps.maxRetries ?? 3, retryDelayInMs: 500, maxRetryDelayInMs: 8_000 },
    };
  }

  subscriptions(path: AccessPathRef, signal?: AbortSignal): Promise<SubscriptionRecord[]> {
    return listSubscriptions(this.credential(path), this.options(path), path.tenantId, signal);
  }

  compute(path: AccessPathRef, subscriptionId: string): ComputeManagementClient {
    const key = `${this.key(path)}|${subscriptionId}`;
    let client = this.computeClients.get(key);
    if (!client) {
      client = new ComputeManagementClient(this.credential(path), subscriptionId, this.options(path));
      this.computeClients.set(key, client);
    }
    return client;
  }
}
