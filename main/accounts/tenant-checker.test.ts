// The tenant checker with fakes for ARM and the token service: known tenants are checked while the list loads,
// at most N at once, each with its own timeout on the fake clock; a failed list marks the account; each tenant
// lands on its own; offline leaves the last state; only real errors keep a correlation id.
import { describe, expect, it } from 'vitest';
import type { AccountProblem } from '../../preload/contract.js';
import type { AuthProblem } from '../auth/auth-errors.js';
import type { TenantRecord } from '../azure/tenants.js';
import { FakeTime, RecordingLogger } from '../testing/fakes.js';
import { exampleCloud, storedAlice } from '../testing/account-fixtures.js';
import { AccountRegistry, type StoredTenant, type StoredUserAccount } from './account-registry.js';
import { CloudCatalog } from './cloud-catalog.js';
import { LiveState } from './live-state.js';
import { TenantChecker } from './tenant-checker.js';
import { testVault } from '../testing/vault.js';

const cloud = exampleCloud;

const tenantIds = ['t1', 't2', 't3', 't4', 't5'];

function stored(id: string, status: StoredTenant['status'] = 'ready'): StoredTenant {
  return {
    tenantId: id,
    displayName: id.toUpperCase(),
    category: id === 't1' ? 'home' : 'guest',
    status,
    hidden: false,
  };
}

