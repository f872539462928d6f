// The emulator's sign-in UI flows: authorize (sign-in, account picker, MFA, consent, form_post reply) and the
// device login pages, as a state machine over server-rendered pages. Issues authorization codes and approves
// device codes; token issuing is token-endpoint.ts's job.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Application, User } from '../scenario.js';
import type { RequestContext } from '../types.js';
import type { TenantSegment } from './directory.js';
import { aadsts, entraTimestamp, EntraError, type EntraErrorSpec } from './errors.js';
import { claimsDemandMfa, cookies, redirectMatches, token, writeHtml, type Params } from './http-util.js';
import * as pages from './pages.js';
import { isArmAudience, parseScopes, type GrantedScope } from './scopes.js';
import { sessionCookie, type BrowserSession, type IdentityState } from './state.js';
import { clientInfo } from './tokens.js';

/** The MFA page accepts this code, always; the page says so. */
export const mfaCode = '123456';
const codeLifetimeMs = 10 * 60 * 1000;
const flowLifetimeMs = 60 * 60 * 1000;

interface Flow {
  id: string;
  createdAt: number;
  kind: 'authorize' | 'device';
  segment: TenantSegment;
  app: Application;
  scope: GrantedScope;
  sessionId: string;
  redirectUri: string;
  responseMode: 'form_post' | 'query';
  state: string | undefined;
  nonce: string | undefined;
  challenge: string | undefined;
  challengeMethod: string | undefined;
  prompt: string | undefined;
  loginHint: string | undefined;
  claimsDemandMfa: boolean;
  userId: string | undefined;
  pickerShown: boolean;
  consentShown: boolean;
  deviceCode: string | undefined;
}

export class AuthorizeFlows {
  private readonly flows = new Map<string, Flow>();

  constructor(
    private readonly state: IdentityState,
    private readonly now: () => number,
  ) {}

  reset(): void {
    this.flows.clear();
  }

  private errorPage(res: ServerResponse, spec: EntraErrorSpec, ctx: RequestContext, setCookie?: string): void {
    writeHtml(
      res,
      200,
      pages.errorPage({
        code: spec.code,
        message: spec.message,
        requestId: ctx.requestId,
        correlationId: ctx.correlationId,
        timestamp: entraTimestamp(this.now()),
      }),
      setCookie,
    );
  }

  async authorize(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    params: Params,
    segmentText: string,
    segment: TenantSegment | undefined,
    ctx: RequestContext,
  ): Promise<void> {
    const { session, setCookie } = this.state.session(req);
    if (method === 'POST' && params.has('flow')) {
      await this.continueFlow(res, params, session, ctx, setCookie);
      return;
    }
    if (!segment) {
      this.errorPage(res, aadsts.tenantNotFound(segmentText), ctx, setCookie);
      return;
    }
    const tenantName = segment.kind === 'tenant' ? segment.tenant.displayName : segment.segment;
    const clientId = params.get('client_id');
    if (clientId === null || clientId === '') {
      this.errorPage(res, aadsts.missingParam('client_id'), ctx, setCookie);
      return;
    }
    const app = this.state.dir.app(clientId);
    if (!app) {
      this.errorPage(res, aadsts.unknownClient(clientId, tenantName), ctx, setCookie);
      return;
    }
    const redirectUri = params.get('redirect_uri') ?? '';
    if (!app.redirectUris.some((r) => redirectMatches(r, redirectUri))) {
      this.errorPage(res, aadsts.redirectMismatch(redirectUri, app.clientId), ctx, setCookie);
      return;
    }
    const state = params.get('state') ?? undefined;
    const responseMode = params.get('response_mode') === 'form_post' ? 'form_post' : 'query';
    const replyError = (error: string, spec: EntraErrorSpec): void => {
      this.reply(
        res,
        redirectUri,
        responseMode,
        {
          error,
          error_description: `AADSTS${spec.code}: ${spec.message}`,
          error_uri: `https://login.microsoftonline.com/error?code=${spec.code}`,
          ...(state === undefined ? {} : { state }),
        },
        setCookie,
      );
    };
    if (params.get('response_type') !== 'code') {
      replyError('unsupported_response_type', {
        status: 400,
        error: 'unsupported_response_type',
        code: 700054,
        message: "response_type must be 'code' for this emulator.",
      });
      return;
    }
    let scope: GrantedScope;
    try {
      scope = parseScopes(params.get('scope'), tenantName);
    } catch (err) {
      if (err instanceof EntraError) {
        replyError(err.spec.error, err.spec);
        return;
      }
      throw err;
    }
    const flow: Flow = {
      id: token(18),
      createdAt: this.now(),
      kind: 'authorize',
      segment,
      app,
      scope,
      sessionId: session.id,
      redirectUri,
      responseMode,
      state,
      nonce: params.get('nonce') ?? undefined,
      challenge: params.get('code_challenge') ?? undefined,
      challengeMethod: params.get('code_challenge_method') ?? undefined,
      prompt: params.get('prompt')?.toLowerCase() ?? undefined,
      loginHint: params.get('login_hint') ?? undefined,
      claimsDemandMfa: claimsDemandMfa(params.get('claims')),
      userId: undefined,
      pickerShown: false,
      consentShown: false,
      deviceCode: undefined,
    };
    this.prune();
    this.flows.set(flow.id, flow);
    await this.advance(res, flow, session, ctx, setCookie);
  }

