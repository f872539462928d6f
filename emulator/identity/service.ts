// The emulator's Entra ID v2: routes discovery, JWKS, authorize, token, device code and device login requests to
// their modules, and exposes the admin levers and ARM's token check. It knows nothing about subscriptions or
// VMs (that is arm/).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Scenario } from '../scenario.js';
import type { AccessTokenClaims, RequestContext } from '../types.js';
import { AuthorizeFlows } from './authorize.js';
import { instanceDiscovery, openIdConfiguration } from './discovery.js';
import { aadsts, EntraError, writeEntraError, writeJson } from './errors.js';
import { createSigningKey, type SigningKey } from './keys.js';
import { armResources, isArmAudience } from './scopes.js';
import { IdentityState, type Requirement, type SessionSummary } from './state.js';
import { TokenEndpoint } from './token-endpoint.js';
import { TokenMinter } from './tokens.js';

export { mfaCode } from './authorize.js';
export type { Requirement, SessionSummary } from './state.js';

export interface IdentityOptions {
  baseUrl(): string;
  now(): number;
  /** Fixed access-token lifetime; undefined = random 60-90 minutes like Entra. */
  tokenLifetimeSeconds?: number | undefined;
  /** Polling interval the device code endpoint advertises (Entra: 5). */
  deviceCodeIntervalSeconds?: number;
}

const routePattern =
  /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|discovery\/v2\.0\/keys|discovery\/instance|oauth2\/v2\.0\/(?:authorize|token|devicecode|logout))$/i;

export class IdentityService {
  private readonly state: IdentityState;
  private readonly flows: AuthorizeFlows;
  private readonly tokens: TokenEndpoint;
  private readonly minter: TokenMinter;

  /** The `aud` values ARM accepts: both ARM names, with and without the trailing slash. */
  readonly armAudiences = armResources.flatMap((r) => [r, `${r}/`]);

  constructor(
    scenario: Scenario,
    private readonly key: SigningKey,
    private readonly options: IdentityOptions,
  ) {
    this.state = new IdentityState(scenario, options.tokenLifetimeSeconds);
    this.minter = new TokenMinter(key, options.baseUrl, options.now);
    this.flows = new AuthorizeFlows(this.state, options.now);
    this.tokens = new TokenEndpoint(this.state, this.minter, options, options.deviceCodeIntervalSeconds ?? 5);
  }

  // ---- admin levers -------------------------------------------------------------------------------------

  reset(scenario: Scenario): void {
    this.state.reset(scenario);
    this.flows.reset();
  }

  setTokenLifetime(seconds: number | undefined): void {
    this.state.setTokenLifetime(seconds);
  }

  /** Revokes every refresh token and browser session of a user, as revokeSignInSessions does. */
  revokeRefreshTokens(userId: string): number {
    return this.state.revokeRefreshTokens(userId);
  }

  /** From now on, tokens for matching user/tenant need a fresh MFA in that tenant. */
  requireMfa(req: Requirement): void {
    this.state.requireMfa(req);
  }

  /** From now on, matching users must consent again (interactively) before tokens are issued in that tenant. */
  requireConsent(req: Requirement & { adminOnly?: boolean | undefined }): void {
    this.state.requireConsent(req);
  }

  clearRequirements(): void {
    this.state.clearRequirements();
  }

  sessions(): SessionSummary[] {
    return this.state.sessions();
  }

  verifyAccessToken(accessToken: string): Promise<AccessTokenClaims> {
    return this.minter.verify(accessToken, isArmAudience, (tid) => this.state.dir.tenant(tid) !== undefined);
  }

  // ---- routing -------------------------------------------------------------------------------------------

  readonly handle = async (
    req: IncomingMessage,
    body: Buffer,
    res: ServerResponse,
    url: URL,
    ctx: RequestContext,
  ): Promise<boolean> => {
    const method = req.method ?? 'GET';
    if (url.pathname === '/devicelogin') {
      ctx.route = `${method} /devicelogin`;
      await this.flows.deviceLogin(req, body, res, ctx);
      return true;
    }
    const m = routePattern.exec(url.pathname);
    if (!m) return false;
    const segmentText = decodeURIComponent(m[1] ?? '');
    const endpoint = (m[2] ?? '').toLowerCase();
    ctx.route = `${method} /{tenant}/${endpoint}`;
    const params = method === 'POST' ? new URLSearchParams(body.toString('utf8')) : url.searchParams;
    try {
      if (endpoint === 'discovery/instance') {
        writeJson(res, 200, instanceDiscovery(this.options.baseUrl(), url.searchParams.get('authorization_endpoint')));
        return true;
      }
      const segment = this.state.dir.resolveSegment(segmentText);
      if (endpoint === 'oauth2/v2.0/authorize') {
        await this.flows.authorize(req, res, method, params, segmentText, segment, ctx);
        return true;
      }
      if (!segment) throw new EntraError(aadsts.tenantNotFound(segmentText));
      switch (endpoint) {
        case 'v2.0/.well-known/openid-configuration':
          writeJson(res, 200, openIdConfiguration(this.options.baseUrl(), segment));
          return true;
        case 'discovery/v2.0/keys':
          writeJson(res, 200, { keys: [this.key.publicJwk] });
          return true;
        case 'oauth2/v2.0/token':
          if (method !== 'POST') return false;
          await this.tokens.tokenEndpoint(req, res, params, segment, url, ctx);
          return true;
        case 'oauth2/v2.0/devicecode':
          if (method !== 'POST') return false;
          this.tokens.deviceCodeEndpoint(res, params, segment);
          return true;
        case 'oauth2/v2.0/logout':
          this.flows.logout(req, res);
          return true;
        default:
          return false;
      }
    } catch (err) {
      if (err instanceof EntraError) {
        writeEntraError(res, err.spec, ctx, this.options.now());
        return true;
      }
      throw err;
    }
  };
}

export async function createIdentity(scenario: Scenario, options: IdentityOptions): Promise<IdentityService> {
  const key: SigningKey = await createSigningKey();
  return new IdentityService(scenario, key, options);
}
