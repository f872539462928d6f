// Connected accounts end to end: sign-in (browser or device code, one flow at a time, timeout and cancel),
// tenant discovery, a silent token per tenant with the account's tenantId set to that tenant, per-tenant status,
// service principals, sign-out and reset. One tenant's trouble never stops the others. No Electron imports.
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { ClientCertificateCredential, ClientSecretCredential } from '@azure/identity';
import type { AccountInfo, AuthenticationResult, PublicClientApplication } from '@azure/msal-node';
import { randomUUID } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import type { z } from 'zod';
import type {
  AccountSummary,
  Cloud,
  servicePrincipalArgsSchema,
  SignInFlow,
  signInArgsSchema,
} from '../../preload/contract.js';
import { classifyAuthError, reasonMessage, type AuthProblem } from '../auth/auth-errors.js';
import { MsalClients, msalCacheName } from '../auth/msal-clients.js';
import { signInWithBrowser, signInWithDeviceCode } from '../auth/sign-in-flows.js';
import { listTenants, type TenantRecord } from '../azure/tenants.js';
import { armScope, type CloudEndpoints } from '../clouds.js';
import { signInOpener } from '../app/restricted-opener.js';
import { ServiceError } from '../ipc-router.js';
import type { Connectivity } from '../net/connectivity.js';
import type { BrowserOpener, Clock, EventSink, Logger } from '../ports.js';
import type { SecretVault } from '../storage/secret-vault.js';
import {
  AccountRegistry,
  summarize,
  type StoredAccount,
  type StoredServicePrincipal,
  type StoredTenant,
  type StoredUserAccount,
} from './account-registry.js';

export const signInTimeoutMs = 5 * 60 * 1000;

type SignInArgs = z.output<typeof signInArgsSchema>;
type ServicePrincipalArgs = z.output<typeof servicePrincipalArgsSchema>;

export interface AccountsDeps {
  vault: SecretVault;
  clouds: () => readonly CloudEndpoints[];
  /** Settings' client id and default tenant (custom clouds may bring their own client id). */
  signInSettings: () => { clientId: string; defaultTenant: string };
  /** The system browser; each sign-in restricts it to its own cloud's authority host. */
  opener: BrowserOpener;
  events: EventSink;
  connectivity: Connectivity;
  logger: Logger;
  clock: Clock;
  /** Something the user should know (e.g. a damaged store); becomes a notice. */
  warn(id: string, title: string, message: string): void;
  signInTimeoutMs?: number;
}

interface RunningFlow {
  flow: SignInFlow;
  abort: AbortController;
}

