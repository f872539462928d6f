// Many tenants, fast: the emulator's `fleet` user (12 tenants) with 80 ms per request. Measures the time from the
// browser's success page (the form_post back to the app) to every tenant's state, and a Refresh, each against its
// dependency-chain bound: sign-in = code redemption -> tenant list -> per-tenant tokens (3 requests deep);
// Refresh = the tenant list (with the home tenant's cached token) beside each known tenant's token redemption:
// none waits for another, so 1 request deep (a 2-deep bound was beaten by the measurement: not a bound).
// Runs the real accounts services (MSAL, Azure SDK) with the sign-in pages driven by the emulator's test browser,
// and the same with one token call at a time (the naive baseline). The emulator runs in this process: the CPU
// time of each window and the machine's load are reported beside the times, since a busy machine stretches both.
import { startEmulator, type RunningEmulator } from '../emulator/index.js';
import { fleetClientId, fleetUser } from '../emulator/scenarios/fleet.js';
import { FormBrowser, type Page } from '../emulator/testing/form-browser.js';
import { createAccountsService } from '../main/accounts/create-accounts-service.js';
import { customCloud } from '../main/clouds.js';
import { CloudConnectivity } from '../main/net/connectivity.js';
import { testNetwork } from '../main/net/testing/network.js';
import type { BrowserOpener } from '../main/ports.js';
import { systemClock, systemScheduler } from '../main/system-clock.js';
import { RecordingEvents, RecordingLogger } from '../main/testing/fakes.js';
import { loadavg } from 'node:os';
import type { BenchSuite } from './suites.js';
import { testVault } from '../main/testing/vault.js';

const latencyMs = 80;
const runs = 5;

/** Signs the fleet user in on the emulator's pages and notes when the success page goes back to the app. */
class TimedBrowser implements BrowserOpener {
  returnedAt = 0;
  cpuAtReturn: NodeJS.CpuUsage | undefined;
  constructor(private readonly emu: RunningEmulator) {}
  open(url: string): Promise<void> {
    const browser = new FormBrowser(this.emu.caPem);
    void (async () => {
      let page: Page = await browser.get(url);
      for (let step = 0; step < 6; step += 1) {
        if (page.heading === 'Sign in') {
          page = await browser.submit(page, 'Sign in', { login: fleetUser.username, passwd: fleetUser.password });
        } else if (page.heading === 'Permissions requested') {
          page = await browser.submit(page, 'Accept');
        } else if (page.heading === 'Returning to the application') {
          this.returnedAt = performance.now();
          this.cpuAtReturn = process.cpuUsage();
          await browser.submit(page, 'Continue');
          return;
        } else {
          throw new Error(`unexpected page "${page.heading}"`);
        }
      }
    })().catch((error: unknown) => console.error('the scripted browser failed', error));
    return Promise.resolve();
  }
}

interface Sample {
  signInMs: number;
  refreshMs: number;
  /** CPU time this process (app and in-process emulator) spent in each window: the rest is waiting. */
  signInCpuMs: number;
  refreshCpuMs: number;
  tenants: number;
}

/** One sign-in and one Refresh; `concurrency` 1 is the naive baseline (one token call at a time). */
async function measure(emu: RunningEmulator, concurrency?: number): Promise<Sample> {
  const cloud = customCloud(
    {
      name: 'Emulator',
      authorityHost: emu.authority,
      armEndpoint: emu.arm,
      armAudience: 'https://management.azure.com/',
      clientId: fleetClientId,
    },
    emu.caPem,
  );
  const logger = new RecordingLogger();
  const vault = await testVault({ logger });
  const browser = new TimedBrowser(emu);
  const accounts = createAccountsService({
    vault,
    clouds: () => [cloud],
    signInSettings: () => ({ clientId: '', defaultTenant: 'organizations' }),
    opener: browser,
    events: new RecordingEvents(),
    connectivity: new CloudConnectivity({
      clock: systemClock,
      scheduler: systemScheduler,
      logger,
      probe: () => Promise.resolve(),
    }),
    network: testNetwork(),
    logger,
    clock: systemClock,
    scheduler: systemScheduler,
    warn: () => {},
    ...(concurrency ? { tenantConcurrency: concurrency } : {}),
  });
  await accounts.start();
  const account = await accounts.signIn({ cloudId: cloud.id, method: 'browser' });
  const signInMs = performance.now() - browser.returnedAt;
  const signInCpu = process.cpuUsage(browser.cpuAtReturn);

  if (account.tenants.some((tenant) => tenant.status !== 'ready' || !tenant.confirmed)) {
    throw new Error(`not every tenant is ready: ${JSON.stringify(account.tenants.map((t) => t.status))}`);
  }
  const started = performance.now();
  const cpuAtRefresh = process.cpuUsage();
  const [refreshed] = await accounts.refresh(account.id);
  const refreshMs = performance.now() - started;
  const refreshCpu = process.cpuUsage(cpuAtRefresh);

  if (refreshed?.tenants.some((tenant) => tenant.status !== 'ready'))
    throw new Error('refresh left a tenant not ready');
  return {
    signInMs,
    refreshMs,
    signInCpuMs: (signInCpu.user + signInCpu.system) / 1000,
    refreshCpuMs: (refreshCpu.user + refreshCpu.system) / 1000,
    tenants: account.tenants.length,
  };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const round = (value: number): number => Math.round(value * 100) / 100;

export const tenantsSuite: BenchSuite = {
  name: 'tenants',
  async run() {
    const emu = await startEmulator({ scenario: 'fleet', latencyMs });
    try {
      const samples: Sample[] = [];
      const naive: Sample[] = [];
      for (let run = 0; run < runs; run += 1) {
        await emu.admin.reset();
        samples.push(await measure(emu));
        await emu.admin.reset();
        naive.push(await measure(emu, 1));
      }
      const pick = (from: Sample[], key: keyof Sample): number => median(from.map((sample) => sample[key]));
      const signInMs = pick(samples, 'signInMs');
      const refreshMs = pick(samples, 'refreshMs');
      const signInBoundMs = 3 * latencyMs;
      const refreshBoundMs = latencyMs;
      return {
        tenants: samples[0]?.tenants ?? 0,
        latency_ms: latencyMs,
        runs,
        tenant_signin_ms: round(signInMs),
        tenant_signin_bound_ms: signInBoundMs,
        tenant_signin_ratio_to_bound: round(signInMs / signInBoundMs),
        tenant_signin_cpu_ms: round(pick(samples, 'signInCpuMs')),
        tenant_signin_naive_ms: round(pick(naive, 'signInMs')),
        tenant_refresh_ms: round(refreshMs),
        tenant_refresh_bound_ms: refreshBoundMs,
        tenant_refresh_ratio_to_bound: round(refreshMs / refreshBoundMs),
        tenant_refresh_cpu_ms: round(pick(samples, 'refreshCpuMs')),
        tenant_refresh_naive_ms: round(pick(naive, 'refreshMs')),
        load_average_1m: round(loadavg()[0] ?? NaN),
      };
    } finally {
      await emu.close();
    }
  },
};
