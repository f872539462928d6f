// AccountsService with the real msal-node, @azure/identity and ARM SDK against the local Azure emulator:
// sign-in through the emulator's login pages, per-tenant status, MFA, consent, revocation, Conditional Access
// claims, cancel and timeout, service principals and sign-out.
import { readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { demo } from '../../emulator/testing/demo-ids.js';
import { FormBrowser } from '../../emulator/testing/form-browser.js';
import type { AccountSummary, TenantSummary } from '../../preload/contract.js';
import { customCloud, type CloudEndpoints } from '../clouds.js';
import { CloudConnectivity, Connectivity } from '../net/connectivity.js';
import { testNetwork } from '../net/testing/network.js';
import type { BrowserOpener } from '../ports.js';
import { systemClock, systemScheduler } from '../system-clock.js';
import { accountsService, emulatorCloud, idleScheduler, ScriptedBrowser } from '../testing/accounts-harness.js';
import { MemoryCipher, MemoryStore, RecordingEvents, RecordingLogger } from '../testing/fakes.js';
import { listTenants } from '../azure/tenants.js';
import { createAccountsService } from './create-accounts-service.js';
import { testVault } from '../testing/vault.js';

let emu: RunningEmulator;
let cloud: CloudEndpoints;

beforeAll(async () => {
  emu = await startEmulator({ scenario: 'demo', deviceCodeIntervalSeconds: 1 });
  cloud = emulatorCloud(emu, demo.clientId);
});
afterAll(() => emu.close());
beforeEach(() => emu.admin.reset());

function service(
  opener: BrowserOpener,
  options: { store?: MemoryStore; cipher?: MemoryCipher; timeoutMs?: number } = {},
) {
  return accountsService([cloud], opener, options);
}

/** Per-cloud connectivity whose re-checks are left to the tests (no timers fire during a test). */
function cloudConnectivity(): CloudConnectivity {
  return new CloudConnectivity({
    clock: systemClock,
    scheduler: idleScheduler,
    logger: new RecordingLogger(),
    probe: () => Promise.resolve(),
  });
}

const tenant = (account: AccountSummary, id: string): TenantSummary | undefined =>
  account.tenants.find((candidate) => candidate.tenantId === id);

function portIsClosed(redirectUri: string): Promise<boolean> {
  const port = Number(new URL(redirectUri).port);
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe('signing in a user with three tenants', () => {
  it('discovers every tenant; the MFA tenant waits for sign-in while the others are ready', async () => {
    const browser = new ScriptedBrowser(emu, demo.alice);
    const { accounts, ready, events } = service(browser);
    await ready;
    const alice = await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    expect(browser.opened[0]).toContain('prompt=select_account');
    expect(browser.opened[0]).toContain('code_challenge_method=S256');
    expect(alice.username).toBe(demo.alice.username);
    expect(alice.tenants.map((t) => [t.displayName, t.category, t.status])).toEqual([
      ['Contoso', 'home', 'ready'],
      ['Fabrikam', 'guest', 'ready'],
      ['Northwind Lab', 'guest', 'needs_sign_in'],
    ]);
    expect(tenant(alice, demo.tenants.northwind)).toMatchObject({ reason: 'mfa' });
    expect(
      events.emitted
        .filter((event) => event.name === 'signIn')
        .map((event) => event.payload && (event.payload as { state: string }).state),
    ).toEqual(['waiting_for_browser', 'waiting_for_browser', 'completing', 'done', null]);

    // Signing in to just that tenant passes the MFA page and makes it ready; the others stay ready.
    const after = await accounts.signInTenant({
      accountId: alice.id,
      tenantId: demo.tenants.northwind,
      method: 'browser',
    });
    expect(browser.opened[1]).toContain(`/${demo.tenants.northwind}/oauth2/v2.0/authorize`);
    expect(browser.opened[1]).toContain('login_hint=alice%40contoso.test');
    expect(browser.opened[1]).toContain('claims=');
    expect(browser.headings).toContain('Verify your identity');
    expect(after.tenants.every((t) => t.status === 'ready')).toBe(true);

    // The per-tenant credential really gets a token for that tenant.
    const token = await accounts
      .credentialFor(alice.id, demo.tenants.fabrikam)
      .getToken(`https://management.azure.com/.default`);
    expect((await emu.verifyAccessToken(token?.token ?? '')).tid).toBe(demo.tenants.fabrikam);
  });

  it('hiding a tenant disables it; showing it again checks its session afresh', async () => {
    const { accounts, ready } = service(new ScriptedBrowser(emu, demo.alice));
    await ready;
    const alice = await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    const hidden = await accounts.setTenantHidden({
      accountId: alice.id,
      tenantId: demo.tenants.northwind,
      hidden: true,
    });
    expect(tenant(hidden, demo.tenants.northwind)).toMatchObject({ hidden: true, status: 'disabled' });
    expect(tenant(hidden, demo.tenants.northwind)?.reason).toBeUndefined();
    // A refresh leaves a disabled tenant disabled.
    const [refreshed] = await accounts.refresh(alice.id);
    expect(tenant(refreshed as AccountSummary, demo.tenants.northwind)?.status).toBe('disabled');
    const shown = await accounts.setTenantHidden({
      accountId: alice.id,
      tenantId: demo.tenants.northwind,
      hidden: false,
    });
    expect(tenant(shown, demo.tenants.northwind)).toMatchObject({
      hidden: false,
      status: 'needs_sign_in',
      reason: 'mfa',
    });
  });

  it('updates an account signed in twice instead of adding a second one', async () => {
    const browser = new ScriptedBrowser(emu, demo.alice);
    const { accounts, ready } = service(browser);
    await ready;
    await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await accounts.signIn({ cloudId: cloud.id, method: 'browser', loginHint: demo.alice.username });
    expect(accounts.list()).toHaveLength(1);
  });

  it('shows the stored accounts at start-up without any network call', async () => {
    const store = new MemoryStore();
    const cipher = new MemoryCipher();
    const first = service(new ScriptedBrowser(emu, demo.bob), { store, cipher });
    await first.ready;
    await first.accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await emu.admin.clearRequestLog();
    const restarted = service(new ScriptedBrowser(emu, undefined), { store, cipher });
    await restarted.ready;
    expect(restarted.accounts.list().map((a) => a.username)).toEqual([demo.bob.username]);
    expect((await emu.admin.requestLog()).total).toBe(0);
    // Nothing stored is readable without the cipher: no token or username in plain text.
    const raw = JSON.stringify([...store.data.values()]);
    expect(raw).not.toContain('bob@fabrikam.test');
    expect(raw).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
  });
});

describe('tenant status after the session changes', () => {
  it('marks tenants needs_sign_in (revoked) when the refresh token is revoked, without looping', async () => {
    const { accounts, ready } = service(new ScriptedBrowser(emu, demo.alice));
    await ready;
    const alice = await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await emu.admin.revokeRefreshTokens(demo.alice.id);
    // Refresh re-validates every tenant's session with the token service, so the revocation shows at once.
    const [after] = await accounts.refresh(alice.id);
    expect(after?.id).toBe(alice.id);
    expect(tenant(after as AccountSummary, demo.tenants.fabrikam)).toMatchObject({
      status: 'needs_sign_in',
      reason: 'revoked',
    });
  });

  it('marks one tenant needs_sign_in (consent) and leaves the others ready', async () => {
    const { accounts, ready } = service(new ScriptedBrowser(emu, demo.alice));
    await ready;
    await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await emu.admin.requireConsent({ tenantId: demo.tenants.fabrikam });
    const [after] = await accounts.refresh();
    expect(tenant(after as AccountSummary, demo.tenants.fabrikam)).toMatchObject({
      status: 'needs_sign_in',
      reason: 'consent',
    });
    expect(tenant(after as AccountSummary, demo.tenants.contoso)?.status).toBe('ready');
  });
});

describe('cancel and timeout', () => {
  it('cancel stops the pending browser sign-in and frees the loopback port', async () => {
    const browser = new ScriptedBrowser(emu, undefined, true);
    const { accounts, ready, events } = service(browser);
    await ready;
    const pending = accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await expect.poll(() => browser.opened.length).toBe(1);
    accounts.cancelSignIn();
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    const redirect = new URL(browser.opened[0] ?? '').searchParams.get('redirect_uri') ?? '';
    expect(await portIsClosed(redirect)).toBe(true);
    expect(events.emitted.at(-1)).toEqual({ name: 'signIn', payload: null });
    // A new sign-in can start right away.
    const again = accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await expect.poll(() => browser.opened.length).toBe(2);
    accounts.cancelSignIn();
    await expect(again).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('times out a sign-in nobody finishes and frees the port', async () => {
    const browser = new ScriptedBrowser(emu, undefined, true);
    const { accounts, ready } = service(browser, { timeoutMs: 1500 });
    await ready;
    await expect(accounts.signIn({ cloudId: cloud.id, method: 'browser' })).rejects.toMatchObject({
      code: 'cancelled',
      message: expect.stringContaining('timed out'),
    });
    const redirect = new URL(browser.opened[0] ?? '').searchParams.get('redirect_uri') ?? '';
    expect(await portIsClosed(redirect)).toBe(true);
  });

  it('refuses a second sign-in while one is waiting', async () => {
    const browser = new ScriptedBrowser(emu, undefined, true);
    const { accounts, ready } = service(browser);
    await ready;
    const first = accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await expect(accounts.signIn({ cloudId: cloud.id, method: 'browser' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    accounts.cancelSignIn();
    await expect(first).rejects.toMatchObject({ code: 'cancelled' });
  });
});

describe('service principals', () => {
  it('connects one with a client secret and one with a certificate', async () => {
    const { accounts, ready, store } = service(new ScriptedBrowser(emu, undefined));
    await ready;
    const secret = await accounts.addServicePrincipal({
      cloudId: cloud.id,
      tenantId: demo.tenants.contoso,
      clientId: demo.secretSp.clientId,
      credential: { kind: 'secret', secret: demo.secretSp.secret },
    });
    expect(secret).toMatchObject({ kind: 'service_principal', username: demo.secretSp.clientId });
    expect(secret.tenants.map((t) => [t.tenantId, t.status])).toEqual([[demo.tenants.contoso, 'ready']]);
    const certificatePem = readFileSync(demo.certSp.certFile, 'utf8') + readFileSync(demo.certSp.keyFile, 'utf8');
    const cert = await accounts.addServicePrincipal({
      cloudId: cloud.id,
      tenantId: demo.tenants.fabrikam,
      clientId: demo.certSp.clientId,
      credential: { kind: 'certificate', certificatePem },
    });
    expect(cert.tenants[0]?.status).toBe('ready');
    const token = await accounts
      .credentialFor(cert.id, demo.tenants.contoso)
      .getToken('https://management.azure.com/.default');
    expect((await emu.verifyAccessToken(token?.token ?? '')).idtyp).toBe('app');
    // The secret never appears in a summary and is not stored in plain text.
    expect(JSON.stringify(accounts.list())).not.toContain(demo.secretSp.secret);
    expect(JSON.stringify([...store.data.values()])).not.toContain(demo.secretSp.secret);
  });

  it('refuses a wrong secret naming the field and the AADSTS code, and adds nothing', async () => {
    const { accounts, ready } = service(new ScriptedBrowser(emu, undefined));
    await ready;
    await expect(
      accounts.addServicePrincipal({
        cloudId: cloud.id,
        tenantId: demo.tenants.contoso,
        clientId: demo.secretSp.clientId,
        credential: { kind: 'secret', secret: 'not-the-secret-at-all' },
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('The secret was not accepted for this app (AADSTS7000215)'),
      detail: 'credential.secret',
    });
    expect(accounts.list()).toEqual([]);
  });
});

describe('sign-out', () => {
  it('removes one account and its cached tokens; the other account keeps working', async () => {
    const browser = new ScriptedBrowser(emu, demo.alice);
    const { accounts, ready, vault } = service(browser);
    await ready;
    const alice = await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    browser.as(demo.bob);
    const realBob = await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    expect(accounts.list()).toHaveLength(2);

    await accounts.signOut(alice.id);
    expect(accounts.list().map((a) => a.username)).toEqual([demo.bob.username]);
    const cache = await vault.read(`msal:${cloud.id}`);
    expect(cache.kind).toBe('ok');
    const text = cache.kind === 'ok' ? cache.value : '';
    expect(text).not.toContain(demo.alice.id);
    expect(text).toContain(demo.bob.id);
    const token = await accounts
      .credentialFor(realBob.id, demo.tenants.fabrikam)
      .getToken('https://management.azure.com/.default');
    expect(token?.token).toBeTruthy();
    expect(() => accounts.credentialFor(alice.id, demo.tenants.contoso)).toThrow('no longer connected');
  });
});

describe('device code', () => {
  it('shows the code in the flow event and connects the account once it is entered', async () => {
    const { accounts, ready, events } = service(new ScriptedBrowser(emu, undefined, true));
    await ready;
    const signedIn = accounts.signIn({ cloudId: cloud.id, method: 'device_code' });
    await expect
      .poll(() =>
        events.emitted.some(
          (event) => event.name === 'signIn' && (event.payload as { userCode?: string } | null)?.userCode,
        ),
      )
      .toBe(true);
    const flow = events.emitted.find(
      (event) => event.name === 'signIn' && (event.payload as { userCode?: string } | null)?.userCode,
    )?.payload as { userCode: string; verificationUri: string; state: string };
    expect(flow.state).toBe('waiting_for_device_code');
    const browser = new FormBrowser(emu.caPem);
    let page = await browser.get(flow.verificationUri);
    page = await browser.submit(page, 'Next', { otc: flow.userCode });
    page = await browser.submit(page, 'Sign in', { login: demo.bob.username, passwd: demo.bob.password });
    await browser.submit(page, 'Accept');
    const bob = await signedIn;
    expect(bob.username).toBe(demo.bob.username);
    expect(bob.tenants.map((t) => t.status)).toEqual(['ready']);
  });

  it('cancels a device code sign-in nobody completes', async () => {
    const { accounts, ready, events } = service(new ScriptedBrowser(emu, undefined, true));
    await ready;
    const pending = accounts.signIn({ cloudId: cloud.id, method: 'device_code' });
    await expect.poll(() => events.emitted.filter((event) => event.name === 'signIn').length).toBeGreaterThan(1);
    accounts.cancelSignIn();
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
  });
});

describe('claims challenges and connectivity', () => {
  it('turns an ARM claims challenge into needs_sign_in instead of retrying silently', async () => {
    const { accounts, ready, events } = service(new ScriptedBrowser(emu, demo.alice));
    await ready;
    const alice = await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    const claims = Buffer.from('{"access_token":{"nbf":{"essential":true,"value":"1700000000"}}}').toString('base64');
    await expect(
      accounts
        .credentialFor(alice.id, demo.tenants.contoso)
        .getToken('https://management.azure.com/.default', { claims }),
    ).rejects.toMatchObject({ code: 'interaction_required' });
    await expect
      .poll(() => tenant(accounts.list()[0] as AccountSummary, demo.tenants.contoso)?.reason)
      .toBe('conditional_access');
    expect(events.emitted.at(-1)?.name).toBe('accounts');
  });

  it('says a sign-in needs a connection when the cloud cannot be reached, and marks the app offline', async () => {
    const unreachable = customCloud(
      {
        name: 'Unreachable',
        authorityHost: 'https://127.0.0.1:9',
        armEndpoint: 'https://127.0.0.1:9',
        clientId: demo.clientId,
      },
      emu.caPem,
    );
    const connectivity = cloudConnectivity();
    const vault = await testVault();
    const accounts = createAccountsService({
      vault,
      clouds: () => [unreachable],
      signInSettings: () => ({ clientId: '', defaultTenant: 'organizations' }),
      opener: new ScriptedBrowser(emu, undefined, true),
      events: new RecordingEvents(),
      connectivity,
      network: testNetwork(),
      logger: new RecordingLogger(),
      clock: systemClock,
      scheduler: systemScheduler,
      warn: () => {},
    });
    await accounts.start();
    await expect(accounts.signIn({ cloudId: unreachable.id, method: 'browser' })).rejects.toMatchObject({
      code: 'offline',
      message: expect.stringContaining('needs a connection'),
    });
    expect(connectivity.isOnline(unreachable.id)).toBe(false);
    expect(connectivity.online).toBe(false);
  });
});

describe('an account whose cloud is gone', () => {
  it('is still listed, is marked in error on refresh, and can be signed out', async () => {
    const store = new MemoryStore();
    const cipher = new MemoryCipher();
    const first = service(new ScriptedBrowser(emu, demo.bob), { store, cipher });
    await first.ready;
    const bob = await first.accounts.signIn({ cloudId: cloud.id, method: 'browser' });

    // The next start has no such cloud (e.g. the custom cloud file is not set any more).
    const logger = new RecordingLogger();
    const vault = await testVault({ store, cipher, logger });
    const accounts = createAccountsService({
      vault,
      clouds: () => [],
      signInSettings: () => ({ clientId: '', defaultTenant: 'organizations' }),
      opener: new ScriptedBrowser(emu, undefined, true),
      events: new RecordingEvents(),
      connectivity: cloudConnectivity(),
      scheduler: systemScheduler,
      network: testNetwork(),
      logger,
      clock: systemClock,
      warn: () => {},
    });
    await accounts.start();
    expect(accounts.list()[0]).toMatchObject({ id: bob.id, cloudName: `${cloud.id} (not configured)` });
    const [after] = await accounts.refresh();
    expect(after?.tenants[0]).toMatchObject({ status: 'error', message: expect.stringContaining('not configured') });
    await accounts.signOut(bob.id);
    expect(accounts.list()).toEqual([]);
  });
});

describe('changes the user makes while a refresh is on its way', () => {
  it('a sign-out during a refresh stays signed out, and a tenant hidden meanwhile stays hidden', async () => {
    const browser = new ScriptedBrowser(emu, demo.alice);
    const { accounts, ready } = service(browser);
    await ready;
    const alice = await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    browser.as(demo.bob);
    const bob = await accounts.signIn({ cloudId: cloud.id, method: 'browser' });

    await emu.admin.addFaults('GET:*/tenants=slow:800x2');
    const refreshing = accounts.refresh();
    await accounts.setTenantHidden({ accountId: alice.id, tenantId: demo.tenants.fabrikam, hidden: true });
    await accounts.signOut(bob.id);
    await refreshing;
    await emu.admin.clearFaults();

    expect(accounts.list().map((account) => account.username)).toEqual([demo.alice.username]);
    expect(tenant(accounts.list()[0] as AccountSummary, demo.tenants.fabrikam)).toMatchObject({
      hidden: true,
      status: 'disabled',
    });
  });
});

describe('signing in to a tenant as someone else', () => {
  it('refuses it with the right name and keeps no tokens for the other user', async () => {
    const browser = new ScriptedBrowser(emu, demo.alice);
    const { accounts, ready, vault } = service(browser);
    await ready;
    const alice = await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    browser.as(demo.bob);
    await expect(
      accounts.signInTenant({ accountId: alice.id, tenantId: demo.tenants.fabrikam, method: 'browser' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('You signed in as bob@fabrikam.test'),
    });
    const cache = await vault.read(`msal:${cloud.id}`);
    expect(cache.kind === 'ok' && cache.value.includes(demo.bob.id)).toBe(false);
    expect(accounts.list().map((account) => account.username)).toEqual([demo.alice.username]);
  });
});

describe('the same service principal by domain and by tenant id', () => {
  it('is one account', async () => {
    const { accounts, ready } = service(new ScriptedBrowser(emu, undefined));
    await ready;
    const credential = { kind: 'secret' as const, secret: demo.secretSp.secret };
    await accounts.addServicePrincipal({
      cloudId: cloud.id,
      tenantId: 'contoso.test',
      clientId: demo.secretSp.clientId,
      credential,
    });
    await accounts.addServicePrincipal({
      cloudId: cloud.id,
      tenantId: demo.tenants.contoso,
      clientId: demo.secretSp.clientId,
      credential,
    });
    expect(accounts.list()).toHaveLength(1);
    expect(accounts.list()[0]?.homeTenantId).toBe(demo.tenants.contoso);
  });
});

describe('continuous access evaluation through the SDK', () => {
  it("turns ARM's claims challenge into needs_sign_in without asking the token service again", async () => {
    const { accounts, ready } = service(new ScriptedBrowser(emu, demo.alice));
    await ready;
    const alice = await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await emu.admin.revokeAccessTokens(demo.alice.id);
    await emu.admin.clearRequestLog();

    const credential = accounts.credentialFor(alice.id, demo.tenants.contoso);
    await expect(listTenants(credential, cloud, new Connectivity(), testNetwork())).rejects.toBeDefined();

    await expect
      .poll(() => tenant(accounts.list()[0] as AccountSummary, demo.tenants.contoso))
      .toMatchObject({ status: 'needs_sign_in', reason: 'conditional_access' });
    const log = await emu.admin.requestLog();
    const tokenCalls = log.routes.filter((route) => route.route.includes('/oauth2/v2.0/token'));
    expect(tokenCalls).toEqual([]);
    // Exactly one ARM call: the challenge was not retried in a loop.
    expect(log.routes.find((route) => route.route === 'GET /tenants')?.count).toBe(1);
  });
});
