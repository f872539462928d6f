// Online/offline as learned from real calls, not from a probe: a request that cannot reach its host marks the
// app offline, the next one that gets any answer marks it online again. No Electron imports.
import { NetworkProblemError } from './network-errors.js';

const connectivityCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
  'REQUEST_SEND_ERROR',
  // NetworkProblemError's codes for "nothing can be reached" (network-errors.ts).
  'PROXY_UNREACHABLE',
  'DNS_FAILURE',
  'NETWORK_OFFLINE',
]);

/** True when the error says the host could not be reached at all (as opposed to an HTTP error answer). */
export function isConnectivityError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    if (typeof current !== 'object') return false;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && connectivityCodes.has(code)) return true;
    const errorCode = (current as { errorCode?: unknown }).errorCode;
    if (typeof errorCode === 'string' && connectivityCodes.has(errorCode)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export class Connectivity {
  private current = true;
  private problem: NetworkProblemError | undefined;
  private readonly listeners = new Set<(online: boolean) => void>();

  get online(): boolean {
    return this.current;
  }

  /**
   * The last network problem in words (proxy, certificate, DNS), until a call succeeds. MSAL swallows some network
   * errors (authority discovery becomes endpoints_resolution_error); this keeps what really happened.
   */
  get lastProblem(): NetworkProblemError | undefined {
    return this.problem;
  }

  reportSuccess(): void {
    this.problem = undefined;
    this.set(true);
  }

  reportFailure(error: unknown): void {
    if (error instanceof NetworkProblemError) this.problem = error;
    if (isConnectivityError(error)) this.set(false);
  }

  onChange(listener: (online: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(online: boolean): void {
    if (online === this.current) return;
    this.current = online;
    for (const listener of this.listeners) listener(online);
  }
}
