// Fault spec parsing and matching, then faults, latency-free ids and the request log on a running emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../index.js';
import { httpsCall } from '../testing/https-json.js';
import { FaultTable, parseFaultSpec } from './faults.js';

describe('parseFaultSpec', () => {
  it('reads method, path glob, kind, arg, count and probability', () => {
    expect(parseFaultSpec('GET:/subscriptions*=503x2; POST:*/start=reset;*/token=429:7@0.5;slow-one=slow:100')).toEqual(
      [
        { method: 'GET', path: '/subscriptions*', kind: '503', count: 2 },
        { method: 'POST', path: '*/start', kind: 'reset' },
        { method: '*', path: '*/token', kind: '429', arg: 7, probability: 0.5 },
        { method: '*', path: 'slow-one', kind: 'slow', arg: 100 },
      ],
    );
  });

  it('names the bad rule', () => {
    expect(() => parseFaultSpec('GET:/x=418')).toThrow(/Bad fault rule "GET:\/x=418"/);
    expect(() => parseFaultSpec('/x')).toThrow(/expected METHOD:PATH=KIND/);
  });

  it('counts down limited rules and honours probability', () => {
    let roll = 0.9;
    const table = new FaultTable(() => roll);
    table.add(parseFaultSpec('GET:/a*=500x2;/b=503@0.5'));
    expect(table.take('GET', '/a/1')?.kind).toBe('500');
    expect(table.take('POST', '/a/1')).toBeUndefined();
    expect(table.take('get', '/A/2')?.kind).toBe('500');
    expect(table.take('GET', '/a/3')).toBeUndefined();
    expect(table.take('GET', '/b')).toBeUndefined();
    roll = 0.1;
    expect(table.take('GET', '/b')?.kind).toBe('503');
  });
});

describe('faults on the wire', () => {
  let emu: RunningEmulator;
  const oidc = (): string => `${emu.authority}/organizations/v2.0/.well-known/openid-configuration`;
  beforeAll(async () => {
    emu = await startEmulator({ scenario: 'demo', faults: 'GET:*/openid-configuration=503:3x1' });
  });
  afterAll(async () => {
    await emu.close();
  });

  it('applies start-up faults once, with Retry-After and an Entra-style body, echoing the correlation id', async () => {
    const failed = await httpsCall(oidc(), emu.caPem, { headers: { 'x-ms-correlation-request-id': 'c-1' } });
    expect(failed.status).toBe(503);
    expect(failed.headers['retry-after']).toBe('3');
    expect(failed.headers['x-ms-correlation-request-id']).toBe('c-1');
    expect(failed.json).toMatchObject({ error: 'temporarily_unavailable', correlation_id: 'c-1' });
    expect((await httpsCall(oidc(), emu.caPem)).status).toBe(200);
  });

  it('resets connections, truncates and malforms bodies on demand', async () => {
    await emu.admin.addFaults('GET:*/openid-configuration=reset x1'.replace(' ', ''));
    await expect(httpsCall(oidc(), emu.caPem)).rejects.toThrow(/ECONNRESET|socket hang up/);
    await emu.admin.addFaults([{ method: 'GET', path: '*/openid-configuration', kind: 'truncate', count: 1 }]);
    const truncated = await httpsCall(oidc(), emu.caPem);
    expect(truncated.status).toBe(200);
    expect(() => JSON.parse(truncated.text) as unknown).toThrow();
    await emu.admin.addFaults('GET:*/openid-configuration=malformedx1');
    const malformed = await httpsCall(oidc(), emu.caPem);
    expect(malformed.status).toBe(200);
    expect(() => JSON.parse(malformed.text) as unknown).toThrow();
    expect(await emu.admin.listFaults()).toEqual([]);
  });

  it('gives ARM paths ARM-style error bodies', async () => {
    await emu.admin.addFaults('GET:/subscriptions=429x1');
    const res = await httpsCall(`${emu.arm}/subscriptions?api-version=2022-12-01`, emu.caPem);
    expect(res.status).toBe(429);
    expect(res.json).toMatchObject({ error: { code: 'SubscriptionRequestsThrottled' } });
  });

  it('logs requests per route with counts and statuses, and guards the admin API', async () => {
    const log = await emu.admin.requestLog();
    const route = log.routes.find((r) => r.route === 'GET /{tenant}/v2.0/.well-known/openid-configuration');
    expect(route?.count).toBeGreaterThanOrEqual(4);
    expect(route?.statuses['503']).toBe(1);
    expect(log.recent.some((r) => r.fault === 'truncate')).toBe(true);
    const denied = await httpsCall(`${emu.authority}/_emulator/health`, emu.caPem);
    expect(denied.status).toBe(401);
  });
});
