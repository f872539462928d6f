// Lists the tenants a principal can reach (ARM /tenants, api-version 2022-12-01 through the SDK), as the
// facts the account registry keeps. No Electron imports.
import type { TokenCredential } from '@azure/core-auth';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { CloudEndpoints } from '../clouds.js';
import { armClientOptions } from '../net/arm-pipeline.js';
import type { Connectivity } from '../net/connectivity.js';
import type { NetworkConfig } from '../net/network-config.js';

export interface TenantRecord {
  tenantId: string;
  displayName: string;
  defaultDomain?: string;
  /** ARM's tenantCategory: Home (member or guest), ProjectedBy / ManagedBy (Lighthouse). */
  category: string;
}

export async function listTenants(
  credential: TokenCredential,
  cloud: CloudEndpoints,
  connectivity: Connectivity,
  network: NetworkConfig,
): Promise<TenantRecord[]> {
  const client = new SubscriptionClient(credential, armClientOptions(cloud, connectivity, network));
  const tenants: TenantRecord[] = [];
  for await (const tenant of client.tenants.list()) {
    if (!tenant.tenantId) continue;
    tenants.push({
      tenantId: tenant.tenantId,
      displayName: tenant.displayName ?? tenant.defaultDomain ?? tenant.tenantId,
      ...(tenant.defaultDomain ? { defaultDomain: tenant.defaultDomain } : {}),
      category: tenant.tenantCategory ?? 'Home',
    });
  }
  return tenants;
}
