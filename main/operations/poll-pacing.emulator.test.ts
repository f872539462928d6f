// How often the operations service polls, against the emulator's ARM through the real SDK: it waits for the
// Retry-After Azure sends with the POST's 202 and with each status (up to a cap), and with many operations
// running in one subscription it polls each one less often, and from five on it watches them through one list
// of the subscription and polls an operation once its VM looks settled.
import { afterEach, describe, expect, it } from 'vitest';
import type { SubscriptionSummary } from '../../preload/contract-inventory.js';
import { armAudience, startHarness, waitFor, type Harness } from '../../emulator/arm/test-harness.js';
import type { ScenarioInput } from '../../emulator/scenario.js';
import type { ArmOptions } from '../../emulator/arm/index.js';
import { ActivityLog } from '../activity/activity-log.js';
import type { CloudEndpoints } from '../clouds.js';
import { CloudConnectivity } from '../net/connectivity.js';
import { testNetwork } from '../net/testing/network.js';
import { idleScheduler } from '../testing/accounts-harness.js';
import { SecretVault } from '../storage/secret-vault.js';
import { systemClock } from '../system-clock.js';
import { MemoryCipher, MemoryStore, RecordingLogger } from '../testing/fakes.js';
import { OperationsService, type OperationsTuning } from './operations-service.js';
import { ArmInventory } from './testing/arm-inventory.js';

const tenant = '11111111-1111-4111-8111-111111111111';
const user = 'aaaaaaaa-0000-4000-8000-000000000001';
const sub = '6e000000-0000-4000-8000-000000000005';

const scenario = (vms: number): ScenarioInput => ({
  name: 'poll-pacing',
  tenants: [{ id: tenant, displayName: 'Contoso', defaultDomain: 'contoso.example' }],
  users: [{ id: user, username: 'ops@contoso.example', displayName: 'Ops', password: 'pw', homeTenant: tenant }],
  subscriptions: [{ id: sub, tenantId: tenant, displayName: 'Pacing' }],
  resourceGroups: [{ subscriptionId: sub, name: 'rg', location: 'westeurope' }],
  vms: Array.from({ length: vms }, (_, n) => ({
    subscriptionId: sub,
    resourceGroup: 'rg',
    name: `vm-${n}`,
    size: 'Standard_B2s',
    os: 'Linux' as const,
    image: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server' },
    location: 'westeurope',
    powerState: 'running' as const,
  })),
  roleAssignments: [{ principalId: user, role: 'Owner', scope: `/subscriptions/${sub}` }],
});

let h: Harness | undefined;
afterEach(async () => h?.close());

interface Run {
  /** Arrival times of each operation's status polls (not the final GET of its Location), by operation. */
  polls: Map<string, number[]>;
  /** Arrival times of the accepted POSTs. */
  posts: number[];
  /** statusOnly lists of the subscription (the inventory's fast re-check) after the POSTs. */
  lists: number;
  startedAt: number;
  endedAt: number;
}

