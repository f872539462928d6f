// The emulator's Entra ID token and device code endpoints: authorization_code (PKCE S256), refresh_token
// (any tenant of the user; MFA, consent and revocation checks), device_code and client_credentials (secret or
// certificate assertion). Answers JSON only; the sign-in pages live in authorize.ts.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeJwt } from 'jose';
import type { Application, Tenant, User } from '../scenario.js';
import type { RequestContext } from '../types.js';
import { verifyClientAssertion } from './client-assertion.js';
import type { TenantSegment } from './directory.js';
import { aadsts, EntraError, writeJson } from './errors.js';
import { claimsDemandMfa, readHeader, s256, token, type Params } from './http-util.js';
import { parseScopes, type GrantedScope } from './scopes.js';
import type { DeviceCode, IdentityState } from './state.js';
import { clientInfo, type TokenMinter } from './tokens.js';

const refreshLifetimeMs = 90 * 24 * 60 * 60 * 1000;
const deviceCodeLifetimeSeconds = 900;

export class TokenEndpoint {
  constructor(
    private readonly state: IdentityState,
    private readonly minter: TokenMinter,
    private readonly options: { baseUrl(): string; now(): number },
    private readonly deviceInterval: number,
  ) {}

  deviceCodeEndpoint(res: ServerResponse, params: Params, segment: TenantSegment): void {
    const clientId = params.get('client_id');
    if (clientId === null) throw new EntraError(aadsts.missingParam('client_id'));
    const app = this.state.dir.app(clientId);
    const tenantName = segment.kind === 'tenant' ? segment.tenant.displayName : segment.segment;
    if (!app) throw new EntraError(aadsts.unknownClient(clientId, tenantName));
    const scope = parseScopes(params.get('scope'), tenantName);
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    const userCode = [...randomBytes(9)].map((b) => alphabet[b % alphabet.length]).join('');
    const entry: DeviceCode = {
      deviceCode: `DAQABAAEAAA${token(90)}`,
      userCode,
      clientId: app.clientId,
      segment,
      scope,
      expiresAt: this.options.now() + deviceCodeLifetimeSeconds * 1000,
      status: 'pending',
      userId: undefined,
      tenantId: undefined,
      mfaTenants: [],
    };
    this.state.deviceCodes.set(entry.deviceCode, entry);
    const verification = `${this.options.baseUrl()}/devicelogin`;
    writeJson(res, 200, {
      user_code: userCode,
      device_code: entry.deviceCode,
      verification_uri: verification,
      expires_in: deviceCodeLifetimeSeconds,
      interval: this.deviceInterval,
      message: `To sign in, use a web browser to open the page ${verification} and enter the code ${userCode} to authenticate.`,
    });
  }

  async tokenEndpoint(
    req: IncomingMessage,
    res: ServerResponse,
    params: Params,
    segment: TenantSegment,
    url: URL,
    ctx: RequestContext,
  ): Promise<void> {
    const grant = params.get('grant_type');
    if (grant === null) throw new EntraError(aadsts.missingParam('grant_type'));
    let body: Record<string, unknown>;
    switch (grant) {
      case 'authorization_code':
        body = await this.redeemCode(params);
        break;
      case 'refresh_token':
        body = await this.redeemRefreshToken(params, segment);
        break;
      case 'urn:ietf:params:oauth:grant-type:device_code':
      case 'device_code':
        body = await this.redeemDeviceCode(params);
        break;
      case 'client_credentials':
        body = await this.clientCredentials(req, params, segment, url);
        break;
      default:
        throw new EntraError(aadsts.unsupportedGrant(grant));
    }
    // The request log counts token requests per subject too, though no bearer token came with them.
    const accessToken = body['access_token'];
    if (typeof accessToken === 'string') {
      const oid = decodeJwt(accessToken)['oid'];
      if (typeof oid === 'string') ctx.subject = oid;
    }
    writeJson(res, 200, body);
  }

  private publicApp(params: Params, segmentName: string): Application {
    const clientId = params.get('client_id');
    if (clientId === null || clientId === '') throw new EntraError(aadsts.missingParam('client_id'));
    const app = this.state.dir.app(clientId);
    if (!app) throw new EntraError(aadsts.unknownClient(clientId, segmentName));
    return app;
  }

