// Test data for the snapshot tests: a snapshot whose every row carries its generation, so a reader can tell a
// whole snapshot from a mix of two. Test code only.
import type { SubscriptionSummary, Vm } from '../../preload/contract-inventory.js';

export function snapshotOf(
  generation: number,
  vmCount: number,
): { savedAt: string; subscriptions: SubscriptionSummary[]; vms: Vm[] } {
  const subscriptions: SubscriptionSummary[] = Array.from({ length: 50 }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    displayName: `Subscription ${i} generation ${generation}`,
    state: 'Enabled',
    tenantId: 't1',
    cloudId: 'azure',
    accessPaths: [{ accountId: 'a1', tenantId: 't1' }],
    actingAccountId: 'a1',
    hidden: false,
    status: 'ok',
    vmCount: vmCount / 50,
  }));
  const vms: Vm[] = Array.from({ length: vmCount }, (_, i) => {
    const sub = subscriptions[i % subscriptions.length]?.id ?? '';
    const resourceId = `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-${i}`;
    return {
      provider: 'azure',
      id: resourceId.toLowerCase(),
      resourceId,
      name: `vm-${i}`,
      resourceGroup: 'rg',
      subscriptionId: sub,
      tenantId: 't1',
      location: 'westeurope',
      size: 'Standard_D2s_v5',
      tags: { generation: String(generation), role: 'web' },
      powerState: 'running',
    };
  });
  return { savedAt: new Date(0).toISOString(), subscriptions, vms };
}
