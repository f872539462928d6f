// Turns what MSAL and Entra ID say into a tenant status the user can act on: which sign-in is needed and why
// (MFA, consent, Conditional Access with its claims, expired or revoked sessions), or an error in words with its
// correlation id. MSAL's own wording of network and server failures ("Error(s): Not Available - ...",
// "network_error: See https://aka.ms/...") never reaches the user. No Electron imports.
import { InteractionRequiredAuthError } from '@azure/msal-node';
import { signInReasonText, type ConsentProblem, type SignInReason } from '../../preload/contract.js';
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

export function reasonMessage(reason: SignInReason): string {
  return signInReasonText[reason];
}

/** Declined consent (AADSTS65004) or consent only an administrator can give (AADSTS90094/90095). */
export function consentProblemKind(error: unknown): ConsentProblem['kind'] | undefined {
  const details = (typeof error === 'object' && error !== null ? error : {}) as MsalLike;
  const text = `${details.errorMessage ?? ''} ${details.message ?? ''}`;
  if (/AADSTS(90094|90095|90099)\b/.test(text)) return 'admin_approval_required';
  if (/AADSTS65004\b/.test(text)) return 'declined';
  return undefined;
}

/**
 * Whether a device-code sign-in was declined on the page where the code was entered: MSAL stops polling with
 * `post_request_failed` and the token endpoint's bare error code (Entra's `authorization_declined`, RFC 8628's
 * `access_denied`) as its message, which says nothing to a person.
 */
export function deviceCodeDeclined(error: unknown): boolean {
  const details = (typeof error === 'object' && error !== null ? error : {}) as MsalLike;
  const code = (details.errorMessage ?? '').trim();
  return details.errorCode === 'post_request_failed' && (code === 'authorization_declined' || code === 'access_denied');
}

interface MsalLike {
  errorCode?: string;
  status?: number;
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
      message: signInReasonText[reason],
      ...(details.claims ? { claims: details.claims } : {}),
      ...correlation,
    };
  }
  // Entra's descriptions run on with trace ids, correlation ids and timestamps; keep the sentence that explains.
  const aadsts =
    /AADSTS\d+:[^\r\n]*?(?=\s+(?:Trace ID|Correlation ID|Timestamp):|\s+-\s+Correlation ID:|[\r\n]|$)/.exec(text)?.[0];
  const transient = /^AADSTS(90033|90055)\b/.test(aadsts ?? '');
  if (aadsts && !transient) return { kind: 'error', message: aadsts, ...correlation };
  return { kind: 'error', message: msalFailureInWords(details, text, transient), ...correlation };
}

/** MSAL's network and server failures, which it words for developers, in the user's terms. */
function msalFailureInWords(details: MsalLike, text: string, transient: boolean): string {
  const code = details.errorCode ?? '';
  if (code === 'network_error' || code === 'endpoints_resolution_error' || isConnectivityError(details)) {
    return 'The sign-in service could not be reached. Check your connection (and proxy, if you use one), then try again.';
  }
  if (transient || code === 'temporarily_unavailable' || code === 'server_error' || (details.status ?? 0) >= 500) {
    const status = details.status ? ` (HTTP ${details.status})` : '';
    return `The sign-in service is temporarily unavailable${status}. Try again in a few minutes.`;
  }
  if (code === 'invalid_response') {
    return 'The sign-in service sent an answer Cloud Desk could not read (a proxy or captive portal may be in the way). Try again.';
  }
  // "Error(s): Not Available - Timestamp: Not Available - Description: <what we want> - Correlation ID: ..."
  const description = /Description:\s*(.*?)\s+-\s+Correlation ID:/.exec(text)?.[1];
  if (description && description !== 'Not Available') return description;
  if (/Error\(s\):|aka\.ms\//.test(text) || text.trim() === '') {
    return 'The sign-in service returned an unexpected error. Try again; if it keeps happening, the log file has the details.';
  }
  return details.errorMessage || details.message || 'The sign-in service returned an unexpected error.';
}
