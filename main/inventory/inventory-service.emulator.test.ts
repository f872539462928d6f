// InventoryService with the real AccountsService (msal-node, @azure/identity) and the real ARM SDK clients against
// the local Azure emulator: paging and the plain + statusOnly merge, faults that stay with their subscription,
// throttling, a tenant that needs MFA, subscriptions reachable from two accounts, sign-out, and a failed sweep
// that keeps the previous rows.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { demo } from '../../emulator/testing/demo-ids.js';
import type { InventoryPatch, SubscriptionSummary, Vm } from '../../preload/contract-inventory.js';
import type { AccountsService } from '../accounts/accounts-service.js';
import { createAccountsService } from '../accounts/create-accounts-service.js';
import { customCloud, type CloudEndpoints } from '../clouds.js';
import { CloudConnectivity } from '../net/connectivity.js';
import { testNetwork } from '../net/testing/network.js';
import type { EventSink } from '../ports.js';
import { SecretVault } from '../storage/secret-vault.js';
import { systemClock, systemScheduler } from '../system-clock.js';
import { idleScheduler, ScriptedBrowser, type User } from '../testing/accounts-harness.js';
import { MemoryCipher, MemoryStore, RecordingEvents, RecordingLogger, RecordingOpener } from '../testing/fakes.js';
import { RateGovernor, defaultRateLimitOptions } from '../azure/rate-limit.js';
import { InventoryService } from './inventory-service.js';
import { SnapshotStore, type StoredSnapshot } from './snapshot-store.js';

const subs = {
  production: '1a2b3c4d-0001-4e5f-8a9b-0c1d2e3f4a01',
  devTest: '1a2b3c4d-0002-4e5f-8a9b-0c1d2e3f4a02',
  legacy: '1a2b3c4d-0003-4e5f-8a9b-0c1d2e3f4a03',
  shared: '2c3d4e5f-0004-4a6b-9c7d-1e2f3a4b5c04',
  analytics: '2c3d4e5f-0005-4a6b-9c7d-1e2f3a4b5c05',
  sandbox: '3d4e5f6a-0006-4b7c-8d9e-2f3a4b5c6d06',
};
const vmCounts: Record<string, number> = {
  [subs.production]: 9,
  [subs.devTest]: 10,
  [subs.shared]: 5,
  [subs.analytics]: 6,
  [subs.sandbox]: 4,
};
const vmList = (id: string): string => `/subscriptions/${id}/providers/Microsoft.Compute/virtualMachines`;

let emu: RunningEmulator;
let cloud: CloudEndpoints;

beforeAll(async () => {
  // Pages of 3 with ARM's awkward plan (3, empty with a nextLink, 2, 3, ...) and many VMs without a power
  // state in statusOnly, so every sweep crosses empty and short pages and asks instance views.
  emu = await startEmulator({ scenario: 'demo', pageSize: 3, arm: { missingPowerStateRatio: 0.3 } });
  cloud = customCloud(
    {
      name: 'Emulator',
      authorityHost: emu.authority,
      armEndpoint: emu.arm,
      armAudience: 'https://management.azure.com/',
      clientId: demo.clientId,
    },
    emu.caPem,
  );
});
afterAll(() => emu.close());
beforeEach(() => emu.admin.reset());

interface WorldOptions {
  store?: MemoryStore;
  prefs?: MemoryStore;
  user?: User;
  /** The cloud the accounts sign in to (default: this file's emulator). */
  cloud?: CloudEndpoints;
  /** The emulator whose sign-in page the scripted browser fills in (with `cloud`). */
  emulator?: RunningEmulator;
  governor?: RateGovernor;
}

