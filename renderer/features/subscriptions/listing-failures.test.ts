import { describe, expect, it } from 'vitest';
import type { ListingFailure } from '../../../preload/contract-inventory';
import { testAlice, testTenant } from '../../../preload/testing/account-fixtures';
import { failedListings } from './listing-failures';

const alice = testAlice([testTenant('t1', 'Contoso', { category: 'home' })]);

const failure = (accountId: string, tenantId: string): ListingFailure => ({
  accountId,
  tenantId,
  kind: 'error',
  error: { code: 'forbidden', message: 'You do not have permission to list the subscriptions of tenant Contoso.' },
  at: '2030-01-01T10:00:00.000Z',
});

describe('failedListings', () => {
  it("names the tenant and the account, and gives Azure's words", () => {
    expect(failedListings([alice], [failure('a1', 't1')])).toEqual([
      {
        accountId: 'a1',
        tenantId: 't1',
        tenantName: 'Contoso',
        accountName: 'alice@contoso.test',
        kind: 'error',
        sentence:
          "Subscriptions of tenant Contoso (alice@contoso.test) couldn't be listed: You do not have permission to " +
          'list the subscriptions of tenant Contoso.',
        at: '2030-01-01T10:00:00.000Z',
      },
    ]);
  });

  it('falls back to the tenant id for a tenant the account does not name, and skips a signed-out account', () => {
    const listed = failedListings([alice], [failure('a1', 't9'), failure('gone', 't1')]);
    expect(listed.map((f) => [f.accountId, f.tenantName])).toEqual([['a1', 't9']]);
  });
});