export class AccountsService {
  private readonly registry: AccountRegistry;
  private readonly msal: MsalClients;
  private running: RunningFlow | undefined;
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: AccountsDeps) {
    this.registry = new AccountRegistry(deps.vault, deps.logger);
    this.msal = new MsalClients({
      vault: deps.vault,
      connectivity: deps.connectivity,
      logger: deps.logger,
      onCacheDamaged: (cloudId, movedTo) => void this.cacheDamaged(cloudId, movedTo),
    });
  }

  /** Loads the registry (no network): the accounts are on screen before any call to Azure. */
  async start(): Promise<void> {
    const loaded = await this.registry.load();
    if (loaded.damaged) {
      this.deps.warn(
        'accounts-damaged',
        'Your connected accounts could not be read',
        `The stored account list could not be decrypted or read, so it was set aside (${loaded.damaged}). ` +
          'Add your accounts again; your Azure resources are not affected.',
      );
    }
    this.publish();
  }

  clouds(): Cloud[] {
    const settings = this.deps.signInSettings();
    return this.deps.clouds().map((cloud) => ({
      id: cloud.id,
      name: cloud.name,
      kind: cloud.kind,
      authorityHost: cloud.authorityHost,
      armEndpoint: cloud.armEndpoint,
      signInReady: Boolean(cloud.clientId ?? settings.clientId),
    }));
  }

  list(): AccountSummary[] {
    const persisted = this.deps.vault.mode() !== 'session_only';
    return this.registry.all().map((account) => summarize(account, this.cloudName(account.cloudId), persisted));
  }

  // ---- sign-in -------------------------------------------------------------------------------------------

  async signIn(args: SignInArgs): Promise<AccountSummary> {
    const cloud = this.cloud(args.cloudId);
    const account = await this.runFlow(
      cloud,
      args.method,
      {},
      {
        authority: `${cloud.authorityHost}/${this.deps.signInSettings().defaultTenant}`,
        ...(args.loginHint ? { loginHint: args.loginHint } : {}),
      },
      (result) => this.connectUser(cloud, result),
    );
    return this.summary(account.id);
  }

  /** Signs in to one tenant of an account: that tenant's authority, the account as hint, any claims it asked for. */
  async signInTenant(args: {
    accountId: string;
    tenantId: string;
    method: 'browser' | 'device_code';
  }): Promise<AccountSummary> {
    const account = this.registry.find(args.accountId);
    const tenant = account?.tenants.find((candidate) => candidate.tenantId === args.tenantId);
    if (!account || !tenant) throw new ServiceError('not_found', 'That account or tenant is no longer connected.');
    if (account.kind !== 'user') {
      return this.checkServicePrincipal(account).then(() => this.summary(account.id));
    }
    const cloud = this.cloud(account.cloudId);
    await this.runFlow(
      cloud,
      args.method,
      { accountId: account.id, tenantId: tenant.tenantId },
      {
        authority: `${cloud.authorityHost}/${tenant.tenantId}`,
        loginHint: account.username,
        ...(tenant.claims ? { claims: tenant.claims } : {}),
      },
      async (result) => {
        if (result.account && result.account.homeAccountId !== account.id) {
          // Someone else signed in in the browser: keep no tokens for an account the user did not connect.
          const known = this.registry.find(result.account.homeAccountId);
          if (!known) await this.pca(cloud).getTokenCache().removeAccount(result.account);
          throw new ServiceError(
            'invalid_input',
            `You signed in as ${result.account.username}, but this tenant belongs to ${account.username}. ` +
              `Sign in to it again as ${account.username}.`,
          );
        }
        await this.registry.updateTenant(account.id, tenant.tenantId, (current) => ready(current));
        await this.checkUserTenant(account, tenant.tenantId);
        this.publish();
      },
    );
    return this.summary(account.id);
  }

  cancelSignIn(): void {
    this.running?.abort.abort();
  }

  /** Runs one sign-in flow (one at a time), then `complete` (tenant discovery) while the flow says "completing". */
  private async runFlow<T>(
    cloud: CloudEndpoints,
    method: SignInFlow['method'],
    target: { accountId?: string; tenantId?: string },
    request: { authority: string; loginHint?: string; claims?: string },
    complete: (result: AuthenticationResult) => Promise<T>,
  ): Promise<T> {
    if (this.running) {
      throw new ServiceError(
        'invalid_input',
        'Another sign-in is still waiting for you. Finish it in the browser or cancel it first.',
      );
    }
    const pca = this.pca(cloud);
    const timeoutMs = this.deps.signInTimeoutMs ?? signInTimeoutMs;
    const abort = new AbortController();
    this.running = {
      abort,
      flow: {
        flowId: randomUUID(),
        method,
        cloudId: cloud.id,
        ...target,
        state: method === 'browser' ? 'waiting_for_browser' : 'waiting_for_device_code',
        expiresAt: new Date(this.deps.clock.now() + timeoutMs).toISOString(),
      },
    };
    this.deps.events.emit('signIn', this.running.flow);
    try {
      const control = { signal: abort.signal, timeoutMs, scopes: [armScope(cloud)], ...request };
      const result =
        method === 'browser'
          ? await signInWithBrowser(pca, {
              ...control,
              opener: signInOpener(this.deps.opener, {
                authorityHost: cloud.authorityHost,
                clientId: cloud.clientId ?? this.deps.signInSettings().clientId,
              }),
              onBrowserOpened: () => this.updateFlow({ state: 'waiting_for_browser' }),
            })
          : await signInWithDeviceCode(pca, {
              ...control,
              onCode: (code) =>
                this.updateFlow({
                  state: 'waiting_for_device_code',
                  userCode: code.userCode,
                  verificationUri: code.verificationUri,
                }),
            });
      this.updateFlow({ state: 'completing' });
      const value = await complete(result);
      this.finishFlow({ state: 'done' });
      this.deps.logger.info('signed in', { method, cloud: cloud.id, tenantSignIn: target.tenantId !== undefined });
      return value;
    } catch (error) {
      const failure = this.signInFailure(error);
      this.finishFlow({ state: failure.code === 'cancelled' ? 'cancelled' : 'failed', error: failure });
      throw new ServiceError(failure.code, failure.message, failure.detail);
    }
  }

  private signInFailure(error: unknown): { code: ServiceError['code']; message: string; detail?: string } {
    if (error instanceof ServiceError) {
      return {
        code: error.code,
        message: error.message,
        ...(error.detail === undefined ? {} : { detail: error.detail }),
      };
    }
    const problem = this.classify(error);
    this.deps.logger.warn('sign-in failed', { problem: problem.kind, message: problem.message });
    if (problem.kind === 'offline') return { code: 'offline', message: 'Signing in needs a connection to Microsoft.' };
    if (
      /access_denied|user_cancelled|AADSTS65004/.test(problem.message) ||
      (error as { errorCode?: string })?.errorCode === 'access_denied'
    ) {
      return { code: 'cancelled', message: 'The sign-in was cancelled in the browser.' };
    }
    return {
      code: problem.kind === 'needs_sign_in' ? 'interaction_required' : 'internal',
      message: `The sign-in did not finish: ${problem.message}`,
      ...(problem.kind !== 'needs_sign_in' && problem.correlationId ? { detail: problem.correlationId } : {}),
    };
  }

  private updateFlow(change: Partial<SignInFlow>): void {
    if (!this.running) return;
    this.running.flow = { ...this.running.flow, ...change };
    this.deps.events.emit('signIn', this.running.flow);
  }

  private finishFlow(change: Partial<SignInFlow>): void {
    this.updateFlow(change);
    this.running = undefined;
    this.deps.events.emit('signIn', null);
  }

  // ---- discovery and status ------------------------------------------------------------------------------

  private async connectUser(cloud: CloudEndpoints, result: AuthenticationResult): Promise<StoredUserAccount> {
    const info = result.account;
    if (!info) throw new ServiceError('internal', 'The sign-in finished without an account.');
    const homeTenantId = info.homeAccountId.split('.')[1] ?? info.tenantId;
    const existing = this.registry.find(info.homeAccountId);
    const account: StoredUserAccount = {
      kind: 'user',
      id: info.homeAccountId,
      cloudId: cloud.id,
      name: info.name ?? info.username,
      username: info.username,
      homeTenantId,
      localAccountId: info.localAccountId,
      environment: info.environment,
      tenants: existing?.tenants ?? [],
    };
    await this.registry.upsert(account);
    await this.discoverUserTenants(account);
    this.publish();
    return this.registry.find(account.id) as StoredUserAccount;
  }

  /**
   * Lists the user's tenants with a home-tenant token, then checks a silent token for each one. `revalidate`
   * (the user's Refresh) asks the token service again instead of trusting cached access tokens.
   */
  private async discoverUserTenants(account: StoredUserAccount, revalidate = false): Promise<void> {
    const cloud = this.cloud(account.cloudId);
    let records: TenantRecord[];
    try {
      records = await listTenants(this.userCredential(account, account.homeTenantId), cloud, this.deps.connectivity);
    } catch (error) {
      this.deps.logger.warn('listing tenants failed', { account: account.id, error: describe(error) });
      await this.registry.update(account.id, (current) =>
        current.tenants.length === 0 ? { ...current, tenants: [placeholderHome(account, error)] } : current,
      );
      return;
    }
    // The user may have hidden a tenant or signed out while the list was on its way: build on the registry's
    // current copy, and do nothing for an account that is gone.
    const updated = await this.registry.update(account.id, (current) => {
      const previous = new Map(current.tenants.map((tenant) => [tenant.tenantId, tenant]));
      const tenants: StoredTenant[] = records.map((record) => {
        const known = {
          tenantId: record.tenantId,
          displayName: record.displayName,
          ...(record.defaultDomain ? { defaultDomain: record.defaultDomain } : {}),
          category:
            record.category === 'Home' ? (record.tenantId === current.homeTenantId ? 'home' : 'guest') : 'managed',
        } as const;
        const before = previous.get(record.tenantId);
        return before ? { ...before, ...known } : { ...known, status: 'ready', hidden: false };
      });
      return { ...current, tenants };
    });
    if (!updated) return;
    const enabled = updated.tenants.filter((tenant) => tenant.status !== 'disabled');
    await Promise.all(enabled.map((tenant) => this.checkUserTenant(account, tenant.tenantId, revalidate)));
  }

  private async checkUserTenant(account: StoredUserAccount, tenantId: string, revalidate = false): Promise<void> {
    try {
      await this.userCredential(account, tenantId, revalidate).getToken(armScope(this.cloud(account.cloudId)));
      await this.registry.updateTenant(account.id, tenantId, (tenant) => ready(tenant));
    } catch (error) {
      await this.recordProblem(account.id, tenantId, this.classify(error));
    }
  }

  private async recordProblem(accountId: string, tenantId: string, problem: AuthProblem): Promise<void> {
    if (problem.kind === 'offline') return; // Keep the last known status; the app shows it is offline.
    await this.registry.updateTenant(accountId, tenantId, (tenant) => {
      const status = tenant.status === 'disabled' ? 'disabled' : problem.kind;
      return {
        ...withoutProblem(tenant),
        status,
        message: problem.message,
        ...(problem.kind === 'needs_sign_in' ? { reason: problem.reason } : {}),
        ...(problem.kind === 'needs_sign_in' && problem.claims ? { claims: problem.claims } : {}),
        ...(problem.correlationId ? { correlationId: problem.correlationId } : {}),
      };
    });
  }

  async refresh(accountId?: string): Promise<AccountSummary[]> {
    const targets = this.registry.all().filter((account) => accountId === undefined || account.id === accountId);
    if (accountId !== undefined && targets.length === 0) {
      throw new ServiceError('not_found', 'That account is no longer connected.');
    }
    const outcomes = await Promise.allSettled(
      targets.map((account) =>
        account.kind === 'user' ? this.discoverUserTenants(account, true) : this.checkServicePrincipal(account),
      ),
    );
    // One account's failure (e.g. its cloud is no longer configured) is recorded on it; the others carry on.
    for (const [index, outcome] of outcomes.entries()) {
      const account = targets[index];
      if (outcome.status === 'fulfilled' || !account) continue;
      const message = outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason);
      for (const tenant of account.tenants) {
        await this.recordProblem(account.id, tenant.tenantId, { kind: 'error', message });
      }
    }
    this.publish();
    return this.list();
  }

  async setTenantHidden(args: { accountId: string; tenantId: string; hidden: boolean }): Promise<AccountSummary> {
    const account = this.registry.find(args.accountId);
    if (!account?.tenants.some((tenant) => tenant.tenantId === args.tenantId)) {
      throw new ServiceError('not_found', 'That account or tenant is no longer connected.');
    }
    // Hiding is the user's "disable": the tenant is left alone (status `disabled`) until it is shown again,
    // when its session is checked afresh.
    await this.registry.updateTenant(args.accountId, args.tenantId, (tenant) => {
      return { ...withoutProblem(tenant), hidden: args.hidden, status: args.hidden ? 'disabled' : 'ready' };
    });
    if (!args.hidden) {
      const current = this.registry.find(args.accountId);
      if (current?.kind === 'user') await this.checkUserTenant(current, args.tenantId);
      else if (current) await this.checkServicePrincipal(current);
    }
    this.publish();
    return this.summary(args.accountId);
  }

  // ---- credentials ---------------------------------------------------------------------------------------

  /** The Azure SDK credential for one (account, tenant); MSAL calls for one account never run concurrently. */
  credentialFor(accountId: string, tenantId: string): TokenCredential {
    const account = this.registry.find(accountId);
    if (!account) throw new ServiceError('not_found', 'That account is no longer connected.');
    return account.kind === 'user' ? this.userCredential(account, tenantId) : this.spCredential(account);
  }

  private userCredential(account: StoredUserAccount, tenantId: string, forceRefresh = false): TokenCredential {
    const cloud = this.cloud(account.cloudId);
    return {
      getToken: (scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> => {
        if (options?.claims) {
          // ARM answered with a claims challenge: the user must sign in again; retrying silently would loop.
          const claims = decodeClaims(options.claims);
          void this.recordProblem(account.id, tenantId, {
            kind: 'needs_sign_in',
            reason: 'conditional_access',
            message: reasonMessage('conditional_access'),
            claims,
          }).then(() => this.publish());
          return Promise.reject(new ServiceError('interaction_required', reasonMessage('conditional_access')));
        }
        return this.serialize(account.id, async () => {
          const pca = this.pca(cloud);
          // MSAL finds per-tenant tokens through the cached account with its tenantId swapped (AZURE-FACTS).
          const cached = await pca.getTokenCache().getAccountByHomeId(account.id);
          if (!cached)
            throw Object.assign(new Error('No sign-in is cached for this account.'), { errorCode: 'no_tokens_found' });
          const info: AccountInfo = { ...cached, tenantId };
          const result = await pca.acquireTokenSilent({
            account: info,
            authority: `${cloud.authorityHost}/${tenantId}`,
            scopes: normalizeScopes(scopes, cloud),
            ...(forceRefresh ? { forceRefresh } : {}),
          });
          return {
            token: result.accessToken,
            expiresOnTimestamp: (result.expiresOn ?? new Date()).getTime(),
            tokenType: 'Bearer',
          };
        });
      },
    };
  }

  private spCredential(account: StoredServicePrincipal): TokenCredential {
    const cloud = this.cloud(account.cloudId);
    const options = {
      authorityHost: cloud.authorityHost,
      disableInstanceDiscovery: cloud.kind === 'custom',
      ...(cloud.caPem ? { tlsOptions: { ca: [...rootCertificates, cloud.caPem] } } : {}),
    };
    return account.credential.kind === 'secret'
      ? new ClientSecretCredential(account.homeTenantId, account.clientId, account.credential.secret, options)
      : new ClientCertificateCredential(
          account.homeTenantId,
          account.clientId,
          { certificate: account.credential.certificatePem },
          options,
        );
  }

  async addServicePrincipal(args: ServicePrincipalArgs): Promise<AccountSummary> {
    const cloud = this.cloud(args.cloudId);
    const probe: StoredServicePrincipal = {
      kind: 'service_principal',
      id: servicePrincipalId(args.tenantId, args.clientId),
      cloudId: cloud.id,
      name: args.clientId,
      clientId: args.clientId,
      homeTenantId: args.tenantId,
      credential: args.credential,
      tenants: [],
    };
    let records: TenantRecord[];
    try {
      records = await listTenants(this.spCredential(probe), cloud, this.deps.connectivity);
    } catch (error) {
      const problem = this.classify(error);
      if (problem.kind === 'offline')
        throw new ServiceError('offline', 'Adding a service principal needs a connection.');
      throw new ServiceError(
        'forbidden',
        `The service principal could not sign in: ${problem.message}`,
        problem.kind === 'error' ? problem.correlationId : undefined,
      );
    }
    // A service principal's /tenants answer is its home tenant: its id makes the account's id, so the same
    // principal entered once by domain and once by tenant id is one account.
    const homeTenantId = records[0]?.tenantId ?? args.tenantId;
    const id = servicePrincipalId(homeTenantId, args.clientId);
    const existing = this.registry.find(id);
    const account: StoredServicePrincipal = {
      ...probe,
      id,
      homeTenantId,
      tenants: records.map((record) => ({
        tenantId: record.tenantId,
        displayName: record.displayName,
        ...(record.defaultDomain ? { defaultDomain: record.defaultDomain } : {}),
        category: 'home',
        status: 'ready',
        hidden: existing?.tenants.find((tenant) => tenant.tenantId === record.tenantId)?.hidden ?? false,
      })),
    };
    await this.registry.upsert(account);
    this.publish();
    return this.summary(account.id);
  }

  private async checkServicePrincipal(account: StoredServicePrincipal): Promise<void> {
    const cloud = this.cloud(account.cloudId);
    try {
      await this.spCredential(account).getToken(armScope(cloud));
      for (const tenant of account.tenants) await this.registry.updateTenant(account.id, tenant.tenantId, ready);
    } catch (error) {
      const problem = this.classify(error);
      const asError: AuthProblem =
        problem.kind === 'needs_sign_in' ? { kind: 'error', message: problem.message } : problem;
      for (const tenant of account.tenants) await this.recordProblem(account.id, tenant.tenantId, asError);
    }
  }

  // ---- sign-out ------------------------------------------------------------------------------------------

  async signOut(accountId: string): Promise<void> {
    const account = this.registry.find(accountId);
    if (!account) throw new ServiceError('not_found', 'That account is no longer connected.');
    const cloud = this.deps.clouds().find((candidate) => candidate.id === account.cloudId);
    // An account whose cloud is no longer configured can still be removed; its cache went with the cloud.
    if (account.kind === 'user' && cloud) {
      const cache = this.pca(cloud).getTokenCache();
      const cached = await cache.getAccountByHomeId(account.id);
      if (cached) await cache.removeAccount(cached);
    }
    await this.registry.remove(accountId);
    this.deps.logger.info('signed out', { kind: account.kind, cloud: account.cloudId });
    this.publish();
  }

  async signOutAll(): Promise<void> {
    for (const account of [...this.registry.all()]) await this.signOut(account.id);
  }

  /** Throws away every MSAL cache; accounts stay listed and ask for a new sign-in. */
  async resetSignInData(): Promise<void> {
    this.cancelSignIn();
    for (const cloud of this.deps.clouds()) await this.deps.vault.delete(msalCacheName(cloud.id));
    this.msal.reset();
    await this.flagUsersForSignIn(() => true);
    this.deps.logger.info('sign-in data reset');
    this.publish();
  }

  private async cacheDamaged(cloudId: string, movedTo: string): Promise<void> {
    this.deps.warn(
      `msal-damaged:${cloudId}`,
      'Your sign-in data could not be read',
      `Stored sign-in data could not be decrypted, so it was set aside (${movedTo}). Sign in to your accounts again.`,
    );
    await this.flagUsersForSignIn((account) => account.cloudId === cloudId);
    this.publish();
  }

  private async flagUsersForSignIn(which: (account: StoredUserAccount) => boolean): Promise<void> {
    for (const account of this.registry.all()) {
      if (account.kind !== 'user' || !which(account)) continue;
      for (const tenant of account.tenants) {
        await this.recordProblem(account.id, tenant.tenantId, {
          kind: 'needs_sign_in',
          reason: 'no_session',
          message: reasonMessage('no_session'),
        });
      }
    }
  }

  // ---- helpers -------------------------------------------------------------------------------------------

  /** MSAL wraps network failures in its own errors; Connectivity saw the real one in our network client. */
  private classify(error: unknown): AuthProblem {
    const problem = classifyAuthError(error);
    if (problem.kind === 'error' && !this.deps.connectivity.online) {
      return { kind: 'offline', message: 'The sign-in service could not be reached. Check your connection.' };
    }
    return problem;
  }

  private pca(cloud: CloudEndpoints): PublicClientApplication {
    const settings = this.deps.signInSettings();
    const clientId = cloud.clientId ?? settings.clientId;
    if (!clientId) {
      throw new ServiceError(
        'invalid_input',
        `Signing in to ${cloud.name} needs an app registration: enter its Application (client) ID in Settings.`,
        'clientId',
      );
    }
    return this.msal.get(cloud, clientId, settings.defaultTenant);
  }

  private cloud(cloudId: string): CloudEndpoints {
    const cloud = this.deps.clouds().find((candidate) => candidate.id === cloudId);
    if (!cloud) {
      throw new ServiceError(
        'not_found',
        `The cloud "${cloudId}" is not configured in Cloud Desk any more. Add it again (a custom cloud file or ` +
          'Settings), or sign out of this account.',
      );
    }
    return cloud;
  }

  private cloudName(cloudId: string): string {
    return this.deps.clouds().find((candidate) => candidate.id === cloudId)?.name ?? `${cloudId} (not configured)`;
  }

  private summary(accountId: string): AccountSummary {
    const summary = this.list().find((account) => account.id === accountId);
    if (!summary) throw new ServiceError('not_found', 'That account is no longer connected.');
    return summary;
  }

  private publish(): void {
    this.deps.events.emit('accounts', this.list());
  }

  private serialize<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    this.locks.set(
      key,
      next.catch(() => undefined),
    );
    return next;
  }
}

