// Power actions end to end through the real @azure/arm-compute client against the emulator's ARM: every action
// through its transitional state to its final one, RBAC failures in words, a bulk action with mixed outcomes,
// the write limit's 429 honoured, resume in a fresh service after a quit, cancel, and the activity log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubscriptionSummary } from '../../preload/contract-inventory.js';
import type { Operation, PowerAction } from '../../preload/contract-operations.js';
import { startHarness, waitFor, type Harness } from '../../emulator/arm/test-harness.js';
import type { ScenarioInput } from '../../emulator/scenario.js';
import { ActivityLog } from '../activity/activity-log.js';
import type { CloudEndpoints } from '../clouds.js';
import { CloudConnectivity } from '../net/connectivity.js';
import { testNetwork } from '../net/testing/network.js';
import { idleScheduler } from '../testing/accounts-harness.js';
import type { SecretVault } from '../storage/secret-vault.js';
import { systemClock } from '../system-clock.js';
import { MemoryStore, RecordingLogger } from '../testing/fakes.js';
import { RenameService } from '../subscriptions/rename-service.js';
import { ServiceError } from '../errors.js';
import { OperationsService } from './operations-service.js';
import { pendingBlob } from './pending-store.js';
import { testSubscription } from '../../preload/testing/inventory-fixtures.js';
import { ArmInventory } from './testing/arm-inventory.js';
import { armCloud } from './testing/operations-harness.js';
import { testVault } from '../testing/vault.js';

const tenant = '11111111-1111-4111-8111-111111111111';
const alice = 'aaaaaaaa-0000-4000-8000-000000000001';
const aliceName = 'alice@contoso.example';
const accountId = `${alice}.${tenant}`;
const subs = {
  actions: '6a000000-0000-4000-8000-000000000001',
  reader: '6b000000-0000-4000-8000-000000000002',
  mixed: '6c000000-0000-4000-8000-000000000003',
  resume: '6d000000-0000-4000-8000-000000000004',
} as const;
const names: Record<keyof typeof subs, string> = {
  actions: 'Ops Actions',
  reader: 'Ops Reader',
  mixed: 'Ops Mixed',
  resume: 'Ops Resume',
};

function vm(sub: keyof typeof subs, rg: string, name: string, powerState: 'running' | 'deallocated') {
  return {
    subscriptionId: subs[sub],
    resourceGroup: rg,
    name,
    size: 'Standard_B2s',
    os: 'Linux' as const,
    image: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server' },
    location: 'westeurope',
    tags: {},
    powerState,
  };
}

const scenario: ScenarioInput = {
  name: 'operations-tests',
  tenants: [{ id: tenant, displayName: 'Contoso', defaultDomain: 'contoso.example' }],
  users: [{ id: alice, username: aliceName, displayName: 'Alice', password: 'pw', homeTenant: tenant }],
  subscriptions: (Object.keys(subs) as (keyof typeof subs)[]).map((k) => ({
    id: subs[k],
    tenantId: tenant,
    displayName: names[k],
  })),
  resourceGroups: [
    { subscriptionId: subs.actions, name: 'rg-a', location: 'westeurope' },
    { subscriptionId: subs.reader, name: 'rg-r', location: 'westeurope' },
    { subscriptionId: subs.mixed, name: 'rg-ok', location: 'westeurope' },
    { subscriptionId: subs.mixed, name: 'rg-locked', location: 'westeurope' },
    { subscriptionId: subs.resume, name: 'rg-z', location: 'westeurope' },
  ],
  vms: [
    vm('actions', 'rg-a', 'web-1', 'running'),
    vm('actions', 'rg-a', 'web-2', 'running'),
    vm('actions', 'rg-a', 'web-3', 'deallocated'),
    vm('actions', 'rg-a', 'web-4', 'running'),
    { ...vm('actions', 'rg-a', 'web-5', 'running'), hibernationEnabled: true },
    vm('actions', 'rg-a', 'web-6', 'running'),
    vm('actions', 'rg-a', 'web-7', 'running'),
    vm('reader', 'rg-r', 'ro-1', 'deallocated'),
    ...['ok-1', 'ok-2', 'ok-3', 'ok-4', 'ok-5', 'ok-6'].map((n) => vm('mixed', 'rg-ok', n, 'running')),
    vm('mixed', 'rg-ok', 'gone-1', 'running'),
    vm('mixed', 'rg-locked', 'locked-1', 'running'),
    vm('resume', 'rg-z', 'z-1', 'running'),
    vm('resume', 'rg-z', 'z-2', 'running'),
  ],
  roleAssignments: [
    { principalId: alice, role: 'Owner', scope: `/subscriptions/${subs.actions}` },
    { principalId: alice, role: 'Reader', scope: `/subscriptions/${subs.reader}` },
    { principalId: alice, role: 'Reader', scope: `/subscriptions/${subs.mixed}` },
    {
      principalId: alice,
      role: 'Virtual Machine Contributor',
      scope: `/subscriptions/${subs.mixed}/resourceGroups/rg-ok`,
    },
    { principalId: alice, role: 'Virtual Machine Contributor', scope: `/subscriptions/${subs.resume}` },
  ],
};