  private async redeemCode(params: Params): Promise<Record<string, unknown>> {
    const app = this.publicApp(params, 'the directory');
    const code = params.get('code');
    if (code === null) throw new EntraError(aadsts.missingParam('code'));
    const entry = this.state.codes.get(code);
    if (!entry || entry.clientId !== app.clientId) throw new EntraError(aadsts.badCode());
    if (entry.redeemed) throw new EntraError(aadsts.codeRedeemed());
    entry.redeemed = true;
    if (entry.expiresAt < this.options.now()) throw new EntraError(aadsts.codeExpired());
    if ((params.get('redirect_uri') ?? '') !== entry.redirectUri) throw new EntraError(aadsts.redirectChanged());
    const verifier = params.get('code_verifier');
    if (entry.challenge === undefined || (entry.challengeMethod ?? 'plain').toUpperCase() !== 'S256') {
      throw new EntraError({
        status: 400,
        error: 'invalid_grant',
        code: 9002325,
        message:
          'Proof Key for Code Exchange (S256) is required for this emulator; the authorization request had none.',
      });
    }
    if (verifier === null || verifier === '') throw new EntraError(aadsts.pkceMissing());
    if (s256(verifier) !== entry.challenge) throw new EntraError(aadsts.pkceMismatch());
    const user = this.state.dir.user(entry.userId);
    const tenant = this.state.dir.tenant(entry.tenantId);
    if (!user || !tenant) throw new EntraError(aadsts.badCode());
    return this.userTokens(user, app, tenant, entry.scope, new Set(entry.mfaTenants), entry.nonce);
  }

  private async redeemRefreshToken(params: Params, segment: TenantSegment): Promise<Record<string, unknown>> {
    const tenantName = segment.kind === 'tenant' ? segment.tenant.displayName : segment.segment;
    const app = this.publicApp(params, tenantName);
    const rt = params.get('refresh_token');
    if (rt === null) throw new EntraError(aadsts.missingParam('refresh_token'));
    const grant = this.state.refreshGrants.get(rt);
    if (!grant || grant.clientId !== app.clientId) throw new EntraError(aadsts.badRefreshToken());
    if (grant.revoked) throw new EntraError(aadsts.grantRevoked());
    if (grant.issuedAt + refreshLifetimeMs < this.options.now()) throw new EntraError(aadsts.refreshTokenExpired());
    const user = this.state.dir.user(grant.userId);
    if (!user) throw new EntraError(aadsts.grantRevoked());
    const tenant = this.state.dir.targetTenant(segment, user);
    if (!tenant || !this.state.dir.isMember(user, tenant.id)) {
      throw new EntraError(aadsts.userNotInTenant(user.username, tenant?.displayName ?? tenantName));
    }
    const scope = parseScopes(params.get('scope'), tenant.displayName);
    if (
      (this.state.mfaRequired(user, tenant) || claimsDemandMfa(params.get('claims'))) &&
      !grant.mfaTenants.has(tenant.id)
    ) {
      throw new EntraError(aadsts.mfaRequired(scope.resource, this.state.mfaClaims(tenant.id)));
    }
    if (this.state.consentNeeded(user, app, tenant))
      throw new EntraError(aadsts.consentRequired(app.clientId, scope.resource));
    return this.userTokens(user, app, tenant, scope, grant.mfaTenants, undefined);
  }

  private async redeemDeviceCode(params: Params): Promise<Record<string, unknown>> {
    const app = this.publicApp(params, 'the directory');
    const code = params.get('device_code');
    if (code === null) throw new EntraError(aadsts.missingParam('device_code'));
    const entry = this.state.deviceCodes.get(code);
    if (!entry || entry.clientId !== app.clientId) throw new EntraError(aadsts.deviceCodeUnknown());
    if (entry.expiresAt < this.options.now()) {
      this.state.deviceCodes.delete(code);
      throw new EntraError(aadsts.deviceCodeExpired());
    }
    if (entry.status === 'pending') throw new EntraError(aadsts.authorizationPending());
    this.state.deviceCodes.delete(code);
    if (entry.status === 'declined') throw new EntraError(aadsts.deviceDeclined());
    const user = entry.userId === undefined ? undefined : this.state.dir.user(entry.userId);
    const tenant = entry.tenantId === undefined ? undefined : this.state.dir.tenant(entry.tenantId);
    if (!user || !tenant) throw new EntraError(aadsts.deviceCodeUnknown());
    return this.userTokens(user, app, tenant, entry.scope, new Set(entry.mfaTenants), undefined);
  }

