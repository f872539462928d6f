// Accounts and tenants for tests: Alice, a user account in the Azure cloud, with the tenants a test gives her.
import type { AccountSummary, TenantSummary } from '../contract.js';

/** A ready, confirmed tenant named `displayName` (a guest one unless `change` says otherwise). */
export function testTenant(tenantId: string, displayName: string, change: Partial<TenantSummary> = {}): TenantSummary {
  return {
    tenantId,
    displayName,
    category: 'guest',
    status: 'ready',
    hidden: false,
    confirmed: true,
    checking: false,
    ...change,
  };
}

/** Alice (account a1, alice@contoso.test, home tenant t1) with these tenants. */
export function testAlice(tenants: TenantSummary[]): AccountSummary {
  return {
    id: 'a1',
    kind: 'user',
    cloudId: 'azure',
    cloudName: 'Azure',
    name: 'Alice Example',
    username: 'alice@contoso.test',
    homeTenantId: 't1',
    tenants,
    persisted: true,
    checking: false,
  };
}
