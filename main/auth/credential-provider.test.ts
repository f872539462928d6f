// One credential per (account, tenant), reused; one SDK credential per service principal, rebuilt only when its
// stored credential changes; a claims challenge marks the tenant instead of asking the token service again.
import type { TokenCredential } from '@azure/core-auth';
import { describe, expect, it } from 'vitest';
import type { StoredAccount, StoredServicePrincipal } from '../accounts/account-registry.js';
import { ServiceError } from '../errors.js';
import { CredentialProvider } from './credential-provider.js';
import type { UserTokenRequest } from './user-tokens.js';
import { exampleCloud, storedAlice } from '../testing/account-fixtures.js';

const cloud = exampleCloud;

const user: StoredAccount = storedAlice();

const principal: StoredServicePrincipal = {
  kind: 'service_principal',
  id: 'sp:t1:c1',
  cloudId: 'azure',
  name: 'Build agent',
  clientId: 'c1',
  homeTenantId: 't1',
  credential: { kind: 'secret', secret: 'one' },
  tenants: [],
};

function setup(options: { hang?: boolean } = {}) {
  const never = new Promise<never>(() => undefined);
  const accounts = new Map<string, StoredAccount>([
    [user.id, user],
    [principal.id, principal],
  ]);
  const requests: UserTokenRequest[] = [];
  const built: StoredServicePrincipal[] = [];
  const challenges: string[] = [];
  const provider = new CredentialProvider({
    account: (id) => accounts.get(id),
    cloud: () => cloud,
    userTokens: {
      silent: (request) => {
        requests.push(request);
        if (options.hang) return never;
        return Promise.resolve({ token: `token-${request.tenantId}`, expiresOnTimestamp: 1, tokenType: 'Bearer' });
      },
    },
    servicePrincipalCredential: (account): TokenCredential => {
      built.push(account);
      return { getToken: () => (options.hang ? never : Promise.resolve({ token: 'app', expiresOnTimestamp: 1 })) };
    },
    onClaimsChallenge: (accountId, tenantId, claims) => challenges.push(`${accountId}/${tenantId}: ${claims}`),
  });
  return { provider, accounts, requests, built, challenges };
}

describe('CredentialProvider', () => {
  it('gives the same credential for the same account and tenant, and asks for that tenant', async () => {
    const { provider, requests } = setup();
    const first = provider.credentialFor('alice', 't2');
    expect(provider.credentialFor('alice', 't2')).toBe(first);
    expect(provider.credentialFor('alice', 't3')).not.toBe(first);
    expect(await first.getToken('https://arm.example/.default')).toMatchObject({ token: 'token-t2' });
    expect(requests[0]).toMatchObject({ accountId: 'alice', tenantId: 't2', scopes: ['https://arm.example/.default'] });
  });

  it('builds one SDK credential per service principal and rebuilds it only when its secret changes', () => {
    const { provider, accounts, built } = setup();
    const first = provider.credentialFor(principal.id, 't1');
    expect(provider.credentialFor(principal.id, 't9')).toBe(first);
    expect(built).toHaveLength(1);
    accounts.set(principal.id, { ...principal, credential: { kind: 'secret', secret: 'two' } });
    expect(provider.credentialFor(principal.id, 't1')).not.toBe(first);
    expect(built).toHaveLength(2);
  });

  it('turns a claims challenge into a marked tenant and an interaction_required error, without a token call', async () => {
    const { provider, requests, challenges } = setup();
    const claims = Buffer.from('{"access_token":{"nbf":{"essential":true}}}').toString('base64');
    await expect(provider.credentialFor('alice', 't1').getToken('scope', { claims })).rejects.toMatchObject({
      code: 'interaction_required',
    });
    expect(challenges).toEqual(['alice/t1: {"access_token":{"nbf":{"essential":true}}}']);
    expect(requests).toEqual([]);
  });

  it('lets go of a token request that hangs once its caller aborts, for users and service principals', async () => {
    const { provider } = setup({ hang: true });
    for (const accountId of ['alice', principal.id]) {
      const abort = new AbortController();
      const token = provider.credentialFor(accountId, 't1').getToken('scope', { abortSignal: abort.signal });
      abort.abort();
      await expect(token).rejects.toMatchObject({ name: 'AbortError' });
    }
  });

  it('refuses accounts that are not connected, also after one was forgotten mid-way', async () => {
    const { provider, accounts } = setup();
    expect(() => provider.credentialFor('nobody', 't1')).toThrow(ServiceError);
    const credential = provider.credentialFor('alice', 't1');
    accounts.delete('alice');
    provider.forget('alice');
    await expect(credential.getToken('scope')).rejects.toMatchObject({ code: 'not_found' });
  });
});
