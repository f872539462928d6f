// Mints and verifies the emulator's JWTs: v2-style access tokens for ARM, id tokens for MSAL, client_info.
// Signing and claim shapes only; deciding whether a caller deserves a token is the token endpoint's job.
import { createHash, randomBytes } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { TokenRejectedError, type AccessTokenClaims } from '../types.js';
import type { SigningKey } from './keys.js';

export interface AccessTokenInput {
  aud: string;
  tid: string;
  oid: string;
  idtyp: 'user' | 'app';
  appid: string;
  /** 0 public client, 1 client secret, 2 certificate. */
  appidacr: '0' | '1' | '2';
  scp?: string;
  name?: string;
  preferredUsername?: string;
  /** The home tenant of a guest, so `idp` can say where the user came from. */
  homeTenant?: string;
  amr?: string[];
  lifetimeSeconds: number;
}

export interface IdTokenInput {
  clientId: string;
  tid: string;
  oid: string;
  name: string;
  preferredUsername: string;
  nonce: string | undefined;
  amr: string[];
}

export function clientInfo(uid: string, utid: string): string {
  return Buffer.from(JSON.stringify({ uid, utid })).toString('base64url');
}

/** Entra's `sub` is pairwise: stable per (user, app) and different across apps. */
function pairwiseSub(oid: string, clientId: string): string {
  return createHash('sha256').update(`${oid}|${clientId}`).digest('base64url').slice(0, 43);
}

/** Signature-checked payloads by token: ARM is sent the same bearer token many times per sweep. */
const maxVerifiedTokens = 1000;

export class TokenMinter {
  private readonly verified = new Map<string, Record<string, unknown>>();

  constructor(
    private readonly key: SigningKey,
    private readonly baseUrl: () => string,
    private readonly now: () => number,
  ) {}

  issuer(tid: string): string {
    return `${this.baseUrl()}/${tid}/v2.0`;
  }

  private header(): { alg: 'RS256'; typ: 'JWT'; kid: string; x5t: string } {
    return { alg: 'RS256', typ: 'JWT', kid: this.key.kid, x5t: this.key.kid };
  }

  async accessToken(input: AccessTokenInput): Promise<{ token: string; exp: number }> {
    const iat = Math.floor(this.now() / 1000);
    const exp = iat + input.lifetimeSeconds;
    const claims: Record<string, unknown> = {
      aud: input.aud,
      iss: this.issuer(input.tid),
      iat,
      nbf: iat - 300,
      exp,
      appid: input.appid,
      azp: input.appid,
      appidacr: input.appidacr,
      idtyp: input.idtyp,
      oid: input.oid,
      sub: input.idtyp === 'app' ? input.oid : pairwiseSub(input.oid, input.aud),
      tid: input.tid,
      uti: randomBytes(16).toString('base64url'),
      ver: '2.0',
    };
    if (input.scp !== undefined) claims['scp'] = input.scp;
    if (input.name !== undefined) claims['name'] = input.name;
    if (input.preferredUsername !== undefined) claims['preferred_username'] = input.preferredUsername;
    if (input.amr !== undefined) claims['amr'] = input.amr;
    if (input.homeTenant !== undefined && input.homeTenant !== input.tid) {
      claims['idp'] = `https://sts.windows.net/${input.homeTenant}/`;
    }
    const token = await new SignJWT(claims).setProtectedHeader(this.header()).sign(this.key.privateKey);
    return { token, exp };
  }

  async idToken(input: IdTokenInput): Promise<string> {
    const iat = Math.floor(this.now() / 1000);
    const claims: Record<string, unknown> = {
      aud: input.clientId,
      iss: this.issuer(input.tid),
      iat,
      nbf: iat - 300,
      exp: iat + 3600,
      name: input.name,
      oid: input.oid,
      preferred_username: input.preferredUsername,
      sub: pairwiseSub(input.oid, input.clientId),
      tid: input.tid,
      amr: input.amr,
      uti: randomBytes(16).toString('base64url'),
      ver: '2.0',
    };
    if (input.nonce !== undefined) claims['nonce'] = input.nonce;
    return new SignJWT(claims).setProtectedHeader(this.header()).sign(this.key.privateKey);
  }

