// The sentences a screen reader hears after a sign-in: counts, plurals and hidden tenants left out.
import { describe, expect, it } from 'vitest';
import type { AccountSummary, TenantSummary } from '../../../preload/contract';
import { signInAnnouncement, standingAnnouncement, tenantTally } from './announcements';

function tenant(tenantId: string, status: TenantSummary['status'], hidden = false): TenantSummary {
  return { tenantId, displayName: `Tenant ${tenantId}`, category: 'guest', status, hidden } as TenantSummary;
}

function account(tenants: TenantSummary[]): AccountSummary {
  return {
    id: 'a',
    kind: 'user',
    cloudId: 'azure',
    cloudName: 'Azure',
    name: 'Alice Example',
    username: 'alice@contoso.test',
    homeTenantId: '1',
    tenants,
    persisted: true,
  } as AccountSummary;
}

describe('signInAnnouncement', () => {
  it('says who connected and how many tenants need a sign-in', () => {
    const alice = account([tenant('1', 'ready'), tenant('2', 'ready'), tenant('3', 'needs_sign_in')]);
    expect(signInAnnouncement(alice)).toBe('Alice Example connected: 3 tenants, 1 needs sign-in.');
  });

  it('says all are ready when none needs anything, and leaves hidden tenants out', () => {
    const alice = account([tenant('1', 'ready'), tenant('2', 'ready'), tenant('3', 'needs_sign_in', true)]);
    expect(signInAnnouncement(alice)).toBe('Alice Example connected: 2 tenants, all ready.');
  });

  it('names the tenant a tenant sign-in was for and whether it is ready now', () => {
    const alice = account([tenant('1', 'ready'), tenant('2', 'needs_sign_in'), tenant('3', 'needs_sign_in')]);
    expect(signInAnnouncement(alice, '1')).toBe(
      'Signed in to Tenant 1, which is ready. Alice Example: 3 tenants, 2 need sign-in.',
    );
  });
});

describe('tenantTally', () => {
  it('counts tenants that could not be checked apart from those that need a sign-in', () => {
    expect(tenantTally(account([tenant('1', 'error')]))).toBe('1 tenant, 1 could not be checked');
  });
});

describe('standingAnnouncement', () => {
  const alice = account([tenant('1', 'ready'), tenant('2', 'ready')]);
  const completed = { accountId: 'a', tenantId: '1', announcement: signInAnnouncement(alice, '1') };

  it('keeps the sentence while the account stands as it was announced', () => {
    expect(standingAnnouncement(completed, [alice])).toBe(
      'Signed in to Tenant 1, which is ready. Alice Example: 2 tenants, all ready.',
    );
  });

  it('drops it once a tenant needs a sign-in again, so "all ready" is never read about a revoked sign-in', () => {
    const revoked = account([tenant('1', 'needs_sign_in'), tenant('2', 'needs_sign_in')]);
    expect(standingAnnouncement(completed, [revoked])).toBe('');
  });

  it('drops it once the account is gone, and says nothing with no sign-in finished', () => {
    expect(standingAnnouncement(completed, [])).toBe('');
    expect(standingAnnouncement(undefined, [alice])).toBe('');
  });
});
