// States a user can trust, against the emulator with the real MSAL and Azure SDK: a failed tenant list (503,
// 429 asking for 90 s, garbage, cut short, reset) marks the account with words and a retry instead of leaving
// tenants silently "Ready"; one slow tenant never holds the others; revoked sessions leave "Ready" and one tenant
// sign-in heals its siblings; declined consent and "Need admin approval" are errors with what to do; a stored
// MSAL cache that is not JSON is set aside; start-up shows stored states, then confirms them; one unreachable
// cloud never disables another.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { demo } from '../../emulator/testing/demo-ids.js';
import type { AccountSummary, SignInFlow, TenantSummary } from '../../preload/contract.js';
import { customCloud, type CloudEndpoints } from '../clouds.js';
import { FormBrowser } from '../../emulator/testing/form-browser.js';
import { accountsService, emulatorCloud, ScriptedBrowser } from '../testing/accounts-harness.js';
import { MemoryCipher, MemoryStore, RecordingOpener } from '../testing/fakes.js';

let emu: RunningEmulator;
let cloud: CloudEndpoints;

beforeAll(async () => {
  emu = await startEmulator({ scenario: 'demo', deviceCodeIntervalSeconds: 1 });
  cloud = emulatorCloud(emu, demo.clientId);
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.admin.reset();
  await emu.admin.clearFaults();
});

const tenant = (account: AccountSummary | undefined, id: string): TenantSummary | undefined =>
  account?.tenants.find((candidate) => candidate.tenantId === id);

async function signedInAlice() {
  const browser = new ScriptedBrowser(emu, demo.alice);
  const setup = accountsService([cloud], browser);
  await setup.ready;
  const alice = await setup.accounts.signIn({ cloudId: cloud.id, method: 'browser' });
  return { ...setup, browser, alice };
}

describe('a tenant list that fails is never silent', () => {
  it.each([
    ['503', 'GET:/tenants=503:1x3', 'unavailable', /HTTP 503/],
    ['garbage', 'GET:/tenants=malformed', 'bad_response', /could not be read/],
    ['cut short', 'GET:/tenants=truncate', 'bad_response', /could not be read/],
    ['reset', 'GET:/tenants=reset', 'offline', /dropped the connection/],
  ])(
    '%s marks the account with the reason in words; the tenants keep their own states',
    async (_name, fault, code, words) => {
      const { accounts, alice } = await signedInAlice();
      await emu.admin.addFaults(fault);
      const [after] = await accounts.refresh(alice.id);
      expect(after?.problem).toMatchObject({ code, message: expect.stringMatching(words) });
      expect(tenant(after, demo.tenants.contoso)?.status).toBe('ready');
      expect(after?.checking).toBe(false);

      // Retry (the account's Refresh) clears the problem once the list answers again.
      await emu.admin.clearFaults();
      const [retried] = await accounts.refresh(alice.id);
      expect(retried?.problem).toBeUndefined();
    },
  );

  it('does not wait for a 429 that asks for 90 s: throttled at once, with the wait in words', async () => {
    const { accounts, alice } = await signedInAlice();
    await emu.admin.addFaults('GET:/tenants=429:90');
    const started = Date.now();
    const [after] = await accounts.refresh(alice.id);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(after?.problem).toMatchObject({
      code: 'throttled',
      message: expect.stringContaining('asked to wait 90 s'),
    });
  });

  it('one slow tenant times out on its own while the others are confirmed', async () => {
    const browser = new ScriptedBrowser(emu, demo.alice);
    const { accounts, ready } = accountsService([cloud], browser, { tenantTimeoutMs: 1500 });
    await ready;
    const alice = await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await emu.admin.addFaults(`POST:/${demo.tenants.fabrikam}/oauth2/v2.0/token=slow:6000`);
    const started = Date.now();
    const [after] = await accounts.refresh(alice.id);
    // Sooner than the slow answer (6 s) would have arrived: the others did not wait for it.
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(tenant(after, demo.tenants.contoso)).toMatchObject({ status: 'ready', confirmed: true });
    expect(tenant(after, demo.tenants.fabrikam)).toMatchObject({
      status: 'error',
      confirmed: false,
      message: expect.stringContaining('did not answer for this tenant within 2 s'),
    });
  });

  it("words MSAL's server failures instead of showing its developer text", async () => {
    const { accounts, alice } = await signedInAlice();
    await emu.admin.addFaults(`POST:/${demo.tenants.fabrikam}/oauth2/v2.0/token=503:1`);
    const [after] = await accounts.refresh(alice.id);
    const fabrikam = tenant(after, demo.tenants.fabrikam);
    expect(fabrikam?.status).toBe('error');
    expect(fabrikam?.message).toContain('temporarily unavailable');
    expect(fabrikam?.message).not.toMatch(/Error\(s\)|Not Available|aka\.ms/);
  });
});

