// The one network configuration against the local Azure emulator behind a real HTTP CONNECT proxy: MSAL's token
// endpoint through msal-network, ARM through the SDK's options, a service principal through @azure/identity, and a
// user's whole sign-in through AccountsService; basic proxy authentication, 407, an unreachable proxy, and a CA
// that only the extra-CA setting makes trusted (also inside the tunnel).
import { ClientSecretCredential } from '@azure/identity';
import { createServer, type AddressInfo } from 'node:net';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mfaCode, startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { createTlsMaterial } from '../../emulator/core/tls.js';
import { demo } from '../../emulator/testing/demo-ids.js';
import { FormBrowser, type Page } from '../../emulator/testing/form-browser.js';
import type { AccountsService } from '../accounts/accounts-service.js';
import { createAccountsService } from '../accounts/create-accounts-service.js';
import { listTenants, type TenantRecord } from '../azure/tenants.js';
import { customCloud, type CloudEndpoints } from '../clouds.js';
import type { BrowserOpener } from '../ports.js';
import { systemClock, systemScheduler } from '../system-clock.js';
import { idleScheduler } from '../testing/accounts-harness.js';
import { RecordingEvents, RecordingLogger } from '../testing/fakes.js';
import { identityCredentialOptions } from './arm-pipeline.js';
import { CloudConnectivity, Connectivity } from './connectivity.js';
import { MsalNetworkClient } from './msal-network.js';
import type { NetworkConfig } from './network-config.js';
import { startCountingProxy, type CountingProxy, type CountingProxyOptions } from './testing/connect-proxy.js';
import { testNetwork, type TestNetworkOptions } from './testing/network.js';
import { testVault } from '../testing/vault.js';

let emu: RunningEmulator;
let emulatorHost: string;
const proxies: CountingProxy[] = [];

beforeAll(async () => {
  emu = await startEmulator({ scenario: 'demo' });
  emulatorHost = new URL(emu.authority).host;
});
afterAll(() => emu.close());
beforeEach(() => emu.admin.reset());
afterEach(async () => {
  for (const proxy of proxies.splice(0)) await proxy.close();
});

async function proxy(options?: CountingProxyOptions): Promise<CountingProxy> {
  const started = await startCountingProxy(options);
  proxies.push(started);
  return started;
}

/** The emulator as a custom cloud; `trustCloudCa: false` leaves its CA out, as if the cloud config had none. */
function emulatorCloud(trustCloudCa = true): CloudEndpoints {
  return customCloud(
    {
      name: 'Emulator',
      authorityHost: emu.authority,
      armEndpoint: emu.arm,
      armAudience: 'https://management.azure.com/',
      clientId: demo.clientId,
    },
    trustCloudCa ? emu.caPem : undefined,
  );
}

function manual(url: string, extra: TestNetworkOptions = {}): NetworkConfig {
  return testNetwork({ ...extra, settings: { proxyMode: 'manual', proxyUrl: url, ...extra.settings } });
}

/** A client-credentials token from the emulator's token endpoint, through MSAL and msal-network. */
function msalToken(network: NetworkConfig, cloud: CloudEndpoints, connectivity = new Connectivity()): Promise<unknown> {
  const client = new ConfidentialClientApplication({
    auth: {
      clientId: demo.secretSp.clientId,
      clientSecret: demo.secretSp.secret,
      authority: `${cloud.authorityHost}/${demo.tenants.contoso}`,
      knownAuthorities: [emulatorHost],
    },
    system: { networkClient: new MsalNetworkClient(network, connectivity, cloud.caPem) },
  });
  return client.acquireTokenByClientCredential({ scopes: ['https://management.azure.com/.default'] });
}

/** ARM's tenant list through the SDK with `network`'s options (armClientOptions). */
function tenantsVia(
  credential: ClientSecretCredential,
  cloud: CloudEndpoints,
  network: NetworkConfig,
): Promise<TenantRecord[]> {
  return listTenants(credential, cloud, new Connectivity(), network);
}

function servicePrincipal(network: NetworkConfig, cloud: CloudEndpoints): ClientSecretCredential {
  return new ClientSecretCredential(
    demo.tenants.contoso,
    demo.secretSp.clientId,
    demo.secretSp.secret,
    identityCredentialOptions(cloud, new Connectivity(), network),
  );
}