async function world(options: WorldOptions = {}) {
  const target = options.cloud ?? cloud;
  const logger = new RecordingLogger();
  const events = new RecordingEvents();
  const store = options.store ?? new MemoryStore();
  const prefs = options.prefs ?? new MemoryStore();
  const vault = new SecretVault(store, new MemoryCipher(), { clock: systemClock, logger, allowWeak: () => false });
  await vault.refreshStatus();
  const connectivity = new CloudConnectivity({
    clock: systemClock,
    scheduler: idleScheduler,
    logger,
    probe: (cloudId) => accounts.recheckCloud(cloudId),
  });
  const network = testNetwork();
  const accountEvents: EventSink = {
    emit(name, payload) {
      events.emit(name, payload);
      if (name === 'accounts') inventory.accountsChanged();
    },
  };
  const accounts = createAccountsService({
    vault,
    clouds: () => [target],
    signInSettings: () => ({ clientId: '', defaultTenant: 'organizations' }),
    opener: new ScriptedBrowser(options.emulator ?? emu, options.user ?? demo.alice),
    events: accountEvents,
    connectivity,
    network,
    logger,
    clock: systemClock,
    scheduler: systemScheduler,
    warn: () => undefined,
  });
  const opener = new RecordingOpener();
  const inventory = new InventoryService({
    accounts,
    clouds: () => [target],
    vault,
    preferencesStore: prefs,
    connectivity,
    network,
    events,
    opener,
    logger,
    clock: systemClock,
    ...(options.governor ? { governor: options.governor } : {}),
  });
  await accounts.start();
  await inventory.start({ schedule: false });
  const patches = (): InventoryPatch[] =>
    events.emitted.filter((event) => event.name === 'inventory').map((event) => event.payload as InventoryPatch);
  const sub = (id: string): SubscriptionSummary | undefined =>
    inventory.getSnapshot().subscriptions.find((s) => s.id === id);
  const vmsOf = (id: string): Vm[] => inventory.getSnapshot().vms.filter((vm) => vm.subscriptionId === id);
  return { accounts, inventory, events, patches, sub, vmsOf, store, prefs, opener, logger };
}

/** Signs in and lists everything, then lists again with `subscriptionId` answering garbage: it stands failed. */
async function withGarbledListing(subscriptionId: string) {
  const w = await world();
  await w.accounts.signIn({ cloudId: cloud.id, method: 'browser' });
  await w.inventory.sweep('full');
  const listedAt = w.sub(subscriptionId)?.fetchedAt ?? '';
  await emu.admin.addFaults([{ method: 'GET', path: vmList(subscriptionId), kind: 'malformed' }]);
  await w.inventory.sweep('full');
  expect(w.sub(subscriptionId)).toMatchObject({ status: 'error', fetchedAt: listedAt });
  return { ...w, listedAt };
}

async function addReader(accounts: AccountsService): Promise<string> {
  const sp = await accounts.addServicePrincipal({
    cloudId: cloud.id,
    tenantId: demo.tenants.contoso,
    clientId: demo.secretSp.clientId,
    credential: { kind: 'secret', secret: demo.secretSp.secret },
  });
  return sp.id;
}

describe('a full sweep', () => {
  it('lists every VM across empty and short pages, merges statusOnly, and asks instance views for missing power', async () => {
    const { accounts, inventory, sub, vmsOf } = await world();
    const alice = await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await emu.admin.clearRequestLog();
    await inventory.sweep('full');

    for (const id of [subs.production, subs.devTest, subs.shared]) {
      expect(sub(id)).toMatchObject({ status: 'ok', actingAccountId: alice.id, vmCount: vmCounts[id] });
      expect(vmsOf(id)).toHaveLength(vmCounts[id] ?? -1);
    }
    // Disabled: shown, never listed for VMs. The MFA tenant's subscription is not reachable yet.
    expect(sub(subs.legacy)).toMatchObject({ state: 'Disabled', status: 'not_listed', vmCount: 0 });
    expect(sub(subs.sandbox)).toBeUndefined();

    const vms = inventory.getSnapshot().vms;
    const web = vms.find((vm) => vm.name === 'web-prod-01');
    expect(web).toMatchObject({
      provider: 'azure',
      resourceGroup: expect.stringMatching(/^rg-web-prod$/i) as unknown,
      size: 'Standard_D4s_v5',
      osType: 'Linux',
      image: 'Canonical:ubuntu-24_04-lts:server:latest',
      location: 'westeurope',
      zones: ['1'],
      tags: { env: 'prod', app: 'storefront', owner: 'web-team' },
      powerState: 'running',
    });
    expect(web?.id).toBe(web?.resourceId.toLowerCase());
    // Every VM got a power state: from statusOnly, or from its instance view when statusOnly had none.
    expect(vms.filter((vm) => vm.powerState === 'unknown')).toEqual([]);
    const log = await emu.admin.requestLog();
    const instanceViews = log.recent.filter((r) => r.path.endsWith('/instanceView'));
    expect(instanceViews.length).toBeGreaterThan(0);
    // Both lists were paged through (3 + empty + 2 + ... for 9 and 10 VMs), never one request per VM otherwise.
    const listCalls = log.recent.filter((r) => r.path === vmList(subs.devTest));
    expect(listCalls.length).toBeGreaterThanOrEqual(2 * 4);
  });

  it('shows unknown for a VM whose power state neither statusOnly nor its instance view gives', async () => {
    const { accounts, inventory } = await world();
    await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await emu.admin.addFaults([{ method: 'GET', path: '*/instanceView', kind: '403' }]);
    await inventory.sweep('full');
    const vms = inventory.getSnapshot().vms;
    expect(vms.some((vm) => vm.powerState === 'unknown')).toBe(true);
    expect(vms.some((vm) => vm.powerState === 'running')).toBe(true);
  });
});

