// Codes become words here and only here: tenant badges, sign-in reasons and error next steps.
import { describe, expect, it } from 'vitest';
import type { TenantSummary } from '../preload/contract';
import { describeError, describeTenantStatus, tenantBadge } from './errors';

const tenant: TenantSummary = {
  tenantId: 't1',
  displayName: 'Contoso',
  category: 'home',
  status: 'ready',
  hidden: false,
  confirmed: true,
  checking: false,
};

describe('tenant status in words', () => {
  it('gives every status a badge with words, and hidden wins over the status', () => {
    expect(tenantBadge(tenant).label).toBe('Ready');
    expect(tenantBadge({ ...tenant, status: 'needs_sign_in' }).label).toBe('Sign-in needed');
    expect(tenantBadge({ ...tenant, status: 'error' }).label).toBe('Error');
    expect(tenantBadge({ ...tenant, status: 'error', hidden: true }).label).toBe('Hidden');
  });

  it('words the reason a sign-in is needed, falling back to main’s message', () => {
    const needs = { ...tenant, status: 'needs_sign_in' as const };
    expect(describeTenantStatus({ ...needs, reason: 'mfa' })).toBe('This tenant requires multi-factor authentication');
    expect(describeTenantStatus({ ...needs, reason: 'conditional_access' })).toBe(
      'Conditional Access policy requires you to sign in again',
    );
    expect(describeTenantStatus({ ...needs, reason: 'expired' })).toBe('Your sign-in expired');
    expect(describeTenantStatus({ ...needs, reason: 'revoked' })).toBe('Access was revoked');
    expect(describeTenantStatus({ ...needs, reason: 'not_member' })).toBe(
      'You are not a member of this tenant any more',
    );
    expect(describeTenantStatus({ ...needs, reason: 'no_session' })).toBe('Sign in to continue');
    expect(describeTenantStatus({ ...needs, message: 'Ask your admin.' })).toBe('Ask your admin.');
    expect(describeTenantStatus(tenant)).toBeUndefined();
    expect(describeTenantStatus({ ...tenant, status: 'error', message: 'AADSTS90002: no tenant' })).toBe(
      'AADSTS90002: no tenant',
    );
  });
});

describe('describeError', () => {
  it('adds the next step where there is one', () => {
    expect(describeError({ code: 'encryption_unavailable', message: 'No keyring.' })).toEqual({
      title: 'Secure storage is unavailable',
      message: expect.stringContaining('GNOME Keyring or KWallet') as unknown as string,
    });
    expect(describeError({ code: 'not_found', message: 'Gone.' })).toEqual({ title: 'Not found', message: 'Gone.' });
  });
});