describe('through an HTTP CONNECT proxy', () => {
  it("sends MSAL's calls to the token endpoint through the proxy", async () => {
    const counting = await proxy();
    await expect(msalToken(manual(counting.url), emulatorCloud())).resolves.toMatchObject({
      accessToken: expect.any(String),
    });
    expect(counting.tunnels.length).toBeGreaterThan(0);
    expect(new Set(counting.tunnels)).toEqual(new Set([emulatorHost]));
  });

  it('sends a service principal credential and the ARM client each through the proxy they are given', async () => {
    const forIdentity = await proxy();
    const forArm = await proxy();
    const cloud = emulatorCloud();
    const tenants = await tenantsVia(servicePrincipal(manual(forIdentity.url), cloud), cloud, manual(forArm.url));
    expect(tenants.map((tenant) => tenant.tenantId)).toContain(demo.tenants.contoso);
    expect(forIdentity.tunnels).toContain(emulatorHost);
    expect(forArm.tunnels).toContain(emulatorHost);
  });

  it('signs a user in (MSAL) and lists the tenants (ARM) through a proxy that asks for a password', async () => {
    const counting = await proxy({ username: 'alice', password: 'proxy pass:1' });
    const network = manual(counting.url, { settings: { proxyUsername: 'alice' }, password: 'proxy pass:1' });
    const accounts = await accountsService(network);
    const alice = await accounts.signIn({ cloudId: emulatorCloud().id, method: 'browser' });
    expect(alice.tenants.map((tenant) => tenant.status)).toContain('ready');
    expect(counting.refused).toBe(0);
    const afterSignIn = counting.tunnels.length;
    expect(afterSignIn).toBeGreaterThan(0);

    network.changed(); // drop pooled tunnels, so the refresh's ARM calls must open new ones
    await accounts.refresh(alice.id);
    expect(counting.tunnels.length).toBeGreaterThan(afterSignIn);
  });

  it('says "proxy authentication required" when the proxy answers 407, for sign-in and for ARM', async () => {
    const counting = await proxy({ username: 'alice', password: 'right' });
    const accounts = await accountsService(manual(counting.url));
    await expect(accounts.signIn({ cloudId: emulatorCloud().id, method: 'browser' })).rejects.toMatchObject({
      message: expect.stringMatching(/proxy authentication required.*asks for a user name and password/i),
    });
    const wrong = manual(counting.url, { settings: { proxyUsername: 'alice' }, password: 'wrong' });
    const withWrongPassword = await accountsService(wrong);
    await expect(
      withWrongPassword.addServicePrincipal({
        cloudId: emulatorCloud().id,
        tenantId: demo.tenants.contoso,
        clientId: demo.secretSp.clientId,
        credential: { kind: 'secret', secret: demo.secretSp.secret },
      }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/proxy authentication required.*did not accept/i) });
    // ARM alone behind the proxy (the token comes directly): the SDK's RestError carries the same words.
    const cloud = emulatorCloud();
    await expect(tenantsVia(servicePrincipal(testNetwork(), cloud), cloud, wrong)).rejects.toMatchObject({
      code: 'PROXY_AUTH_REQUIRED',
      message: expect.stringMatching(/proxy authentication required/i),
    });
    expect(counting.refused).toBeGreaterThanOrEqual(3);
    expect(counting.tunnels).toEqual([]);
  });

  it('says "proxy unreachable" when nothing listens at the proxy address, and marks the app offline', async () => {
    const closed = await proxy();
    await closed.close();
    const connectivity = cloudConnectivity();
    const accounts = await accountsService(manual(closed.url), emulatorCloud(), connectivity);
    await expect(accounts.signIn({ cloudId: emulatorCloud().id, method: 'browser' })).rejects.toMatchObject({
      code: 'offline',
      message: expect.stringMatching(/proxy unreachable.*127\.0\.0\.1/i),
    });
    expect(connectivity.online).toBe(false);
  });

  it('reaches an https:// proxy whose certificate only the extra-CA setting makes trusted', async () => {
    const proxyTls = createTlsMaterial();
    const counting = await proxy({ tls: proxyTls });
    const connectivity = new Connectivity();
    await expect(msalToken(manual(counting.url), emulatorCloud(), connectivity)).rejects.toBeDefined();
    // The proxy's own certificate failing is said as the proxy, with the TLS code, not as Azure's certificate.
    expect(connectivity.lastProblem?.message).toMatch(/^Proxy unreachable: .*https:\/\/127\.0\.0\.1:\d+ \([A-Z_]+\)/);
    expect(counting.tunnels).toEqual([]);

    const trusting = manual(counting.url, { settings: { extraCaPem: proxyTls.caPem } });
    await expect(msalToken(trusting, emulatorCloud())).resolves.toMatchObject({ accessToken: expect.any(String) });
    expect(counting.tunnels).toContain(emulatorHost);
  });

  it('gives up on a proxy that accepts the connection but never answers CONNECT', async () => {
    const silent = createServer((socket) => socket.on('error', () => undefined));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const network = manual(url, { proxyConnectTimeoutMs: 300 });
      const cloud = emulatorCloud();
      await expect(tenantsVia(servicePrincipal(testNetwork(), cloud), cloud, network)).rejects.toMatchObject({
        message: expect.stringMatching(/proxy unreachable.*\(ETIMEDOUT\)/i),
      });
    } finally {
      silent.close();
    }
  });
});

