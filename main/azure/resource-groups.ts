// Reads the resource groups of one subscription, with their tags, through @azure/arm-resources' modular client:
// the paged list, and one group by name (the list leaves out groups the caller may not read). The api-version is
// pinned to 2021-04-01, which Azure's sovereign clouds serve too (the package's default, 2025-04-01, may not be
// there yet); list and get answer the same shape in both. The options come from armClientOptions, so the cloud's
// endpoint, token scope, proxy and CAs apply as for every other ARM client. No Electron imports.
import { ResourceManagementClient } from '@azure/arm-resources';
import type { TokenCredential } from '@azure/core-auth';
import type { ArmClientOptions } from '../net/arm-pipeline.js';

export const resourceGroupsApiVersion = '2021-04-01';

export interface ResourceGroupRecord {
  /** As ARM spells it (resource group names are case-insensitive). */
  name: string;
  tags: Record<string, string>;
}

function client(credential: TokenCredential, subscriptionId: string, options: ArmClientOptions) {
  return new ResourceManagementClient(credential, subscriptionId, { ...options, apiVersion: resourceGroupsApiVersion });
}

export async function listResourceGroups(
  credential: TokenCredential,
  subscriptionId: string,
  options: ArmClientOptions,
  signal?: AbortSignal,
): Promise<ResourceGroupRecord[]> {
  const groups: ResourceGroupRecord[] = [];
  const list = client(credential, subscriptionId, options).resourceGroups.list(signal ? { abortSignal: signal } : {});
  for await (const group of list) {
    if (group.name) groups.push({ name: group.name, tags: group.tags ?? {} });
  }
  return groups;
}

/** One group by name; throws the SDK's RestError (403 AuthorizationFailed, 404 ResourceGroupNotFound) as ARM answers. */
export async function getResourceGroup(
  credential: TokenCredential,
  subscriptionId: string,
  name: string,
  options: ArmClientOptions,
  signal?: AbortSignal,
): Promise<ResourceGroupRecord> {
  const group = await client(credential, subscriptionId, options).resourceGroups.get(
    name,
    signal ? { abortSignal: signal } : {},
  );
  return { name: group.name ?? name, tags: group.tags ?? {} };
}
