// Connected accounts, as the contract's accounts.* requests see them: a thin facade over the parts that do the
// work (sign-in runner, tenant checker, service principals, credential provider, cloud catalog), which it is
// given ready-made (see create-accounts-service.ts). It decides only what each request means: which flow, which
// tenants to check, what to forget. No Electron imports.
import type { TokenCredential } from '@azure/core-auth';
import type { z } from 'zod';
import type {
  AccountSummary,
  Cloud,
  servicePrincipalArgsSchema,
  SignInReason,
  signInArgsSchema,
} from '../../preload/contract.js';
import { reasonMessage } from '../auth/auth-errors.js';
import type { CredentialProvider } from '../auth/credential-provider.js';
import { armScope, type CloudEndpoints } from '../clouds.js';
import { ServiceError } from '../errors.js';
import type { BrowserOpener, EventSink, Logger } from '../ports.js';
import type { SecretVault } from '../storage/secret-vault.js';
import { setAsideNotice, summarize, type AccountRegistry, type StoredUserAccount } from './account-registry.js';
import type { CloudCatalog } from './cloud-catalog.js';
import type { LiveState } from './live-state.js';
import type { ServicePrincipals } from './service-principals.js';
import type { SignedIn, SignInRunner } from './sign-in-runner.js';
import { withoutProblem, type TenantChecker } from './tenant-checker.js';

type SignInArgs = z.output<typeof signInArgsSchema>;
type ServicePrincipalArgs = z.output<typeof servicePrincipalArgsSchema>;

/** What the facade needs of the cloud's MSAL cache beyond tokens. */
export interface UserSessions {
  /** Removes the account's cached tokens in its cloud. */
  removeAccount(cloud: CloudEndpoints, accountId: string): Promise<void>;
  /** Forgets every cached sign-in of every cloud (the stored documents are deleted by the caller). */
  reset(): void;
  /** Writes pending cache changes. */
  flush(): Promise<void>;
}

export interface AccountsParts {
  registry: AccountRegistry;
  live: LiveState;
  catalog: CloudCatalog;
  credentials: CredentialProvider;
  tenants: TenantChecker;
  principals: ServicePrincipals;
  runner: SignInRunner;
  sessions: UserSessions;
  vault: SecretVault;
  /** The vault name of a cloud's MSAL cache. */
  cacheName(cloudId: string): string;
  /** Opens a page in the system browser, restricted to the given cloud's authority host. */
  openOnAuthority(cloud: CloudEndpoints): BrowserOpener;
  /** Makes one real call to a cloud with no accounts (its sign-in discovery document) to learn if it answers. */
  probe(cloud: CloudEndpoints): Promise<void>;
  events: EventSink;
  logger: Logger;
  /** Something the user should know (e.g. a damaged store); becomes a notice. */
  warn(id: string, title: string, message: string): void;
}

/** Reasons one interactive sign-in may fix for other tenants of the same account. */
const sessionReasons: readonly SignInReason[] = ['revoked', 'expired', 'no_session', 'other'];
const sameKind = (a: SignInReason | undefined, b: SignInReason | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && sessionReasons.includes(a) && sessionReasons.includes(b));

export class AccountsService {
  constructor(private readonly parts: AccountsParts) {}

  /** Loads the registry (no network): the accounts are on screen, "as of" their stored times, before any call. */
  async start(): Promise<void> {
    const loaded = await this.parts.registry.load();
    if (loaded.damaged) {
      this.parts.warn(
        'accounts-damaged',
        'Your connected accounts could not be read',
        `The stored account list could not be decrypted or read, so it was set aside (${loaded.damaged}). ` +
          'Add your accounts again; your Azure resources are not affected.',
      );
    }
    if (loaded.setAside) this.parts.warn('accounts-set-aside', ...setAsideNotice(loaded.setAside));
    this.publish();
  }

  /** Re-validates every account with Entra ID and ARM (start-up, back online); never rejects. */
  async revalidateAll(): Promise<void> {
    await this.refresh();
  }

  /** Writes pending sign-in cache changes (on quit). */
  stop(): Promise<void> {
    return this.parts.sessions.flush();
  }

  clouds(): Cloud[] {
    return this.parts.catalog.list();
  }

  list(): AccountSummary[] {
    const persisted = this.parts.vault.persists();
    return this.parts.registry
      .all()
      .map((account) =>
        summarize(account, this.parts.catalog.name(account.cloudId), persisted, this.parts.live.of(account.id)),
      );
  }

  credentialFor(accountId: string, tenantId: string): TokenCredential {
    return this.parts.credentials.credentialFor(accountId, tenantId);
  }

  // ---- sign-in -------------------------------------------------------------------------------------------

  async signIn(args: SignInArgs): Promise<AccountSummary> {
    const cloud = this.parts.catalog.get(args.cloudId);
    const account = await this.parts.runner.run(
      cloud,
      args.method,
      {},
      {
        scopes: [armScope(cloud)],
        authority: `${cloud.authorityHost}/${this.parts.catalog.defaultTenant()}`,
        ...(args.loginHint ? { loginHint: args.loginHint } : {}),
      },
      (result) => this.connectUser(cloud, result),
    );
    return this.summary(account.id);
  }

