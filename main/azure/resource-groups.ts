// Lists the resource groups of one subscription, with their tags, through @azure/arm-resources' modular client
// (api-version 2025-04-01, paged with nextLink). The options come from armClientOptions, so the cloud's endpoint,
// token scope, proxy and CAs apply as for every other ARM client. No Electron imports.
import { ResourceManagementClient } from '@azure/arm-resources';
import type { TokenCredential } from '@azure/core-auth';
import type { ArmClientOptions } from '../net/arm-pipeline.js';

export interface ResourceGroupRecord {
  /** As ARM spells it (resource group names are case-insensitive). */
  name: string;
  tags: Record<string, string>;
}

export async function listResourceGroups(
  credential: TokenCredential,
  subscriptionId: string,
  options: ArmClientOptions,
  signal?: AbortSignal,
): Promise<ResourceGroupRecord[]> {
  const client = new ResourceManagementClient(credential, subscriptionId, options);
  const groups: ResourceGroupRecord[] = [];
  for await (const group of client.resourceGroups.list(signal ? { abortSignal: signal } : {})) {
    if (group.name) groups.push({ name: group.name, tags: group.tags ?? {} });
  }
  return groups;
}
