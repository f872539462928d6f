// Before a disruptive action the confirmation asks which of its VMs are production-tagged: by the VM's own tags
// (from the inventory) or by its resource group's tags, which the inventory does not hold (resource-group-tags.ts
// reads and keeps them). Subscriptions are read side by side, and the answer comes within a deadline from the
// moment it was asked: a subscription Azure has not answered for by then is reported "did not answer in time"
// while the others count (its read goes on and fills the cache for the next confirmation). A VM counts as checked
// only when its own resource group was read. Failures stay local and are reported in words; it never throws for
// one subscription's sake (offline, a tenant needing sign-in, a 403). No Electron imports.
import type { SubscriptionSummary, Vm } from '../../preload/contract-inventory.js';
import { isProductionTagged } from '../../preload/contract-operations.js';
import type {
  CheckTargetsArgs,
  CheckTargetsResult,
  ProductionReason,
  TargetCheck,
  UncheckedSubscription,
} from '../../preload/contract-targets.js';
import type { CloudEndpoints } from '../clouds.js';
import type { CloudConnectivity } from '../net/connectivity.js';
import type { NetworkConfig } from '../net/network-config.js';
import type { Clock, Logger, Scheduler } from '../ports.js';
import type { AccountsPort, InventoryPort } from './ports.js';
import {
  ResourceGroupTags,
  type GroupIndex,
  type ResourceGroupTagsTuning,
  type SubscriptionGroups,
} from './resource-group-tags.js';

export type { GroupIndex } from './resource-group-tags.js';

export interface TargetCheckTuning extends ResourceGroupTagsTuning {
  /** The answer comes this long after the check was asked at the latest, with what is known by then. */
  deadlineMs: number;
}

export const defaultTargetCheckTuning: TargetCheckTuning = {
  cacheMs: 5 * 60_000,
  concurrency: 4,
  timeoutMs: 20_000,
  deadlineMs: 6_000,
};

export interface TargetCheckDeps {
  inventory: Pick<InventoryPort, 'vm' | 'subscription'>;
  accounts: AccountsPort;
  /** Calls back whenever the connected accounts change (sign-in, sign-out, removal); returns the unsubscribe. */
  onAccountsChanged(listener: () => void): () => void;
  clouds: () => readonly CloudEndpoints[];
  connectivity: CloudConnectivity;
  network: NetworkConfig;
  clock: Clock;
  scheduler: Scheduler;
  logger: Logger;
  tuning?: Partial<TargetCheckTuning>;
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
  return { reasons, resourceGroupChecked: group !== undefined };
}

const late: SubscriptionGroups = {
  ok: false,
  error: {
    code: 'internal',
    message:
      'Azure did not answer in time: it may be busy, or the connection slow. Open the confirmation again in a ' +
      'moment to check once more.',
  },
};

export class TargetCheckService {
  private readonly tuning: TargetCheckTuning;
  private readonly tags: ResourceGroupTags;

  constructor(private readonly deps: TargetCheckDeps) {
    this.tuning = { ...defaultTargetCheckTuning, ...deps.tuning };
    this.tags = new ResourceGroupTags({ ...deps, tuning: this.tuning });
    // A signed-out account's lists go with it: signing in again (maybe with other roles) reads them afresh. The
    // service lives as long as the app, so it never unsubscribes.
    deps.onAccountsChanged(() => this.tags.forgetAccountsExcept((id) => deps.accounts.accountName(id) !== undefined));
  }

  /** Requests sent to Azure and lists kept (for tests). */
  get stats(): { lists: number; gets: number; kept: number } {
    return { ...this.tags.stats, kept: this.tags.size };
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
    if (vms.length === 0) return { vms: [], unchecked: [], readAt: null };
    const wanted = new Map<string, string[]>();
    for (const vm of vms) wanted.set(vm.subscriptionId, [...(wanted.get(vm.subscriptionId) ?? []), vm.resourceGroup]);

    let cancelDeadline = (): void => undefined;
    const deadline = new Promise<SubscriptionGroups>((resolve) => {
      cancelDeadline = this.deps.scheduler.after(this.tuning.deadlineMs, () => resolve(late));
    });
    const outcomes = new Map(
      await Promise.all(
        [...wanted].map(async ([id, groups]) => {
          const sub = this.deps.inventory.subscription(id);
          const outcome = sub ? await Promise.race([this.tags.read(sub, groups), deadline]) : gone;
          return [id, outcome] as const;
        }),
      ),
    );
    cancelDeadline();

    const unchecked: UncheckedSubscription[] = [];
    let oldest: number | undefined;
    for (const [subscriptionId, outcome] of outcomes) {
      const sub = this.deps.inventory.subscription(subscriptionId);
      if (outcome.ok) {
        oldest = Math.min(oldest ?? outcome.readAt, outcome.readAt);
        for (const group of outcome.unread) {
          unchecked.push({ ...named(subscriptionId, sub), resourceGroups: group.names, error: group.error });
        }
      } else unchecked.push({ ...named(subscriptionId, sub), error: outcome.error });
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
}

const gone: SubscriptionGroups = {
  ok: false,
  error: { code: 'not_found', message: 'This subscription is no longer listed; refresh the inventory.' },
};

function named(
  subscriptionId: string,
  sub: SubscriptionSummary | undefined,
): Pick<UncheckedSubscription, 'subscriptionId' | 'subscriptionName' | 'tenantName'> {
  return {
    subscriptionId,
    subscriptionName: sub?.displayName ?? subscriptionId,
    ...(sub?.tenantName ? { tenantName: sub.tenantName } : {}),
  };
}
