// Production tags before a disruptive action, through the real @azure/arm-resources client against the emulator's
// ARM: resource group tags read across pages (short and empty ones included), tag keys and values in any case,
// a subscription the account may not read reported in words beside one it may, a cached list not asked again
// until it is old, and offline / sign-in-needed subscriptions reported without a request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubscriptionSummary, Vm } from '../../preload/contract-inventory.js';
import { armAudience, startHarness, waitFor, type Harness } from '../../emulator/arm/test-harness.js';
import type { ScenarioInput } from '../../emulator/scenario.js';
import type { CloudEndpoints } from '../clouds.js';
import { CloudConnectivity } from '../net/connectivity.js';
import { testNetwork } from '../net/testing/network.js';
import { idleScheduler } from '../testing/accounts-harness.js';
import { RecordingLogger } from '../testing/fakes.js';
import { TargetCheckService } from './target-check.js';

const tenant = '11111111-1111-4111-8111-111111111111';
const alice = 'aaaaaaaa-0000-4000-8000-000000000001';
const aliceName = 'alice@contoso.example';
const accountId = `${alice}.${tenant}`;
const subs = {
  paged: '7a000000-0000-4000-8000-000000000001',
  denied: '7b000000-0000-4000-8000-000000000002',
  second: '7c000000-0000-4000-8000-000000000003',
  third: '7d000000-0000-4000-8000-000000000004',
} as const;
const names = { paged: 'Payments Prod', denied: 'Someone Else’s', second: 'Second', third: 'Third' } as const;
type SubKey = keyof typeof subs;
const subKeys = Object.keys(subs) as SubKey[];
/** Fillers sort before the tagged groups, so those arrive on the later pages (pages of 3, 0, 2, 3, 3, 2). */
const fillers = Array.from({ length: 10 }, (_, i) => `rg-0${String(i)}`);

const scenario: ScenarioInput = {
  name: 'target-check-tests',
  tenants: [{ id: tenant, displayName: 'Contoso', defaultDomain: 'contoso.example' }],
  users: [{ id: alice, username: aliceName, displayName: 'Alice', password: 'pw', homeTenant: tenant }],
  subscriptions: subKeys.map((key) => ({ id: subs[key], tenantId: tenant, displayName: names[key] })),
  resourceGroups: [
    ...fillers.map((name) => ({ subscriptionId: subs.paged, name, location: 'westeurope' })),
    { subscriptionId: subs.paged, name: 'rg-Pay', location: 'westeurope', tags: { ENVIRONMENT: ' Production' } },
    { subscriptionId: subs.paged, name: 'rg-web', location: 'westeurope', tags: { env: 'PROD', team: 'web' } },
    { subscriptionId: subs.paged, name: 'rg-dev', location: 'westeurope', tags: { environment: 'dev' } },
    { subscriptionId: subs.denied, name: 'rg-theirs', location: 'westeurope', tags: { environment: 'production' } },
    { subscriptionId: subs.second, name: 'rg-2', location: 'westeurope' },
    { subscriptionId: subs.third, name: 'rg-3', location: 'westeurope' },
  ],
  roleAssignments: (['paged', 'second', 'third'] as const).map((key) => ({
    principalId: alice,
    role: 'Reader' as const,
    scope: `/subscriptions/${subs[key]}`,
  })),
};

let h: Harness;
let cloud: CloudEndpoints;

function vm(sub: SubKey, resourceGroup: string, name: string, tags: Record<string, string> = {}): Vm {
  const resourceId = `/subscriptions/${subs[sub]}/resourceGroups/${resourceGroup}/providers/Microsoft.Compute/virtualMachines/${name}`;
  return {
    provider: 'azure',
    id: resourceId.toLowerCase(),
    resourceId,
    name,
    resourceGroup,
    subscriptionId: subs[sub],
    tenantId: tenant,
    location: 'westeurope',
    tags,
    powerState: 'running',
  };
}

// The inventory as main holds it: VM rows with their own tags (a subscription-wide list spells groups in capitals).
const vms = [
  vm('paged', 'RG-PAY', 'pay-1'),
  vm('paged', 'rg-web', 'web-1', { Env: 'production' }),
  vm('paged', 'rg-dev', 'dev-1'),
  vm('paged', 'rg-dev', 'dev-2', { environment: 'Prod' }),
  vm('denied', 'rg-theirs', 'theirs-1'),
  vm('second', 'rg-2', 'two-1'),
  vm('third', 'rg-3', 'three-1'),
];
const byId = new Map(vms.map((v) => [v.id, v]));
const id = (name: string): string => vms.find((v) => v.name === name)?.id ?? name;

