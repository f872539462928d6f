// Benchmark: a bulk deallocate of 500 VMs across 10 subscriptions against the emulator's ARM with ARM's real
// write and read limits (200 writes burst, 10/s; 250 reads burst, 25/s per subscription and principal).
// Measured in one run: Cloud Desk's OperationsService against its lower bound (no VM can settle before the
// emulator's transition time; POSTs beyond the write burst wait for refills), and a naive baseline that awaits
// the SDK's pollers (a poll every 2 s each, the SDK's own retries). Figures: total time, 429s received, polls.
import { loadavg } from 'node:os';
import { ComputeManagementClient } from '@azure/arm-compute';
import type { SubscriptionSummary } from '../preload/contract-inventory.js';
import { armAudience, startHarness, type Harness } from '../emulator/arm/test-harness.js';
import type { ScenarioInput } from '../emulator/scenario.js';
import { ActivityLog } from '../main/activity/activity-log.js';
import type { CloudEndpoints } from '../main/clouds.js';
import { CloudConnectivity } from '../main/net/connectivity.js';
import { testNetwork } from '../main/net/testing/network.js';
import { idleScheduler } from '../main/testing/accounts-harness.js';
import { OperationsService } from '../main/operations/operations-service.js';
import { ArmInventory } from '../main/operations/testing/arm-inventory.js';
import { SecretVault } from '../main/storage/secret-vault.js';
import { systemClock } from '../main/system-clock.js';
import { MemoryCipher, MemoryStore, RecordingLogger } from '../main/testing/fakes.js';
import type { BenchSuite } from './suites.js';

const tenant = '11111111-1111-4111-8111-111111111111';
const user = 'aaaaaaaa-0000-4000-8000-000000000001';
const subscriptionCount = 10;
const vmsPerSubscription = 50;
const transitionMs = 20_000;
const writeBurst = 200;
const writesPerSecond = 10;

const subscriptionId = (i: number): string => `7${String(i).padStart(7, '0')}-0000-4000-8000-000000000000`;

function scenario(): ScenarioInput {
  const subs = Array.from({ length: subscriptionCount }, (_, i) => subscriptionId(i));
  return {
    name: 'bench-power',
    tenants: [{ id: tenant, displayName: 'Bench', defaultDomain: 'bench.example' }],
    users: [{ id: user, username: 'ops@bench.example', displayName: 'Ops', password: 'pw', homeTenant: tenant }],
    subscriptions: subs.map((id, i) => ({ id, tenantId: tenant, displayName: `Bench ${i}` })),
    resourceGroups: subs.map((id) => ({ subscriptionId: id, name: 'rg', location: 'westeurope' })),
    vms: subs.flatMap((id) =>
      Array.from({ length: vmsPerSubscription }, (_, n) => ({
        subscriptionId: id,
        resourceGroup: 'rg',
        name: `vm-${n}`,
        size: 'Standard_B2s',
        os: 'Linux' as const,
        image: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server' },
        location: 'westeurope',
        powerState: 'running' as const,
      })),
    ),
    roleAssignments: subs.map((id) => ({ principalId: user, role: 'Owner' as const, scope: `/subscriptions/${id}` })),
  };
}

interface Counts {
  throttled: number;
  polls: number;
  posts: number;
  /** statusOnly lists of a subscription's VMs (the inventory's fast re-check). */
  lists: number;
}

function counts(h: Harness, from: number): Counts {
  const seen = h.requests.slice(from);
  return {
    throttled: seen.filter((r) => r.status === 429).length,
    polls: seen.filter((r) => r.method === 'GET' && r.path.includes('/operations/')).length,
    posts: seen.filter((r) => r.method === 'POST').length,
    lists: seen.filter((r) => r.method === 'GET' && r.path.includes('statusOnly=true')).length,
  };
}

async function withHarness<T>(run: (h: Harness, cloud: CloudEndpoints) => Promise<T>): Promise<T> {
  const h = await startHarness(scenario(), { transitionMs, lroRetryAfterSeconds: 0, missingPowerStateRatio: 0 });
  const cloud: CloudEndpoints = {
    id: 'emulator',
    name: 'Emulator',
    kind: 'custom',
    authorityHost: 'https://localhost',
    armEndpoint: h.baseUrl,
    armAudience,
    caPem: h.caPem,
  };
  try {
    return await run(h, cloud);
  } finally {
    await h.close();
  }
}

