// Test data for the accounts and auth unit tests: a public cloud at example hosts (nothing is contacted) and the
// user Alice as the account registry stores her. Test code only.
import type { StoredTenant, StoredUserAccount } from '../accounts/account-registry.js';
import type { CloudEndpoints } from '../clouds.js';

export const exampleCloud: CloudEndpoints = {
  id: 'azure',
  name: 'Azure',
  kind: 'public',
  authorityHost: 'https://login.example',
  armEndpoint: 'https://arm.example',
  armAudience: 'https://arm.example/',
};

/** Alice, signed in to `exampleCloud` with home tenant t1, as stored with `tenants`. */
export function storedAlice(tenants: StoredTenant[] = []): StoredUserAccount {
  return {
    kind: 'user',
    id: 'alice',
    cloudId: 'azure',
    name: 'Alice',
    username: 'alice@example',
    homeTenantId: 't1',
    localAccountId: 'oid',
    environment: 'login.example',
    tenants,
  };
}