const alice = storedAlice(tenantIds.map((id) => stored(id)));

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function setup(options: { concurrency?: number; account?: StoredUserAccount } = {}) {
  const time = new FakeTime();
  const logger = new RecordingLogger();
  const vault = await testVault({ clock: time, logger });
  const registry = new AccountRegistry(vault, logger);
  await registry.load();
  await registry.upsert(options.account ?? alice);
  const live = new LiveState();
  const list = deferred<TenantRecord[]>();
  const tokens = new Map<string, ReturnType<typeof deferred<unknown>>>();
  const started: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const published: string[][] = [];
  const listProblem = (error: unknown): AccountProblem => ({ code: 'unavailable', message: String(error) });
  const checker = new TenantChecker({
    registry,
    live,
    catalog: new CloudCatalog({
      clouds: () => [cloud],
      signInSettings: () => ({ clientId: 'c', defaultTenant: 'organizations' }),
    }),
    listTenants: () => list.promise,
    tenantToken: (_account, tenantId) => {
      started.push(tenantId);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const token = deferred<unknown>();
      tokens.set(tenantId, token);
      return token.promise.finally(() => {
        inFlight -= 1;
      });
    },
    classify: (error) => (error as { problem: AuthProblem }).problem,
    listProblem,
    publish: () =>
      published.push(
        (registry.find('alice')?.tenants ?? []).map(
          (tenant) =>
            `${tenant.tenantId}:${tenant.status}${live.of('alice').checkingTenants.has(tenant.tenantId) ? '…' : ''}`,
        ),
      ),
    clock: time,
    scheduler: time,
    logger,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    tenantTimeoutMs: 10_000,
  });
  const settle = async (): Promise<void> => {
    for (let n = 0; n < 20; n += 1) await Promise.resolve();
  };
  return {
    checker,
    registry,
    live,
    list,
    tokens,
    started,
    published,
    time,
    settle,
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

const records = (ids: string[]): TenantRecord[] =>
  ids.map((id) => ({ tenantId: id, displayName: id.toUpperCase(), category: 'Home' }));

describe('TenantChecker', () => {
  it('checks the known tenants while the list is on its way, then any new tenant the list brings', async () => {
    const t = await setup();
    const done = t.checker.checkUser(alice, true);
    await t.settle();
    expect(t.started.sort()).toEqual(tenantIds);
    t.list.resolve(records([...tenantIds, 't6']));
    await t.settle();
    expect(t.started).toContain('t6');
    for (const token of t.tokens.values()) token.resolve({});
    await done;
    expect(t.registry.find('alice')?.tenants.map((tenant) => tenant.status)).toEqual(Array(6).fill('ready'));
    expect(t.live.of('alice').confirmedTenants.size).toBe(6);
  });

  it('runs at most `concurrency` token calls at once', async () => {
    const t = await setup({ concurrency: 2 });
    const done = t.checker.checkUser(alice, true);
    t.list.resolve(records(tenantIds));
    for (let round = 0; round < 5; round += 1) {
      await t.settle();
      for (const token of t.tokens.values()) token.resolve({});
    }
    await done;
    expect(t.started).toHaveLength(5);
    expect(t.maxInFlight).toBe(2);
  });

  it('times out one slow tenant on the clock while the others are confirmed', async () => {
    const t = await setup();
    const done = t.checker.checkUser(alice, true);
    t.list.resolve(records(tenantIds));
    await t.settle();
    for (const [tenantId, token] of t.tokens) if (tenantId !== 't3') token.resolve({});
    await t.settle();
    t.time.advance(10_000);
    await done;
    const t3 = t.registry.find('alice')?.tenants.find((tenant) => tenant.tenantId === 't3');
    expect(t3).toMatchObject({ status: 'error', message: expect.stringContaining('within 10 s') });
    expect(t.live.of('alice').confirmedTenants.has('t3')).toBe(false);
    expect(t.live.of('alice').confirmedTenants.has('t2')).toBe(true);
  });

  it('publishes each tenant as it lands, not the whole account at the end', async () => {
    const two = { ...alice, tenants: [stored('t1'), stored('t2', 'needs_sign_in')] };
    const t = await setup({ account: two });
    const done = t.checker.checkUser(two, true);
    t.list.resolve(records(['t1', 't2']));
    await t.settle();
    t.tokens.get('t1')?.resolve({});
    await t.settle();
    expect(t.published.at(-1)).toEqual(['t1:ready', 't2:needs_sign_in…']);
    t.tokens.get('t2')?.resolve({});
    await done;
    expect(t.published.at(-1)).toEqual(['t1:ready', 't2:ready']);
  });

  it('marks the account when the list fails, still checks its tenants, and clears the mark once it answers', async () => {
    const t = await setup();
    const done = t.checker.checkUser(alice, true);
    t.list.reject(new Error('503'));
    await t.settle();
    for (const token of t.tokens.values()) token.resolve({});
    await done;
    expect(t.live.of('alice').problem).toEqual({ code: 'unavailable', message: 'Error: 503' });
    expect(t.registry.find('alice')?.tenants.every((tenant) => tenant.status === 'ready')).toBe(true);
  });

  it('gives an account with no known tenant its home tenant when the list fails', async () => {
    const t = await setup({ account: { ...alice, tenants: [] } });
    const done = t.checker.checkUser({ ...alice, tenants: [] }, false);
    t.list.reject(new Error('garbage'));
    await t.settle();
    t.tokens.get('t1')?.resolve({});
    await done;
    expect(t.registry.find('alice')?.tenants).toEqual([
      expect.objectContaining({ tenantId: 't1', category: 'home', status: 'ready' }),
    ]);
  });

  it('keeps the last state when offline; a sign-in prompt drops the correlation id, an error keeps it', async () => {
    const t = await setup();
    const problems: Record<string, AuthProblem> = {
      t1: { kind: 'offline', message: 'offline' },
      t2: { kind: 'needs_sign_in', reason: 'mfa', message: 'mfa', correlationId: 'c-2' },
      t3: { kind: 'error', message: 'AADSTS500011: nope', correlationId: 'c-3' },
    };
    const done = t.checker.checkUser(alice, true);
    t.list.resolve(records(tenantIds));
    await t.settle();
    for (const [tenantId, token] of t.tokens) {
      const problem = problems[tenantId];
      if (problem) token.reject(Object.assign(new Error(problem.message), { problem }));
      else token.resolve({});
    }
    await done;
    const byId = new Map(t.registry.find('alice')?.tenants.map((tenant) => [tenant.tenantId, tenant]));
    expect(byId.get('t1')).toMatchObject({ status: 'ready' });
    expect(byId.get('t1')?.checkedAt).toBeUndefined();
    expect(byId.get('t2')).toMatchObject({ status: 'needs_sign_in', reason: 'mfa' });
    expect(byId.get('t2')?.correlationId).toBeUndefined();
    expect(byId.get('t3')).toMatchObject({ status: 'error', correlationId: 'c-3' });
  });

  it('leaves a tenant hidden while it waited alone', async () => {
    const t = await setup({ concurrency: 1 });
    const done = t.checker.checkUser(alice, true);
    t.list.resolve(records(tenantIds));
    await t.settle();
    await t.registry.updateTenant('alice', 't5', (tenant) => ({ ...tenant, hidden: true, status: 'disabled' }));
    for (let round = 0; round < 5; round += 1) {
      for (const token of t.tokens.values()) token.resolve({});
      await t.settle();
    }
    await done;
    expect(t.started).not.toContain('t5');
  });
});