  /**
   * Signs in to one tenant of an account (its authority, the account as hint, any claims it asked for), then
   * re-checks at once the account's other tenants that needed a sign-in for the same kind of reason.
   */
  async signInTenant(args: {
    accountId: string;
    tenantId: string;
    method: 'browser' | 'device_code';
  }): Promise<AccountSummary> {
    const account = this.parts.registry.find(args.accountId);
    const tenant = account?.tenants.find((candidate) => candidate.tenantId === args.tenantId);
    if (!account || !tenant) throw new ServiceError('not_found', 'That account or tenant is no longer connected.');
    if (account.kind !== 'user') {
      await this.parts.principals.check(account);
      return this.summary(account.id);
    }
    const cloud = this.parts.catalog.get(account.cloudId);
    await this.parts.runner.run(
      cloud,
      args.method,
      { accountId: account.id, tenantId: tenant.tenantId },
      {
        scopes: [armScope(cloud)],
        authority: `${cloud.authorityHost}/${tenant.tenantId}`,
        loginHint: account.username,
        ...(tenant.claims ? { claims: tenant.claims } : {}),
      },
      async (result) => {
        if (result.account && result.account.homeAccountId !== account.id) {
          // Someone else signed in in the browser: keep no tokens for an account the user did not connect.
          if (!this.parts.registry.find(result.account.homeAccountId)) {
            await this.parts.sessions.removeAccount(cloud, result.account.homeAccountId);
          }
          throw new ServiceError(
            'invalid_input',
            `You signed in as ${result.account.username}, but this tenant belongs to ${account.username}. ` +
              `Sign in to it again as ${account.username}.`,
          );
        }
        await this.parts.tenants.markReady(account.id, tenant.tenantId);
        this.publish();
        await this.healSiblings(
          account.id,
          tenant.tenantId,
          tenant.status === 'needs_sign_in' ? tenant.reason : undefined,
        );
      },
    );
    return this.summary(account.id);
  }

  cancelSignIn(): void {
    this.parts.runner.cancel();
  }

  reopenSignInPage(): Promise<void> {
    return this.parts.runner.reopenPage();
  }

  signInLink(): string {
    return this.parts.runner.pageUrl();
  }

  /** Opens the tenant's admin-consent page (the cloud's authority, the app's client id) in the system browser. */
  async openAdminConsent(args: { cloudId: string; tenantId?: string | undefined }): Promise<void> {
    const cloud = this.parts.catalog.get(args.cloudId);
    const clientId = this.parts.catalog.clientId(cloud);
    const url = new URL(`${cloud.authorityHost}/${encodeURIComponent(args.tenantId ?? 'organizations')}/adminconsent`);
    url.search = new URLSearchParams({ client_id: clientId }).toString();
    await this.parts.openOnAuthority(cloud).open(url.toString());
  }

  private async connectUser(cloud: CloudEndpoints, result: SignedIn): Promise<StoredUserAccount> {
    const info = result.account;
    if (!info) throw new ServiceError('internal', 'The sign-in finished without an account.');
    const existing = this.parts.registry.find(info.homeAccountId);
    const account: StoredUserAccount = {
      kind: 'user',
      id: info.homeAccountId,
      cloudId: cloud.id,
      name: info.name ?? info.username,
      username: info.username,
      homeTenantId: info.homeAccountId.split('.')[1] ?? info.tenantId,
      localAccountId: info.localAccountId,
      environment: info.environment,
      tenants: existing?.tenants ?? [],
      ...(existing?.checkedAt ? { checkedAt: existing.checkedAt } : {}),
    };
    await this.parts.registry.upsert(account);
    await this.parts.tenants.checkUser(account, false);
    return (this.parts.registry.find(account.id) as StoredUserAccount | undefined) ?? account;
  }

  private async healSiblings(
    accountId: string,
    healedTenantId: string,
    reason: SignInReason | undefined,
  ): Promise<void> {
    const account = this.parts.registry.find(accountId);
    if (!account || reason === undefined) return;
    const siblings = account.tenants
      .filter((tenant) => tenant.tenantId !== healedTenantId && tenant.status === 'needs_sign_in')
      .filter((tenant) => sameKind(tenant.reason, reason))
      .map((tenant) => tenant.tenantId);
    await this.parts.tenants.checkTenants(accountId, siblings, true);
  }

  // ---- checks --------------------------------------------------------------------------------------------

  /** Re-checks one account (or all): tenants re-listed, every session re-validated with the token service. */
  async refresh(accountId?: string): Promise<AccountSummary[]> {
    const targets = this.parts.registry.all().filter((account) => accountId === undefined || account.id === accountId);
    if (accountId !== undefined && targets.length === 0) {
      throw new ServiceError('not_found', 'That account is no longer connected.');
    }
    await Promise.all(
      targets.map(async (account) => {
        try {
          if (account.kind === 'user') await this.parts.tenants.checkUser(account, true);
          else await this.parts.principals.check(account);
        } catch (error) {
          // One account's failure (e.g. its cloud is no longer configured) is recorded on it; the others carry on.
          const message = error instanceof Error ? error.message : String(error);
          this.parts.logger.warn('checking an account failed', { account: account.id, message });
          for (const tenant of account.tenants) {
            await this.parts.tenants.recordProblem(account.id, tenant.tenantId, { kind: 'error', message });
          }
        }
      }),
    );
    this.publish();
    return this.list();
  }

