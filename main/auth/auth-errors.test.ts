import { InteractionRequiredAuthError } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { classifyAuthError, consentProblemKind, deviceCodeDeclined } from './auth-errors.js';

function interaction(errorCode: string, message: string, subError = '', claims = ''): InteractionRequiredAuthError {
  return new InteractionRequiredAuthError(errorCode, 'corr-1', message, subError, undefined, undefined, claims);
}

describe('classifyAuthError', () => {
  it.each([
    ['AADSTS50076: Due to a configuration change made by your administrator, you must use MFA', 'mfa'],
    ['AADSTS65001: The user or administrator has not consented', 'consent'],
    ['AADSTS53003: Access has been blocked by Conditional Access policies', 'conditional_access'],
    ['AADSTS700082: The refresh token has expired due to inactivity', 'expired'],
    ['AADSTS50173: The provided grant has expired due to it being revoked', 'revoked'],
    ['AADSTS90072: User account from identity provider does not exist in tenant', 'not_member'],
  ])('maps "%s" to needs_sign_in (%s)', (message, reason) => {
    expect(classifyAuthError(interaction('invalid_grant', message))).toMatchObject({
      kind: 'needs_sign_in',
      reason,
      correlationId: 'corr-1',
    });
  });

  it('keeps the Conditional Access claims to send back with the next sign-in', () => {
    const claims = '{"access_token":{"capolids":{"essential":true,"values":["p1"]}}}';
    expect(classifyAuthError(interaction('invalid_grant', 'AADSTS50076: MFA', 'basic_action', claims))).toMatchObject({
      kind: 'needs_sign_in',
      reason: 'mfa',
      claims,
    });
  });

  it('treats a missing cached session as no_session', () => {
    expect(classifyAuthError({ errorCode: 'no_tokens_found', message: 'no_tokens_found' })).toMatchObject({
      kind: 'needs_sign_in',
      reason: 'no_session',
    });
  });

  it('says offline when the host cannot be reached at all', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' });
    expect(classifyAuthError(error).kind).toBe('offline');
    expect(classifyAuthError({ message: 'wrapped', cause: error }).kind).toBe('offline');
  });

  it('reports other failures as errors with the AADSTS line and correlation id', () => {
    const problem = classifyAuthError({
      errorCode: 'invalid_client',
      errorMessage: 'AADSTS7000215: Invalid client secret provided.\r\nTrace ID: x',
      correlationId: 'corr-2',
    });
    expect(problem).toEqual({
      kind: 'error',
      message: 'AADSTS7000215: Invalid client secret provided.',
      correlationId: 'corr-2',
    });
  });

  it('keeps only the explaining sentence of a long Entra description', () => {
    const problem = classifyAuthError({
      errorMessage:
        "AADSTS700016: Application with identifier 'x' was not found in the directory 'Contoso'. Trace ID: 1 Correlation ID: 2 Timestamp: 2026-11-22 21:15:09Z",
    });
    expect(problem.message).toBe(
      "AADSTS700016: Application with identifier 'x' was not found in the directory 'Contoso'.",
    );
  });

  it('copes with garbage', () => {
    expect(classifyAuthError(undefined).kind).toBe('error');
    expect(classifyAuthError('a string').kind).toBe('error');
  });

  it.each([
    [{ errorCode: 'network_error', errorMessage: 'See https://aka.ms/msal.js.errors#network_error for details' }],
    [{ errorCode: 'endpoints_resolution_error', errorMessage: 'See https://aka.ms/msal.js.errors for details' }],
  ])("words MSAL's network failures (%o) in the user's terms", (error) => {
    const problem = classifyAuthError(error);
    expect(problem.message).toContain('could not be reached');
    expect(problem.message).not.toContain('aka.ms');
  });

  it('words a server failure that arrives as "Error(s): Not Available"', () => {
    const problem = classifyAuthError({
      errorCode: 'invalid_response',
      status: 503,
      errorMessage:
        'Error(s): Not Available - Timestamp: Not Available - Description: Unexpected response - Correlation ID: Not Available - Trace ID: Not Available',
    });
    expect(problem.message).toBe(
      'The sign-in service is temporarily unavailable (HTTP 503). Try again in a few minutes.',
    );
  });

  it('keeps the description MSAL wrapped in "Error(s): Not Available"', () => {
    const problem = classifyAuthError({
      errorCode: 'weird',
      errorMessage:
        'Error(s): Not Available - Timestamp: Not Available - Description: The proxy refused the request - Correlation ID: 1 - Trace ID: Not Available',
    });
    expect(problem.message).toBe('The proxy refused the request');
  });
});

describe('consentProblemKind', () => {
  it('tells declined consent from consent only an administrator can give, and ignores the rest', () => {
    expect(consentProblemKind({ errorMessage: 'AADSTS65004: User declined to consent to access the app.' })).toBe(
      'declined',
    );
    expect(consentProblemKind({ message: 'access_denied: AADSTS90094: The grant requires admin permission.' })).toBe(
      'admin_approval_required',
    );
    expect(consentProblemKind({ errorMessage: 'AADSTS50076: MFA' })).toBeUndefined();
  });
});

describe('deviceCodeDeclined', () => {
  it('recognises the token endpoint declining a device code, in Entra’s words and RFC 8628’s', () => {
    expect(deviceCodeDeclined({ errorCode: 'post_request_failed', errorMessage: 'authorization_declined' })).toBe(true);
    expect(deviceCodeDeclined({ errorCode: 'post_request_failed', errorMessage: 'access_denied' })).toBe(true);
    expect(deviceCodeDeclined({ errorCode: 'post_request_failed', errorMessage: 'expired_token' })).toBe(false);
    expect(deviceCodeDeclined({ errorCode: 'access_denied', errorMessage: 'authorization_declined' })).toBe(false);
  });
});
