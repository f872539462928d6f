// Wraps a BrowserOpener so only https URLs on allowed hosts ever reach the system browser: a compromised
// renderer or a poisoned response cannot make the app open file:, javascript: or arbitrary sites.
import { ServiceError } from '../errors.js';
import type { BrowserOpener } from '../ports.js';

export function restrictOpener(inner: BrowserOpener, allowedHosts: () => readonly string[]): BrowserOpener {
  return {
    async open(url: string): Promise<void> {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw new ServiceError('invalid_input', 'That link is not a valid web address.');
      }
      const hostAllowed = allowedHosts().some((host) => host.toLowerCase() === parsed.host.toLowerCase());
      if (parsed.protocol !== 'https:' || !hostAllowed) {
        throw new ServiceError('forbidden', `Cloud Desk does not open links to ${parsed.host || url}.`);
      }
      await inner.open(parsed.toString());
    },
  };
}

/**
 * The opener one browser sign-in gets: it opens exactly one authorization request as MSAL builds it for this flow
 * (https on the cloud's authority host, an `/oauth2/.../authorize` path, our client id, the authorization-code
 * response with a PKCE S256 challenge, and a loopback redirect), and afterwards only that same page again (the
 * user's "open the sign-in page again"). So a custom cloud added by a (compromised) renderer cannot make the app
 * open an arbitrary page, only a sign-in request for Cloud Desk.
 */
export function signInOpener(inner: BrowserOpener, flow: { authorityHost: string; clientId: string }): BrowserOpener {
  const host = new URL(flow.authorityHost).host.toLowerCase();
  const restricted = restrictOpener(inner, () => [host]);
  let opened: string | undefined;
  return {
    async open(url: string): Promise<void> {
      if (opened !== undefined && url !== opened) {
        throw new ServiceError('forbidden', 'This sign-in has already opened its page in the browser.');
      }
      const reason = notAnAuthorizeRequest(url, flow.clientId);
      if (reason) throw new ServiceError('forbidden', `Cloud Desk does not open that sign-in link: ${reason}.`);
      opened = url;
      await restricted.open(url);
    },
  };
}

function notAnAuthorizeRequest(url: string, clientId: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a web address';
  }
  const query = parsed.searchParams;
  if (!/\/oauth2\/(v2\.0\/)?authorize$/.test(parsed.pathname)) return 'not an authorization endpoint';
  if (query.get('client_id') !== clientId) return 'another client id';
  if (query.get('response_type') !== 'code') return 'not an authorization-code request';
  if (query.get('code_challenge_method') !== 'S256' || !query.get('code_challenge')) return 'no PKCE challenge';
  const redirect = query.get('redirect_uri');
  let redirectUrl: URL | undefined;
  try {
    redirectUrl = redirect ? new URL(redirect) : undefined;
  } catch {
    redirectUrl = undefined;
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'];
  if (redirectUrl?.protocol !== 'http:' || !loopback.includes(redirectUrl.hostname)) return 'not a loopback redirect';
  return undefined;
}