  /** A cloud was offline and is due a re-check: re-validate its accounts, or probe it when it has none. */
  async recheckCloud(cloudId: string): Promise<void> {
    const accounts = this.parts.registry.all().filter((account) => account.cloudId === cloudId);
    const cloud = this.parts.catalog.find(cloudId);
    if (!cloud) return;
    if (accounts.length === 0) {
      await this.parts.probe(cloud);
      return;
    }
    await Promise.all(accounts.map((account) => this.refresh(account.id)));
  }

  async setTenantHidden(args: { accountId: string; tenantId: string; hidden: boolean }): Promise<AccountSummary> {
    const account = this.parts.registry.find(args.accountId);
    if (!account?.tenants.some((tenant) => tenant.tenantId === args.tenantId)) {
      throw new ServiceError('not_found', 'That account or tenant is no longer connected.');
    }
    // Hiding is the user's "disable": the tenant is left alone (status `disabled`) until it is shown again,
    // when its session is checked afresh.
    await this.parts.registry.updateTenant(args.accountId, args.tenantId, (tenant) => ({
      ...withoutProblem(tenant),
      hidden: args.hidden,
      status: args.hidden ? 'disabled' : 'ready',
    }));
    this.parts.live.unconfirm(args.accountId, args.tenantId);
    if (!args.hidden) {
      const current = this.parts.registry.find(args.accountId);
      if (current?.kind === 'user') await this.parts.tenants.checkTenants(current.id, [args.tenantId], false);
      else if (current) await this.parts.principals.check(current);
    }
    this.publish();
    return this.summary(args.accountId);
  }

  // ---- service principals --------------------------------------------------------------------------------

  async addServicePrincipal(args: ServicePrincipalArgs): Promise<AccountSummary> {
    const id = await this.parts.principals.add(args);
    return this.summary(id);
  }

  // ---- sign-out and reset --------------------------------------------------------------------------------

  async signOut(accountId: string): Promise<void> {
    const account = this.parts.registry.find(accountId);
    if (!account) throw new ServiceError('not_found', 'That account is no longer connected.');
    const cloud = this.parts.catalog.find(account.cloudId);
    // An account whose cloud is no longer configured can still be removed; its cache went with the cloud.
    if (account.kind === 'user' && cloud) await this.parts.sessions.removeAccount(cloud, account.id);
    await this.parts.registry.remove(accountId);
    this.parts.credentials.forget(accountId);
    this.parts.live.forget(accountId);
    this.parts.logger.info('signed out', { kind: account.kind, cloud: account.cloudId });
    this.publish();
  }

  async signOutAll(): Promise<void> {
    for (const account of [...this.parts.registry.all()]) await this.signOut(account.id);
  }

  /** Throws away every MSAL cache; accounts stay listed and ask for a new sign-in. */
  async resetSignInData(): Promise<void> {
    this.cancelSignIn();
    this.parts.sessions.reset();
    for (const cloudId of this.parts.catalog.ids()) await this.parts.vault.delete(this.parts.cacheName(cloudId));
    await this.flagUsersForSignIn(() => true);
    this.parts.logger.info('sign-in data reset');
    this.publish();
  }

  /** A cloud's stored sign-in cache could not be used and was moved aside: its users must sign in again. */
  async cacheDamaged(cloudId: string, movedTo: string, why: string): Promise<void> {
    this.parts.warn(
      `msal-damaged:${cloudId}`,
      'Your sign-in data could not be read',
      `Stored sign-in data for ${this.parts.catalog.name(cloudId)} could not be read (${why}), so it was set ` +
        `aside (${movedTo}). Sign in to your accounts in that cloud again.`,
    );
    await this.flagUsersForSignIn((account) => account.cloudId === cloudId);
    this.publish();
  }

  private async flagUsersForSignIn(which: (account: StoredUserAccount) => boolean): Promise<void> {
    for (const account of this.parts.registry.all()) {
      if (account.kind !== 'user' || !which(account)) continue;
      for (const tenant of account.tenants) {
        await this.parts.tenants.recordProblem(account.id, tenant.tenantId, {
          kind: 'needs_sign_in',
          reason: 'no_session',
          message: reasonMessage('no_session'),
        });
      }
    }
  }

  // ---- helpers -------------------------------------------------------------------------------------------

  private summary(accountId: string): AccountSummary {
    const summary = this.list().find((account) => account.id === accountId);
    if (!summary) throw new ServiceError('not_found', 'That account is no longer connected.');
    return summary;
  }

  private publish(): void {
    this.parts.events.emit('accounts', this.list());
  }
}
