// Test support: the InventoryPort the operations tests need, read from ARM through the real SDK (a statusOnly
// list per subscription to load and to re-check), so the rows the tests look at come from
// the emulator, not from the test. The real inventory service does this at scale; this is the smallest honest
// stand-in for testing operations on their own.
import { ComputeManagementClient, type VirtualMachineInstanceView } from '@azure/arm-compute';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { TokenCredential } from '@azure/core-auth';
import type { PowerState, SubscriptionSummary, Vm } from '../../../preload/contract-inventory.js';
import type { CloudEndpoints } from '../../clouds.js';
import type { InventoryPort } from '../ports.js';

function powerOf(statuses: VirtualMachineInstanceView['statuses']): PowerState {
  const codes = (statuses ?? []).map((s) => s.code?.toLowerCase() ?? '');
  if (codes.includes('hibernationstate/hibernated')) return 'hibernated';
  const power = codes.find((c) => c.startsWith('powerstate/'))?.slice('powerstate/'.length);
  const known: readonly string[] = ['starting', 'running', 'stopping', 'stopped', 'deallocating', 'deallocated'];
  return power !== undefined && known.includes(power) ? (power as PowerState) : 'unknown';
}

export class ArmInventory implements InventoryPort {
  readonly vms = new Map<string, Vm>();
  readonly subscriptions = new Map<string, SubscriptionSummary>();
  private readonly listeners = new Set<(vms: readonly Vm[]) => void>();
  /** How many re-checks the operations service asked for, and for how many VMs. */
  readonly rechecks: string[][] = [];

  constructor(
    private readonly cloud: CloudEndpoints,
    private readonly credential: (subscription: SubscriptionSummary) => TokenCredential,
  ) {}

  private client(subscriptionId: string): ComputeManagementClient {
    const sub = this.subscriptions.get(subscriptionId);
    if (!sub) throw new Error(`unknown subscription ${subscriptionId}`);
    return new ComputeManagementClient(this.credential(sub), subscriptionId, {
      endpoint: this.cloud.armEndpoint,
      credentials: { scopes: [`${this.cloud.armAudience}.default`] },
      ...(this.cloud.caPem ? { tlsOptions: { ca: this.cloud.caPem } } : {}),
    });
  }

  /** Adds a subscription and lists its VMs (statusOnly) from ARM. */
  async load(subscription: SubscriptionSummary, extra: (vm: Vm) => Partial<Vm> = () => ({})): Promise<void> {
    this.subscriptions.set(subscription.id, subscription);
    for await (const item of this.client(subscription.id).virtualMachines.listAll({ statusOnly: 'true' })) {
      const resourceId = item.id ?? '';
      const resourceGroup = /\/resourceGroups\/([^/]+)\//i.exec(resourceId)?.[1] ?? '';
      const vm: Vm = {
        provider: 'azure',
        id: resourceId.toLowerCase(),
        resourceId,
        name: item.name ?? '',
        resourceGroup,
        subscriptionId: subscription.id,
        tenantId: subscription.tenantId,
        location: item.location ?? '',
        tags: item.tags ?? {},
        powerState: powerOf(item.instanceView?.statuses),
      };
      this.vms.set(vm.id, { ...vm, ...extra(vm) });
    }
  }

  vm(id: string): Vm | undefined {
    return this.vms.get(id);
  }

  subscription(id: string): SubscriptionSummary | undefined {
    return this.subscriptions.get(id);
  }

  byName(name: string): Vm {
    const vm = [...this.vms.values()].find((v) => v.name === name);
    if (!vm) throw new Error(`no VM named ${name}`);
    return vm;
  }

  /** One statusOnly list per affected subscription, as the inventory's fast power sweep does. */
  async recheck(vmIds: readonly string[]): Promise<void> {
    this.rechecks.push([...vmIds]);
    const wanted = new Set(vmIds);
    const subscriptions = new Set(vmIds.flatMap((id) => this.vms.get(id)?.subscriptionId ?? []));
    const changed: Vm[] = [];
    // The subscriptions side by side, as the inventory's sweep lists them.
    await Promise.all(
      [...subscriptions].map(async (subscriptionId) => {
        for await (const item of this.client(subscriptionId).virtualMachines.listAll({ statusOnly: 'true' })) {
          const vm = this.vms.get((item.id ?? '').toLowerCase());
          if (!vm || !wanted.has(vm.id)) continue;
          const next = { ...vm, powerState: powerOf(item.instanceView?.statuses) };
          this.vms.set(vm.id, next);
          changed.push(next);
        }
      }),
    );
    for (const listener of this.listeners) listener(changed);
  }

  /** Reads the subscription's name from ARM again. */
  async refreshSubscription(id: string): Promise<void> {
    const sub = this.subscriptions.get(id);
    if (!sub) return;
    const client = new SubscriptionClient(this.credential(sub), {
      endpoint: this.cloud.armEndpoint,
      credentials: { scopes: [`${this.cloud.armAudience}.default`] },
      ...(this.cloud.caPem ? { tlsOptions: { ca: this.cloud.caPem } } : {}),
    });
    const record = await client.subscriptions.get(id);
    this.subscriptions.set(id, { ...sub, displayName: record.displayName ?? sub.displayName });
  }

  onVmsChanged(listener: (vms: readonly Vm[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
