import { describe, expect, it } from 'vitest';
import { ServiceError } from '../errors.js';
import { MemoryStore, RecordingEvents, RecordingLogger } from '../testing/fakes.js';
import { createNetwork } from './network-settings.js';
import type { ProxyResolver } from './proxy-resolver.js';
import { testVault } from '../testing/vault.js';

const caPem = `-----BEGIN CERTIFICATE-----
MIIBfTCCASOgAwIBAgIUTeSTcAfOrNeTwOrKsEtTiNgS0wCgYIKoZIzj0EAwIwFDES
-----END CERTIFICATE-----`;

async function setup(env: Record<string, string> = {}) {
  return setupWith({ resolve: () => Promise.resolve('PROXY system.contoso.com:8080') }, env);
}

async function setupWith(systemProxy: ProxyResolver, env: Record<string, string> = {}) {
  const store = new MemoryStore();
  const logger = new RecordingLogger();
  const events = new RecordingEvents();
  const vault = await testVault({ store, logger });
  const network = await createNetwork({
    store,
    vault,
    events,
    logger,
    env,
    systemProxy,
  });
  return { store, vault, events, logger, ...network };
}

describe('network settings', () => {
  it('keeps the proxy password encrypted in the vault, out of the settings and of what the renderer sees', async () => {
    const { store, settings, events, logger } = await setup();
    settings.set({ proxyMode: 'manual', proxyUrl: 'http://proxy.contoso.com:8080', proxyUsername: 'alice' });
    const state = await settings.setProxyPassword('pa55 word');
    expect(state.proxyPasswordSet).toBe(true);
    const everything = JSON.stringify([...store.data.entries(), events.emitted, logger.lines, state]);
    expect(everything).not.toContain('pa55 word');
    expect(store.get('network')).toMatchObject({ proxyUsername: 'alice' });
    expect((await settings.clearProxyPassword()).proxyPasswordSet).toBe(false);
  });

  it('reads the stored password back on the next start, and routes through the proxy with it', async () => {
    const first = await setup();
    first.settings.set({ proxyMode: 'manual', proxyUrl: 'http://proxy.contoso.com:8080', proxyUsername: 'alice' });
    await first.settings.setProxyPassword('p@ss:word');
    const vault = await testVault({ store: first.store, logger: first.logger });
    const again = await createNetwork({
      store: first.store,
      vault,
      events: new RecordingEvents(),
      logger: first.logger,
      env: {},
      systemProxy: { resolve: () => Promise.resolve('DIRECT') },
    });
    expect(again.settings.state().proxyPasswordSet).toBe(true);
    const route = await again.config.route(new URL('https://login.microsoftonline.com'));
    expect(route.kind === 'proxy' && decodeURIComponent(route.url.password)).toBe('p@ss:word');
    expect(route.kind === 'proxy' && route.url.username).toBe('alice');
  });

  it('refuses a manual mode without a URL, and a CA file that is not a certificate', async () => {
    const { settings } = await setup();
    expect(() => settings.set({ proxyMode: 'manual' })).toThrow(ServiceError);
    expect(() => settings.set({ extraCaPem: caPem })).toThrow(/Certificate 1 in the file is not a valid PEM/);
    expect(settings.get().extraCaPem).toBe('');
  });

  it('follows the mode: system (the resolver), environment (HTTPS_PROXY), manual with its bypass list, none', async () => {
    const { settings, config } = await setup({ HTTPS_PROXY: 'http://env.contoso.com:3128' });
    const target = new URL('https://management.azure.com');
    const where = async (): Promise<string> => {
      const route = await config.route(target);
      return route.kind === 'proxy' ? route.url.host : 'direct';
    };
    expect(await where()).toBe('system.contoso.com:8080');
    settings.set({ proxyMode: 'environment' });
    expect(await where()).toBe('env.contoso.com:3128');
    expect(settings.state().environmentProxy).toBe('http://env.contoso.com:3128');
    settings.set({ proxyMode: 'manual', proxyUrl: 'http://manual.contoso.com:8080' });
    expect(await where()).toBe('manual.contoso.com:8080');
    settings.set({ proxyBypass: '*.azure.com' });
    expect(await where()).toBe('direct');
    settings.set({ proxyMode: 'none', proxyBypass: '' });
    expect(await where()).toBe('direct');
  });
});

describe('the system proxy', () => {
  it('says why when the system names only SOCKS proxies, and when it cannot answer', async () => {
    const { config } = await setupWith({ resolve: () => Promise.resolve('SOCKS5 socks.contoso.com:1080') });
    await expect(config.route(new URL('https://login.microsoftonline.com'))).rejects.toThrow(
      /^Proxy unreachable: the system proxy settings name only proxies Cloud Desk cannot use/,
    );
    const failing = await setupWith({ resolve: () => Promise.reject(new Error('PAC script threw')) });
    await expect(failing.config.route(new URL('https://login.microsoftonline.com'))).rejects.toMatchObject({
      kind: 'proxy_unreachable',
      message: expect.stringContaining('could not be read (a PAC script may be failing)'),
    });
  });
});