function summary(key: SubKey, status: SubscriptionSummary['status'] = 'ok'): SubscriptionSummary {
  return {
    id: subs[key],
    displayName: names[key],
    state: 'Enabled',
    tenantId: tenant,
    cloudId: cloud.id,
    accessPaths: [{ accountId, tenantId: tenant }],
    actingAccountId: accountId,
    hidden: false,
    status,
    vmCount: 0,
  };
}

interface World {
  service: TargetCheckService;
  clock: { now(): number; advance(ms: number): void };
  connectivity: CloudConnectivity;
  tokens: () => number;
}

/** Holds every token request until the test lets it go, counting how many wait at once. */
class TokenGate {
  waiting: (() => void)[] = [];
  most = 0;
  asked = 0;
  pass(): Promise<void> {
    this.asked += 1;
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.most = Math.max(this.most, this.waiting.length);
    });
  }
  releaseOne(): void {
    this.waiting.shift()?.();
  }
}

function world(status: SubscriptionSummary['status'] = 'ok', gate?: TokenGate, concurrency?: number): World {
  let offset = 0;
  const clock = { now: () => Date.now() + offset, advance: (ms: number) => void (offset += ms) };
  const logger = new RecordingLogger();
  const connectivity = new CloudConnectivity({
    clock,
    scheduler: idleScheduler,
    logger,
    probe: () => Promise.resolve(),
  });
  let tokens = 0;
  const service = new TargetCheckService({
    inventory: {
      vm: (vmId) => byId.get(vmId),
      subscription: (subId) => {
        const key = subKeys.find((k) => subs[k] === subId);
        return key === undefined ? undefined : summary(key, key === 'paged' ? status : 'ok');
      },
    },
    accounts: {
      credentialFor: (_account, tenantId) =>
        h.credential(async () => {
          tokens += 1;
          await gate?.pass();
          return h.mint({ tid: tenantId, oid: alice, preferred_username: aliceName });
        }),
      accountName: () => aliceName,
    },
    clouds: () => [cloud],
    connectivity,
    network: testNetwork(),
    clock,
    logger,
    ...(concurrency === undefined ? {} : { tuning: { concurrency } }),
  });
  return { service, clock, connectivity, tokens: () => tokens };
}

const listsOf = (sub: string) =>
  h.requests.filter((r) => r.method === 'GET' && r.path.startsWith(`/subscriptions/${sub}/resourcegroups`));

beforeAll(async () => {
  h = await startHarness(scenario, { pageSize: 3 });
  cloud = {
    id: 'emulator',
    name: 'Emulator',
    kind: 'custom',
    authorityHost: 'https://localhost',
    armEndpoint: h.baseUrl,
    armAudience,
    caPem: h.caPem,
  };
});
afterAll(async () => h.close());

