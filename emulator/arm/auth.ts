// Bearer-token checks as ARM's front door does them: reads the Authorization header, lets the identity
// half verify the JWT, checks the audience, and maps every rejection to ARM's real 401 body and
// WWW-Authenticate challenge. It never issues or inspects signing keys itself.
import type { IncomingMessage } from 'node:http';

import { TokenRejectedError, type AccessTokenClaims } from '../types.js';
import { ArmError } from './http.js';

export interface BearerDeps {
  verifyAccessToken(token: string): Promise<AccessTokenClaims>;
  armAudiences: string[];
  now(): number;
  /** Where a client would get a new token; real ARM names login.windows.net. */
  authorizationUri(): string;
  /**
   * Continuous access evaluation: the time (seconds) from which a principal's older tokens are refused with a
   * claims challenge (a critical event such as a password change or disabled account), if any.
   */
  revokedSince(principalId: string): number | undefined;
}

function challenge(deps: BearerDeps, description: string): Record<string, string> {
  return {
    'www-authenticate':
      `Bearer authorization_uri="${deps.authorizationUri()}", error="invalid_token", ` +
      `error_description="${description}"`,
  };
}

function unauthorized(deps: BearerDeps, code: string, message: string, description: string): ArmError {
  return new ArmError(401, { code, message }, challenge(deps, description));
}

/** ARM prints token times in .NET's invariant "G" format, e.g. 11/22/2026 9:05:07 PM. */
function dotnetTime(ms: number): string {
  const d = new Date(ms);
  const hours = d.getUTCHours();
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return (
    `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ` +
    `${h12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`
  );
}

function withoutSlash(value: string): string {
  return value.endsWith('/') ? value.slice(0, -1) : value;
}

/** Reads the expiry without trusting the token, only to word the "expired" message like ARM does. */
function unverifiedExp(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof claims === 'object' && claims !== null && 'exp' in claims && typeof claims.exp === 'number') {
      return claims.exp;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** Returns the verified claims or throws the ArmError ARM would answer with. */
export async function authenticate(req: IncomingMessage, deps: BearerDeps): Promise<AccessTokenClaims> {
  const header = req.headers.authorization;
  if (header === undefined || header.trim() === '') {
    throw unauthorized(
      deps,
      'AuthenticationFailed',
      "Authentication failed. The 'Authorization' header is missing.",
      "The authentication failed because of missing 'Authorization' header.",
    );
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  const token = match?.[1];
  if (token === undefined) {
    throw unauthorized(
      deps,
      'AuthenticationFailed',
      "Authentication failed. The 'Authorization' header is provided in an invalid format.",
      "The authentication failed because of an invalid 'Authorization' header.",
    );
  }
  let claims: AccessTokenClaims;
  try {
    claims = await deps.verifyAccessToken(token);
  } catch (error) {
    if (!(error instanceof TokenRejectedError)) throw error;
    throw rejection(deps, error, token);
  }
  const accepted = deps.armAudiences.map(withoutSlash);
  if (!accepted.includes(withoutSlash(claims.aud))) throw wrongAudience(deps, claims.aud);
  const revoked = deps.revokedSince(claims.oid);
  if (revoked !== undefined && claims.iat < revoked) throw caeChallenge(deps, revoked);
  return claims;
}

/**
 * The CAE claims challenge: 401 with `error="insufficient_claims"` and base64 claims asking for a token issued
 * after the revocation, which clients answer with an interactive sign-in (the SDK's bearer policy passes the
 * claims to the credential).
 */
function caeChallenge(deps: BearerDeps, revokedAt: number): ArmError {
  const claims = Buffer.from(
    JSON.stringify({ access_token: { nbf: { essential: true, value: String(revokedAt) } } }),
  ).toString('base64');
  return new ArmError(
    401,
    {
      code: 'InvalidAuthenticationToken',
      message:
        'Continuous access evaluation resulted in challenge with result: InteractionRequired and code: ' +
        'TokenIssuedBeforeRevocationTimestamp',
    },
    {
      'www-authenticate':
        `Bearer authorization_uri="${deps.authorizationUri()}", error="insufficient_claims", ` + `claims="${claims}"`,
    },
  );
}

function wrongAudience(deps: BearerDeps, aud: string): ArmError {
  const allowed = deps.armAudiences.flatMap((a) => [`${withoutSlash(a)}/`, withoutSlash(a)]);
  return unauthorized(
    deps,
    'InvalidAuthenticationTokenAudience',
    `The access token has been obtained for wrong audience or resource '${aud}'. It should exactly match ` +
      `with one of the allowed audiences ${[...new Set(allowed)].map((a) => `'${a}'`).join(',')}.`,
    'The access token has been obtained from wrong audience or resource.',
  );
}

function rejection(deps: BearerDeps, error: TokenRejectedError, token: string): ArmError {
  switch (error.reason) {
    case 'expired': {
      const exp = unverifiedExp(token);
      const expText = exp === undefined ? 'unknown' : dotnetTime(exp * 1000);
      return unauthorized(
        deps,
        'ExpiredAuthenticationToken',
        `The access token expiry UTC time '${expText}' is earlier than current UTC time ` +
          `'${dotnetTime(deps.now())}'.`,
        'The access token expiry UTC time is earlier than current UTC time.',
      );
    }
    case 'wrong_audience': {
      const payload = token.split('.')[1] ?? '';
      let aud = 'unknown';
      try {
        const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        if (typeof parsed === 'object' && parsed !== null && 'aud' in parsed && typeof parsed.aud === 'string') {
          aud = parsed.aud;
        }
      } catch {
        // The audience is only quoted in the message; an unreadable one stays "unknown".
      }
      return wrongAudience(deps, aud);
    }
    case 'wrong_issuer':
      return unauthorized(
        deps,
        'InvalidAuthenticationTokenTenant',
        'The access token is from an issuer that is not trusted by this endpoint.',
        'The access token is from wrong issuer.',
      );
    case 'invalid_signature':
    case 'malformed':
      return unauthorized(
        deps,
        'InvalidAuthenticationToken',
        'The access token is invalid.',
        'The access token is invalid.',
      );
  }
}

/** A token from another tenant used on a subscription: ARM names the tenant to get a token from. */
export function wrongTenant(deps: BearerDeps, claims: AccessTokenClaims, subscriptionTenant: string): ArmError {
  return unauthorized(
    deps,
    'InvalidAuthenticationTokenTenant',
    `The access token is from the wrong issuer '${claims.iss}'. It must match the tenant ` +
      `'https://sts.windows.net/${subscriptionTenant}/' associated with this subscription. Please use the ` +
      `authority (URL) '${deps.authorizationUri()}${subscriptionTenant}' to get the token. Note, if the ` +
      'subscription is transferred to another tenant there is no impact to the services, but information ' +
      'about new tenant could take time to propagate (up to an hour). If you just transferred your ' +
      'subscription and see this error message, please try back later.',
    'The access token is from the wrong issuer.',
  );
}