  /** Drops abandoned sign-ins and dead codes, so a long benchmark run does not grow without bound. */
  private prune(): void {
    const now = this.now();
    for (const [id, flow] of this.flows) if (flow.createdAt + flowLifetimeMs < now) this.flows.delete(id);
    // Expired codes linger for an hour so late redemptions still get the precise "expired" error.
    for (const [code, entry] of this.state.codes)
      if (entry.expiresAt + flowLifetimeMs < now) this.state.codes.delete(code);
    for (const [code, entry] of this.state.deviceCodes) {
      if (entry.expiresAt + flowLifetimeMs < now) this.state.deviceCodes.delete(code);
    }
  }

  private flowAction(flow: Flow): string {
    return flow.kind === 'device' ? '/devicelogin' : `/${flow.segment.segment}/oauth2/v2.0/authorize`;
  }

  private async continueFlow(
    res: ServerResponse,
    params: Params,
    session: BrowserSession,
    ctx: RequestContext,
    setCookie: string | undefined,
  ): Promise<void> {
    const flow = this.flows.get(params.get('flow') ?? '');
    if (!flow || flow.sessionId !== session.id) {
      this.errorPage(
        res,
        {
          status: 400,
          error: 'invalid_request',
          code: 90014,
          message: 'The sign-in request has expired or is not valid. Go back to the application and try again.',
        },
        ctx,
        setCookie,
      );
      return;
    }
    const action = params.get('action') ?? '';
    const base = { action: this.flowAction(flow), flowId: flow.id, appName: flow.app.displayName };
    if (action.startsWith('pick:')) {
      const userId = action.slice(5);
      if (session.users.has(userId)) flow.userId = userId;
    } else if (action === 'another') {
      flow.pickerShown = true;
      writeHtml(res, 200, pages.signInPage({ ...base, loginHint: undefined }), setCookie);
      return;
    } else if (action === 'signin') {
      const login = params.get('login') ?? '';
      const user = this.state.dir.userByName(login);
      if (!user) {
        writeHtml(
          res,
          200,
          pages.signInPage({
            ...base,
            loginHint: login,
            error: "AADSTS50034: We couldn't find an account with that username. Try another, or get a new account.",
          }),
          setCookie,
        );
        return;
      }
      if ((params.get('passwd') ?? '') !== user.password) {
        writeHtml(
          res,
          200,
          pages.signInPage({
            ...base,
            loginHint: login,
            error:
              "AADSTS50126: Your account or password is incorrect. If you don't remember your password, reset it now.",
          }),
          setCookie,
        );
        return;
      }
      flow.userId = user.id;
      if (!session.users.has(user.id)) session.users.set(user.id, new Set());
    } else if (action === 'mfa') {
      const user = flow.userId === undefined ? undefined : this.state.dir.user(flow.userId);
      const tenant = user ? this.state.dir.targetTenant(flow.segment, user) : undefined;
      if (!user || !tenant) {
        this.errorPage(res, aadsts.badCode(), ctx, setCookie);
        return;
      }
      if ((params.get('otc') ?? '').trim() !== mfaCode) {
        writeHtml(
          res,
          200,
          pages.mfaPage({
            ...base,
            username: user.username,
            tenantName: tenant.displayName,
            error: "AADSTS50074: That code didn't work. Check the code and try again.",
          }),
          setCookie,
        );
        return;
      }
      const mfa = session.users.get(user.id) ?? new Set<string>();
      mfa.add(tenant.id);
      session.users.set(user.id, mfa);
      flow.claimsDemandMfa = false;
    } else if (action === 'consent-accept') {
      const user = flow.userId === undefined ? undefined : this.state.dir.user(flow.userId);
      const tenant = user ? this.state.dir.targetTenant(flow.segment, user) : undefined;
      if (user && tenant) {
        this.state.consents.add(`${user.id}|${flow.app.clientId}`);
        for (const r of this.state.consentRequirements)
          if (this.state.requirementMatches(r, user.id, tenant.id)) r.satisfiedBy.add(user.id);
        flow.consentShown = true;
      }
    } else if (action === 'consent-cancel' || action === 'admin-approval-return') {
      this.flows.delete(flow.id);
      const spec: EntraErrorSpec =
        action === 'consent-cancel'
          ? { status: 400, error: 'access_denied', code: 65004, message: 'User declined to consent to access the app.' }
          : { status: 400, error: 'access_denied', code: 90094, message: 'The grant requires admin permission.' };
      if (flow.kind === 'device') {
        this.finishDevice(flow, 'declined', undefined, undefined, []);
        writeHtml(
          res,
          200,
          pages.messagePage('Sign-in cancelled', 'You declined to sign in. You can close this window.'),
          setCookie,
        );
        return;
      }
      this.reply(
        res,
        flow.redirectUri,
        flow.responseMode,
        {
          error: 'access_denied',
          error_subcode: 'cancel',
          error_description: `AADSTS${spec.code}: ${spec.message}`,
          ...(flow.state === undefined ? {} : { state: flow.state }),
        },
        setCookie,
      );
      return;
    }
    await this.advance(res, flow, session, ctx, setCookie);
  }

