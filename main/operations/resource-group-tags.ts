// The resource groups (with their tags) a confirmation needs, per subscription, through the account that acts on
// it. ARM's list holds only the groups the caller may read, and a list kept from a few minutes ago lacks groups
// created or moved since: a group the list lacks is therefore looked for again (the list once more, ignoring the
// cache, then the group by name) and, if still unread, reported with why rather than counted as not production.
// Lists are kept a few minutes per (cloud, account, subscription), dropped when the account goes, and never kept
// after a failure. A failure is an answer, never a throw. No Electron imports.
import { isRestError } from '@azure/core-rest-pipeline';
import type { InventoryError, SubscriptionSummary } from '../../preload/contract-inventory.js';
import { createLimiter, type Limiter } from '../accounts/limiter.js';
import { describeArmError } from '../azure/arm-errors.js';
import { getResourceGroup, listResourceGroups, type ResourceGroupRecord } from '../azure/resource-groups.js';
import type { CloudEndpoints } from '../clouds.js';
import { ServiceError } from '../errors.js';
import { armClientOptions, type ArmClientOptions } from '../net/arm-pipeline.js';
import type { CloudConnectivity } from '../net/connectivity.js';
import type { NetworkConfig } from '../net/network-config.js';
import type { Clock, Logger } from '../ports.js';
import type { AccountsPort } from './ports.js';

export interface ResourceGroupTagsTuning {
  /** How long one subscription's resource group list is used before it is read again. */
  cacheMs: number;
  /** Requests (lists and single groups) sent at once. */
  concurrency: number;
  /** A request that takes longer is given up (the SDK would sleep through any Retry-After). */
  timeoutMs: number;
}

export interface ResourceGroupTagsDeps {
  accounts: AccountsPort;
  clouds: () => readonly CloudEndpoints[];
  connectivity: CloudConnectivity;
  network: NetworkConfig;
  clock: Clock;
  logger: Logger;
  tuning: ResourceGroupTagsTuning;
}

/** Resource groups by lower-case name (ARM compares them without case; a VM id may spell one in capitals). */
export type GroupIndex = ReadonlyMap<string, ResourceGroupRecord>;

/** Groups of a readable subscription that still could not be read, with why (whole sentences naming them). */
export interface UnreadGroups {
  names: string[];
  error: InventoryError;
}

export type SubscriptionGroups =
  { ok: true; groups: GroupIndex; readAt: number; unread: UnreadGroups[] } | { ok: false; error: InventoryError };

interface Cached {
  accountId: string;
  groups: Promise<GroupIndex>;
  /** When the list arrived; undefined while it is being read. */
  readAt: number | undefined;
}

interface Access {
  credential: ReturnType<AccountsPort['credentialFor']>;
  options: ArmClientOptions;
}

type Single = { ok: true; group: ResourceGroupRecord } | { ok: false; error: unknown };

export class ResourceGroupTags {
  private readonly cache = new Map<string, Cached>();
  private readonly limit: Limiter;
  /** Requests sent to Azure (for tests: a cache hit sends none). */
  readonly stats = { lists: 0, gets: 0 };

  constructor(private readonly deps: ResourceGroupTagsDeps) {
    this.limit = createLimiter(deps.tuning.concurrency);
  }

  /** `sub`'s groups, at least those named in `wanted` where they can be read. */
  async read(sub: SubscriptionSummary, wanted: readonly string[]): Promise<SubscriptionGroups> {
    try {
      // Checked before the cache: a tenant that needs a sign-in is said so even while an old list is kept.
      if (sub.status === 'needs_sign_in') {
        throw new ServiceError(
          'interaction_required',
          `Sign in again to the tenant of ${sub.displayName} so Cloud Desk can read its resource groups.`,
        );
      }
      this.prune();
      let listed = await this.list(sub, false);
      const missing = (): string[] => [
        ...new Map(wanted.filter((n) => !listed.groups.has(n.toLowerCase())).map((n) => [n.toLowerCase(), n])).values(),
      ];
      if (missing().length > 0 && !listed.fresh) listed = await this.list(sub, true);
      const absent = missing();
      if (absent.length === 0) return { ok: true, groups: listed.groups, readAt: listed.readAt, unread: [] };
      const access = this.access(sub);
      const singles = await Promise.all(absent.map(async (name) => [name, await this.get(sub, name, access)] as const));
      const groups = new Map(listed.groups);
      for (const [, single] of singles) if (single.ok) groups.set(single.group.name.toLowerCase(), single.group);
      const failed = singles.flatMap(([name, single]) => (single.ok ? [] : [{ name, error: single.error }]));
      return { ok: true, groups, readAt: listed.readAt, unread: this.describeUnread(sub, failed) };
    } catch (error) {
      return { ok: false, error: this.describe(error, sub.id, { kind: 'resourceGroups' }) };
    }
  }

  /** Forgets the lists read through accounts that are no longer connected (signed out or removed). */
  forgetAccountsExcept(connected: (accountId: string) => boolean): void {
    for (const [key, entry] of this.cache) if (!connected(entry.accountId)) this.cache.delete(key);
  }

