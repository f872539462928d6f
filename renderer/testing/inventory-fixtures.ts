// Test data for renderer tests: a VM and a subscription with sensible defaults, changed by overrides. Used only by
// tests; the shapes come from the contract, so a schema change breaks these first.
import type { SubscriptionSummary, Vm } from '../../preload/contract-inventory';

export function testSubscription(overrides: Partial<SubscriptionSummary> & { id: string }): SubscriptionSummary {
  return {
    displayName: `Subscription ${overrides.id}`,
    state: 'Enabled',
    tenantId: 'tenant-1',
    cloudId: 'azure',
    accessPaths: [{ accountId: 'alice', tenantId: overrides.tenantId ?? 'tenant-1' }],
    actingAccountId: 'alice',
    hidden: false,
    status: 'ok',
    vmCount: 0,
    ...overrides,
  };
}

export function testVm(overrides: Partial<Vm> & { name: string }): Vm {
  const subscriptionId = overrides.subscriptionId ?? 'sub-1';
  const resourceGroup = overrides.resourceGroup ?? 'rg-app';
  const resourceId = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Compute/virtualMachines/${overrides.name}`;
  return {
    provider: 'azure',
    id: resourceId.toLowerCase(),
    resourceId,
    resourceGroup,
    subscriptionId,
    tenantId: 'tenant-1',
    location: 'westeurope',
    size: 'Standard_B2s',
    osType: 'Linux',
    tags: {},
    powerState: 'running',
    ...overrides,
  };
}