  /** Moves a flow to its next page, or finishes it with a code (authorize) or an approval (device). */
  private async advance(
    res: ServerResponse,
    flow: Flow,
    session: BrowserSession,
    ctx: RequestContext,
    setCookie: string | undefined,
  ): Promise<void> {
    const base = { action: this.flowAction(flow), flowId: flow.id, appName: flow.app.displayName };
    const silentFail = (error: string, code: number, message: string): void => {
      this.flows.delete(flow.id);
      this.reply(
        res,
        flow.redirectUri,
        flow.responseMode,
        {
          error,
          error_description: `AADSTS${code}: ${message}`,
          ...(flow.state === undefined ? {} : { state: flow.state }),
        },
        setCookie,
      );
    };
    if (flow.userId === undefined) {
      const known = [...session.users.keys()]
        .map((id) => this.state.dir.user(id))
        .filter((u): u is User => u !== undefined);
      const hinted =
        flow.loginHint === undefined
          ? undefined
          : known.find((u) => u.username.toLowerCase() === flow.loginHint?.toLowerCase());
      const wantsPicker = flow.prompt === 'select_account' || (flow.kind === 'device' && known.length > 0);
      if (wantsPicker && known.length > 0 && !flow.pickerShown) {
        flow.pickerShown = true;
        writeHtml(
          res,
          200,
          pages.pickerPage({
            ...base,
            accounts: known.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName })),
          }),
          setCookie,
        );
        return;
      }
      const sso =
        flow.prompt === 'login' || wantsPicker
          ? undefined
          : (hinted ?? (known.length === 1 && flow.loginHint === undefined ? known[0] : undefined));
      if (sso) {
        flow.userId = sso.id;
      } else if (flow.prompt === 'none') {
        silentFail('login_required', 50058, 'A silent sign-in request was sent but no user is signed in.');
        return;
      } else {
        writeHtml(res, 200, pages.signInPage({ ...base, loginHint: flow.loginHint }), setCookie);
        return;
      }
    }
    const user = this.state.dir.user(flow.userId);
    if (!user) {
      flow.userId = undefined;
      writeHtml(res, 200, pages.signInPage({ ...base, loginHint: undefined }), setCookie);
      return;
    }
    const tenant = this.state.dir.targetTenant(flow.segment, user);
    if (!tenant || !this.state.dir.isMember(user, tenant.id)) {
      this.flows.delete(flow.id);
      const name = tenant?.displayName ?? flow.segment.segment;
      this.errorPage(res, aadsts.userNotInTenant(user.username, name), ctx, setCookie);
      return;
    }
    const mfaDone = session.users.get(user.id)?.has(tenant.id) ?? false;
    if ((this.state.mfaRequired(user, tenant) || flow.claimsDemandMfa) && !mfaDone) {
      if (flow.prompt === 'none') {
        silentFail('interaction_required', 50076, 'Multi-factor authentication is required.');
        return;
      }
      writeHtml(
        res,
        200,
        pages.mfaPage({ ...base, username: user.username, tenantName: tenant.displayName }),
        setCookie,
      );
      return;
    }
    if (!flow.consentShown && (this.state.consentNeeded(user, flow.app, tenant) || flow.prompt === 'consent')) {
      if (flow.prompt === 'none') {
        silentFail('consent_required', 65001, 'The user has not consented to use the application.');
        return;
      }
      if (this.state.adminApprovalNeeded(user, tenant)) {
        writeHtml(
          res,
          200,
          pages.adminApprovalPage({ ...base, username: user.username, tenantName: tenant.displayName }),
          setCookie,
        );
        return;
      }
      const publisher = this.state.dir.tenant(flow.app.homeTenant)?.displayName ?? 'unknown publisher';
      const permissions = [
        ...flow.scope.permissions.map((p) =>
          isArmAudience(flow.scope.resource) && p === 'user_impersonation'
            ? 'Access Azure Service Management as you (preview)'
            : `${p} (${flow.scope.resource})`,
        ),
        ...(flow.scope.offlineAccess ? ['Maintain access to data you have given it access to'] : []),
        'View your basic profile',
      ];
      writeHtml(
        res,
        200,
        pages.consentPage({ ...base, username: user.username, publisherTenant: publisher, permissions }),
        setCookie,
      );
      return;
    }
    if (!session.users.has(user.id)) session.users.set(user.id, new Set());
    const mfaTenants = [...(session.users.get(user.id) ?? [])];
    this.flows.delete(flow.id);
    if (flow.kind === 'device') {
      this.finishDevice(flow, 'approved', user.id, tenant.id, mfaTenants);
      writeHtml(
        res,
        200,
        pages.messagePage(
          'You have signed in',
          `You have signed in to the ${flow.app.displayName} application on your device. You may now close this window.`,
        ),
        setCookie,
      );
      return;
    }
    const code = `1.EMU.${token(48)}`;
    this.state.codes.set(code, {
      clientId: flow.app.clientId,
      redirectUri: flow.redirectUri,
      userId: user.id,
      tenantId: tenant.id,
      scope: flow.scope,
      challenge: flow.challenge,
      challengeMethod: flow.challengeMethod,
      nonce: flow.nonce,
      expiresAt: this.now() + codeLifetimeMs,
      redeemed: false,
      mfaTenants,
    });
    this.reply(
      res,
      flow.redirectUri,
      flow.responseMode,
      {
        code,
        client_info: clientInfo(user.id, user.homeTenant),
        ...(flow.state === undefined ? {} : { state: flow.state }),
        session_state: createHash('sha256').update(session.id).digest('hex').slice(0, 32),
      },
      setCookie,
    );
  }

  private reply(
    res: ServerResponse,
    redirectUri: string,
    mode: 'form_post' | 'query',
    fields: Record<string, string>,
    setCookie: string | undefined,
  ): void {
    if (mode === 'form_post') {
      writeHtml(res, 200, pages.formPostPage(redirectUri, fields), setCookie);
      return;
    }
    const target = new URL(redirectUri);
    for (const [k, v] of Object.entries(fields)) target.searchParams.set(k, v);
    const headers: Record<string, string> = { location: target.toString(), 'content-length': '0' };
    if (setCookie !== undefined) headers['set-cookie'] = setCookie;
    res.writeHead(302, headers);
    res.end();
  }

  logout(req: IncomingMessage, res: ServerResponse): void {
    const id = cookies(req).get(sessionCookie);
    if (id !== undefined) this.state.browserSessions.delete(id);
    writeHtml(
      res,
      200,
      pages.messagePage('You signed out of your account', "It's a good idea to close all browser windows."),
      `${sessionCookie}=; Path=/; Secure; HttpOnly; SameSite=None; Max-Age=0`,
    );
  }

  private finishDevice(
    flow: Flow,
    status: 'approved' | 'declined',
    userId: string | undefined,
    tenantId: string | undefined,
    mfaTenants: string[],
  ): void {
    const entry = flow.deviceCode === undefined ? undefined : this.state.deviceCodes.get(flow.deviceCode);
    if (!entry) return;
    entry.status = status;
    entry.userId = userId;
    entry.tenantId = tenantId;
    entry.mfaTenants = mfaTenants;
  }

  async deviceLogin(req: IncomingMessage, body: Buffer, res: ServerResponse, ctx: RequestContext): Promise<void> {
    const { session, setCookie } = this.state.session(req);
    if (req.method !== 'POST') {
      writeHtml(res, 200, pages.deviceCodeEntryPage({ action: '/devicelogin' }), setCookie);
      return;
    }
    const params = new URLSearchParams(body.toString('utf8'));
    if (params.has('flow')) {
      await this.continueFlow(res, params, session, ctx, setCookie);
      return;
    }
    const typed = (params.get('otc') ?? '').trim().toUpperCase();
    const entry = [...this.state.deviceCodes.values()].find((d) => d.userCode === typed);
    if (!entry || entry.status !== 'pending' || entry.expiresAt < this.now()) {
      writeHtml(
        res,
        200,
        pages.deviceCodeEntryPage({
          action: '/devicelogin',
          error: "AADSTS70000: That code didn't work. Check the code and try again.",
        }),
        setCookie,
      );
      return;
    }
    const app = this.state.dir.app(entry.clientId);
    if (!app) throw new Error('device code for an unknown app');
    const flow: Flow = {
      id: token(18),
      createdAt: this.now(),
      kind: 'device',
      segment: entry.segment,
      app,
      scope: entry.scope,
      sessionId: session.id,
      redirectUri: '',
      responseMode: 'form_post',
      state: undefined,
      nonce: undefined,
      challenge: undefined,
      challengeMethod: undefined,
      prompt: undefined,
      loginHint: undefined,
      claimsDemandMfa: false,
      userId: undefined,
      pickerShown: false,
      consentShown: false,
      deviceCode: entry.deviceCode,
    };
    this.flows.set(flow.id, flow);
    await this.advance(res, flow, session, ctx, setCookie);
  }
}
