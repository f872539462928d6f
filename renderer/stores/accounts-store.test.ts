// The accounts store against a scripted bridge: sign-in outcomes become state (a cancel is not an error), "Try
// another way" cancels the browser flow before starting a device code, and events keep the store current.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildApi } from '../../preload/api';
import type { AccountSummary, Channel, EventName, Result, SignInFlow } from '../../preload/contract';
import { listenForAccounts, useAccountsStore } from './accounts-store';

const alice: AccountSummary = {
  id: 'alice',
  kind: 'user',
  cloudId: 'azure',
  cloudName: 'Azure',
  name: 'Alice',
  username: 'alice@contoso.test',
  homeTenantId: 't1',
  tenants: [],
  persisted: true,
  checking: false,
};

type Handler = (arg: unknown) => Promise<Result<unknown>>;

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

let handlers: Partial<Record<Channel, Handler>>;
let calls: { channel: Channel; arg: unknown }[];
let listeners: Map<EventName, (payload: unknown) => void>;

beforeEach(() => {
  handlers = {};
  calls = [];
  listeners = new Map();
  const api = buildApi({
    invoke: (channel, arg) => {
      calls.push({ channel, arg });
      const handler = handlers[channel];
      return handler ? handler(arg) : Promise.resolve({ ok: true, value: null });
    },
    listen: (name, deliver) => {
      listeners.set(name, deliver);
      return () => listeners.delete(name);
    },
  });
  vi.stubGlobal('window', { cloudDesk: api });
  useAccountsStore.setState({
    accounts: [],
    flow: null,
    signingIn: false,
    error: undefined,
    pending: [],
    completed: undefined,
    consent: undefined,
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('signIn', () => {
  it('adds the account when the flow finishes', async () => {
    handlers['accounts.signIn'] = () => Promise.resolve({ ok: true, value: alice });
    const ok = await useAccountsStore.getState().signIn({ kind: 'account', cloudId: 'azure' }, 'browser');
    expect(ok).toBe(true);
    expect(useAccountsStore.getState()).toMatchObject({ accounts: [alice], signingIn: false, error: undefined });
    expect(calls[0]).toEqual({ channel: 'accounts.signIn', arg: { cloudId: 'azure', method: 'browser' } });
  });

  it('treats a cancel as no error, and any other failure as one with what the user was doing', async () => {
    handlers['accounts.signIn'] = () =>
      Promise.resolve({ ok: false, error: { code: 'cancelled', message: 'Cancelled in the browser.' } });
    await useAccountsStore.getState().signIn({ kind: 'account', cloudId: 'azure' }, 'browser');
    expect(useAccountsStore.getState().error).toBeUndefined();

    handlers['accounts.signIn'] = () =>
      Promise.resolve({ ok: false, error: { code: 'offline', message: 'Signing in needs a connection.' } });
    await useAccountsStore.getState().signIn({ kind: 'account', cloudId: 'azure', loginHint: 'a@b.c' }, 'browser');
    expect(useAccountsStore.getState().error).toEqual({
      action: 'Sign-in did not finish',
      error: { code: 'offline', message: 'Signing in needs a connection.' },
    });
    expect(calls[1]?.arg).toEqual({ cloudId: 'azure', method: 'browser', loginHint: 'a@b.c' });
  });

  it('"Try another way" cancels the browser flow, waits for it to end, then starts a device code', async () => {
    const browser = deferred<Result<unknown>>();
    handlers['accounts.signIn'] = (arg) =>
      (arg as { method: string }).method === 'browser' ? browser.promise : Promise.resolve({ ok: true, value: alice });
    handlers['accounts.cancelSignIn'] = () => {
      browser.resolve({ ok: false, error: { code: 'cancelled', message: 'Cancelled.' } });
      return Promise.resolve({ ok: true, value: null });
    };
    const first = useAccountsStore.getState().signIn({ kind: 'account', cloudId: 'azure' }, 'browser');
    await useAccountsStore.getState().tryAnotherWay();
    await first;
    expect(calls.map((call) => [call.channel, (call.arg as { method?: string } | undefined)?.method])).toEqual([
      ['accounts.signIn', 'browser'],
      ['accounts.cancelSignIn', undefined],
      ['accounts.signIn', 'device_code'],
    ]);
    expect(useAccountsStore.getState()).toMatchObject({ accounts: [alice], signingIn: false, error: undefined });
  });

  it('records a finished sign-in with the sentence that announces it', async () => {
    const withTenants: AccountSummary = {
      ...alice,
      name: 'Alice Example',
      tenants: [
        {
          tenantId: 't1',
          displayName: 'Contoso',
          category: 'home',
          status: 'ready',
          hidden: false,
          confirmed: true,
          checking: false,
        },
        {
          tenantId: 't2',
          displayName: 'Lab',
          category: 'guest',
          status: 'needs_sign_in',
          hidden: false,
          confirmed: true,
          checking: false,
        },
      ],
    };
    handlers['accounts.signIn'] = () => Promise.resolve({ ok: true, value: withTenants });
    await useAccountsStore.getState().signIn({ kind: 'account', cloudId: 'azure' }, 'browser');
    expect(useAccountsStore.getState().completed).toMatchObject({
      accountId: 'alice',
      announcement: 'Alice Example connected: 2 tenants, 1 needs sign-in.',
    });
  });

  it('shows a consent failure as consent, not as a generic sign-in error, and clears it on the next try', async () => {
    const stop = listenForAccounts();
    const consent = { kind: 'admin_approval_required' as const, cloudId: 'azure', tenantId: 't2' };
    handlers['accounts.signIn'] = () => {
      listeners.get('signIn')?.({
        flowId: 'f1',
        method: 'browser',
        cloudId: 'azure',
        state: 'failed',
        expiresAt: '2030-01-01T00:00:00.000Z',
        consent,
      });
      return Promise.resolve({ ok: false, error: { code: 'forbidden', message: 'AADSTS90094: admin approval.' } });
    };
    await useAccountsStore.getState().signIn({ kind: 'account', cloudId: 'azure' }, 'browser');
    expect(useAccountsStore.getState()).toMatchObject({ consent, error: undefined });

    handlers['accounts.signIn'] = () => Promise.resolve({ ok: true, value: alice });
    await useAccountsStore.getState().signIn({ kind: 'account', cloudId: 'azure' }, 'browser');
    expect(useAccountsStore.getState().consent).toBeUndefined();
    stop();
  });

  it('signs in to one tenant of an account through signInTenant', async () => {
    handlers['accounts.signInTenant'] = () => Promise.resolve({ ok: true, value: alice });
    await useAccountsStore.getState().signIn({ kind: 'tenant', accountId: 'alice', tenantId: 't2' }, 'browser');
    expect(calls[0]).toEqual({
      channel: 'accounts.signInTenant',
      arg: { accountId: 'alice', tenantId: 't2', method: 'browser' },
    });
  });
});

describe('other actions', () => {
  it('reset keeps the accounts listed: main flags them for sign-in through the event', async () => {
    useAccountsStore.setState({ accounts: [alice] });
    expect(await useAccountsStore.getState().resetSignInData()).toBe(true);
    expect(useAccountsStore.getState().accounts).toEqual([alice]);
  });

  it('sign-out removes the account, and a failure says what failed', async () => {
    useAccountsStore.setState({ accounts: [alice] });
    handlers['accounts.signOut'] = () =>
      Promise.resolve({ ok: false, error: { code: 'internal', message: 'Disk full.' } });
    expect(await useAccountsStore.getState().signOut('alice')).toBe(false);
    expect(useAccountsStore.getState()).toMatchObject({
      accounts: [alice],
      pending: [],
      error: { action: 'Could not sign out', error: { code: 'internal' } },
    });
    handlers['accounts.signOut'] = () => Promise.resolve({ ok: true, value: null });
    expect(await useAccountsStore.getState().signOut('alice')).toBe(true);
    expect(useAccountsStore.getState()).toMatchObject({ accounts: [], error: undefined });
  });
});

describe('events', () => {
  it('keep accounts and the running flow current', () => {
    const stop = listenForAccounts();
    const flow: SignInFlow = {
      flowId: 'f1',
      method: 'device_code',
      cloudId: 'azure',
      state: 'waiting_for_device_code',
      userCode: 'ABCD1234',
      verificationUri: 'https://microsoft.com/devicelogin',
      expiresAt: '2030-01-01T00:00:00.000Z',
    };
    listeners.get('accounts')?.([alice]);
    listeners.get('signIn')?.(flow);
    expect(useAccountsStore.getState()).toMatchObject({ accounts: [alice], loaded: true, flow });
    listeners.get('signIn')?.(null);
    expect(useAccountsStore.getState().flow).toBeNull();
    stop();
    expect(listeners.size).toBe(0);
  });
});
