// Test-only stand-in for the emulator core around the ARM half: an https server with a throw-away CA
// (the core's per-run TLS material), RS256 access tokens minted with jose, a verifier that rejects like the real identity half,
// and an adjustable clock. It exists so ARM can be tested with the real Azure SDK clients on its own;
// product code and the real emulator core must not import it.
import { createServer, request, type Server } from 'node:https';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';

import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { RestError } from '@azure/core-rest-pipeline';
import { errors as joseErrors, exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK } from 'jose';
import { createTlsMaterial } from '../core/tls.js';

import { scenarioSchema, type Scenario, type ScenarioInput } from '../scenario.js';
import { TokenRejectedError, type AccessTokenClaims, type RequestContext } from '../types.js';
import { createArm, type ArmOptions, type ArmService } from './index.js';

export const armAudience = 'https://management.azure.com/';

export type TokenInput = Partial<AccessTokenClaims> & Pick<AccessTokenClaims, 'tid' | 'oid'>;

export interface Harness {
  baseUrl: string;
  caPem: string;
  arm: ArmService;
  /** Milliseconds added to the real clock; move it to expire tokens or refill buckets. */
  clockOffsetMs: number;
  /** While set, the emulator clock stands still here, so transitions cannot finish between two calls. */
  frozenAt: number | undefined;
  now(): number;
  mint(claims: TokenInput, options?: { foreignKey?: boolean; lifetimeSeconds?: number }): Promise<string>;
  credential(token: string | (() => Promise<string>)): TokenCredential;
  /** Every request the server saw, in order, with its status and arrival time. */
  requests: { method: string; path: string; status: number; at: number; route?: string; subject?: string }[];
  close(): Promise<void>;
}

export async function startHarness(input: ScenarioInput, options: Partial<ArmOptions>): Promise<Harness> {
  const scenario: Scenario = scenarioSchema.parse(input);
  const pki = createTlsMaterial();
  const signing = await generateKeyPair('RS256');
  const foreign = await generateKeyPair('RS256');
  const publicJwk: JWK = await exportJWK(signing.publicKey);
  const verifyKey = await importJWK(publicJwk, 'RS256');
  const issuerFor = (tid: string): string => `https://localhost/${tid}/v2.0`;

  // The closures below read `harness` only when called, after it exists.
  const arm = createArm(scenario, {
    verifyAccessToken,
    now: () => harness.now(),
    baseUrl: () => harness.baseUrl,
    armAudiences: [armAudience],
    options,
  });
  const harness: Harness = {
    baseUrl: '',
    caPem: pki.caPem,
    arm,
    clockOffsetMs: 0,
    frozenAt: undefined,
    now: () => harness.frozenAt ?? Date.now() + harness.clockOffsetMs,
    requests: [],
    async mint(claims, mintOptions = {}) {
      const iat = Math.floor(harness.now() / 1000);
      const payload: Record<string, unknown> = {
        aud: armAudience,
        iss: issuerFor(claims.tid),
        sub: claims.oid,
        idtyp: 'user',
        appid: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
        scp: 'user_impersonation',
        ...claims,
      };
      return new SignJWT(payload)
        .setProtectedHeader({ alg: 'RS256', kid: 'harness' })
        .setIssuedAt(iat)
        .setExpirationTime(iat + (mintOptions.lifetimeSeconds ?? 3600))
        .sign(mintOptions.foreignKey === true ? foreign.privateKey : signing.privateKey);
    },
    credential(token) {
      return {
        async getToken(): Promise<AccessToken> {
          const value = typeof token === 'string' ? token : await token();
          return { token: value, expiresOnTimestamp: Date.now() + 3_600_000 };
        },
      };
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  async function verifyAccessToken(token: string): Promise<AccessTokenClaims> {
    try {
      const { payload } = await jwtVerify(token, verifyKey, { currentDate: new Date(harness.now()) });
      return payload as unknown as AccessTokenClaims;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new TokenRejectedError('expired', 'token expired');
      if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
        throw new TokenRejectedError('invalid_signature', 'signature does not verify');
      }
      throw new TokenRejectedError('malformed', error instanceof Error ? error.message : 'malformed token');
    }
  }

  const server: Server = createServer({ key: pki.keyPem, cert: pki.certPem, keepAlive: true }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const ctx: RequestContext = {
        requestId: randomUUID(),
        correlationId: req.headers['x-ms-correlation-request-id']?.toString() ?? randomUUID(),
        route: undefined,
        subject: undefined,
      };
      res.setHeader('x-ms-request-id', ctx.requestId);
      res.setHeader('x-ms-correlation-request-id', ctx.correlationId);
      const url = new URL(req.url ?? '/', harness.baseUrl);
      const at = harness.now();
      res.on('finish', () => {
        const entry = {
          method: req.method ?? 'GET',
          path: `${url.pathname}${url.search}`,
          status: res.statusCode,
          at,
          ...(ctx.route === undefined ? {} : { route: ctx.route }),
          ...(ctx.subject === undefined ? {} : { subject: ctx.subject }),
        };
        harness.requests.push(entry);
      });
      arm
        .handle(req, Buffer.concat(chunks), res, url, ctx)
        .then((handled) => {
          if (!handled) {
            res.statusCode = 404;
            res.end();
          }
        })
        .catch((error: unknown) => {
          res.statusCode = 500;
          res.end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  harness.baseUrl = `https://localhost:${(server.address() as AddressInfo).port}`;
  return harness;
}

/** The RestError a call that must fail rejected with; throws when it succeeded or failed some other way. */
export async function restError(promise: Promise<unknown>): Promise<RestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RestError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** Waits for a condition instead of sleeping for a guessed time. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface RawResponse {
  status: number;
  headers: Record<string, unknown>;
  body: string;
}

/** A plain https request trusting only the harness CA, for what the SDK hides (bodies of paged errors, headers). */
export function rawRequest(
  h: Pick<Harness, 'baseUrl' | 'caPem'>,
  method: string,
  pathOrUrl: string,
  headers: Record<string, string>,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(pathOrUrl, h.baseUrl), { ca: h.caPem, headers, method }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