describe('extra trusted certificates', () => {
  it('names the issuer of a certificate nobody trusts, and trusts it once it is in the extra-CA setting', async () => {
    const cloud = emulatorCloud(false);
    const counting = await proxy();
    const accounts = await accountsService(manual(counting.url), cloud);
    await expect(accounts.signIn({ cloudId: cloud.id, method: 'browser' })).rejects.toMatchObject({
      message: expect.stringMatching(/certificate not trusted.*issued by CN=Cloud Desk Azure Emulator CA/i),
    });
    // ARM alone (the token comes from a credential that trusts the cloud's CA): the SDK's RestError says it too.
    await expect(
      tenantsVia(servicePrincipal(testNetwork(), emulatorCloud()), cloud, testNetwork()),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/certificate not trusted.*issued by CN=Cloud Desk Azure Emulator CA/i),
    });

    // Inside the tunnel too: the extra CA reaches the TLS connection to the emulator, not only the proxy's.
    const trusting: TestNetworkOptions = { settings: { extraCaPem: emu.caPem } };
    await expect(msalToken(manual(counting.url, trusting), cloud)).resolves.toMatchObject({
      accessToken: expect.any(String),
    });
    const direct = testNetwork(trusting);
    await expect(tenantsVia(servicePrincipal(direct, cloud), cloud, direct)).resolves.not.toEqual([]);
  });
});

async function accountsService(
  network: NetworkConfig,
  cloud = emulatorCloud(),
  connectivity = cloudConnectivity(),
): Promise<AccountsService> {
  const logger = new RecordingLogger();
  const vault = await testVault({ logger });
  const accounts = createAccountsService({
    vault,
    clouds: () => [cloud],
    signInSettings: () => ({ clientId: '', defaultTenant: 'organizations' }),
    opener: new SigningInBrowser(),
    events: new RecordingEvents(),
    connectivity,
    network,
    logger,
    clock: systemClock,
    scheduler: systemScheduler,
    warn: () => {},
  });
  await accounts.start();
  return accounts;
}

/** Per-cloud connectivity whose re-checks are left to the test. */
function cloudConnectivity(): CloudConnectivity {
  return new CloudConnectivity({
    clock: systemClock,
    scheduler: idleScheduler,
    logger: new RecordingLogger(),
    probe: () => Promise.resolve(),
  });
}

/** The "system browser": signs Alice in on the emulator's pages (directly, as a browser outside the app would). */
class SigningInBrowser implements BrowserOpener {
  open(url: string): Promise<void> {
    const browser = new FormBrowser(emu.caPem);
    void (async () => {
      let page: Page = await browser.get(url);
      for (let step = 0; step < 8; step += 1) {
        if (page.heading === 'Sign in') {
          page = await browser.submit(page, 'Sign in', { login: demo.alice.username, passwd: demo.alice.password });
        } else if (page.heading === 'Permissions requested') page = await browser.submit(page, 'Accept');
        else if (page.heading === 'Verify your identity') page = await browser.submit(page, 'Verify', { otc: mfaCode });
        else if (page.heading === 'Returning to the application') {
          await browser.submit(page, 'Continue');
          return;
        } else throw new Error(`unexpected page "${page.heading}"`);
      }
    })();
    return Promise.resolve();
  }
}