describe('faults stay with their subscription', () => {
  it('marks a 403 and a 503 subscription with their error in words while the others complete', async () => {
    const { accounts, inventory, sub, vmsOf } = await world();
    await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await emu.admin.addFaults([
      { method: 'GET', path: vmList(subs.production), kind: '403' },
      { method: 'GET', path: vmList(subs.devTest), kind: '503', arg: 0 },
    ]);
    await inventory.sweep('full');

    expect(sub(subs.production)).toMatchObject({ status: 'error', error: { code: 'forbidden' } });
    expect(sub(subs.production)?.error?.message).toBe(
      'You do not have permission to list the VMs of this subscription (Azure: AuthorizationFailed). Ask an owner ' +
        'of the subscription for the Reader role, or choose another account to act on it in Subscriptions.',
    );
    expect(sub(subs.production)?.error?.requestId).toMatch(/[0-9a-f-]{36}/);
    expect(sub(subs.devTest)).toMatchObject({ status: 'error', error: { code: 'internal' } });
    expect(sub(subs.devTest)?.error?.message).toBe(
      'Azure had a problem answering for this subscription (HTTP 503 ServiceUnavailable). This is usually ' +
        'temporary: retry in a minute.',
    );
    expect(sub(subs.shared)).toMatchObject({ status: 'ok' });
    expect(vmsOf(subs.shared)).toHaveLength(5);
    expect(inventory.getSnapshot().sweep).toMatchObject({ state: 'done', subscriptionsDone: 3, subscriptionsTotal: 3 });
  });

  it('marks garbage (broken JSON) as unreadable, not as a crash of the sweep', async () => {
    const { sub } = await withGarbledListing(subs.shared);
    expect(sub(subs.shared)?.error?.message).toMatch(/could not read/);
    expect(sub(subs.production)?.status).toBe('ok');
  });

  it('keeps the previous rows and their fetchedAt when a later sweep fails', async () => {
    const { accounts, inventory, sub, vmsOf } = await world();
    await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await inventory.sweep('full');
    const before = sub(subs.production);
    const rows = vmsOf(subs.production);
    expect(rows).toHaveLength(9);
    await emu.admin.addFaults([{ method: 'GET', path: '/subscriptions/*/providers/*', kind: '500' }]);
    await inventory.sweep('full');
    expect(sub(subs.production)).toMatchObject({ status: 'error', fetchedAt: before?.fetchedAt });
    expect(vmsOf(subs.production)).toEqual(rows);
  });
});

