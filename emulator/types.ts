// Types shared by the emulator's Entra ID (identity/) and Resource Manager (arm/) halves and its core server.
// Emulator code only: product code never imports anything under emulator/.

/** Claims of an access token the emulator's Entra ID issued, as ARM sees them after verification. */
export interface AccessTokenClaims {
  aud: string;
  iss: string;
  tid: string;
  oid: string;
  sub: string;
  /** Delegated scopes (user tokens), e.g. "user_impersonation". */
  scp?: string;
  /** 'user' for delegated tokens, 'app' for client-credentials tokens. */
  idtyp: 'user' | 'app';
  appid: string;
  iat: number;
  exp: number;
  name?: string;
  preferred_username?: string;
}

export type TokenRejection = 'malformed' | 'invalid_signature' | 'expired' | 'wrong_audience' | 'wrong_issuer';

/** Thrown by the token verifier; ARM turns it into the matching 401 body. */
export class TokenRejectedError extends Error {
  constructor(
    readonly reason: TokenRejection,
    message: string,
  ) {
    super(message);
    this.name = 'TokenRejectedError';
  }
}

/** Per-request facts the core server creates and route handlers fill in for the request log. */
export interface RequestContext {
  requestId: string;
  correlationId: string;
  /** Route pattern for the request log, e.g. "GET /subscriptions/{s}/providers/Microsoft.Compute/virtualMachines". */
  route: string | undefined;
  /** The verified token's subject (oid), when the route checked one. */
  subject: string | undefined;
}
