import { describe, expect, it, vi } from 'vitest';
import { buildApi, apiFunctionPaths } from '../preload/api.js';
import { channels, type Result, type Settings } from '../preload/contract.js';
import { defaultDesktopPreferences } from '../preload/contract-desktop.js';
import { createAppServices } from './app-services.js';
import { ServiceError } from './errors.js';
import { createDispatcher, trustOrigin, validatingSink, type Handlers } from './ipc-router.js';
import { builtInClouds } from './clouds.js';
import { systemClock } from './system-clock.js';
import { MemoryCipher, MemoryStore, RecordingEvents, RecordingLogger, RecordingOpener } from './testing/fakes.js';

const origin = 'app://cloud-desk';
const trusted = { frameUrl: `${origin}/index.html`, isMainFrame: true };

const defaults: Settings = {
  theme: 'system',
  clientChoice: 'unset',
  clientId: '',
  nationalCloudClients: {},
  defaultTenant: 'organizations',
  allowWeakSecretStorage: false,
  customClouds: [],
  updates: { autoDownload: true, channel: 'stable' },
  desktop: defaultDesktopPreferences(process.platform),
};

async function setup(overrides: Partial<Handlers> = {}) {
  const logger = new RecordingLogger();
  const store = new MemoryStore();
  const events = new RecordingEvents();
  const opener = new RecordingOpener();
  const services = await createAppServices({
    settingsStore: store,
    secretsStore: new MemoryStore(),
    cipher: new MemoryCipher(),
    clouds: builtInClouds,
    clock: systemClock,
    events,
    opener,
    logger,
    appInfo: () => ({
      name: 'Cloud Desk',
      version: '1.2.3',
      platform: 'linux',
      arch: 'x64',
      runtime: 'preview',
      versions: { node: '24.0.0' },
      packaged: false,
      dataDir: '/data',
    }),
    recoveries: [],
  });
  const handlers = { ...services.handlers, ...overrides };
  const dispatch = createDispatcher(handlers, { isTrusted: trustOrigin(origin), logger });
  return { dispatch, logger, store, events, opener };
}

