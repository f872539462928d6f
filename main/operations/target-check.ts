// Before a disruptive action the confirmation asks which of its VMs are production-tagged: by the VM's own tags
// (from the inventory) or by its resource group's tags, which the inventory does not hold. This reads the
// resource groups of each subscription involved (one paged list, through the account that would act on it),
// keeps each list a few minutes, reads subscriptions side by side with a bound, and keeps failures local: a
// subscription it could not read is reported in words and the others still count. It never throws for one
// subscription's sake (offline, a tenant needing sign-in, a 403). No Electron imports.
import type { SubscriptionSummary, Vm } from '../../preload/contract-inventory.js';
import { isProductionTagged } from '../../preload/contract-operations.js';
import type {
  CheckTargetsArgs,
  CheckTargetsResult,
  ProductionReason,
  TargetCheck,
  UncheckedSubscription,
} from '../../preload/contract-targets.js';
import { createLimiter, type Limiter } from '../accounts/limiter.js';
import { describeArmError } from '../azure/arm-errors.js';
import { listResourceGroups, type ResourceGroupRecord } from '../azure/resource-groups.js';
import type { CloudEndpoints } from '../clouds.js';
import { ServiceError } from '../errors.js';
import { armClientOptions } from '../net/arm-pipeline.js';
import type { CloudConnectivity } from '../net/connectivity.js';
import type { NetworkConfig } from '../net/network-config.js';
import type { Clock, Logger } from '../ports.js';
import type { AccountsPort, InventoryPort } from './ports.js';

export interface TargetCheckTuning {
  /** How long one subscription's resource group list is used before it is read again. */
  cacheMs: number;
  /** Subscriptions read at once. */
  concurrency: number;
  /** A list that takes longer is given up (the SDK would sleep through any Retry-After). */
  timeoutMs: number;
}

export const defaultTargetCheckTuning: TargetCheckTuning = { cacheMs: 5 * 60_000, concurrency: 4, timeoutMs: 20_000 };

export interface TargetCheckDeps {
  inventory: Pick<InventoryPort, 'vm' | 'subscription'>;
  accounts: AccountsPort;
  clouds: () => readonly CloudEndpoints[];
  connectivity: CloudConnectivity;
  network: NetworkConfig;
  clock: Clock;
  logger: Logger;
  tuning?: Partial<TargetCheckTuning>;
}

/** Resource groups by lower-case name (ARM compares them without case; a VM id may spell one in capitals). */
export type GroupIndex = ReadonlyMap<string, ResourceGroupRecord>;

interface Cached {
  groups: Promise<GroupIndex>;
  /** When the list arrived; undefined while it is being read. */
  readAt: number | undefined;
}

/** Why `vm` counts as production, given its subscription's resource groups (undefined: they could not be read). */
export function productionReasons(
  vm: Pick<Vm, 'tags' | 'resourceGroup'>,
  groups: GroupIndex | undefined,
): Omit<TargetCheck, 'vmId'> {
  const reasons: ProductionReason[] = [];
  if (isProductionTagged(vm)) reasons.push({ kind: 'vm_tag' });
  const group = groups?.get(vm.resourceGroup.toLowerCase());
  if (group && isProductionTagged(group)) reasons.push({ kind: 'resource_group_tag', resourceGroup: group.name });
  return { reasons, resourceGroupChecked: groups !== undefined };
}

type Outcome = { ok: true; groups: GroupIndex; readAt: number } | { ok: false; error: UncheckedSubscription['error'] };

export class TargetCheckService {
  private readonly tuning: TargetCheckTuning;
  private readonly cache = new Map<string, Cached>();
  private readonly limit: Limiter;
  /** Lists sent to Azure (for tests: a cache hit sends none). */
  readonly stats = { lists: 0 };

  constructor(private readonly deps: TargetCheckDeps) {
    this.tuning = { ...defaultTargetCheckTuning, ...deps.tuning };
    this.limit = createLimiter(this.tuning.concurrency);
  }

