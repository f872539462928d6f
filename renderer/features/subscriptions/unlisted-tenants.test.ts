import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../../preload/contract';
import { testAlice, testTenant } from '../../../preload/testing/account-fixtures';
import { testSubscription } from '../../../preload/testing/inventory-fixtures';
import { unlistedTenants } from './unlisted-tenants';

const tenant = testTenant;
const alice = testAlice;

describe('unlistedTenants', () => {
  it('names a tenant waiting for a sign-in that no subscription row stands for, with what to do', () => {
    const accounts = [alice([tenant('t1', 'Contoso'), tenant('t3', 'Northwind Lab', { status: 'needs_sign_in' })])];
    const subscriptions = [testSubscription({ tenantId: 't1', accessPaths: [{ accountId: 'a1', tenantId: 't1' }] })];
    expect(unlistedTenants(accounts, subscriptions)).toEqual([
      {
        accountId: 'a1',
        tenantId: 't3',
        tenantName: 'Northwind Lab',
        accountName: 'alice@contoso.test',
        sentence:
          'Northwind Lab (alice@contoso.test): This tenant needs you to sign in again before Cloud Desk can list ' +
          'its subscriptions and VMs.',
        canSignIn: true,
      },
    ]);
  });

  it('leaves out a tenant whose subscriptions are held (their own rows say sign-in needed), a hidden one, a ready one', () => {
    const accounts = [
      alice([
        tenant('t1', 'Contoso', { status: 'needs_sign_in' }),
        tenant('t2', 'Fabrikam', { status: 'needs_sign_in', hidden: true }),
        tenant('t3', 'Northwind Lab'),
      ]),
    ];
    const subscriptions = [testSubscription({ tenantId: 't1', accessPaths: [{ accountId: 'a1', tenantId: 't1' }] })];
    expect(unlistedTenants(accounts, subscriptions)).toEqual([]);
  });

  it('words a failing tenant with its own message', () => {
    const accounts = [alice([tenant('t2', 'Fabrikam', { status: 'error', message: 'Entra ID answered 503.' })])];
    expect(unlistedTenants(accounts, [])[0]?.sentence).toBe(
      'Fabrikam (alice@contoso.test): Entra ID answered 503. Its subscriptions and VMs are not listed.',
    );
  });

  it('offers a sign-in only to a Microsoft account: a service principal has none to offer', () => {
    const failing = tenant('t2', 'Fabrikam', { status: 'error', message: 'The secret has expired.' });
    const principal: AccountSummary = { ...alice([failing]), id: 'sp1', kind: 'service_principal', name: 'ci-bot' };
    expect(unlistedTenants([alice([failing]), principal], []).map((row) => [row.accountId, row.canSignIn])).toEqual([
      ['a1', true],
      ['sp1', false],
    ]);
  });
});