describe('every failure reads as words: what happened, why, what to do', () => {
  // The SDK's and MSAL's developer wording must never reach a chip.
  const noise = /Pagination failed|statusCode|endpoints_resolution_error|network_error|aka\.ms|undefined/;

  it.each([
    [
      '504',
      /^Azure had a problem answering for this subscription \(HTTP 504 GatewayTimeout\)\. .*retry in a minute\.$/,
    ],
    [
      'reset',
      /^Cloud Desk could not list the VMs of this subscription\. Offline: .* could not be reached \(ECONNRESET\)\. Check your connection\.$/,
    ],
    ['truncate', /^Azure sent an answer for this subscription that Cloud Desk could not read .*Retry/],
  ] as const)('a %s on one subscription', async (kind, words) => {
    const { accounts, inventory, sub } = await world();
    await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await inventory.sweep('full');
    await emu.admin.addFaults([{ method: 'GET', path: vmList(subs.production), kind }]);
    await inventory.sweep('full');
    const message = sub(subs.production)?.error?.message ?? '';
    expect(message).toMatch(words);
    expect(message).not.toMatch(noise);
    expect(sub(subs.devTest)?.status).toBe('ok');
  });

  it('a request that times out', async () => {
    const governor = new RateGovernor(systemClock, { ...defaultRateLimitOptions, timeoutMs: 1_000 });
    const { accounts, inventory, sub } = await world({ governor });
    await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await inventory.sweep('full');
    await emu.admin.addFaults([{ method: 'GET', path: vmList(subs.production), kind: 'slow', arg: 5_000 }]);
    await inventory.sweep('full');
    expect(sub(subs.production)?.error?.message).toBe(
      'Azure did not answer in time for this subscription: it may be busy, or the connection slow. Retry in a minute.',
    );
  });

  it("a 403 on a tenant's subscription list leaves the subscriptions it knew listed in their own right", async () => {
    const { accounts, inventory, sub } = await world();
    await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await inventory.sweep('full');
    const before = sub(subs.production)?.fetchedAt ?? '';
    await emu.admin.addFaults([{ method: 'GET', path: '/subscriptions', kind: '403' }]);
    await inventory.sweep('full');
    expect(sub(subs.production)).toMatchObject({ status: 'ok' });
    expect(sub(subs.production)?.fetchedAt).not.toBe(before);
    // The tenant's listing failure is kept for the tenant, named in words.
    const contoso = inventory
      .getSnapshot()
      .listingFailures?.find((failure) => failure.tenantId === sub(subs.production)?.tenantId);
    expect(contoso?.error.message).toBe(
      'You do not have permission to list the subscriptions of tenant Contoso (Azure: AuthorizationFailed). Ask an ' +
        'administrator of the tenant for access, or connect another account that has it.',
    );
  });

  it("lists the VMs of the subscriptions it knew without waiting for their tenant's listing", async () => {
    const { accounts, inventory, sub } = await world();
    await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await inventory.sweep('full');
    const before = sub(subs.production)?.fetchedAt ?? '';
    await emu.admin.addFaults([{ method: 'GET', path: '/subscriptions', kind: 'slow', arg: 30_000 }]);
    await emu.admin.clearRequestLog();
    const sweeping = inventory.sweep('full');
    try {
      await vi.waitFor(() => expect(sub(subs.production)?.fetchedAt).not.toBe(before), { timeout: 15_000 });
      const log = await emu.admin.requestLog();
      // Nothing has answered the subscription listing yet: the VMs were listed beside it, not after it.
      expect(log.routes.find((route) => route.route === 'GET /subscriptions')?.count ?? 0).toBe(0);
    } finally {
      inventory.cancelRefresh();
      await sweeping;
    }
  });

  it('a DNS failure names the host that could not be resolved', async () => {
    const first = await world();
    await first.accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await first.inventory.sweep('full');
    await first.inventory.stop();
    const unresolvable = { ...cloud, armEndpoint: `https://arm.cloud-desk.invalid:${new URL(emu.arm).port}` };
    const { inventory, sub, vmsOf } = await world({ store: first.store, prefs: first.prefs, cloud: unresolvable });
    await inventory.sweep('full');
    expect(sub(subs.production)).toMatchObject({ status: 'error', error: { code: 'offline' } });
    expect(sub(subs.production)?.error?.message).toMatch(
      /^Cloud Desk could not list the VMs of this subscription\. DNS failure: the name arm\.cloud-desk\.invalid could not be resolved\. Check your connection/,
    );
    expect(vmsOf(subs.production)).toHaveLength(9);
  });

  it('offline at start-up (MSAL cannot reach the sign-in service) says so and keeps the rows', async () => {
    const away = await startEmulator({ scenario: 'demo' });
    const awayCloud = customCloud(
      {
        name: 'Away',
        authorityHost: away.authority,
        armEndpoint: away.arm,
        armAudience: 'https://management.azure.com/',
        clientId: demo.clientId,
      },
      away.caPem,
    );
    const first = await world({ cloud: awayCloud, emulator: away });
    try {
      await first.accounts.signIn({ cloudId: awayCloud.id, method: 'browser' });
      await first.inventory.sweep('full');
      await first.inventory.stop();
    } finally {
      await away.close();
    }
    const { inventory, sub, vmsOf } = await world({ store: first.store, prefs: first.prefs, cloud: awayCloud });
    await inventory.sweep('full');
    const production = sub(subs.production);
    expect(production).toMatchObject({ status: 'error', error: { code: 'offline' } });
    expect(production?.error?.message).toBe(
      'Cloud Desk could not get a sign-in token to list the VMs of this subscription. The sign-in service ' +
        'could not be reached. Check your connection (and proxy, if you use one), then try again.',
    );
    expect(production?.error?.message).not.toMatch(noise);
    expect(vmsOf(subs.production)).toHaveLength(9);
  });
});

