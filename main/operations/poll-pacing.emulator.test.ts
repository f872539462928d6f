// How often the operations service polls, against the emulator's ARM through the real SDK: it waits for the
// Retry-After Azure sends with the POST's 202 and with each status (up to a cap), and with many operations
// running in one subscription it polls each one less often, and from five on it watches them through one list
// of the subscription and polls an operation once its VM looks settled.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../emulator/arm/test-harness.js';
import type { ArmOptions } from '../../emulator/arm/index.js';
import type { OperationsTuning } from './operations-service.js';
import { operationsAgainstArm, ownedVmsScenario, whenFinished } from './testing/operations-harness.js';

const pacing = (vms: number) => [{ id: '6e000000-0000-4000-8000-000000000005', displayName: 'Pacing', vms }];

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
  const subscriptions = pacing(vms);
  const harness = await startHarness(ownedVmsScenario('poll-pacing', subscriptions), {
    missingPowerStateRatio: 0,
    ...arm,
  });
  h = harness;
  const { service, inventory } = await operationsAgainstArm(harness, subscriptions, { recheckDelayMs: 20, ...tuning });
  const from = harness.requests.length;
  const startedAt = Date.now();
  const { operationIds } = service.begin({ action: 'deallocate', vmIds: [...inventory.vms.keys()] });
  const finished = await whenFinished(service, operationIds);
  const endedAt = Date.now();
  await service.stop();
  expect(finished.map((op) => op.state)).toEqual(operationIds.map(() => 'succeeded'));
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