let h: Harness;
let cloud: CloudEndpoints;
let inventory: ArmInventory;

function summary(key: keyof typeof subs): SubscriptionSummary {
  const access = { tenantId: tenant, cloudId: cloud.id, accessPaths: [{ accountId, tenantId: tenant }] };
  return testSubscription({
    id: subs[key],
    displayName: names[key],
    ...access,
    actingAccountId: accountId,
    vmCount: 0,
  });
}

const credential = (tenantId: string) =>
  h.credential(() => h.mint({ tid: tenantId, oid: alice, preferred_username: aliceName }));

interface World {
  service: OperationsService;
  rename: RenameService;
  activity: ActivityLog;
  vault: SecretVault;
  store: MemoryStore;
}

async function world(store = new MemoryStore(), tuning = {}): Promise<World> {
  const logger = new RecordingLogger();
  const vault = await testVault({ store, logger });
  const activity = new ActivityLog({ vault, clock: systemClock, logger });
  await activity.start();
  const accounts = {
    credentialFor: (_account: string, tenantId: string) => credential(tenantId),
    accountName: (id: string) => (id === accountId ? aliceName : undefined),
  };
  const connectivity = new CloudConnectivity({
    clock: systemClock,
    scheduler: idleScheduler,
    logger,
    probe: () => Promise.resolve(),
  });
  const network = testNetwork();
  const rename = new RenameService({
    inventory,
    accounts,
    clouds: () => [cloud],
    connectivity,
    network,
    activity,
    clock: systemClock,
    logger,
  });
  const service = new OperationsService({
    inventory,
    accounts,
    clouds: () => [cloud],
    connectivity,
    network,
    vault,
    activity,
    clock: systemClock,
    logger,
    tuning: { basePollMs: 100, recheckDelayMs: 20, ...tuning },
  });
  await service.start();
  return { service, rename, activity, vault, store };
}

beforeAll(async () => {
  h = await startHarness(scenario, {
    transitionMs: 1500,
    lroRetryAfterSeconds: 0,
    missingPowerStateRatio: 0,
    // Small enough that the bulk test's seven POSTs in one subscription meet a 429 from ARM.
    armWrites: { capacity: 5, refillPerSecond: 2 },
  });
  cloud = armCloud(h);
  inventory = new ArmInventory(cloud, (sub) => credential(sub.tenantId));
  for (const key of Object.keys(subs) as (keyof typeof subs)[]) await inventory.load(summary(key));
});
afterAll(async () => h.close());

function op(service: OperationsService, id: string | undefined): Operation {
  const found = id === undefined ? undefined : service.registry.get(id);
  if (!found) throw new Error(`no operation ${id}`);
  return found;
}

async function finished(service: OperationsService, id: string | undefined): Promise<Operation> {
  await waitFor(() => ['succeeded', 'failed', 'cancelled'].includes(op(service, id).state), 15_000);
  return op(service, id);
}

