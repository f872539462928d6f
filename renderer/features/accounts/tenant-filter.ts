// Which tenants a search over an account's tenants shows: a case-insensitive match on the name, the default
// domain or the tenant id. Pure, so the view and its test agree on what "matches" means.
import type { TenantSummary } from '../../../preload/contract';

/** An account with more tenants than this gets a search box over them. */
export const tenantSearchThreshold = 5;

export function filterTenants(tenants: readonly TenantSummary[], query: string): TenantSummary[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...tenants];
  return tenants.filter((tenant) => {
    const text = [tenant.displayName, tenant.defaultDomain ?? '', tenant.tenantId].join(' ').toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
