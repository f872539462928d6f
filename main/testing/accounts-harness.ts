// Test scaffolding for the accounts services against the local Azure emulator: a scripted "system browser" that
// signs a user in on the emulator's pages (or declines consent, or returns from "Need admin approval"), the
// emulator as a custom cloud, and the real services wired as the app wires them. Test code only.
import { mfaCode, type RunningEmulator } from '../../emulator/index.js';
import { FormBrowser, type Page } from '../../emulator/testing/form-browser.js';
import type { AccountsService } from '../accounts/accounts-service.js';
import { createAccountsService } from '../accounts/create-accounts-service.js';
import { customCloud, type CloudEndpoints } from '../clouds.js';
import { CloudConnectivity } from '../net/connectivity.js';
import { testNetwork } from '../net/testing/network.js';
import type { BrowserOpener, Scheduler } from '../ports.js';
import { SecretVault } from '../storage/secret-vault.js';
import { systemClock, systemScheduler } from '../system-clock.js';
import { MemoryCipher, MemoryStore, RecordingEvents, RecordingLogger } from './fakes.js';

export interface User {
  username: string;
  password: string;
}

export type ConsentChoice = 'accept' | 'decline';

/** A "system browser" that signs `user` in on whatever pages the emulator shows, until it returns to the app. */
export class ScriptedBrowser implements BrowserOpener {
  readonly opened: string[] = [];
  headings: string[] = [];
  consent: ConsentChoice = 'accept';
  constructor(
    private readonly emu: RunningEmulator,
    private user: User | undefined,
    private readonly hold = false,
  ) {}
  as(user: User): this {
    this.user = user;
    return this;
  }
  async open(url: string): Promise<void> {
    this.opened.push(url);
    if (this.hold || !this.user) return;
    const browser = new FormBrowser(this.emu.caPem);
    const user = this.user;
    void (async () => {
      let page: Page = await browser.get(url);
      for (let step = 0; step < 8; step += 1) {
        this.headings.push(page.heading);
        if (page.heading === 'Sign in') {
          page = await browser.submit(page, 'Sign in', { login: user.username, passwd: user.password });
        } else if (page.heading === 'Permissions requested') {
          page = await browser.submit(page, this.consent === 'accept' ? 'Accept' : 'Cancel');
        } else if (page.heading === 'Need admin approval') {
          page = await browser.submit(page, 'Return to the application without granting consent');
        } else if (page.heading === 'Verify your identity')
          page = await browser.submit(page, 'Verify', { otc: mfaCode });
        else if (page.heading === 'Returning to the application') {
          await browser.submit(page, 'Continue');
          return;
        } else throw new Error(`unexpected page "${page.heading}": ${page.text.slice(0, 200)}`);
      }
    })();
  }
}

export function emulatorCloud(emu: RunningEmulator, clientId: string, name = 'Emulator'): CloudEndpoints {
  return customCloud(
    {
      name,
      authorityHost: emu.authority,
      armEndpoint: emu.arm,
      armAudience: 'https://management.azure.com/',
      clientId,
    },
    emu.caPem,
  );
}

/** A scheduler that never runs anything: connectivity re-checks are left to the test. */
export const idleScheduler: Scheduler = { after: () => () => {} };

export interface AccountsUnderTest {
  accounts: AccountsService;
  store: MemoryStore;
  cipher: MemoryCipher;
  vault: SecretVault;
  events: RecordingEvents;
  logger: RecordingLogger;
  warnings: string[];
  connectivity: CloudConnectivity;
  ready: Promise<void>;
}

export function accountsService(
  clouds: readonly CloudEndpoints[],
  opener: BrowserOpener,
  options: {
    store?: MemoryStore;
    cipher?: MemoryCipher;
    timeoutMs?: number;
    tenantTimeoutMs?: number;
  } = {},
): AccountsUnderTest {
  const store = options.store ?? new MemoryStore();
  const cipher = options.cipher ?? new MemoryCipher();
  const logger = new RecordingLogger();
  const events = new RecordingEvents();
  const warnings: string[] = [];
  const vault = new SecretVault(store, cipher, { clock: systemClock, logger, allowWeak: () => false });
  const connectivity = new CloudConnectivity({
    clock: systemClock,
    scheduler: idleScheduler,
    logger,
    // As the app wires it: an offline cloud is re-checked by re-validating its accounts. The idle scheduler never
    // fires, so only the test (networkChanged) starts a re-check.
    probe: (cloudId) => accounts.recheckCloud(cloudId),
  });
  const accounts = createAccountsService({
    vault,
    clouds: () => clouds,
    signInSettings: () => ({ clientId: '', defaultTenant: 'organizations' }),
    opener,
    events,
    connectivity,
    network: testNetwork(),
    logger,
    clock: systemClock,
    scheduler: systemScheduler,
    warn: (id) => warnings.push(id),
    ...(options.timeoutMs ? { signInTimeoutMs: options.timeoutMs } : {}),
    ...(options.tenantTimeoutMs ? { tenantTimeoutMs: options.tenantTimeoutMs } : {}),
  });
  return {
    accounts,
    store,
    cipher,
    vault,
    events,
    logger,
    warnings,
    connectivity,
    ready: vault.refreshStatus().then(() => accounts.start()),
  };
}
