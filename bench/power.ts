// Benchmark: a bulk deallocate of 500 VMs across 10 subscriptions against the emulator's ARM with ARM's real
// write and read limits (200 writes burst, 10/s; 250 reads burst, 25/s per subscription and principal).
// Measured in one run: Cloud Desk's OperationsService against its lower bound (no VM can settle before the
// emulator's transition time; POSTs beyond the write burst wait for refills), and a naive baseline that awaits
// the SDK's pollers (a poll every 2 s each, the SDK's own retries). Figures: total time, 429s received, polls.
import { loadavg } from 'node:os';
import { ComputeManagementClient } from '@azure/arm-compute';
import { armAudience, startHarness, type Harness } from '../emulator/arm/test-harness.js';
import {
  operationsAgainstArm,
  ownerCredential,
  ownedVmsScenario,
  whenFinished,
} from '../main/operations/testing/operations-harness.js';
import type { BenchSuite } from './suites.js';

const subscriptionCount = 10;
const vmsPerSubscription = 50;
const transitionMs = 20_000;
const writeBurst = 200;
const writesPerSecond = 10;

const subscriptionId = (i: number): string => `7${String(i).padStart(7, '0')}-0000-4000-8000-000000000000`;
const subscriptions = Array.from({ length: subscriptionCount }, (_, i) => ({
  id: subscriptionId(i),
  displayName: `Bench ${i}`,
  vms: vmsPerSubscription,
}));

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

async function withHarness<T>(run: (h: Harness) => Promise<T>): Promise<T> {
  const h = await startHarness(ownedVmsScenario('bench-power', subscriptions), {
    transitionMs,
    lroRetryAfterSeconds: 0,
    missingPowerStateRatio: 0,
  });
  try {
    return await run(h);
  } finally {
    await h.close();
  }
}

async function cloudDesk(): Promise<Counts & { totalMs: number; failed: number }> {
  return withHarness(async (h) => {
    const { service, inventory } = await operationsAgainstArm(h, subscriptions);
    const from = h.requests.length;
    const started = Date.now();
    const { operationIds } = service.begin({ action: 'deallocate', vmIds: [...inventory.vms.keys()] });
    const finished = await whenFinished(service, operationIds);
    const totalMs = Date.now() - started;
    const failed = finished.filter((op) => op.state === 'failed').length;
    await service.stop();
    return { totalMs, failed, ...counts(h, from) };
  });
}

/** What a script would do: every deallocate at once, each awaited through the SDK's poller (2 s polls). */
async function naive(): Promise<Counts & { totalMs: number; failed: number }> {
  return withHarness(async (h) => {
    const from = h.requests.length;
    const started = Date.now();
    const results = await Promise.allSettled(
      Array.from({ length: subscriptionCount }, (_, i) => {
        const client = new ComputeManagementClient(ownerCredential(h), subscriptionId(i), {
          endpoint: h.baseUrl,
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