const credentialOf = (h: Harness) => h.credential(() => h.mint({ tid: tenant, oid: user }));

async function cloudDesk(): Promise<Counts & { totalMs: number; failed: number }> {
  return withHarness(async (h, cloud) => {
    const inventory = new ArmInventory(cloud, () => credentialOf(h));
    for (let i = 0; i < subscriptionCount; i += 1) {
      const summary: SubscriptionSummary = {
        id: subscriptionId(i),
        displayName: `Bench ${i}`,
        state: 'Enabled',
        tenantId: tenant,
        cloudId: cloud.id,
        accessPaths: [{ accountId: 'ops', tenantId: tenant }],
        actingAccountId: 'ops',
        hidden: false,
        status: 'ok',
        vmCount: vmsPerSubscription,
      };
      await inventory.load(summary);
    }
    const logger = new RecordingLogger();
    const vault = new SecretVault(new MemoryStore(), new MemoryCipher('os'), {
      clock: systemClock,
      logger,
      allowWeak: () => false,
    });
    await vault.refreshStatus();
    const service = new OperationsService({
      inventory,
      accounts: { credentialFor: () => credentialOf(h), accountName: () => 'ops@bench.example' },
      clouds: () => [cloud],
      connectivity: new CloudConnectivity({
        clock: systemClock,
        scheduler: idleScheduler,
        logger,
        probe: () => Promise.resolve(),
      }),
      network: testNetwork(),
      vault,
      activity: new ActivityLog({ vault, clock: systemClock, logger }),
      clock: systemClock,
      logger,
    });
    const from = h.requests.length;
    const started = Date.now();
    const { operationIds } = service.begin({ action: 'deallocate', vmIds: [...inventory.vms.keys()] });
    await new Promise<void>((resolve) => {
      const check = (): void => {
        if (operationIds.every((id) => ['succeeded', 'failed'].includes(service.registry.get(id)?.state ?? ''))) {
          resolve();
        }
      };
      service.registry.onChange(check);
      check();
    });
    const totalMs = Date.now() - started;
    const failed = operationIds.filter((id) => service.registry.get(id)?.state === 'failed').length;
    await service.stop();
    return { totalMs, failed, ...counts(h, from) };
  });
}

/** What a script would do: every deallocate at once, each awaited through the SDK's poller (2 s polls). */
async function naive(): Promise<Counts & { totalMs: number; failed: number }> {
  return withHarness(async (h, cloud) => {
    const from = h.requests.length;
    const started = Date.now();
    const results = await Promise.allSettled(
      Array.from({ length: subscriptionCount }, (_, i) => {
        const client = new ComputeManagementClient(credentialOf(h), subscriptionId(i), {
          endpoint: cloud.armEndpoint,
          credentials: { scopes: [`${armAudience}.default`] },
          tlsOptions: { ca: h.caPem },
        });
        return Array.from({ length: vmsPerSubscription }, (_, n) =>
          client.virtualMachines.deallocate('rg', `vm-${n}`, { updateIntervalInMs: 2000 }),
        );
      }).flat(),
    );
    const totalMs = Date.now() - started;
    return { totalMs, failed: results.filter((r) => r.status === 'rejected').length, ...counts(h, from) };
  });
}

export const powerSuite: BenchSuite = {
  name: 'power',
  async run() {
    const perSubscription = vmsPerSubscription;
    const writeWaitMs = Math.max(0, Math.ceil((perSubscription - writeBurst) / writesPerSecond) * 1000);
    const lowerBoundMs = transitionMs + writeWaitMs;
    const ours = await cloudDesk();
    const baseline = await naive();
    return {
      vms: subscriptionCount * vmsPerSubscription,
      subscriptions: subscriptionCount,
      transitionMs,
      lowerBoundMs,
      totalMs: ours.totalMs,
      ratioToLowerBound: Number((ours.totalMs / lowerBoundMs).toFixed(2)),
      throttled429: ours.throttled,
      pollsIssued: ours.polls,
      listsIssued: ours.lists,
      postsIssued: ours.posts,
      failed: ours.failed,
      naiveTotalMs: baseline.totalMs,
      naiveThrottled429: baseline.throttled,
      naivePollsIssued: baseline.polls,
      loadAverage1m: Number(loadavg()[0]?.toFixed(2)),
      naiveFailed: baseline.failed,
    };
  },
};
