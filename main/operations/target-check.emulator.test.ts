// Production tags before a disruptive action, through the real @azure/arm-resources client against the emulator's
// ARM: resource group tags read across pages (short and empty ones included), tag keys and values in any case,
// a subscription the account may not read reported in words beside one it may, a cached list not asked again
// until it is old (nor after its account signed out), a group the list lacks looked for again (a group created
// since, a user with a role on one VM only, a user with Reader on one group only), and offline / sign-in-needed
// subscriptions reported without a request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubscriptionSummary, Vm } from '../../preload/contract-inventory.js';
import { startHarness, waitFor, type Harness } from '../../emulator/arm/test-harness.js';
import { scenarioSchema, type ScenarioInput } from '../../emulator/scenario.js';
import type { CloudEndpoints } from '../clouds.js';
import { CloudConnectivity } from '../net/connectivity.js';
import { testNetwork } from '../net/testing/network.js';
import { idleScheduler } from '../testing/accounts-harness.js';
import { RecordingLogger } from '../testing/fakes.js';
import { systemScheduler } from '../system-clock.js';
import { TargetCheckService } from './target-check.js';
import { armCloud } from './testing/operations-harness.js';

const tenant = '11111111-1111-4111-8111-111111111111';
const alice = 'aaaaaaaa-0000-4000-8000-000000000001';
const aliceName = 'alice@contoso.example';
const bob = 'bbbbbbbb-0000-4000-8000-000000000002';
const carol = 'cccccccc-0000-4000-8000-000000000003';
const people = {
  alice: { id: alice, username: aliceName },
  bob: { id: bob, username: 'bob@contoso.example' },
  carol: { id: carol, username: 'carol@contoso.example' },
} as const;
type Person = keyof typeof people;
const accountOf = (person: Person): string => `${people[person].id}.${tenant}`;
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
  users: (Object.keys(people) as Person[]).map((person) => ({
    id: people[person].id,
    username: people[person].username,
    displayName: person,
    password: 'pw',
    homeTenant: tenant,
  })),
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
  roleAssignments: [
    ...(['paged', 'second', 'third'] as const).map((key) => ({
      principalId: alice,
      role: 'Reader' as const,
      scope: `/subscriptions/${subs[key]}`,
    })),
    // Bob may deallocate one VM and read nothing else: ARM's group list leaves his VM's group out.
    {
      principalId: bob,
      role: 'Virtual Machine Contributor',
      scope: `/subscriptions/${subs.paged}/resourceGroups/rg-Pay/providers/Microsoft.Compute/virtualMachines/pay-1`,
    },
    // Carol reads one resource group only: the list holds that group and nothing else.
    { principalId: carol, role: 'Reader', scope: `/subscriptions/${subs.paged}/resourceGroups/rg-Pay` },
  ],
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
  // In groups the emulator does not hold (yet): one created after a list was kept, one deleted.
  vm('paged', 'rg-new', 'new-1'),
  vm('paged', 'rg-gone', 'gone-1'),
];
const byId = new Map(vms.map((v) => [v.id, v]));
const id = (name: string): string => vms.find((v) => v.name === name)?.id ?? name;

function summary(
  key: SubKey,
  status: SubscriptionSummary['status'] = 'ok',
  person: Person = 'alice',
): SubscriptionSummary {
  const accountId = accountOf(person);
  return {
    id: subs[key],
    displayName: names[key],
    state: 'Enabled',
    tenantId: tenant,
    tenantName: 'Contoso',
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
  /** The paged subscription's status from now on (the others stay ok). */
  setStatus(status: SubscriptionSummary['status']): void;
  /** Signs the person's account out: accounts change, and the account is no longer connected. */
  signOut(): void;
}

interface WorldOptions {
  status?: SubscriptionSummary['status'];
  gate?: TokenGate;
  concurrency?: number;
  person?: Person;
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

function world({ status: initial = 'ok', gate, concurrency, person = 'alice' }: WorldOptions = {}): World {
  let offset = 0;
  let status = initial;
  let connected = true;
  const accountListeners = new Set<() => void>();
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
        return key === undefined ? undefined : summary(key, key === 'paged' ? status : 'ok', person);
      },
    },
    accounts: {
      credentialFor: (_account, tenantId) =>
        h.credential(async () => {
          tokens += 1;
          await gate?.pass();
          return h.mint({ tid: tenantId, oid: people[person].id, preferred_username: people[person].username });
        }),
      accountName: () => (connected ? people[person].username : undefined),
    },
    onAccountsChanged: (listener) => {
      accountListeners.add(listener);
      return () => accountListeners.delete(listener);
    },
    scheduler: systemScheduler,
    clouds: () => [cloud],
    connectivity,
    network: testNetwork(),
    clock,
    logger,
    ...(concurrency === undefined ? {} : { tuning: { concurrency } }),
  });
  return {
    service,
    clock,
    connectivity,
    tokens: () => tokens,
    setStatus: (next) => void (status = next),
    signOut: () => {
      connected = false;
      for (const listener of accountListeners) listener();
    },
  };
}

const listsOf = (sub: string) =>
  h.requests.filter((r) => r.method === 'GET' && r.path.startsWith(`/subscriptions/${sub}/resourcegroups`));

