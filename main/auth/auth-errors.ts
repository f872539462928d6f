// Turns what MSAL and Entra ID say into a tenant status the user can act on: which sign-in is needed and why
// (MFA, consent, Conditional Access with its claims, expired or revoked sessions), or an error with its
// correlation id. No Electron imports.
import { InteractionRequiredAuthError } from '@azure/msal-node';
import type { SignInReason } from '../../preload/contract.js';
import { isConnectivityError } from '../net/connectivity.js';
import { networkProblemOf } from '../net/network-errors.js';

export type AuthProblem =
  | { kind: 'needs_sign_in'; reason: SignInReason; message: string; claims?: string; correlationId?: string }
  | { kind: 'offline'; message: string }
  | { kind: 'error'; message: string; correlationId?: string };

const reasonByCode: [RegExp, SignInReason][] = [
  [/AADSTS(50076|50079|50074|50158)\b/, 'mfa'],
  [/AADSTS(65001|65004)\b/, 'consent'],
  [/AADSTS(53003|530003|50097|530002)\b/, 'conditional_access'],
  [/AADSTS(70008|700082|700084|50132|50078)\b/, 'expired'],
  [/AADSTS(50173|50133|50135|50034)\b/, 'revoked'],
  [/AADSTS(90072|50020|500200)\b/, 'not_member'],
];

const reasonWords: Record<SignInReason, string> = {
  mfa: 'This tenant requires multi-factor authentication.',
  consent: 'Cloud Desk needs your consent in this tenant.',
  conditional_access: 'A Conditional Access policy in this tenant asks you to sign in again.',
  expired: 'Your sign-in has expired.',
  revoked: 'Your sign-in was revoked (for example after a password change).',
  not_member: 'Your account is not a member of this tenant.',
  no_session: 'Sign in to this tenant to continue.',
  other: 'This tenant asks you to sign in again.',
};

export function reasonMessage(reason: SignInReason): string {
  return reasonWords[reason];
}

interface MsalLike {
  errorCode?: string;
  errorMessage?: string;
  subError?: string;
  correlationId?: string;
  claims?: string;
  message?: string;
}

export function classifyAuthError(error: unknown): AuthProblem {
  // Proxy, certificate and DNS problems (main/net) carry their own words.
  const network = networkProblemOf(error);
  if (network && network.kind !== 'offline') {
    return { kind: isConnectivityError(network) ? 'offline' : 'error', message: network.message };
  }
  if (isConnectivityError(error)) {
    return { kind: 'offline', message: 'The sign-in service could not be reached. Check your connection.' };
  }
  const details = (typeof error === 'object' && error !== null ? error : {}) as MsalLike;
  const text = `${details.errorMessage ?? ''} ${details.message ?? ''}`;
  const correlation = details.correlationId ? { correlationId: details.correlationId } : {};
  const interaction =
    error instanceof InteractionRequiredAuthError ||
    details.errorCode === 'no_tokens_found' ||
    details.errorCode === 'no_account_in_silent_request' ||
    details.errorCode === 'interaction_required' ||
    details.errorCode === 'consent_required' ||
    details.errorCode === 'login_required';
  const byCode = reasonByCode.find(([pattern]) => pattern.test(text))?.[1];
  if (interaction || byCode) {
    const reason: SignInReason =
      byCode ??
      (details.subError === 'consent_required' || details.errorCode === 'consent_required'
        ? 'consent'
        : details.subError === 'basic_action' && details.claims
          ? 'conditional_access'
          : details.errorCode === 'no_tokens_found' || details.errorCode === 'no_account_in_silent_request'
            ? 'no_session'
            : 'other');
    return {
      kind: 'needs_sign_in',
      reason,
      message: reasonWords[reason],
      ...(details.claims ? { claims: details.claims } : {}),
      ...correlation,
    };
  }
  // Entra's descriptions run on with trace ids, correlation ids and timestamps; keep the sentence that explains.
  const aadsts = /AADSTS\d+:[^\r\n]*?(?=\s+(?:Trace ID|Correlation ID|Timestamp):|[\r\n]|$)/.exec(text)?.[0];
  return {
    kind: 'error',
    message: aadsts ?? (details.errorMessage || details.message || 'The sign-in service returned an unexpected error.'),
    ...correlation,
  };
}