describe('sessions that are gone', () => {
  it('revoked tokens leave Ready; one tenant sign-in heals the siblings that failed the same way', async () => {
    const { accounts, alice, events } = await signedInAlice();
    await emu.admin.revokeRefreshTokens(demo.alice.id);
    const [revoked] = await accounts.refresh(alice.id);
    expect(tenant(revoked, demo.tenants.contoso)).toMatchObject({ status: 'needs_sign_in', reason: 'revoked' });
    expect(tenant(revoked, demo.tenants.fabrikam)).toMatchObject({ status: 'needs_sign_in', reason: 'revoked' });
    // An ordinary sign-in prompt carries no correlation id; that is for real errors.
    expect(tenant(revoked, demo.tenants.fabrikam)?.correlationId).toBeUndefined();

    const emittedBefore = events.emitted.length;
    const healed = await accounts.signInTenant({
      accountId: alice.id,
      tenantId: demo.tenants.contoso,
      method: 'browser',
    });
    expect(tenant(healed, demo.tenants.contoso)).toMatchObject({ status: 'ready', confirmed: true });
    expect(tenant(healed, demo.tenants.fabrikam)).toMatchObject({ status: 'ready', confirmed: true });
    // The siblings were re-checked as part of that sign-in, each state published as it landed.
    const checkingFabrikam = events.emitted
      .slice(emittedBefore)
      .some(
        (event) =>
          event.name === 'accounts' &&
          tenant((event.payload as AccountSummary[])[0], demo.tenants.fabrikam)?.checking === true,
      );
    expect(checkingFabrikam).toBe(true);
  });
});

