// Test data for code that reads the activity log (main and renderer tests alike): entry n is a deallocate of
// vm-n by Alice that succeeded, n seconds after 11:00, with every field a test does not name set to a plain
// default. Test code only.
import type { ActivityEntry } from '../contract-operations.js';

export function testActivityEntry(n: number, change: Partial<ActivityEntry> = {}): ActivityEntry {
  return {
    id: `id-${n}`,
    at: `2026-11-30T11:00:${String(n).padStart(2, '0')}Z`,
    action: 'deallocate',
    targetId: `/subscriptions/s/resourcegroups/rg/providers/microsoft.compute/virtualmachines/vm-${n}`,
    targetName: `vm-${n}`,
    resourceGroup: 'rg',
    subscriptionId: 's',
    accountId: 'alice-id',
    accountName: 'alice@contoso.example',
    result: 'succeeded',
    durationMs: 1500,
    ...change,
  };
}