  /**
   * jose's signature and claim checks; a token whose signature was checked before only has its lifetime checked
   * again (the same tests jose makes, on the emulator clock), so repeated requests skip the RSA verification.
   */
  private async checked(token: string): Promise<Record<string, unknown>> {
    const known = this.verified.get(token);
    if (known === undefined) {
      const result = await jwtVerify(token, this.key.publicKey, {
        algorithms: ['RS256'],
        currentDate: new Date(this.now()),
      });
      if (this.verified.size >= maxVerifiedTokens) this.verified.clear();
      this.verified.set(token, result.payload);
      return result.payload;
    }
    const now = Math.floor(this.now() / 1000);
    if (typeof known['nbf'] === 'number' && known['nbf'] > now) {
      throw new joseErrors.JWTClaimValidationFailed('"nbf" claim timestamp check failed', known, 'nbf');
    }
    if (typeof known['exp'] === 'number' && known['exp'] <= now) {
      throw new joseErrors.JWTExpired('"exp" claim timestamp check failed', known, 'exp');
    }
    return known;
  }

  /**
   * Verifies an access token the way ARM does: signature, lifetime on the emulator clock, audience, issuer.
   * Rejects with TokenRejectedError naming the reason.
   */
  async verify(
    token: string,
    audienceOk: (aud: string) => boolean,
    tenantKnown: (tid: string) => boolean,
  ): Promise<AccessTokenClaims> {
    let payload: Record<string, unknown>;
    try {
      payload = await this.checked(token);
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) {
        throw new TokenRejectedError('expired', `The token expired at ${String(err.payload.exp)}.`);
      }
      if (err instanceof joseErrors.JWSSignatureVerificationFailed) {
        throw new TokenRejectedError('invalid_signature', 'The token signature is not valid.');
      }
      if (err instanceof joseErrors.JWTClaimValidationFailed && err.claim === 'nbf') {
        throw new TokenRejectedError('expired', 'The token is not yet valid.');
      }
      throw new TokenRejectedError('malformed', `The token is malformed: ${err instanceof Error ? err.message : ''}`);
    }
    const str = (name: string): string => {
      const v = payload[name];
      if (typeof v !== 'string') throw new TokenRejectedError('malformed', `The token has no '${name}' claim.`);
      return v;
    };
    const num = (name: string): number => {
      const v = payload[name];
      if (typeof v !== 'number') throw new TokenRejectedError('malformed', `The token has no '${name}' claim.`);
      return v;
    };
    const aud = str('aud');
    if (!audienceOk(aud)) throw new TokenRejectedError('wrong_audience', `The audience '${aud}' is invalid.`);
    const tid = str('tid');
    const iss = str('iss');
    if (!tenantKnown(tid) || iss !== this.issuer(tid)) {
      throw new TokenRejectedError('wrong_issuer', `The token issuer '${iss}' is invalid.`);
    }
    const idtyp = str('idtyp');
    if (idtyp !== 'user' && idtyp !== 'app') throw new TokenRejectedError('malformed', 'Unknown idtyp.');
    const claims: AccessTokenClaims = {
      aud,
      iss,
      tid,
      oid: str('oid'),
      sub: str('sub'),
      idtyp,
      appid: str('appid'),
      iat: num('iat'),
      exp: num('exp'),
    };
    const scp = payload['scp'];
    if (typeof scp === 'string') claims.scp = scp;
    const name = payload['name'];
    if (typeof name === 'string') claims.name = name;
    const upn = payload['preferred_username'];
    if (typeof upn === 'string') claims.preferred_username = upn;
    return claims;
  }
}
