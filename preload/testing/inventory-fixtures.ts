// Test data for code that reads the inventory (main, preload and renderer tests alike): one subscription and VMs
// in it, with every field a test does not name set to a plain default. Test code only.
import type { SubscriptionSummary, Vm } from '../contract-inventory.js';

/** Subscription sub-1 of tenant t1 in Azure, reached by account a1, listed without problems. */
export function testSubscription(change: Partial<SubscriptionSummary> = {}): SubscriptionSummary {
  return {
    id: 'sub-1',
    displayName: 'Sub 1',
    state: 'Enabled',
    tenantId: 't1',
    cloudId: 'azure',
    accessPaths: [{ accountId: 'a1', tenantId: 't1' }],
    actingAccountId: 'a1',
    hidden: false,
    status: 'ok',
    vmCount: 1,
    ...change,
  };
}

/** A running VM named `name` in resource group rg of sub-1 (or of `change.subscriptionId`). */
export function testVm(name: string, change: Partial<Vm> = {}): Vm {
  const subscriptionId = change.subscriptionId ?? 'sub-1';
  const resourceId = `/subscriptions/${subscriptionId}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/${name}`;
  return {
    provider: 'azure',
    id: resourceId.toLowerCase(),
    resourceId,
    name,
    resourceGroup: 'rg',
    subscriptionId,
    tenantId: 't1',
    location: 'westeurope',
    tags: {},
    powerState: 'running',
    ...change,
  };
}