function servicePrincipalId(tenantId: string, clientId: string): string {
  return `sp:${tenantId.toLowerCase()}:${clientId.toLowerCase()}`;
}

/** The tenant without what its last problem left: the reason, message, correlation id and claims challenge. */
function withoutProblem(tenant: StoredTenant): StoredTenant {
  const { reason: _r, message: _m, correlationId: _c, claims: _cl, ...rest } = tenant;
  return rest;
}

function ready(tenant: StoredTenant): StoredTenant {
  return { ...withoutProblem(tenant), status: tenant.status === 'disabled' ? 'disabled' : 'ready' };
}

function placeholderHome(account: StoredUserAccount, error: unknown): StoredTenant {
  return {
    tenantId: account.homeTenantId,
    displayName: account.homeTenantId,
    category: 'home',
    status: 'error',
    message: `The tenants of this account could not be listed: ${describe(error)}`,
    hidden: false,
  };
}

/** The SDK asks for `<audience>/.default`; MSAL's cache is keyed by the scope string, so always ask the same. */
function normalizeScopes(scopes: string | string[], cloud: CloudEndpoints): string[] {
  const list = Array.isArray(scopes) ? scopes : [scopes];
  return list.map((scope) => (scope.endsWith('/user_impersonation') ? armScope(cloud) : scope));
}

function decodeClaims(claims: string): string {
  // core-rest-pipeline hands over the challenge's claims base64-encoded; MSAL wants the JSON.
  if (claims.trim().startsWith('{')) return claims;
  try {
    return Buffer.from(claims, 'base64').toString('utf8');
  } catch {
    return claims;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export type { StoredAccount };