describe('consent', () => {
  function lastFailedFlow(events: { name: string; payload: unknown }[]): SignInFlow | undefined {
    return events
      .filter((event) => event.name === 'signIn' && event.payload !== null)
      .map((event) => event.payload as SignInFlow)
      .reverse()
      .find((flow) => flow.state === 'failed');
  }

  it('declining the permissions is an error with what to do, not a quiet cancel', async () => {
    const browser = new ScriptedBrowser(emu, demo.bob);
    browser.consent = 'decline';
    const { accounts, ready, events } = accountsService([cloud], browser);
    await ready;
    await expect(accounts.signIn({ cloudId: cloud.id, method: 'browser' })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('You declined the permissions'),
    });
    expect(lastFailedFlow(events.emitted)?.consent).toEqual({ kind: 'declined', cloudId: cloud.id });
    expect(accounts.list()).toEqual([]);
  });

  it('"Need admin approval" says an administrator must approve, and main opens the admin-consent page', async () => {
    const opener = new RecordingOpener();
    const browser = new ScriptedBrowser(emu, demo.bob);
    await emu.admin.requireConsent({ tenantId: demo.tenants.fabrikam, adminOnly: true });
    const { accounts, ready, events } = accountsService([cloud], {
      open: (url) => (url.includes('/adminconsent') ? opener.open(url) : browser.open(url)),
    });
    await ready;
    await expect(accounts.signIn({ cloudId: cloud.id, method: 'browser' })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining("needs an administrator's approval"),
    });
    expect(browser.headings).toContain('Need admin approval');
    const consent = lastFailedFlow(events.emitted)?.consent;
    expect(consent).toEqual({ kind: 'admin_approval_required', cloudId: cloud.id });

    await accounts.openAdminConsent({ cloudId: cloud.id, tenantId: demo.tenants.fabrikam });
    expect(opener.opened).toEqual([
      `${emu.authority}/${demo.tenants.fabrikam}/adminconsent?client_id=${demo.clientId}`,
    ]);
  });

  it('declining a device-code sign-in on the code page says what happened and what to do', async () => {
    const { accounts, ready, events } = accountsService([cloud], new ScriptedBrowser(emu, undefined, true));
    await ready;
    const pending = accounts.signIn({ cloudId: cloud.id, method: 'device_code' });
    const withCode = (): SignInFlow | undefined =>
      events.emitted
        .filter((event) => event.name === 'signIn' && event.payload !== null)
        .map((event) => event.payload as SignInFlow)
        .find((candidate) => candidate.userCode);
    await expect.poll(withCode).toBeDefined();
    const code = withCode();
    if (!code?.userCode || !code.verificationUri) throw new Error('the flow event carries no code');
    const page = new FormBrowser(emu.caPem);
    let step = await page.get(code.verificationUri);
    step = await page.submit(step, 'Next', { otc: code.userCode });
    step = await page.submit(step, 'Sign in', { login: demo.bob.username, passwd: demo.bob.password });
    await page.submit(step, 'Cancel');

    await expect(pending).rejects.toMatchObject({
      code: 'forbidden',
      message:
        'The sign-in was declined on the page where the code was entered, so you are not signed in. If that was ' +
        'a mistake, sign in again and accept; if your organisation lets only administrators approve apps, ask ' +
        'one to approve Cloud Desk.',
    });
    expect(lastFailedFlow(events.emitted)?.error?.message).not.toMatch(/authorization_declined|post_request/);
    expect(accounts.list()).toEqual([]);
  });

  it('a cancel by the user stays quiet', async () => {
    const browser = new ScriptedBrowser(emu, undefined, true);
    const { accounts, ready, events } = accountsService([cloud], browser);
    await ready;
    const pending = accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    await expect.poll(() => browser.opened.length).toBe(1);
    accounts.cancelSignIn();
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    expect(lastFailedFlow(events.emitted)).toBeUndefined();
  });
});

describe('stored sign-in data that is not a token cache', () => {
  it('is set aside; its accounts are flagged for sign-in and a new sign-in works', async () => {
    const store = new MemoryStore();
    const cipher = new MemoryCipher();
    const first = await (async () => {
      const setup = accountsService([cloud], new ScriptedBrowser(emu, demo.bob), { store, cipher });
      await setup.ready;
      await setup.accounts.signIn({ cloudId: cloud.id, method: 'browser' });
      return setup;
    })();
    await first.vault.write(`msal:${cloud.id}`, '{"Account": {"broken": ');

    const browser = new ScriptedBrowser(emu, demo.bob);
    const restarted = accountsService([cloud], browser, { store, cipher });
    await restarted.ready;
    const [bob] = await restarted.accounts.refresh();
    expect(restarted.warnings).toContain(`msal-damaged:${cloud.id}`);
    expect(bob?.tenants[0]).toMatchObject({ status: 'needs_sign_in', reason: 'no_session' });
    const movedAside = restarted.store.keys().filter((key) => key.includes('corrupt-unreadable'));
    expect(movedAside).toHaveLength(1);

    const again = await restarted.accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    expect(again.tenants[0]).toMatchObject({ status: 'ready', confirmed: true });
  });
});