describe('sender check', () => {
  it.each([
    ['a destroyed frame (senderFrame null)', { frameUrl: null, isMainFrame: true }],
    ['a subframe of our page', { frameUrl: `${origin}/index.html`, isMainFrame: false }],
    ['another origin', { frameUrl: 'https://evil.example/app', isMainFrame: true }],
    ['a look-alike host', { frameUrl: 'app://cloud-desk.evil/index.html', isMainFrame: true }],
    ['a garbage URL', { frameUrl: 'not a url', isMainFrame: true }],
  ])('rejects %s before any handler runs', async (_name, sender) => {
    const handler = vi.fn(() => ({ ...defaults, theme: 'dark' as const }));
    const { dispatch } = await setup({ 'settings.set': handler });
    const result = await dispatch('settings.set', { theme: 'dark' }, sender);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('accepts our main frame', async () => {
    const { dispatch } = await setup();
    const result = await dispatch('settings.get', undefined, trusted);
    expect(result).toEqual({ ok: true, value: defaults });
  });
});

describe('argument validation', () => {
  it('answers invalid_input naming the bad field, without calling the handler or changing state', async () => {
    const handler = vi.fn();
    const { dispatch, store } = await setup({ 'settings.set': handler });
    const result = await dispatch('settings.set', { theme: 'purple' }, trusted);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.detail).toBe('theme');
    expect(result.error.message).toContain('theme');
    expect(handler).not.toHaveBeenCalled();
    expect(store.data.size).toBe(0);
  });

  it.each([
    ['an unknown field', { theme: 'dark', extra: 1 }],
    ['an empty change', {}],
    ['a string instead of an object', 'dark'],
    ['null', null],
  ])('rejects %s for settings.set', async (_name, arg) => {
    const { dispatch, store } = await setup();
    const result = await dispatch('settings.set', arg, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(store.data.size).toBe(0);
  });

  it('rejects an argument to a channel that takes none', async () => {
    const { dispatch } = await setup();
    expect(await dispatch('app.getInfo', { sneaky: true }, trusted)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('rejects an unknown channel, including prototype names', async () => {
    const { dispatch } = await setup();
    for (const channel of ['app.launchMissiles', 'constructor', '__proto__', 'toString']) {
      expect(await dispatch(channel, undefined, trusted)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', detail: 'channel' },
      });
    }
  });
});

describe('error mapping', () => {
  it('turns an unexpected throw into internal without its message or stack, and logs it', async () => {
    const secret = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    const { dispatch, logger } = await setup({
      'app.getInfo': () => {
        throw new Error(`database exploded near ${secret}`);
      },
    });
    const result = await dispatch('app.getInfo', undefined, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    const text = JSON.stringify(result);
    expect(text).not.toContain('exploded');
    expect(text).not.toContain('at ');
    expect(text).not.toContain(secret);
    const logged = logger.lines.find((line) => line.message === 'a request handler failed');
    expect(logged?.fields?.['channel']).toBe('app.getInfo');
  });

  it('points to the log file only while one is being written', async () => {
    const { logger } = await setup();
    const failing = {
      'app.getInfo': () => {
        throw new Error('boom');
      },
    } as Partial<Handlers> as Handlers;
    const message = async (logFile: string | undefined): Promise<string> => {
      const dispatch = createDispatcher(failing, { isTrusted: trustOrigin(origin), logger, logFile: () => logFile });
      const result = await dispatch('app.getInfo', undefined, trusted);
      return result.ok ? '' : result.error.message;
    };
    expect(await message('/data/logs/main.log')).toContain('log file');
    expect(await message(undefined)).not.toContain('log');
  });

  it('passes a ServiceError code and message through', async () => {
    const { dispatch } = await setup({
      'settings.get': () => {
        throw new ServiceError('offline', 'No network.');
      },
    });
    expect(await dispatch('settings.get', undefined, trusted)).toEqual({
      ok: false,
      error: { code: 'offline', message: 'No network.' },
    });
  });

  it('refuses to return a result that breaks the contract', async () => {
    const { dispatch, logger } = await setup({
      // A handler bug: the result has an extra field the contract does not allow.
      'settings.get': () => ({ ...defaults, theme: 'dark', token: 'x' }) as unknown as Settings,
    });
    expect(await dispatch('settings.get', undefined, trusted)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(logger.lines.some((line) => line.message.includes('breaks the contract'))).toBe(true);
  });
});

describe('the bridge over an in-memory transport', () => {
  it('exposes exactly one function per channel plus events.on', () => {
    const api = buildApi({ invoke: () => Promise.resolve({ ok: true, value: null }), listen: () => () => {} });
    expect(apiFunctionPaths(api).sort()).toEqual([...channels, 'events.on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('carries a settings change from the renderer API to the event and back', async () => {
    const { dispatch, events } = await setup();
    const api = buildApi({
      invoke: (channel, arg) => dispatch(channel, arg, trusted),
      listen: () => () => {},
    });
    const changed: Result<unknown> = await api.settings.set({ theme: 'dark' });
    expect(changed).toEqual({ ok: true, value: { ...defaults, theme: 'dark' } });
    expect(events.emitted.filter((event) => event.name === 'settings')).toEqual([
      { name: 'settings', payload: { ...defaults, theme: 'dark' } },
    ]);
    expect(await api.settings.get()).toEqual({ ok: true, value: { ...defaults, theme: 'dark' } });
  });

  it('refuses to subscribe to an event the contract does not have', () => {
    const api = buildApi({ invoke: () => Promise.resolve({ ok: true, value: null }), listen: () => () => {} });
    expect(() => api.events.on('bogus' as 'settings', () => {})).toThrow(/Unknown event/);
  });
});

describe('validatingSink', () => {
  it('drops an event payload that breaks the contract', () => {
    const sent: unknown[] = [];
    const logger = new RecordingLogger();
    const sink = validatingSink((_name, payload) => sent.push(payload), logger);
    sink.emit('settings', { ...defaults, theme: 'dark' });
    sink.emit('settings', { ...defaults, theme: 'neon' } as unknown as Settings);
    expect(sent).toEqual([{ ...defaults, theme: 'dark' }]);
    expect(logger.lines.map((line) => line.level)).toEqual(['error']);
  });
});

describe('help links', () => {
  it('opens only the URL main owns for a topic', async () => {
    const { dispatch, opener } = await setup();
    expect(await dispatch('app.openHelp', 'report-issue', trusted)).toEqual({ ok: true, value: null });
    expect(opener.opened).toEqual(['https://github.com/cloud-desk/cloud-desk/issues/new']);
    expect(await dispatch('app.openHelp', 'https://evil.example', trusted)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(opener.opened).toHaveLength(1);
  });
});