  private async userTokens(
    user: User,
    app: Application,
    tenant: Tenant,
    scope: GrantedScope,
    mfaTenants: Set<string>,
    nonce: string | undefined,
  ): Promise<Record<string, unknown>> {
    const lifetime = this.state.lifetime();
    const amr = mfaTenants.has(tenant.id) ? ['pwd', 'mfa'] : ['pwd'];
    const access = await this.minter.accessToken({
      aud: scope.resource,
      tid: tenant.id,
      oid: user.id,
      idtyp: 'user',
      appid: app.clientId,
      appidacr: '0',
      scp: scope.permissions.join(' '),
      name: user.displayName,
      preferredUsername: user.username,
      homeTenant: user.homeTenant,
      amr,
      lifetimeSeconds: lifetime,
    });
    const out: Record<string, unknown> = {
      token_type: 'Bearer',
      scope: scope.responseScope,
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: access.token,
    };
    if (scope.offlineAccess) {
      const rt = `1.EMU.${token(96)}`;
      this.state.refreshGrants.set(rt, {
        userId: user.id,
        clientId: app.clientId,
        issuedAt: this.options.now(),
        mfaTenants: new Set(mfaTenants),
        revoked: false,
      });
      out['refresh_token'] = rt;
    }
    if (scope.requested.some((s) => s.toLowerCase() === 'openid')) {
      out['id_token'] = await this.minter.idToken({
        clientId: app.clientId,
        tid: tenant.id,
        oid: user.id,
        name: user.displayName,
        preferredUsername: user.username,
        nonce,
        amr,
      });
    }
    out['client_info'] = clientInfo(user.id, user.homeTenant);
    return out;
  }

  private async clientCredentials(
    req: IncomingMessage,
    params: Params,
    segment: TenantSegment,
    url: URL,
  ): Promise<Record<string, unknown>> {
    let clientId = params.get('client_id');
    let secret = params.get('client_secret');
    const basic = readHeader(req, 'authorization');
    if (basic?.toLowerCase().startsWith('basic ')) {
      const decoded = Buffer.from(basic.slice(6).trim(), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) {
        clientId = decodeURIComponent(decoded.slice(0, colon));
        secret = decodeURIComponent(decoded.slice(colon + 1));
      }
    }
    if (clientId === null || clientId === '') throw new EntraError(aadsts.missingParam('client_id'));
    const tenantName = segment.kind === 'tenant' ? segment.tenant.displayName : segment.segment;
    const app = this.state.dir.app(clientId);
    if (!app || segment.kind !== 'tenant' || app.homeTenant !== segment.tenant.id) {
      throw new EntraError(aadsts.unknownClient(clientId, tenantName));
    }
    if (app.kind !== 'confidential') throw new EntraError(aadsts.notConfidential());
    const assertion = params.get('client_assertion');
    let acr: '1' | '2';
    if (assertion !== null) {
      if (params.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
        throw new EntraError({
          status: 400,
          error: 'invalid_request',
          code: 700021,
          message: 'Client assertion type is invalid.',
        });
      }
      await verifyClientAssertion(app, assertion, {
        baseUrl: this.options.baseUrl(),
        endpointUrl: `${this.options.baseUrl()}${url.pathname}`,
        now: this.options.now(),
      });
      acr = '2';
    } else if (secret !== null) {
      if (!app.secrets.includes(secret)) throw new EntraError(aadsts.badSecret(app.clientId));
      acr = '1';
    } else {
      throw new EntraError(aadsts.publicClientSecret());
    }
    const scopeParam = params.get('scope') ?? '';
    if (!/\/\.default$/.test(scopeParam.trim()) || scopeParam.trim().includes(' ')) {
      throw new EntraError({
        status: 400,
        error: 'invalid_scope',
        code: 1002012,
        message: `The provided value for scope ${scopeParam} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      });
    }
    const scope = parseScopes(scopeParam, tenantName);
    const lifetime = this.state.lifetime();
    const access = await this.minter.accessToken({
      aud: scope.resource,
      tid: app.homeTenant,
      oid: app.objectId ?? app.clientId,
      idtyp: 'app',
      appid: app.clientId,
      appidacr: acr,
      lifetimeSeconds: lifetime,
    });
    return { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: access.token };
  }
}
