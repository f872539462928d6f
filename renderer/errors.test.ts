// Codes become words here and only here: tenant badges, sign-in reasons and error next steps.
import { describe, expect, it } from 'vitest';
import { signInReasonSchema, signInReasonText, type TenantSummary } from '../preload/contract';
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

  it('marks a state remembered from an earlier run as unconfirmed until main confirms it', () => {
    expect(tenantBadge({ ...tenant, confirmed: false }).unconfirmed).toBe(true);
    expect(tenantBadge(tenant).unconfirmed).toBe(false);
  });

  it('words the reason a sign-in is needed, falling back to main’s message', () => {
    const needs = { ...tenant, status: 'needs_sign_in' as const };
    // One vocabulary: the renderer shows the contract's words for each reason, the same ones main writes.
    for (const reason of signInReasonSchema.options) {
      expect(describeTenantStatus({ ...needs, reason })).toBe(signInReasonText[reason]);
    }
    expect(describeTenantStatus({ ...needs, reason: 'revoked' })).toMatch(/for example after a password change/);
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

  it('does not repeat a next step the message already gives', () => {
    expect(describeError({ code: 'offline', message: 'The sign-in service could not be reached.' }).message).toBe(
      'The sign-in service could not be reached. Check your connection; Cloud Desk retries when you are back online.',
    );
    expect(
      describeError({ code: 'offline', message: 'The sign-in service could not be reached. Check your connection.' })
        .message,
    ).toBe('The sign-in service could not be reached. Check your connection.');
  });
});