describe('one action on one VM', () => {
  const cases: [PowerAction, string, string, string][] = [
    ['deallocate', 'web-1', 'deallocating', 'deallocated'],
    ['start', 'web-3', 'starting', 'running'],
    ['powerOff', 'web-2', 'stopping', 'stopped'],
    ['restart', 'web-4', 'starting', 'running'],
    ['hibernate', 'web-5', 'deallocating', 'hibernated'],
  ];
  it.each(cases)('%s takes %s through %s to %s, as Azure reports it', async (action, name, between, final) => {
    if (action === 'hibernate')
      inventory.vms.set(inventory.byName(name).id, { ...inventory.byName(name), hibernationEnabled: true });
    const { service, activity } = await world();
    const target = inventory.byName(name);
    const seen = new Set<string>();
    service.registry.onChange((changed) => {
      for (const o of changed) if (o.powerState) seen.add(`${o.state}:${o.powerState}`);
    });
    const { operationIds, refused } = service.begin({ action, vmIds: [target.id] });
    expect(refused).toEqual([]);
    const done = await finished(service, operationIds[0]);
    expect(done.state).toBe('succeeded');
    expect(seen).toContain(`running:${between}`);
    await waitFor(() => inventory.byName(name).powerState === final);
    await waitFor(() => op(service, operationIds[0]).powerState === final);
    const [entry] = activity.list();
    expect(entry).toMatchObject({
      action,
      targetId: target.id,
      targetName: name,
      accountName: aliceName,
      result: 'succeeded',
      correlationId: done.correlationId,
    });
    expect(entry?.durationMs).toBeGreaterThan(0);
    await service.stop();
  });
});

describe('force deallocate', () => {
  it('sends forceDeallocate=true with a plain deallocate and ends deallocated', async () => {
    const { service } = await world();
    const target = inventory.byName('web-6');
    const before = h.requests.length;
    const { operationIds } = service.begin({
      action: 'deallocate',
      vmIds: [target.id],
      options: { forceDeallocate: true },
    });
    expect((await finished(service, operationIds[0])).state).toBe('succeeded');
    const [post] = h.requests.slice(before).filter((r) => r.method === 'POST');
    expect(post?.path).toMatch(/\/virtualMachines\/web-6\/deallocate\?.*forceDeallocate=true/);
    await waitFor(() => inventory.byName('web-6').powerState === 'deallocated');
    await service.stop();
  });
});

describe('skip shutdown', () => {
  it('sends skipShutdown=true with a stop and ends stopped', async () => {
    const { service } = await world();
    const target = inventory.byName('web-7');
    const before = h.requests.length;
    const { operationIds } = service.begin({ action: 'powerOff', vmIds: [target.id], options: { skipShutdown: true } });
    expect((await finished(service, operationIds[0])).state).toBe('succeeded');
    const [post] = h.requests.slice(before).filter((r) => r.method === 'POST');
    expect(post?.path).toMatch(/\/virtualMachines\/web-7\/powerOff\?.*skipShutdown=true/);
    await waitFor(() => inventory.byName('web-7').powerState === 'stopped');
    await service.stop();
  });
});

