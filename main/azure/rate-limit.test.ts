import { createHttpHeaders, createPipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { LongThrottleError } from './arm-errors.js';
import { RateGovernor, rateLimitPolicy, scopeOf } from './rate-limit.js';

const listUrl = 'https://management.azure.com/subscriptions/ABC/providers/Microsoft.Compute/virtualMachines';

function respond(status: number, headers: Record<string, string>) {
  return (request: ReturnType<typeof createPipelineRequest>): Promise<PipelineResponse> =>
    Promise.resolve({ request, status, headers: createHttpHeaders(headers) });
}

describe('the rate-limit policy', () => {
  it('counts a request against its subscription, or the tenant for tenant-level lists', () => {
    expect(scopeOf(listUrl)).toBe('subscription:abc');
    expect(scopeOf('https://management.azure.com/subscriptions?api-version=2022-12-01')).toBe('tenant');
    expect(scopeOf(`${listUrl}?api-version=2024-07-01&$skiptoken=a/subscriptions/other`)).toBe('subscription:abc');
    expect(scopeOf('https://management.azure.com/tenants?next=/subscriptions/other')).toBe('tenant');
    expect(scopeOf('https://management.azure.com?next=/subscriptions/other')).toBe('tenant');
    expect(scopeOf('https://management.azure.com#/subscriptions/other')).toBe('tenant');
  });

  it('spaces requests at the refill rate once few reads remain, and not before', async () => {
    let now = 0;
    const governor = new RateGovernor({ now: () => now });
    const waits: number[] = [];
    const policy = rateLimitPolicy(governor, 'alice|t1', (ms) => {
      waits.push(ms);
      return Promise.resolve();
    });
    const send = (remaining: number) =>
      policy.sendRequest(
        createPipelineRequest({ url: listUrl }),
        respond(200, { 'x-ms-ratelimit-remaining-subscription-reads': String(remaining) }),
      );
    await send(200);
    await send(199);
    expect(waits).toEqual([]);
    await send(20);
    await send(19);
    await send(18);
    // 25 reads/s: each next request 40 ms after the previous slot.
    expect(waits).toEqual([40]);
    now = 1000;
    await send(40);
    expect(waits).toEqual([40]);
    expect(governor.stats).toMatchObject({ requests: 6, paced: 1 });
  });

  it('lets the SDK sleep through a short Retry-After but throws a long one for the caller to record', async () => {
    const governor = new RateGovernor({ now: () => 0 });
    const policy = rateLimitPolicy(governor, 'alice|t1', () => Promise.resolve());
    const short = await policy.sendRequest(
      createPipelineRequest({ url: listUrl }),
      respond(429, { 'retry-after': '5' }),
    );
    expect(short.status).toBe(429);
    await expect(
      policy.sendRequest(
        createPipelineRequest({ url: listUrl }),
        respond(429, { 'retry-after': '1200', 'x-ms-request-id': 'req-1' }),
      ),
    ).rejects.toBeInstanceOf(LongThrottleError);
    expect(governor.stats.throttled).toBe(2);
  });
});