beforeAll(async () => {
  h = await startHarness(scenario, { pageSize: 3 });
  cloud = armCloud(h);
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
    expect(pages.every((r) => r.status === 200 && r.path.includes('api-version=2021-04-01'))).toBe(true);
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

    // Old lists are dropped, not only skipped: after another five minutes only the list just read is kept.
    clock.advance(5 * 60_000);
    await service.check({ vmIds: [id('two-1')] });
    expect(service.stats.kept).toBe(1);
  });

  it('forgets the lists an account read once it signs out', async () => {
    const w = world();
    await w.service.check({ vmIds: [id('pay-1'), id('two-1')] });
    expect(w.service.stats.kept).toBe(2);
    w.signOut();
    expect(w.service.stats.kept).toBe(0);
  });

  it('asks for a sign-in even while the tenant’s list is kept', async () => {
    const w = world();
    await w.service.check({ vmIds: [id('pay-1')] });
    w.setStatus('needs_sign_in');
    const result = await w.service.check({ vmIds: [id('pay-1')] });
    expect(result.vms).toEqual([{ vmId: id('pay-1'), reasons: [], resourceGroupChecked: false }]);
    expect(result.unchecked[0]?.error.code).toBe('interaction_required');
  });

  it('reads the list again, ignoring the kept one, for a group created since', async () => {
    const { service } = world();
    await service.check({ vmIds: [id('pay-1')] });
    const added = { subscriptionId: subs.paged, name: 'rg-new', location: 'westeurope', tags: { env: 'production' } };
    h.arm.reset(scenarioSchema.parse({ ...scenario, resourceGroups: [...(scenario.resourceGroups ?? []), added] }));
    try {
      const result = await service.check({ vmIds: [id('new-1'), id('pay-1')] });
      expect(result.vms.map((v) => [v.reasons, v.resourceGroupChecked])).toEqual([
        [[{ kind: 'resource_group_tag', resourceGroup: 'rg-new' }], true],
        [[{ kind: 'resource_group_tag', resourceGroup: 'rg-Pay' }], true],
      ]);
      expect(result.unchecked).toEqual([]);
      expect(service.stats).toMatchObject({ lists: 2, gets: 0 });
    } finally {
      h.arm.reset(scenarioSchema.parse(scenario));
    }
  });

  it('does not count a VM as checked when its group is gone, and says so', async () => {
    const { service } = world();
    const result = await service.check({ vmIds: [id('gone-1')] });
    expect(result.vms).toEqual([{ vmId: id('gone-1'), reasons: [], resourceGroupChecked: false }]);
    expect(result.unchecked).toHaveLength(1);
    expect(result.unchecked[0]).toMatchObject({ resourceGroups: ['rg-gone'], error: { code: 'not_found' } });
    expect(result.unchecked[0]?.error.message).toMatch(
      /^Couldn't read the tags of resource group rg-gone: Azure no longer knows this resource group \(Azure: ResourceGroupNotFound/,
    );
  });

  it('says it could not read the group of a VM the account has a role on only (Virtual Machine Contributor)', async () => {
    const { service } = world({ person: 'bob' });
    const result = await service.check({ vmIds: [id('pay-1')] });
    expect(result.vms).toEqual([{ vmId: id('pay-1'), reasons: [], resourceGroupChecked: false }]);
    expect(result.unchecked).toEqual([
      {
        subscriptionId: subs.paged,
        subscriptionName: names.paged,
        tenantName: 'Contoso',
        resourceGroups: ['RG-PAY'],
        error: {
          code: 'forbidden',
          message:
            "Couldn't read the tags of resource group RG-PAY as bob@contoso.example: Reader on the resource group is enough.",
          requestId: expect.any(String) as unknown,
          correlationId: expect.any(String) as unknown,
        },
      },
    ]);
    // Its list was read for this check, so not again; then the group by name, which ARM refuses.
    expect(service.stats).toMatchObject({ lists: 1, gets: 1 });
    expect(h.requests.at(-1)).toMatchObject({ method: 'GET', status: 403 });
    expect(h.requests.at(-1)?.path).toMatch(/\/resourcegroups\/RG-PAY\?api-version=2021-04-01$/i);
  });

  it('counts the group a reader of one group may read, and names the one it may not', async () => {
    const { service } = world({ person: 'carol' });
    const result = await service.check({ vmIds: [id('pay-1'), id('dev-1')] });
    expect(result.vms).toEqual([
      {
        vmId: id('pay-1'),
        reasons: [{ kind: 'resource_group_tag', resourceGroup: 'rg-Pay' }],
        resourceGroupChecked: true,
      },
      { vmId: id('dev-1'), reasons: [], resourceGroupChecked: false },
    ]);
    expect(result.unchecked.map((u) => [u.resourceGroups, u.error.message])).toEqual([
      [
        ['rg-dev'],
        "Couldn't read the tags of resource group rg-dev as carol@contoso.example: Reader on the resource group is enough.",
      ],
    ]);
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
    const { service } = world({ gate, concurrency: 2 });
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
        tenantName: 'Contoso',
        error: { code: 'offline', message: 'Cloud Desk is offline, so it cannot read the resource groups from Azure.' },
      },
    ]);
    expect(result.readAt).toBeNull();
  });

  it('asks for a sign-in where the tenant needs one, without a request', async () => {
    const { service, tokens } = world({ status: 'needs_sign_in' });
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
