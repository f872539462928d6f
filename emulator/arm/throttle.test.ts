// Throttling with tiny buckets: ARM's per-principal read bucket (429 SubscriptionRequestsThrottled, and the
// SDK's retry honouring Retry-After) and Compute's HighCostGet and per-VM power-action policies.
import { ComputeManagementClient } from '@azure/arm-compute';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { armAudience, rawRequest, restError, startHarness, type Harness, type TokenInput } from './test-harness.js';
import { ids, testScenario } from './test-scenario.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness(testScenario(), {
    transitionMs: 200,
    lroRetryAfterSeconds: 0,
    armReads: { capacity: 3, refillPerSecond: 1 },
    armWrites: { capacity: 50, refillPerSecond: 10 },
    computeListCalls: { capacity: 2, refillPerSecond: 1 / 60 },
    computeVmActions: { capacity: 1, refillPerSecond: 1 / 60 },
  });
});
afterAll(async () => h.close());

const alice: TokenInput = { tid: ids.contoso, oid: ids.alice, preferred_username: 'alice@contoso.example' };
const bob: TokenInput = { tid: ids.contoso, oid: ids.bob, preferred_username: 'bob@contoso.example' };
const sp: TokenInput = { tid: ids.contoso, oid: ids.spObject, idtyp: 'app', appid: ids.spClient };

function options(maxRetries?: number): Record<string, unknown> {
  return {
    endpoint: h.baseUrl,
    credentials: { scopes: [`${armAudience}.default`] },
    tlsOptions: { ca: h.caPem },
    ...(maxRetries === undefined ? {} : { retryOptions: { maxRetries } }),
  };
}

describe('ARM request buckets', () => {
  it('counts reads down in x-ms-ratelimit-remaining-subscription-reads, then answers 429', async () => {
    const client = new SubscriptionClient(h.credential(await h.mint(bob)), options(0));
    const remaining: string[] = [];
    // A standing clock keeps the bucket from refilling between calls on a slow machine.
    h.frozenAt = h.now();
    for (let i = 0; i < 3; i += 1) {
      await client.subscriptions.get(ids.prod, {
        onResponse: (raw) => remaining.push(raw.headers.get('x-ms-ratelimit-remaining-subscription-reads') ?? ''),
      });
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const error = await restError(client.subscriptions.get(ids.prod));
    expect(error.statusCode).toBe(429);
    expect(error.code).toBe('SubscriptionRequestsThrottled');
    expect(error.message).toContain(`Number of 'read' requests for subscription '${ids.prod}' actor '${ids.bob}'`);
    expect(error.response?.headers.get('retry-after')).toBe('1');
    h.frozenAt = undefined;
  });

  it("lets the SDK's retry wait out Retry-After and succeed", async () => {
    const client = new SubscriptionClient(h.credential(await h.mint(alice)), options());
    h.frozenAt = h.now();
    for (let i = 0; i < 3; i += 1) await client.subscriptions.get(ids.prod);
    h.frozenAt = undefined;
    const before = h.requests.length;
    const sub = await client.subscriptions.get(ids.prod);
    expect(sub.subscriptionId).toBe(ids.prod);
    const [throttled, retried] = h.requests.slice(before);
    expect(throttled?.status).toBe(429);
    expect(retried?.status).toBe(200);
    expect((retried?.at ?? 0) - (throttled?.at ?? 0)).toBeGreaterThanOrEqual(1000);
  });
});

describe('Compute policies', () => {
  it('throttles VM list calls per subscription with OperationNotAllowed / TooManyRequests', async () => {
    const client = new ComputeManagementClient(h.credential(await h.mint(sp)), ids.prod, options(0));
    const seen: string[] = [];
    const onResponse = (raw: { headers: { get(name: string): string | undefined } }): void => {
      seen.push(raw.headers.get('x-ms-ratelimit-remaining-resource') ?? '');
    };
    for (let i = 0; i < 2; i += 1) {
      for await (const vm of client.virtualMachines.listAll({ onResponse })) expect(vm.name).toBe('vm-02');
    }
    expect(seen).toEqual(['Microsoft.Compute/HighCostGet3Min;1', 'Microsoft.Compute/HighCostGet3Min;0']);
    const error = await restError(
      (async () => {
        for await (const vm of client.virtualMachines.listAll()) expect(vm).toBeDefined();
      })(),
    );
    expect(error.statusCode).toBe(429);
    expect(error.code).toBe('OperationNotAllowed');
    expect(Number(error.response?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // The modular SDK drops a paged error's body, so read it raw (a refused request takes no token).
    h.clockOffsetMs += 2_000;
    const raw = await rawRequest(
      h,
      'GET',
      `/subscriptions/${ids.prod}/providers/Microsoft.Compute/virtualMachines?api-version=2026-04-01`,
      { authorization: `Bearer ${await h.mint(sp)}` },
    );
    expect(raw.status).toBe(429);
    const body = JSON.parse(raw.body) as unknown;
    expect(body).toMatchObject({
      error: {
        code: 'OperationNotAllowed',
        message: 'The server rejected the request because too many requests have been received for this subscription.',
        details: [{ code: 'TooManyRequests', target: 'HighCostGet3Min' }],
        innererror: { internalErrorCode: 'TooManyRequestsReceived' },
      },
    });
  });

  it('throttles power actions per VM', async () => {
    // Refill alice's read bucket (drained above) by moving the emulator clock, not by sleeping.
    h.clockOffsetMs += 5_000;
    const client = new ComputeManagementClient(h.credential(await h.mint(alice)), ids.prod, options(0));
    await client.virtualMachines.beginDeallocateAndWait('rg-Data', 'vm-07', { updateIntervalInMs: 250 });
    const error = await restError(client.virtualMachines.beginStartAndWait('rg-Data', 'vm-07'));
    expect(error.statusCode).toBe(429);
    expect(error.code).toBe('OperationNotAllowed');
    expect(error.response?.headers.get('x-ms-ratelimit-remaining-resource')).toBe(
      'Microsoft.Compute/VMPowerActionsPerVM3Min;0',
    );
    // Another VM has its own bucket.
    h.clockOffsetMs += 5_000;
    await client.virtualMachines.beginDeallocateAndWait('rg-Data', 'vm-11', { updateIntervalInMs: 250 });
  });
});
