// The sign-in runner with scripted sign-in methods: one flow at a time, events from waiting to done, a user's
// cancel stays quiet, declined consent and "Need admin approval" are errors carrying the consent kind, offline
// is worded per cloud.
import type { AccountInfo } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import type { SignInFlow } from '../../preload/contract.js';
import { classifyAuthError } from '../auth/auth-errors.js';
import { FakeTime, RecordingEvents, RecordingLogger } from '../testing/fakes.js';
import { exampleCloud } from '../testing/account-fixtures.js';
import { SignInRunner, type SignInMethods, type SignedIn } from './sign-in-runner.js';

const cloud = exampleCloud;

const account: AccountInfo = {
  homeAccountId: 'oid.t1',
  environment: 'login.example',
  tenantId: 't1',
  username: 'alice@example',
  localAccountId: 'oid',
};

const pageUrl = 'https://login.example/organizations/oauth2/v2.0/authorize?client_id=c&state=s';

function setup(outcome: (signal: AbortSignal) => Promise<SignedIn>, online = true) {
  const events = new RecordingEvents();
  const broughtForward: string[] = [];
  const reopened: string[] = [];
  const methods: SignInMethods = {
    browser: async (_cloud, _request, control) => {
      control.onBrowserOpened({
        url: pageUrl,
        reopen: () => {
          reopened.push(pageUrl);
          return Promise.resolve();
        },
      });
      return outcome(control.signal);
    },
    deviceCode: async (_cloud, _request, control) => {
      control.onCode({ userCode: 'ABC-123', verificationUri: 'https://login.example/device' });
      return outcome(control.signal);
    },
  };
  const runner = new SignInRunner({
    methods,
    events,
    clock: new FakeTime(),
    logger: new RecordingLogger(),
    classify: (error) => {
      const problem = classifyAuthError(error);
      return problem.kind === 'error' && !online ? { kind: 'offline', message: 'offline' } : problem;
    },
    browserDone: () => broughtForward.push(runnerState()),
  });
  const runnerState = (): string => {
    const last = events.emitted.at(-1)?.payload as SignInFlow | null | undefined;
    return last?.state ?? 'none';
  };
  const flows = (): (SignInFlow | null)[] =>
    events.emitted.filter((event) => event.name === 'signIn').map((event) => event.payload as SignInFlow | null);
  return { runner, flows, reopened, broughtForward };
}

const request = { scopes: ['https://arm.example/.default'], authority: 'https://login.example/organizations' };
const msalError = (errorCode: string, errorMessage: string): Error =>
  Object.assign(new Error(`${errorCode}: ${errorMessage}`), { errorCode, errorMessage });

describe('SignInRunner', () => {
  it('reports waiting, completing and done, then no flow', async () => {
    const { runner, flows } = setup(() => Promise.resolve({ account }));
    const result = await runner.run(cloud, 'device_code', {}, request, (signedIn) =>
      Promise.resolve(signedIn.account?.username),
    );
    expect(result).toBe('alice@example');
    expect(flows().map((flow) => flow?.state ?? null)).toEqual([
      'waiting_for_device_code',
      'waiting_for_device_code',
      'completing',
      'done',
      null,
    ]);
    expect(flows()[1]).toMatchObject({ userCode: 'ABC-123' });
  });

  it('brings the window forward when the browser step succeeds, before tenant discovery', async () => {
    const { runner, broughtForward } = setup(() => Promise.resolve({ account }));
    await runner.run(cloud, 'browser', {}, request, () => Promise.resolve(broughtForward.length));
    expect(broughtForward).toEqual(['waiting_for_browser']);
  });

  it('leaves the window where it is after a device-code sign-in or a failed browser sign-in', async () => {
    const deviceCode = setup(() => Promise.resolve({ account }));
    await deviceCode.runner.run(cloud, 'device_code', {}, request, () => Promise.resolve(null));
    expect(deviceCode.broughtForward).toEqual([]);
    const failing = setup(() => Promise.reject(msalError('invalid_grant', 'AADSTS50126: bad password')));
    await expect(failing.runner.run(cloud, 'browser', {}, request, () => Promise.resolve(null))).rejects.toThrow();
    expect(failing.broughtForward).toEqual([]);
  });

  it('runs one flow at a time and cancels the running one', async () => {
    const { runner, flows } = setup(
      (signal) =>
        new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () =>
            reject(Object.assign(new Error('cancelled'), { errorCode: 'access_denied' })),
          ),
        ),
    );
    const first = runner.run(cloud, 'browser', {}, request, () => Promise.resolve());
    await expect(runner.run(cloud, 'browser', {}, request, () => Promise.resolve())).rejects.toMatchObject({
      code: 'invalid_input',
    });
    runner.cancel();
    await expect(first).rejects.toMatchObject({ code: 'cancelled' });
    expect(flows().at(-2)).toMatchObject({ state: 'cancelled' });
    expect(flows().at(-2)?.consent).toBeUndefined();
    expect(runner.busy).toBe(false);
  });

  it('opens the waiting browser page again and gives its address, only while a browser flow waits', async () => {
    const { runner, reopened } = setup(
      (signal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('stop')))),
    );
    await expect(runner.reopenPage()).rejects.toMatchObject({ code: 'not_found' });
    const running = runner.run(cloud, 'browser', {}, request, () => Promise.resolve());
    await runner.reopenPage();
    expect(reopened).toEqual([pageUrl]);
    expect(runner.pageUrl()).toBe(pageUrl);
    runner.cancel();
    await expect(running).rejects.toBeDefined();
    expect(() => runner.pageUrl()).toThrow(/No sign-in is waiting/);
  });

  it('turns declined consent into an error with what to do and the consent kind', async () => {
    const { runner, flows } = setup(() =>
      Promise.reject(msalError('access_denied', 'AADSTS65004: User declined to consent to access the app.')),
    );
    await expect(
      runner.run(cloud, 'browser', { accountId: 'a', tenantId: 't2' }, request, () => Promise.resolve()),
    ).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('You declined the permissions') });
    expect(flows().at(-2)).toMatchObject({
      state: 'failed',
      consent: { kind: 'declined', cloudId: 'azure', tenantId: 't2' },
    });
  });

  it('turns "Need admin approval" into an error naming the tenant of the authority', async () => {
    const { runner, flows } = setup(() =>
      Promise.reject(msalError('access_denied', 'AADSTS90094: The grant requires admin permission.')),
    );
    await expect(
      runner.run(cloud, 'browser', {}, { ...request, authority: 'https://login.example/t9' }, () => Promise.resolve()),
    ).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining("administrator's approval") });
    expect(flows().at(-2)?.consent).toEqual({ kind: 'admin_approval_required', cloudId: 'azure', tenantId: 't9' });
  });

  it("says the cloud's sign-in service cannot be reached when its link is offline", async () => {
    const { runner } = setup(() => Promise.reject(msalError('network_error', 'See https://aka.ms/msal')), false);
    await expect(runner.run(cloud, 'browser', {}, request, () => Promise.resolve())).rejects.toMatchObject({
      code: 'offline',
      message: "Signing in needs a connection to Azure's sign-in service. offline",
    });
  });
});