describe('throttling', () => {
  it('honours a short Retry-After and marks a subscription that asks for 20 minutes throttled without waiting', async () => {
    const { accounts, inventory, sub, vmsOf } = await world();
    await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    // The sign-in starts a sweep of its own; let it end first, or it may use up the one-time 429 below.
    await inventory.sweep('full');
    await emu.admin.addFaults([
      { method: 'GET', path: vmList(subs.production), kind: '429', arg: 1, count: 1 },
      { method: 'GET', path: vmList(subs.devTest), kind: '429', arg: 1200 },
    ]);
    await emu.admin.clearRequestLog();
    const started = Date.now();
    await inventory.sweep('full');
    expect(Date.now() - started).toBeLessThan(20_000);

    expect(sub(subs.production)?.status).toBe('ok');
    expect(vmsOf(subs.production)).toHaveLength(9);
    const production = (await emu.admin.requestLog()).recent.filter((r) => r.path === vmList(subs.production));
    const throttled = production.find((r) => r.status === 429);
    // Both lists share the path; the throttled one is retried after the second ARM asked for.
    const waited = production.filter(
      (r) => r.status === 200 && throttled && Date.parse(r.time) - Date.parse(throttled.time) >= 950,
    );
    expect(throttled).toBeDefined();
    expect(waited.length).toBeGreaterThan(0);

    const devTest = sub(subs.devTest);
    expect(devTest).toMatchObject({ status: 'throttled', error: { code: 'throttled' } });
    expect(devTest?.error?.message).toMatch(
      /^Azure is limiting requests for this subscription and asked Cloud Desk to wait 20 minutes\./,
    );
    const until = Date.parse(devTest?.throttledUntil ?? '');
    expect(until - Date.now()).toBeGreaterThan(19 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(20 * 60_000);

    // Until then, sweeps leave it alone: asking again would only earn another 429.
    await emu.admin.clearRequestLog();
    await inventory.sweep('full');
    await inventory.sweep('power');
    expect((await emu.admin.requestLog()).recent.filter((r) => r.path === vmList(subs.devTest))).toEqual([]);
    expect(sub(subs.devTest)).toMatchObject({ status: 'throttled', vmCount: 10 });
    expect(vmsOf(subs.devTest)).toHaveLength(10);
  });
});

describe('accounts and tenants', () => {
  it('sweeps the ready tenants and marks a tenant that needs MFA, keeping its rows', async () => {
    const { accounts, inventory, sub, vmsOf } = await world();
    const alice = await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await accounts.signInTenant({ accountId: alice.id, tenantId: demo.tenants.northwind, method: 'browser' });
    await inventory.sweep('full');
    expect(sub(subs.sandbox)).toMatchObject({ status: 'ok', tenantName: 'Northwind Lab' });
    expect(vmsOf(subs.sandbox)).toHaveLength(4);

    await emu.admin.requireMfa({ tenantId: demo.tenants.northwind });
    await emu.admin.revokeRefreshTokens(demo.alice.id);
    await accounts.refresh();
    await inventory.sweep('full');
    expect(sub(subs.sandbox)).toMatchObject({ status: 'needs_sign_in', error: { code: 'interaction_required' } });
    expect(sub(subs.sandbox)?.error?.message).toMatch(
      /^Tenant Northwind Lab needs you to sign in again before Cloud Desk can list this subscription: open Accounts/,
    );
    expect(vmsOf(subs.sandbox)).toHaveLength(4);
  });

  it('lists a subscription reachable from two accounts once, with both access paths', async () => {
    const { accounts, inventory, sub, vmsOf } = await world();
    const alice = await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    const reader = await addReader(accounts);
    await inventory.sweep('full');
    const production = sub(subs.production);
    expect(production?.accessPaths.map((path) => path.accountId).sort()).toEqual([alice.id, reader].sort());
    expect(production?.actingAccountId).toBe(production?.accessPaths[0]?.accountId);
    expect(vmsOf(subs.production)).toHaveLength(9);
    expect(inventory.getSnapshot().subscriptions.filter((s) => s.id === subs.production)).toHaveLength(1);

    // The pick is the user's and is kept.
    const other = production?.actingAccountId === alice.id ? reader : alice.id;
    inventory.setActingAccount({ subscriptionId: subs.production, accountId: other });
    await inventory.sweep('full');
    expect(sub(subs.production)?.actingAccountId).toBe(other);
  });

  it("signing out removes the rows only that account reached and keeps the others' paths", async () => {
    const { accounts, inventory, sub, vmsOf } = await world();
    const alice = await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    const reader = await addReader(accounts);
    await inventory.sweep('full');
    expect(vmsOf(subs.shared)).toHaveLength(5);

    await accounts.signOut(alice.id);
    expect(sub(subs.shared)).toBeUndefined();
    expect(vmsOf(subs.shared)).toEqual([]);
    expect(sub(subs.production)?.accessPaths).toEqual([{ accountId: reader, tenantId: demo.tenants.contoso }]);
    expect(sub(subs.production)?.actingAccountId).toBe(reader);
    expect(vmsOf(subs.production)).toHaveLength(9);
  });

  it('drops what a running sweep lists for a subscription hidden meanwhile', async () => {
    const { accounts, inventory, vmsOf, sub } = await world();
    await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await inventory.sweep('full');
    await emu.admin.updateSettings({ latencyMs: 150 });
    try {
      const running = inventory.sweep('full');
      inventory.setSubscriptionHidden({ subscriptionId: subs.devTest, hidden: true });
      await running;
    } finally {
      await emu.admin.updateSettings({ latencyMs: 0 });
    }
    expect(sub(subs.devTest)).toMatchObject({ hidden: true, status: 'not_listed' });
    expect(vmsOf(subs.devTest)).toEqual([]);
    expect(vmsOf(subs.production)).toHaveLength(9);
  });
});

describe('the snapshot', () => {
  it('is shown at the next start before any network call, marked as from the store', async () => {
    const first = await world();
    await first.accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await first.inventory.sweep('full');
    const saved = first.inventory.getSnapshot();
    expect(saved.fromStore).toBe(false);
    await first.inventory.stop();

    await emu.admin.clearRequestLog();
    const second = await world({ store: first.store, prefs: first.prefs });
    const shown = second.inventory.getSnapshot();
    expect(shown.fromStore).toBe(true);
    expect(shown.vms).toHaveLength(saved.vms.length);
    expect(shown.lastFullSweepAt).toBe(saved.lastFullSweepAt);
    expect((await emu.admin.requestLog()).total).toBe(0);

    await second.inventory.sweep('full');
    expect(second.inventory.getSnapshot().fromStore).toBe(false);
    expect(second.patches().at(-1)?.seq).toBe(second.inventory.getSnapshot().seq);
  });

  it('is written right after a sweep finishes, not as part of it, and quitting at once still writes it', async () => {
    const { accounts, inventory, store } = await world();
    await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await inventory.sweep('full');
    const swept = inventory.getSnapshot();
    // The sweep is done before its snapshot is serialized and encrypted: the write starts on the next turn.
    expect((await storedSnapshot(store))?.lastFullSweepAt).not.toBe(swept.lastFullSweepAt);
    await inventory.persisted();
    const written = await storedSnapshot(store);
    expect(written?.lastFullSweepAt).toBe(swept.lastFullSweepAt);
    expect(written?.vms).toHaveLength(swept.vms.length);

    await inventory.sweep('full');
    const last = inventory.getSnapshot();
    await inventory.stop();
    expect((await storedSnapshot(store))?.lastFullSweepAt).toBe(last.lastFullSweepAt);
  });
});

/** What the vault in `store` holds as the inventory snapshot, read as the next start would. */
async function storedSnapshot(store: MemoryStore): Promise<StoredSnapshot | undefined> {
  const logger = new RecordingLogger();
  const vault = new SecretVault(store, new MemoryCipher(), { clock: systemClock, logger, allowWeak: () => false });
  await vault.refreshStatus();
  return new SnapshotStore(vault, logger).load();
}

describe('details', () => {
  it("reads a VM's instance view through its acting account, and refuses a portal the cloud does not have", async () => {
    const { accounts, inventory } = await world();
    await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await inventory.sweep('full');
    const vm = inventory.getSnapshot().vms.find((v) => v.name === 'web-prod-01');
    const view = await inventory.getInstanceView(vm?.id ?? '');
    expect(view.vmId).toBe(vm?.id);
    expect(view.statuses.map((s) => s.code)).toContain('PowerState/running');
    await expect(inventory.openInPortal({ subscriptionId: subs.production })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(inventory.getInstanceView('/subscriptions/x/nothing')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('on demand', () => {
  it('a Refresh asked for while a scheduled power sweep runs is a full sweep after it, not swallowed', async () => {
    const { accounts, inventory, events } = await world();
    await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await inventory.sweep('full');
    events.emitted.length = 0;
    await emu.admin.updateSettings({ latencyMs: 100 });
    try {
      expect(inventory.refresh({ kind: 'power' })).toMatchObject({ kind: 'power', state: 'running' });
      // The power check's progress says a full refresh follows it, so the screen can say so.
      expect(inventory.refresh({ kind: 'full' })).toMatchObject({ kind: 'power', state: 'running', fullQueued: true });
      await inventory.sweep('power');
    } finally {
      await emu.admin.updateSettings({ latencyMs: 0 });
    }
    const full = events.emitted
      .filter((event) => event.name === 'inventoryProgress')
      .map((event) => event.payload as { kind: string; fullQueued?: boolean })
      .filter((progress) => progress.kind === 'full');
    expect(full.length).toBeGreaterThan(0);
    expect(full.every((progress) => progress.fullQueued === undefined)).toBe(true);
    const finished = events.emitted
      .filter((event) => event.name === 'inventoryProgress')
      .map((event) => event.payload as { kind: string; state: string })
      .filter((progress) => progress.state === 'done')
      .map((progress) => progress.kind);
    expect(finished.slice(0, 2)).toEqual(['power', 'full']);
  });

  it("a subscription's Retry asked for while another sweep runs lists it after that sweep, not swallowed", async () => {
    const { inventory, sub, listedAt } = await withGarbledListing(subs.shared);
    await emu.admin.clearFaults();
    await emu.admin.updateSettings({ latencyMs: 100 });
    try {
      expect(inventory.refresh({ kind: 'power' })).toMatchObject({ kind: 'power', state: 'running' });
      inventory.refresh({ kind: 'full', subscriptionIds: [subs.shared] });
      // Waits for the power sweep and whatever runs after it.
      await inventory.sweep('power');
    } finally {
      await emu.admin.updateSettings({ latencyMs: 0 });
    }
    // Listed in full again (a power sweep leaves fetchedAt as it was).
    expect(Date.parse(sub(subs.shared)?.fetchedAt ?? '')).toBeGreaterThan(Date.parse(listedAt));
  });
});

describe('cancellation', () => {
  it('stop() during a power sweep with a full sweep queued starts no sweep after it', async () => {
    const { accounts, inventory } = await world();
    await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await inventory.sweep('full');
    await emu.admin.updateSettings({ latencyMs: 100 });
    try {
      expect(inventory.refresh({ kind: 'power' })).toMatchObject({ kind: 'power', state: 'running' });
      inventory.refresh({ kind: 'full' });
      await inventory.stop();
    } finally {
      await emu.admin.updateSettings({ latencyMs: 0 });
    }
    expect(inventory.getSnapshot().sweep).toMatchObject({ kind: 'power', state: 'cancelled' });
    await emu.admin.clearRequestLog();
    expect(inventory.refresh({ kind: 'full' })).toBeNull();
    expect((await emu.admin.requestLog()).total).toBe(0);
  });

  it('Cancel during a power sweep also drops the full sweep queued behind it', async () => {
    const { accounts, inventory, events } = await world();
    await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await inventory.sweep('full');
    events.emitted.length = 0;
    await emu.admin.updateSettings({ latencyMs: 100 });
    try {
      inventory.refresh({ kind: 'power' });
      inventory.refresh({ kind: 'full' });
      inventory.cancelRefresh();
      // Waits for the cancelled sweep and anything started after it.
      await inventory.sweep('power');
    } finally {
      await emu.admin.updateSettings({ latencyMs: 0 });
    }
    const kinds = events.emitted
      .filter((event) => event.name === 'inventoryProgress')
      .map((event) => (event.payload as { kind: string }).kind);
    expect(kinds).not.toContain('full');
  });

  it('stops a running sweep, reports it cancelled, and keeps what was already listed', async () => {
    const { accounts, inventory, events } = await world();
    await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await inventory.sweep('full');
    const before = inventory.getSnapshot().vms.length;
    await emu.admin.updateSettings({ latencyMs: 300 });
    try {
      const progress = inventory.refresh({ kind: 'full' });
      expect(progress).toMatchObject({ state: 'running', kind: 'full' });
      inventory.cancelRefresh();
      await inventory.sweep('power');
    } finally {
      await emu.admin.updateSettings({ latencyMs: 0 });
    }
    const reported = events.emitted
      .filter((event) => event.name === 'inventoryProgress')
      .map((event) => (event.payload as { state: string }).state);
    expect(reported).toContain('cancelled');
    expect(inventory.getSnapshot().vms).toHaveLength(before);
  });
});

describe('a tenant whose subscription list fails', () => {
  it('is kept with its words while no subscription stands for it, gone after the next good listing', async () => {
    const { accounts, inventory, sub, patches } = await world();
    // From the first sweep on, Alice's tenants answer their subscription lists with a 403: nothing is held.
    await emu.admin.addFaults([{ method: 'GET', path: '/subscriptions', kind: '403' }]);
    const alice = await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await inventory.sweep('full');

    expect(inventory.getSnapshot().subscriptions).toEqual([]);
    const failures = inventory.getSnapshot().listingFailures ?? [];
    expect(failures.map((f) => f.tenantId).sort()).toEqual([demo.tenants.contoso, demo.tenants.fabrikam].sort());
    const contoso = failures.find((f) => f.tenantId === demo.tenants.contoso);
    expect(contoso).toMatchObject({ accountId: alice.id, kind: 'error', error: { code: 'forbidden' } });
    expect(contoso?.error.message).toBe(
      'You do not have permission to list the subscriptions of tenant Contoso (Azure: AuthorizationFailed). Ask an ' +
        'administrator of the tenant for access, or connect another account that has it.',
    );
    expect(patches().some((patch) => patch.listingFailures?.length === 2)).toBe(true);

    await emu.admin.clearFaults();
    await inventory.sweep('full');
    expect(inventory.getSnapshot().listingFailures).toEqual([]);
    expect(patches().at(-1)?.listingFailures).toBeUndefined();
    expect(sub(subs.production)?.status).toBe('ok');
    expect(sub(subs.shared)?.status).toBe('ok');
  });

  it('leaves with the account that signed out', async () => {
    const { accounts, inventory } = await world();
    await emu.admin.addFaults([{ method: 'GET', path: '/subscriptions', kind: '403' }]);
    const alice = await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await inventory.sweep('full');
    expect(inventory.getSnapshot().listingFailures).toHaveLength(2);

    await accounts.signOut(alice.id);
    expect(inventory.getSnapshot().listingFailures).toEqual([]);
  });
});