  /** How many lists are kept (for tests). */
  get size(): number {
    return this.cache.size;
  }

  private prune(): void {
    const now = this.deps.clock.now();
    for (const [key, entry] of this.cache) {
      if (entry.readAt !== undefined && now - entry.readAt >= this.deps.tuning.cacheMs) this.cache.delete(key);
    }
  }

  /** The list from the cache or Azure; `fresh` when it was read for this call (or was being read). */
  private async list(
    sub: SubscriptionSummary,
    force: boolean,
  ): Promise<{ groups: GroupIndex; readAt: number; fresh: boolean }> {
    const key = `${sub.cloudId}|${sub.actingAccountId}|${sub.id}`;
    let entry = this.cache.get(key);
    const fresh = force || entry === undefined || entry.readAt === undefined;
    if (force || entry === undefined) {
      const started: Cached = { accountId: sub.actingAccountId, groups: this.readList(sub), readAt: undefined };
      this.cache.set(key, started);
      // Registered before any caller awaits the list, so readAt is set by the time they resume.
      started.groups.then(
        () => {
          started.readAt = this.deps.clock.now();
        },
        () => {
          // A failure is not kept: the next confirmation asks Azure again.
          if (this.cache.get(key) === started) this.cache.delete(key);
        },
      );
      entry = started;
    }
    const groups = await entry.groups;
    return { groups, readAt: entry.readAt ?? this.deps.clock.now(), fresh };
  }

  private async readList(sub: SubscriptionSummary): Promise<GroupIndex> {
    const { credential, options } = this.access(sub);
    const groups = await this.limit(() => {
      this.stats.lists += 1;
      return listResourceGroups(credential, sub.id, options, AbortSignal.timeout(this.deps.tuning.timeoutMs));
    });
    return new Map(groups.map((group) => [group.name.toLowerCase(), group]));
  }

  private async get(sub: SubscriptionSummary, name: string, { credential, options }: Access): Promise<Single> {
    try {
      const group = await this.limit(() => {
        this.stats.gets += 1;
        return getResourceGroup(credential, sub.id, name, options, AbortSignal.timeout(this.deps.tuning.timeoutMs));
      });
      return { ok: true, group };
    } catch (error) {
      return { ok: false, error };
    }
  }

  private access(sub: SubscriptionSummary): Access {
    const cloud = this.deps.clouds().find((c) => c.id === sub.cloudId);
    if (!cloud) throw new ServiceError('not_found', 'The cloud of this subscription is no longer configured.');
    if (!this.deps.connectivity.isOnline(cloud.id)) {
      throw new ServiceError('offline', 'Cloud Desk is offline, so it cannot read the resource groups from Azure.');
    }
    const accountId = sub.actingAccountId;
    const tenantId = sub.accessPaths.find((p) => p.accountId === accountId)?.tenantId ?? sub.tenantId;
    return {
      credential: this.deps.accounts.credentialFor(accountId, tenantId),
      options: armClientOptions(cloud, this.deps.connectivity.link(cloud.id), this.deps.network),
    };
  }

  /** One sentence for the groups the account may not read, one per other reason (groups with the same one merged). */
  private describeUnread(sub: SubscriptionSummary, failed: { name: string; error: unknown }[]): UnreadGroups[] {
    const denied = failed.filter((f) => isRestError(f.error) && f.error.statusCode === 403);
    const unread: UnreadGroups[] = [];
    if (denied.length > 0) {
      const names = denied.map((f) => f.name);
      const first = this.describe(denied[0]?.error, sub.id, { kind: 'resourceGroup' });
      const account = this.deps.accounts.accountName(sub.actingAccountId) ?? 'the account that acts on it';
      const one = names.length === 1;
      unread.push({
        names,
        error: {
          ...first,
          message:
            `Couldn't read the tags of resource group${one ? '' : 's'} ${names.join(', ')} as ${account}: ` +
            `Reader on the resource group${one ? '' : 's'} is enough.`,
        },
      });
    }
    const others = new Map<string, UnreadGroups>();
    for (const { name, error } of failed) {
      if (denied.some((d) => d.name === name)) continue;
      const described = this.describe(error, sub.id, { kind: 'resourceGroup' });
      const merged = others.get(described.message);
      if (merged) merged.names.push(name);
      else others.set(described.message, { names: [name], error: described });
    }
    for (const group of others.values()) {
      const one = group.names.length === 1;
      group.error = {
        ...group.error,
        message: `Couldn't read the tags of resource group${one ? '' : 's'} ${group.names.join(', ')}: ${group.error.message}`,
      };
      unread.push(group);
    }
    return unread;
  }

  private describe(error: unknown, subscriptionId: string, subject: Parameters<typeof describeArmError>[1]) {
    const described = describeArmError(error, subject);
    this.deps.logger.warn('resource group tags could not be read', {
      subscriptionId,
      code: described.code,
      ...(described.requestId ? { requestId: described.requestId } : {}),
      ...(described.correlationId ? { correlationId: described.correlationId } : {}),
    });
    return described;
  }
}
