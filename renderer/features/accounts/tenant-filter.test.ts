// The tenant search: every word must appear in the name, the domain or the id, whatever the case.
import { describe, expect, it } from 'vitest';
import type { TenantSummary } from '../../../preload/contract';
import { testTenant } from '../../../preload/testing/account-fixtures';
import { filterTenants } from './tenant-filter';

function tenant(displayName: string, tenantId: string, defaultDomain?: string): TenantSummary {
  return testTenant(tenantId, displayName, defaultDomain ? { defaultDomain } : {});
}

const tenants = [
  tenant('Contoso', '6f1c2a4e-8b3d-4c7a-9e21-5d0b7f3a1c01', 'contoso.test'),
  tenant('Northwind Lab', '9c4d8e21-3f7a-4b6d-a0e5-7b2c1d9f8e03', 'northwindlab.test'),
  tenant('Fabrikam', '2b7e9d10-4a6c-4f3e-8d52-a1c9e0b74f02'),
];

describe('filterTenants', () => {
  it('keeps every tenant for an empty or blank query', () => {
    expect(filterTenants(tenants, '  ')).toHaveLength(3);
  });

  it('matches names, domains and ids without regard to case', () => {
    expect(filterTenants(tenants, 'NORTH').map((t) => t.displayName)).toEqual(['Northwind Lab']);
    expect(filterTenants(tenants, 'contoso.test').map((t) => t.displayName)).toEqual(['Contoso']);
    expect(filterTenants(tenants, '2b7e9d10').map((t) => t.displayName)).toEqual(['Fabrikam']);
  });

  it('needs every word to match', () => {
    expect(filterTenants(tenants, 'northwind lab').map((t) => t.displayName)).toEqual(['Northwind Lab']);
    expect(filterTenants(tenants, 'northwind contoso')).toEqual([]);
  });
});