describe('permissions and refusals', () => {
  it('says who lacks which permission where, in words, and logs it', async () => {
    const { service, activity } = await world();
    const target = inventory.byName('ro-1');
    const { operationIds } = service.begin({ action: 'start', vmIds: [target.id] });
    const done = await finished(service, operationIds[0]);
    expect(done.state).toBe('failed');
    expect(done.error).toEqual({
      code: 'forbidden',
      armCode: 'AuthorizationFailed',
      message:
        "You don't have permission to start VMs in Ops Reader as alice@contoso.example. " +
        'Ask for Virtual Machine Contributor.',
    });
    expect(activity.list()[0]).toMatchObject({ result: 'failed', message: done.error?.message });
    expect(activity.list()[0]?.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    await service.stop();
  });

  it('never runs two operations on one VM: the second request is refused with words', async () => {
    const { service } = await world();
    const target = inventory.byName('z-2');
    const first = service.begin({ action: 'powerOff', vmIds: [target.id] });
    const second = service.begin({ action: 'deallocate', vmIds: [target.id, 'no-such-vm'] });
    expect(second.operationIds).toEqual([]);
    expect(second.refused).toEqual([
      { vmId: target.id, reason: 'z-2: Stopping is still in progress; wait until it finishes.' },
      { vmId: 'no-such-vm', reason: 'This VM is not in the inventory; refresh it and try again.' },
    ]);
    expect((await finished(service, first.operationIds[0])).state).toBe('succeeded');
    await service.stop();
  });
});

describe('a bulk action', () => {
  it('reports each VM: successes, a 403, a 409 and 429s that were waited out', async () => {
    const { service, activity } = await world();
    // Azure moved gone-1 behind the inventory's back: restarting it now conflicts.
    const gone = inventory.byName('gone-1');
    h.arm.setVmPowerState(gone.resourceId, 'deallocated');
    const ok = ['ok-1', 'ok-2', 'ok-3', 'ok-4', 'ok-5', 'ok-6'].map((n) => inventory.byName(n).id);
    const locked = inventory.byName('locked-1').id;
    const before = h.requests.length;
    const { operationIds, refused } = service.begin({ action: 'restart', vmIds: [...ok, gone.id, locked] });
    expect(refused).toEqual([]);
    const results = await Promise.all(operationIds.map((id) => finished(service, id)));
    const byName = new Map(results.map((o) => [o.vmName, o]));
    for (const name of ['ok-1', 'ok-2', 'ok-3', 'ok-4', 'ok-5', 'ok-6'])
      expect(byName.get(name)?.state).toBe('succeeded');
    expect(byName.get('locked-1')?.error?.code).toBe('forbidden');
    expect(byName.get('gone-1')?.error).toMatchObject({ code: 'conflict', armCode: 'OperationNotAllowed' });
    expect(byName.get('gone-1')?.error?.message).toBe(
      'Azure refused to restart gone-1 in its current state: The operation requires the VM to be running (or set to run).',
    );
    const posts = h.requests.slice(before).filter((r) => r.method === 'POST');
    expect(posts.some((r) => r.status === 429)).toBe(true);
    expect(service.stats.throttled).toBeGreaterThan(0);
    expect(activity.list()).toHaveLength(8);
    await service.stop();
  });
});

describe('quit and resume', () => {
  it('persists a running operation encrypted and finishes it in a fresh service', async () => {
    const first = await world();
    const target = inventory.byName('z-1');
    const { operationIds } = first.service.begin({ action: 'deallocate', vmIds: [target.id] });
    await waitFor(() => op(first.service, operationIds[0]).state === 'running');
    await first.service.stop();
    const stored = first.store.get(`vault:${pendingBlob}`);
    expect(typeof stored === 'string' && stored.startsWith('enc:')).toBe(true);
    expect(String(stored)).not.toContain('operations/');

    const second = await world(first.store);
    const resumed = op(second.service, operationIds[0]);
    expect(resumed).toMatchObject({ state: 'running', resumed: true, vmName: 'z-1' });
    expect((await finished(second.service, operationIds[0])).state).toBe('succeeded');
    await waitFor(() => inventory.byName('z-1').powerState === 'deallocated');
    await waitFor(() => first.store.get(`vault:${pendingBlob}`) === undefined);
    await second.service.stop();
  });

  it('cancel stops watching and says Azure may still finish', async () => {
    const { service, activity } = await world();
    const target = inventory.byName('z-2');
    const { operationIds, refused } = service.begin({ action: 'start', vmIds: [target.id] });
    expect(refused).toEqual([]);
    await waitFor(() => op(service, operationIds[0]).state === 'running');
    const cancelled = service.cancel(operationIds[0] ?? '');
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.note).toBe(
      'Cloud Desk stopped watching. Azure may still finish starting z-2; its row shows what Azure reports.',
    );
    expect(activity.list()[0]).toMatchObject({ result: 'cancelled', message: cancelled.note });
    const polls = service.stats.polls;
    // Azure finishes it anyway; the service no longer polls (the inventory's own re-check sees the end).
    await waitFor(async () => {
      await inventory.recheck([target.id]);
      return inventory.byName('z-2').powerState === 'running';
    }, 15_000);
    expect(service.stats.polls).toBe(polls);
    await service.stop();
  });
});

describe('subscription rename', () => {
  it('renames with Owner rights and reads the new name back from Azure', async () => {
    const { service, rename, activity } = await world();
    const result = await rename.rename({ subscriptionId: subs.actions, displayName: 'Ops Actions (EU)' });
    expect(result).toEqual({ subscriptionId: subs.actions, displayName: 'Ops Actions (EU)' });
    expect(inventory.subscription(subs.actions)?.displayName).toBe('Ops Actions (EU)');
    expect(activity.list()[0]).toMatchObject({ action: 'rename', result: 'succeeded', targetName: 'Ops Actions' });
    await service.stop();
  });

  it('says in words that a Reader may not rename', async () => {
    const { service, rename, activity } = await world();
    const error = await rename
      .rename({ subscriptionId: subs.reader, displayName: 'Mine now' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({
      code: 'forbidden',
      message:
        "You don't have permission to rename Ops Reader as alice@contoso.example. Ask an Owner or Contributor " +
        'of the subscription to rename it or to give you one of those roles.',
    });
    expect(inventory.subscription(subs.reader)?.displayName).toBe('Ops Reader');
    expect(activity.list()[0]).toMatchObject({ action: 'rename', result: 'failed' });
    expect(activity.list()[0]?.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    await service.stop();
  });
});
