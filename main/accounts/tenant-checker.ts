// Whether each tenant of a user account can be used now: the account's tenant list is re-read while every known
// tenant's session is checked at once (bounded), each tenant with its own timeout so a slow one never holds the
// others, and each tenant's state is published as it lands. A failed list marks the account with the reason in
// words; tenants keep their own states. States Entra confirmed get `checkedAt`; a check that could not reach the
// network leaves the last state as it was (the app says it is offline). No Electron imports.
import type { AccountProblem } from '../../preload/contract.js';
import type { AuthProblem } from '../auth/auth-errors.js';
import type { TenantRecord } from '../azure/tenants.js';
import type { CloudEndpoints } from '../clouds.js';
import { ServiceError } from '../errors.js';
import type { Clock, Logger, Scheduler } from '../ports.js';
import type { AccountRegistry, StoredTenant, StoredUserAccount } from './account-registry.js';
import type { CloudCatalog } from './cloud-catalog.js';
import { createLimiter, type Limiter } from './limiter.js';
import type { LiveState } from './live-state.js';

export interface TenantCheckerDeps {
  registry: AccountRegistry;
  live: LiveState;
  catalog: CloudCatalog;
  /** ARM's tenant list for a user, read with the home tenant's token. */
  listTenants(account: StoredUserAccount, cloud: CloudEndpoints): Promise<TenantRecord[]>;
  /** Gets a token for one tenant: the check itself. `revalidate` asks the token service, not the cache. */
  tenantToken(account: StoredUserAccount, tenantId: string, revalidate: boolean): Promise<unknown>;
  /** What a failed token call means for the tenant. */
  classify(error: unknown, cloudId: string): AuthProblem;
  /** What an ARM failure of the tenant list means for the account. */
  listProblem(error: unknown, cloud: CloudEndpoints): AccountProblem;
  publish(): void;
  clock: Clock;
  scheduler: Scheduler;
  logger: Logger;
  /** Token calls in flight at once, across accounts (default 16). */
  concurrency?: number;
  /** How long one tenant's check may take (default 15 s). */
  tenantTimeoutMs?: number;
}

export const defaultTenantTimeoutMs = 15_000;
/** Enough for a consultant's 12-16 customer tenants in one round trip, few enough to stay polite to Entra ID. */
export const defaultTenantConcurrency = 16;

class TenantTimeout extends Error {
  constructor(readonly ms: number) {
    super(`No answer within ${ms} ms`);
  }
}

export class TenantChecker {
  private readonly limit: Limiter;
  private readonly timeoutMs: number;

  constructor(private readonly deps: TenantCheckerDeps) {
    this.limit = createLimiter(deps.concurrency ?? defaultTenantConcurrency);
    this.timeoutMs = deps.tenantTimeoutMs ?? defaultTenantTimeoutMs;
  }

  /** Re-reads the account's tenants and checks every enabled tenant; known ones are checked while the list loads. */
  async checkUser(account: StoredUserAccount, revalidate: boolean): Promise<void> {
    const cloud = this.deps.catalog.get(account.cloudId);
    const started = new Set<string>();
    const checkNew = (): Promise<void> => {
      const tenantIds = this.enabledTenants(account.id).filter((tenantId) => !started.has(tenantId));
      for (const tenantId of tenantIds) started.add(tenantId);
      return this.checkTenants(account.id, tenantIds, revalidate);
    };
    const known = checkNew();
    await this.list(account, cloud);
    await Promise.all([known, checkNew()]);
  }

  /** Checks some tenants of an account at once (bounded), publishing each as it lands. */
  async checkTenants(accountId: string, tenantIds: readonly string[], revalidate: boolean): Promise<void> {
    const ends = tenantIds.map((tenantId) => this.deps.live.beginTenant(accountId, tenantId));
    if (ends.length > 0) this.deps.publish();
    await Promise.all(
      tenantIds.map((tenantId, index) =>
        this.limit(() => this.checkTenant(accountId, tenantId, revalidate)).finally(() => {
          ends[index]?.();
          this.deps.publish();
        }),
      ),
    );
  }

  /** Records what a tenant's failed token call means; offline keeps the last known state. */
  async recordProblem(accountId: string, tenantId: string, problem: AuthProblem): Promise<void> {
    if (problem.kind === 'offline') return;
    await this.deps.registry.updateTenant(accountId, tenantId, (tenant) => ({
      ...withoutProblem(tenant),
      status: tenant.status === 'disabled' ? 'disabled' : problem.kind,
      message: problem.message,
      checkedAt: this.now(),
      ...(problem.kind === 'needs_sign_in' ? { reason: problem.reason } : {}),
      ...(problem.kind === 'needs_sign_in' && problem.claims ? { claims: problem.claims } : {}),
      // A sign-in prompt (MFA, consent...) is ordinary: only real errors carry an id for support.
      ...(problem.kind === 'error' && problem.correlationId ? { correlationId: problem.correlationId } : {}),
    }));
    this.deps.live.confirm(accountId, tenantId);
  }

  async markReady(accountId: string, tenantId: string): Promise<void> {
    await this.deps.registry.updateTenant(accountId, tenantId, (tenant) => ({
      ...ready(tenant),
      checkedAt: this.now(),
    }));
    this.deps.live.confirm(accountId, tenantId);
  }

