// Network failures in the user's words: proxy unreachable, proxy authentication required, certificate not
// trusted (with its issuer), DNS failure, offline. Errors keep a stable `code` so the words survive the Azure
// SDK's RestError and MSAL's AuthError wrappers, which keep a code and a message but drop the original error.
// No Electron imports.
export type NetworkProblemKind =
  'proxy_unreachable' | 'proxy_auth_required' | 'proxy_refused' | 'certificate_untrusted' | 'dns_failure' | 'offline';

const codeByKind: Record<NetworkProblemKind, string> = {
  proxy_unreachable: 'PROXY_UNREACHABLE',
  proxy_auth_required: 'PROXY_AUTH_REQUIRED',
  proxy_refused: 'PROXY_REFUSED',
  certificate_untrusted: 'CERTIFICATE_NOT_TRUSTED',
  dns_failure: 'DNS_FAILURE',
  offline: 'NETWORK_OFFLINE',
};
const kindByCode = new Map(Object.entries(codeByKind).map(([kind, code]) => [code, kind as NetworkProblemKind]));

export class NetworkProblemError extends Error {
  readonly code: string;
  constructor(
    readonly kind: NetworkProblemKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'NetworkProblemError';
    this.code = codeByKind[kind];
  }
}

export const certificateCodes: ReadonlySet<string> = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const dnsCodes: ReadonlySet<string> = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
const offlineCodes: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
]);

interface Coded {
  code?: unknown;
  errorCode?: unknown;
  message?: unknown;
  errorMessage?: unknown;
  cause?: unknown;
}

/** The codes along an error's cause chain (Node's `code`, MSAL's `errorCode`), outermost first. */
export function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let current: unknown = error, depth = 0; current && depth < 6; depth += 1) {
    if (typeof current !== 'object') break;
    const { code, errorCode, cause } = current as Coded;
    if (typeof code === 'string') codes.push(code);
    if (typeof errorCode === 'string') codes.push(errorCode);
    current = cause;
  }
  return codes;
}

/**
 * The network problem an error carries, if any: our own (also after the SDK or MSAL re-wrapped it, by its code and
 * message) or a raw Node error, described for `host`. Certificate problems found here have no issuer; the
 * network configuration adds it (NetworkConfig.explain).
 */
export function networkProblemOf(error: unknown, host?: string): NetworkProblemError | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 6; depth += 1) {
    if (current instanceof NetworkProblemError) return current;
    if (typeof current !== 'object') break;
    const { code, errorCode, message, errorMessage, cause } = current as Coded;
    const ours = kindByCode.get(typeof code === 'string' ? code : typeof errorCode === 'string' ? errorCode : '');
    const text = typeof errorMessage === 'string' && errorMessage !== '' ? errorMessage : message;
    if (ours && typeof text === 'string') return new NetworkProblemError(ours, text, { cause: current });
    current = cause;
  }
  const codes = errorCodes(error);
  const where = host ?? 'the server';
  const certificate = codes.find((code) => certificateCodes.has(code));
  if (certificate) return certificateUntrusted(where, certificate, undefined, error);
  if (codes.some((code) => dnsCodes.has(code))) {
    return new NetworkProblemError(
      'dns_failure',
      `DNS failure: the name ${where} could not be resolved. Check your connection, or your proxy settings if ` +
        'your network only reaches the internet through a proxy.',
      { cause: error },
    );
  }
  const offline = codes.find((code) => offlineCodes.has(code));
  if (offline) {
    return new NetworkProblemError(
      'offline',
      `Offline: ${where} could not be reached (${offline}). Check your connection.`,
      { cause: error },
    );
  }
  return undefined;
}

export function proxyUnreachable(proxy: string, cause: unknown): NetworkProblemError {
  const code = errorCodes(cause)[0];
  return new NetworkProblemError(
    'proxy_unreachable',
    `Proxy unreachable: Cloud Desk could not connect to the proxy server ${proxy}${code ? ` (${code})` : ''}. ` +
      'Check the proxy in Settings > Network, or ask your network administrator.',
    { cause },
  );
}

export function proxyAuthRequired(proxy: string, hadCredentials: boolean): NetworkProblemError {
  return new NetworkProblemError(
    'proxy_auth_required',
    `Proxy authentication required: the proxy server ${proxy} answered 407 ` +
      (hadCredentials
        ? 'and did not accept the user name and password in Settings > Network. Check them there.'
        : 'and asks for a user name and password. Enter them in Settings > Network.'),
  );
}

export function proxyRefused(proxy: string, target: string, status: number): NetworkProblemError {
  return new NetworkProblemError(
    'proxy_refused',
    `The proxy server ${proxy} did not connect Cloud Desk to ${target} (HTTP ${status}). ` +
      'It may block this address: ask your network administrator.',
  );
}

export function certificateUntrusted(
  host: string,
  code: string,
  issuer: string | undefined,
  cause: unknown,
): NetworkProblemError {
  const what =
    code === 'CERT_HAS_EXPIRED'
      ? 'has expired'
      : code === 'ERR_TLS_CERT_ALTNAME_INVALID'
        ? 'was made for another name'
        : 'is not trusted';
  return new NetworkProblemError(
    'certificate_untrusted',
    `Certificate not trusted: the certificate of ${host} ${what}` +
      (issuer ? ` (issued by ${issuer}).` : '.') +
      ' If your organization inspects TLS traffic, add its root certificate under Extra trusted certificates in ' +
      'Settings > Network.',
    { cause },
  );
}