describe('start-up', () => {
  it('shows stored states as unconfirmed with their time, then confirms them in the background', async () => {
    const store = new MemoryStore();
    const cipher = new MemoryCipher();
    const first = accountsService([cloud], new ScriptedBrowser(emu, demo.bob), { store, cipher });
    await first.ready;
    const bob = await first.accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    const checkedAt = bob.tenants[0]?.checkedAt;
    expect(checkedAt).toBeDefined();

    const restarted = accountsService([cloud], new ScriptedBrowser(emu, undefined), { store, cipher });
    await restarted.ready;
    expect(restarted.accounts.list()[0]?.tenants[0]).toMatchObject({ status: 'ready', confirmed: false, checkedAt });
    await restarted.accounts.revalidateAll();
    expect(restarted.accounts.list()[0]?.tenants[0]).toMatchObject({ status: 'ready', confirmed: true });
  });

  it('goes offline without a click when the cloud cannot be reached, and keeps the stored states', async () => {
    const store = new MemoryStore();
    const cipher = new MemoryCipher();
    const first = accountsService([cloud], new ScriptedBrowser(emu, demo.bob), { store, cipher });
    await first.ready;
    await first.accounts.signIn({ cloudId: cloud.id, method: 'browser' });

    // The same cloud id, but its hosts no longer answer (e.g. off the VPN).
    const gone: CloudEndpoints = { ...cloud, authorityHost: 'https://127.0.0.1:9', armEndpoint: 'https://127.0.0.1:9' };
    const restarted = accountsService([gone], new ScriptedBrowser(emu, undefined), { store, cipher });
    await restarted.ready;
    await restarted.accounts.revalidateAll();
    expect(restarted.connectivity.isOnline(cloud.id)).toBe(false);
    expect(restarted.connectivity.online).toBe(false);
    const [bob] = restarted.accounts.list();
    expect(bob?.tenants[0]).toMatchObject({ status: 'ready', confirmed: false });
    expect(bob?.problem).toMatchObject({ code: 'offline', message: expect.stringContaining('could not be reached') });
  });
});

describe('connectivity per cloud', () => {
  it('back online, an offline cloud is re-checked at once and its accounts confirmed again', async () => {
    const { accounts, alice, connectivity } = await signedInAlice();
    await emu.admin.addFaults('*:*=reset');
    await accounts.refresh(alice.id);
    expect(connectivity.isOnline(cloud.id)).toBe(false);

    await emu.admin.clearFaults();
    connectivity.networkChanged(true);
    // The re-check is a whole re-validation (tenant list and every tenant): give a busy machine time.
    await expect.poll(() => connectivity.isOnline(cloud.id), { timeout: 15_000 }).toBe(true);
    await expect
      .poll(() => accounts.list()[0]?.tenants.filter((t) => t.tenantId !== demo.tenants.northwind), {
        timeout: 15_000,
      })
      .toEqual([
        expect.objectContaining({ status: 'ready', confirmed: true, checking: false }),
        expect.objectContaining({ status: 'ready', confirmed: true, checking: false }),
      ]);
    // Tenants land one by one while the tenant list is re-read; the account's problem clears when the list lands.
    await expect.poll(() => accounts.list()[0]?.problem, { timeout: 15_000 }).toBeUndefined();
  });

  it('an unreachable cloud never disables sign-in to another', async () => {
    const unreachable = customCloud(
      {
        name: 'Off the VPN',
        authorityHost: 'https://127.0.0.1:9',
        armEndpoint: 'https://127.0.0.1:9',
        clientId: demo.clientId,
      },
      emu.caPem,
    );
    const browser = new ScriptedBrowser(emu, demo.bob);
    const { accounts, ready, connectivity } = accountsService([unreachable, cloud], browser);
    await ready;
    await expect(accounts.signIn({ cloudId: unreachable.id, method: 'browser' })).rejects.toMatchObject({
      code: 'offline',
    });
    expect(connectivity.status([unreachable.id, cloud.id]).map((state) => state.online)).toEqual([false, true]);

    const bob = await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
    expect(bob.tenants[0]?.status).toBe('ready');
    expect(connectivity.isOnline(cloud.id)).toBe(true);
    expect(connectivity.isOnline(unreachable.id)).toBe(false);
    // Some cloud answers, so the app as a whole is not offline.
    expect(connectivity.online).toBe(true);
  });
});
