// Lists the subscriptions one (account, tenant) can reach, through @azure/arm-resources-subscriptions
// (api-version 2022-12-01). No Electron imports.
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { TokenCredential } from '@azure/core-auth';
import type { SubscriptionState } from '../../preload/contract-inventory.js';
import type { ArmClientOptions } from '../net/arm-pipeline.js';

export interface SubscriptionRecord {
  /** Lower-case subscription id. */
  id: string;
  displayName: string;
  state: SubscriptionState;
  tenantId: string;
}

const knownStates: readonly SubscriptionState[] = ['Enabled', 'Warned', 'PastDue', 'Disabled', 'Expired', 'Deleted'];

export async function listSubscriptions(
  credential: TokenCredential,
  options: ArmClientOptions,
  fallbackTenantId: string,
  signal?: AbortSignal,
): Promise<SubscriptionRecord[]> {
  const client = new SubscriptionClient(credential, options);
  const records: SubscriptionRecord[] = [];
  for await (const sub of client.subscriptions.list(signal ? { abortSignal: signal } : {})) {
    if (!sub.subscriptionId) continue;
    const state = knownStates.find((known) => known.toLowerCase() === sub.state?.toLowerCase()) ?? 'Enabled';
    records.push({
      id: sub.subscriptionId.toLowerCase(),
      displayName: sub.displayName ?? sub.subscriptionId,
      state,
      tenantId: sub.tenantId ?? fallbackTenantId,
    });
  }
  return records;
}
