// Which cloud counts as unreachable, and the OS's network signals passed on to main.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildApi } from '../../preload/api';
import type { AppStatus, Channel } from '../../preload/contract';
import { listenForStatus, unreachableCloud } from './status-store';

const status = (online: boolean, clouds: AppStatus['clouds']): AppStatus => ({
  online,
  clouds,
  secretStorage: { mode: 'encrypted', weakAvailable: true },
});

describe('unreachableCloud', () => {
  it('names a cloud main could not reach, and never one that answered', () => {
    const custom = { cloudId: 'custom', online: false, checkedAt: '2026-11-30T10:00:00Z' };
    const current = status(true, [custom, { cloudId: 'azure', online: true }]);
    expect(unreachableCloud(current, 'custom')).toEqual(custom);
    expect(unreachableCloud(current, 'azure')).toBeUndefined();
    expect(unreachableCloud(current, 'usgov')).toBeUndefined();
  });

  it('counts a cloud main has not named as unreachable while the whole machine is offline', () => {
    expect(unreachableCloud(status(false, []), 'azure')).toEqual({ cloudId: 'azure', online: false });
    expect(unreachableCloud(undefined, 'azure')).toBeUndefined();
  });
});

describe('listenForStatus', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('tells main when the OS says the network changed, and stops when asked', () => {
    const calls: { channel: Channel; arg: unknown }[] = [];
    const events = new EventTarget();
    const api = buildApi({
      invoke: (channel, arg) => {
        calls.push({ channel, arg });
        return Promise.resolve({ ok: true, value: null });
      },
      listen: () => () => undefined,
    });
    vi.stubGlobal('window', Object.assign(events, { cloudDesk: api }));
    vi.stubGlobal('navigator', { onLine: false });
    const stop = listenForStatus();
    window.dispatchEvent(new Event('offline'));
    expect(calls).toEqual([{ channel: 'app.networkChanged', arg: false }]);
    stop();
    window.dispatchEvent(new Event('online'));
    expect(calls).toHaveLength(1);
  });
});