/** Deallocates `vms` VMs at once and records when each one's POST and status polls reached the emulator. */
async function deallocateAll(vms: number, arm: Partial<ArmOptions>, tuning: Partial<OperationsTuning>): Promise<Run> {
  const harness = await startHarness(scenario(vms), { missingPowerStateRatio: 0, ...arm });
  h = harness;
  const cloud: CloudEndpoints = {
    id: 'emulator',
    name: 'Emulator',
    kind: 'custom',
    authorityHost: 'https://localhost',
    armEndpoint: harness.baseUrl,
    armAudience,
    caPem: harness.caPem,
  };
  const credential = () => harness.credential(() => harness.mint({ tid: tenant, oid: user }));
  const inventory = new ArmInventory(cloud, credential);
  const summary: SubscriptionSummary = {
    id: sub,
    displayName: 'Pacing',
    state: 'Enabled',
    tenantId: tenant,
    cloudId: cloud.id,
    accessPaths: [{ accountId: 'ops', tenantId: tenant }],
    actingAccountId: 'ops',
    hidden: false,
    status: 'ok',
    vmCount: vms,
  };
  await inventory.load(summary);
  const logger = new RecordingLogger();
  const vault = new SecretVault(new MemoryStore(), new MemoryCipher('os'), {
    clock: systemClock,
    logger,
    allowWeak: () => false,
  });
  await vault.refreshStatus();
  const service = new OperationsService({
    inventory,
    accounts: { credentialFor: credential, accountName: () => 'ops@contoso.example' },
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
    tuning: { recheckDelayMs: 20, ...tuning },
  });
  const from = harness.requests.length;
  const startedAt = Date.now();
  const { operationIds } = service.begin({ action: 'deallocate', vmIds: [...inventory.vms.keys()] });
  await waitFor(() => operationIds.every((id) => service.registry.get(id)?.state === 'succeeded'), 30_000);
  const endedAt = Date.now();
  await service.stop();
  const polls = new Map<string, number[]>();
  const posts: number[] = [];
  let lists = 0;
  for (const r of harness.requests.slice(from)) {
    if (r.method === 'GET' && r.path.includes('statusOnly=true')) lists += 1;
    if (r.method === 'POST' && r.status === 202) posts.push(r.at);
    const status = /\/operations\/([^/?]+)\?/.exec(r.path);
    if (r.method === 'GET' && status?.[1] && !r.path.includes('monitor=true')) {
      polls.set(status[1], [...(polls.get(status[1]) ?? []), r.at]);
    }
  }
  return { polls, posts, lists, startedAt, endedAt };
}

function gaps(times: readonly number[]): number[] {
  return times.slice(1).map((t, i) => t - (times[i] ?? t));
}

describe('polling a running operation', () => {
  it("waits for Azure's Retry-After after the POST and between status polls", async () => {
    const run = await deallocateAll(1, { transitionMs: 3500, lroRetryAfterSeconds: 1 }, { basePollMs: 100 });
    const [polls = []] = run.polls.values();
    const [post = 0] = run.posts;
    expect(polls.length).toBeGreaterThanOrEqual(2);
    // Without Retry-After these would be 100 ms apart; a little is allowed for the time on the wire.
    expect((polls[0] ?? 0) - post).toBeGreaterThanOrEqual(900);
    for (const gap of gaps(polls)) expect(gap).toBeGreaterThanOrEqual(900);
  });

  it('polls sooner than a long Retry-After asks once the cap is reached', async () => {
    const run = await deallocateAll(
      1,
      { transitionMs: 1500, lroRetryAfterSeconds: 60 },
      { basePollMs: 100, maxPollRetryAfterMs: 300 },
    );
    // Honouring 60 s would keep the operation running for a minute; the 300 ms cap ends it soon after 1.5 s.
    expect(run.endedAt - run.startedAt).toBeLessThan(15_000);
    const [polls = []] = run.polls.values();
    expect(polls.length).toBeGreaterThanOrEqual(2);
  });

  it('polls each operation less often when many run in one subscription', async () => {
    const run = await deallocateAll(
      10,
      { transitionMs: 4000, lroRetryAfterSeconds: 0 },
      { basePollMs: 100, pollsPerSecondPerSubscription: 5 },
    );
    // Ten running at 5 polls/s for the subscription: each one about every 2 s, not every 100 ms.
    const all = [...run.polls.values()].flatMap((times) => gaps(times));
    expect(all.length).toBeGreaterThan(0);
    const sorted = all.sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    expect(median).toBeGreaterThanOrEqual(1000);
    const total = [...run.polls.values()].reduce((n, times) => n + times.length, 0);
    const seconds = (run.endedAt - run.startedAt) / 1000;
    expect(total).toBeLessThanOrEqual(Math.ceil(seconds * 5) + 10);
  });

  it('watches many through the subscription list and polls each about once, when its VM has settled', async () => {
    const run = await deallocateAll(8, { transitionMs: 4000, lroRetryAfterSeconds: 0 }, { basePollMs: 500 });
    expect(run.lists).toBeGreaterThan(0);
    const perOperation = [...run.polls.values()].map((times) => times.length);
    expect(perOperation).toHaveLength(8);
    // Without the list each would be polled every basePollMs (8 running at 10 polls/s): about 8 times in 4 s.
    for (const n of perOperation) expect(n).toBeLessThanOrEqual(2);
  });
});