  private async checkTenant(accountId: string, tenantId: string, revalidate: boolean): Promise<void> {
    const account = this.deps.registry.find(accountId);
    const tenant = account?.tenants.find((candidate) => candidate.tenantId === tenantId);
    // Signed out or hidden while waiting for a slot: leave it alone.
    if (account?.kind !== 'user' || !tenant || tenant.status === 'disabled') return;
    try {
      await this.withTimeout(this.deps.tenantToken(account, tenantId, revalidate));
      await this.markReady(accountId, tenantId);
    } catch (error) {
      if (error instanceof TenantTimeout) {
        await this.deps.registry.updateTenant(accountId, tenantId, (current) => ({
          ...withoutProblem(current),
          status: current.status === 'disabled' ? 'disabled' : 'error',
          message:
            `The sign-in service did not answer for this tenant within ${Math.round(error.ms / 1000)} s, so its ` +
            'state is not confirmed. Refresh to try again.',
        }));
        this.deps.live.unconfirm(accountId, tenantId);
        return;
      }
      await this.recordProblem(accountId, tenantId, this.deps.classify(error, account.cloudId));
    }
  }

  private async list(account: StoredUserAccount, cloud: CloudEndpoints): Promise<void> {
    const end = this.deps.live.beginListing(account.id);
    this.deps.publish();
    try {
      const records = await this.deps.listTenants(account, cloud);
      // The user may have hidden a tenant or signed out while the list was on its way: build on the registry's
      // current copy, and do nothing for an account that is gone.
      await this.deps.registry.update<StoredUserAccount>(account.id, (current) => ({
        ...current,
        tenants: mergeTenants(current, records),
        checkedAt: this.now(),
      }));
      this.deps.live.setProblem(account.id, undefined);
    } catch (error) {
      const problem = this.listFailure(error, cloud);
      this.deps.logger.warn('listing tenants failed', { account: account.id, problem: problem?.code, error });
      this.deps.live.setProblem(account.id, problem);
      // An account with no known tenant still gets its home tenant, checked like any other.
      await this.deps.registry.update<StoredUserAccount>(account.id, (current) =>
        current.tenants.length > 0 ? current : { ...current, tenants: [homeTenant(current)] },
      );
    } finally {
      end();
      this.deps.publish();
    }
  }

  /**
   * The token for the list failed (MSAL) or the list itself did (ARM). A home tenant that needs a sign-in says
   * so on the tenant: no account problem then.
   */
  private listFailure(error: unknown, cloud: CloudEndpoints): AccountProblem | undefined {
    const fromMsal =
      (error instanceof ServiceError && error.code === 'interaction_required') ||
      typeof (error as { errorCode?: unknown } | undefined)?.errorCode === 'string';
    if (!fromMsal) return this.deps.listProblem(error, cloud);
    const problem = this.deps.classify(error, cloud.id);
    if (problem.kind === 'needs_sign_in') return undefined;
    if (problem.kind === 'offline') {
      return {
        code: 'offline',
        message: `The sign-in service of ${cloud.name} could not be reached, so the tenant list may be out of date. Check your connection; Cloud Desk retries on its own.`,
      };
    }
    return {
      code: 'internal',
      message: `The tenant list could not be read: ${problem.message}`,
      ...(problem.correlationId ? { correlationId: problem.correlationId } : {}),
    };
  }

  private enabledTenants(accountId: string): string[] {
    const account = this.deps.registry.find(accountId);
    return (account?.tenants ?? []).filter((tenant) => tenant.status !== 'disabled').map((tenant) => tenant.tenantId);
  }

  private withTimeout<T>(work: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const cancel = this.deps.scheduler.after(this.timeoutMs, () => reject(new TenantTimeout(this.timeoutMs)));
      work.then(
        (value) => {
          cancel();
          resolve(value);
        },
        (error: unknown) => {
          cancel();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  private now(): string {
    return new Date(this.deps.clock.now()).toISOString();
  }
}

function mergeTenants(account: StoredUserAccount, records: readonly TenantRecord[]): StoredTenant[] {
  const previous = new Map(account.tenants.map((tenant) => [tenant.tenantId, tenant]));
  return records.map((record) => {
    const known = {
      tenantId: record.tenantId,
      displayName: record.displayName,
      ...(record.defaultDomain ? { defaultDomain: record.defaultDomain } : {}),
      category: record.category === 'Home' ? (record.tenantId === account.homeTenantId ? 'home' : 'guest') : 'managed',
    } as const;
    const before = previous.get(record.tenantId);
    return before ? { ...before, ...known } : { ...known, status: 'ready', hidden: false };
  });
}

function homeTenant(account: StoredUserAccount): StoredTenant {
  return {
    tenantId: account.homeTenantId,
    displayName: account.homeTenantId,
    category: 'home',
    status: 'ready',
    hidden: false,
  };
}

/** The tenant without what its last problem left: the reason, message, correlation id and claims challenge. */
export function withoutProblem(tenant: StoredTenant): StoredTenant {
  const { reason: _r, message: _m, correlationId: _c, claims: _cl, ...rest } = tenant;
  return rest;
}

export function ready(tenant: StoredTenant): StoredTenant {
  return { ...withoutProblem(tenant), status: tenant.status === 'disabled' ? 'disabled' : 'ready' };
}
