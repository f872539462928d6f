// Test data for the snapshot tests: a snapshot whose every row carries its generation, so a reader can tell a
// whole snapshot from a mix of two. Test code only.
import type { SubscriptionSummary, Vm } from '../../preload/contract-inventory.js';
import { testSubscription, testVm } from '../../preload/testing/inventory-fixtures.js';

export function snapshotOf(
  generation: number,
  vmCount: number,
): { savedAt: string; subscriptions: SubscriptionSummary[]; vms: Vm[] } {
  const subscriptions: SubscriptionSummary[] = Array.from({ length: 50 }, (_, i) =>
    testSubscription({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      displayName: `Subscription ${i} generation ${generation}`,
      vmCount: vmCount / 50,
    }),
  );
  const vms: Vm[] = Array.from({ length: vmCount }, (_, i) =>
    testVm(`vm-${i}`, {
      subscriptionId: subscriptions[i % subscriptions.length]?.id ?? '',
      size: 'Standard_D2s_v5',
      tags: { generation: String(generation), role: 'web' },
    }),
  );
  return { savedAt: new Date(0).toISOString(), subscriptions, vms };
}