describe('checking targets for production tags', () => {
  it('reads resource group tags across pages, in any case, beside the VMs’ own tags', async () => {
    const { service } = world();
    const before = listsOf(subs.paged).length;
    const result = await service.check({ vmIds: ['pay-1', 'web-1', 'dev-1', 'dev-2'].map(id) });
    expect(result.unchecked).toEqual([]);
    expect(result.vms).toEqual([
      {
        vmId: id('pay-1'),
        reasons: [{ kind: 'resource_group_tag', resourceGroup: 'rg-Pay' }],
        resourceGroupChecked: true,
      },
      {
        vmId: id('web-1'),
        reasons: [{ kind: 'vm_tag' }, { kind: 'resource_group_tag', resourceGroup: 'rg-web' }],
        resourceGroupChecked: true,
      },
      { vmId: id('dev-1'), reasons: [], resourceGroupChecked: true },
      { vmId: id('dev-2'), reasons: [{ kind: 'vm_tag' }], resourceGroupChecked: true },
    ]);
    const pages = listsOf(subs.paged).slice(before);
    // One list, followed to its last page: 13 groups in pages of 3, 0, 2, 3, 3, 2.
    expect(pages).toHaveLength(6);
    expect(pages.every((r) => r.status === 200 && r.path.includes('api-version=2025-04-01'))).toBe(true);
    expect(service.stats.lists).toBe(1);
    expect(result.readAt).not.toBeNull();
  });

  it('reports a subscription it may not read, in words, and still counts the readable one', async () => {
    const { service } = world();
    const result = await service.check({ vmIds: [id('theirs-1'), id('pay-1')] });
    expect(result.vms).toEqual([
      { vmId: id('theirs-1'), reasons: [], resourceGroupChecked: false },
      {
        vmId: id('pay-1'),
        reasons: [{ kind: 'resource_group_tag', resourceGroup: 'rg-Pay' }],
        resourceGroupChecked: true,
      },
    ]);
    expect(result.unchecked).toHaveLength(1);
    const [denied] = result.unchecked;
    expect(denied).toMatchObject({ subscriptionId: subs.denied, subscriptionName: names.denied });
    expect(denied?.error.code).toBe('forbidden');
    expect(denied?.error.message).toBe(
      'You do not have permission to read the resource groups of this subscription (Azure: AuthorizationFailed). ' +
        'Ask an owner of the subscription for the Reader role.',
    );
    expect(denied?.error.correlationId).toBeTruthy();
    expect(listsOf(subs.denied).at(-1)?.status).toBe(403);
  });

  it('uses a subscription’s list for five minutes, then reads it again', async () => {
    const { service, clock } = world();
    await service.check({ vmIds: [id('pay-1')] });
    const requests = listsOf(subs.paged).length;
    const again = await service.check({ vmIds: [id('web-1'), id('dev-2')] });
    expect(listsOf(subs.paged)).toHaveLength(requests);
    expect(service.stats.lists).toBe(1);
    expect(again.vms.map((v) => v.reasons.length)).toEqual([2, 1]);

    clock.advance(5 * 60_000);
    await service.check({ vmIds: [id('pay-1')] });
    expect(service.stats.lists).toBe(2);
    expect(listsOf(subs.paged).length).toBeGreaterThan(requests);
  });

  it('asks Azure once for checks that overlap', async () => {
    const { service } = world();
    const [a, b] = await Promise.all([
      service.check({ vmIds: [id('pay-1')] }),
      service.check({ vmIds: [id('web-1')] }),
    ]);
    expect(service.stats.lists).toBe(1);
    expect(a.vms[0]?.reasons).toEqual([{ kind: 'resource_group_tag', resourceGroup: 'rg-Pay' }]);
    expect(b.vms[0]?.reasons).toHaveLength(2);
  });

  it('reads subscriptions side by side, never more at once than its bound', async () => {
    const gate = new TokenGate();
    const { service } = world('ok', gate, 2);
    const checking = service.check({ vmIds: [id('pay-1'), id('two-1'), id('three-1')] });
    await waitFor(() => gate.waiting.length >= 2);
    gate.releaseOne();
    await waitFor(() => gate.asked === 3);
    gate.releaseOne();
    gate.releaseOne();
    const result = await checking;
    expect(gate.most).toBe(2);
    expect(result.unchecked).toEqual([]);
    expect(result.vms.map((v) => v.resourceGroupChecked)).toEqual([true, true, true]);
  });

  it('reports offline per subscription without a request, and keeps the VMs’ own tags', async () => {
    const { service, connectivity, tokens } = world();
    connectivity.networkChanged(false);
    const before = h.requests.length;
    const result = await service.check({ vmIds: [id('dev-2'), id('pay-1')] });
    expect(h.requests).toHaveLength(before);
    expect(tokens()).toBe(0);
    expect(result.vms.map((v) => [v.reasons, v.resourceGroupChecked])).toEqual([
      [[{ kind: 'vm_tag' }], false],
      [[], false],
    ]);
    expect(result.unchecked).toEqual([
      {
        subscriptionId: subs.paged,
        subscriptionName: names.paged,
        error: { code: 'offline', message: 'Cloud Desk is offline, so it cannot read the resource groups from Azure.' },
      },
    ]);
    expect(result.readAt).toBeNull();
  });

  it('asks for a sign-in where the tenant needs one, without a request', async () => {
    const { service, tokens } = world('needs_sign_in');
    const before = h.requests.length;
    const result = await service.check({ vmIds: [id('pay-1')] });
    expect(h.requests).toHaveLength(before);
    expect(tokens()).toBe(0);
    expect(result.unchecked[0]?.error).toEqual({
      code: 'interaction_required',
      message: `Sign in again to the tenant of ${names.paged} so Cloud Desk can read its resource groups.`,
    });
  });

  it('leaves out VMs the inventory does not hold', async () => {
    const { service } = world();
    const result = await service.check({
      vmIds: ['/subscriptions/x/resourcegroups/y/providers/microsoft.compute/virtualmachines/z'],
    });
    expect(result).toEqual({ vms: [], unchecked: [], readAt: null });
  });
});