  async check(args: CheckTargetsArgs): Promise<CheckTargetsResult> {
    const vms: Vm[] = [];
    const seen = new Set<string>();
    for (const requested of args.vmIds) {
      const vm = this.deps.inventory.vm(requested.toLowerCase());
      if (vm && !seen.has(vm.id)) {
        seen.add(vm.id);
        vms.push(vm);
      }
    }
    const subscriptionIds = [...new Set(vms.map((vm) => vm.subscriptionId))];
    const outcomes = new Map(
      await Promise.all(subscriptionIds.map(async (id) => [id, await this.outcome(id)] as const)),
    );
    const unchecked: UncheckedSubscription[] = [];
    let oldest: number | undefined;
    for (const [subscriptionId, outcome] of outcomes) {
      if (outcome.ok) oldest = Math.min(oldest ?? outcome.readAt, outcome.readAt);
      else {
        const name = this.deps.inventory.subscription(subscriptionId)?.displayName ?? subscriptionId;
        unchecked.push({ subscriptionId, subscriptionName: name, error: outcome.error });
      }
    }
    return {
      vms: vms.map((vm) => {
        const outcome = outcomes.get(vm.subscriptionId);
        return { vmId: vm.id, ...productionReasons(vm, outcome?.ok ? outcome.groups : undefined) };
      }),
      unchecked,
      readAt: oldest === undefined ? null : new Date(oldest).toISOString(),
    };
  }

  /** One subscription's resource groups, from the cache or Azure; a failure is an answer, never a throw. */
  private async outcome(subscriptionId: string): Promise<Outcome> {
    try {
      const sub = this.deps.inventory.subscription(subscriptionId);
      if (!sub) throw new ServiceError('not_found', 'This subscription is no longer listed; refresh the inventory.');
      const accountId = sub.actingAccountId;
      const key = `${sub.cloudId}|${accountId}|${sub.id}`;
      const now = this.deps.clock.now();
      let cached = this.cache.get(key);
      if (!cached || (cached.readAt !== undefined && now - cached.readAt >= this.tuning.cacheMs)) {
        const entry: Cached = { groups: this.read(sub), readAt: undefined };
        this.cache.set(key, entry);
        void entry.groups.then(
          () => {
            entry.readAt = this.deps.clock.now();
          },
          () => {
            // A failure is not kept: the next confirmation asks Azure again.
            if (this.cache.get(key) === entry) this.cache.delete(key);
          },
        );
        cached = entry;
      }
      const groups = await cached.groups;
      return { ok: true, groups, readAt: cached.readAt ?? this.deps.clock.now() };
    } catch (error) {
      const described = describeArmError(error, { kind: 'resourceGroups' });
      this.deps.logger.warn('resource group tags could not be read', {
        subscriptionId,
        code: described.code,
        ...(described.requestId ? { requestId: described.requestId } : {}),
        ...(described.correlationId ? { correlationId: described.correlationId } : {}),
      });
      return { ok: false, error: described };
    }
  }

  private async read(sub: SubscriptionSummary): Promise<GroupIndex> {
    const cloud = this.deps.clouds().find((c) => c.id === sub.cloudId);
    if (!cloud) throw new ServiceError('not_found', 'The cloud of this subscription is no longer configured.');
    if (sub.status === 'needs_sign_in') {
      throw new ServiceError(
        'interaction_required',
        `Sign in again to the tenant of ${sub.displayName} so Cloud Desk can read its resource groups.`,
      );
    }
    if (!this.deps.connectivity.isOnline(cloud.id)) {
      throw new ServiceError('offline', 'Cloud Desk is offline, so it cannot read the resource groups from Azure.');
    }
    const accountId = sub.actingAccountId;
    const tenantId = sub.accessPaths.find((p) => p.accountId === accountId)?.tenantId ?? sub.tenantId;
    const credential = this.deps.accounts.credentialFor(accountId, tenantId);
    const options = armClientOptions(cloud, this.deps.connectivity.link(cloud.id), this.deps.network);
    const groups = await this.limit(() => {
      this.stats.lists += 1;
      return listResourceGroups(credential, sub.id, options, AbortSignal.timeout(this.tuning.timeoutMs));
    });
    return new Map(groups.map((group) => [group.name.toLowerCase(), group]));
  }
}
