import { describe, expect, it } from 'vitest';
import { environmentProxyResolver } from './proxy-resolver.js';
import { environmentRoute, firstUsableRoute, isBypassed, parseBypassList, parsePacAnswer } from './proxy-route.js';

const href = (route: ReturnType<typeof firstUsableRoute>): string | undefined =>
  route?.kind === 'proxy' ? route.url.href : route?.kind;

describe('PAC answers (Electron session.resolveProxy)', () => {
  it('reads PROXY and HTTPS entries in order, and DIRECT', () => {
    expect(parsePacAnswer('PROXY proxy.contoso.com:8080; HTTPS secure.contoso.com:443; DIRECT').map(href)).toEqual([
      'http://proxy.contoso.com:8080/',
      'https://secure.contoso.com/',
      'direct',
    ]);
  });

  it('skips SOCKS entries, and refuses an answer that has nothing else', () => {
    expect(href(firstUsableRoute('SOCKS5 socks.contoso.com:1080; PROXY p:3128'))).toBe('http://p:3128/');
    expect(firstUsableRoute('SOCKS5 socks.contoso.com:1080')).toBeUndefined();
  });

  it('takes an empty answer as direct', () => {
    expect(href(firstUsableRoute(''))).toBe('direct');
  });
});

describe('bypass lists (Settings and NO_PROXY)', () => {
  const list = parseBypassList('localhost, *.corp.contoso.com .internal;10.1.2.3  intranet:8443');

  it('splits on commas, semicolons and spaces', () => {
    expect(list).toEqual(['localhost', '*.corp.contoso.com', '.internal', '10.1.2.3', 'intranet:8443']);
  });

  it('matches a domain and its subdomains, but not a name that only ends the same', () => {
    expect(isBypassed(new URL('https://corp.contoso.com'), list)).toBe(true);
    expect(isBypassed(new URL('https://a.b.corp.contoso.com'), list)).toBe(true);
    expect(isBypassed(new URL('https://notcorp.contoso.com'), list)).toBe(false);
    expect(isBypassed(new URL('https://api.internal/x'), list)).toBe(true);
    expect(isBypassed(new URL('https://10.1.2.3:8443'), list)).toBe(true);
  });

  it('honours a port when the entry names one', () => {
    expect(isBypassed(new URL('https://intranet:8443'), list)).toBe(true);
    expect(isBypassed(new URL('https://intranet'), list)).toBe(false);
  });

  it('lets * bypass everything', () => {
    expect(isBypassed(new URL('https://management.azure.com'), ['*'])).toBe(true);
  });
});

describe('HTTPS_PROXY and NO_PROXY', () => {
  it('uses HTTPS_PROXY (either case) unless NO_PROXY names the host', () => {
    const env = { https_proxy: 'proxy.contoso.com:3128', NO_PROXY: '.azure.com' };
    expect(href(environmentRoute(new URL('https://login.microsoftonline.com'), env))).toBe(
      'http://proxy.contoso.com:3128/',
    );
    expect(href(environmentRoute(new URL('https://management.azure.com'), env))).toBe('direct');
  });

  it('falls back to HTTP_PROXY, and goes direct without any', () => {
    expect(href(environmentRoute(new URL('https://x.test'), { HTTP_PROXY: 'http://p:80' }))).toBe('http://p/');
    expect(href(environmentRoute(new URL('https://x.test'), {}))).toBe('direct');
  });

  it('answers PAC style for the preview, without the credentials in the URL', async () => {
    const resolver = environmentProxyResolver({ HTTPS_PROXY: 'http://user:secret@proxy.contoso.com:8080' });
    await expect(resolver.resolve('https://login.microsoftonline.com/')).resolves.toBe('PROXY proxy.contoso.com:8080');
    await expect(environmentProxyResolver({}).resolve('https://x.test/')).resolves.toBe('DIRECT');
  });

  it("as the preview's system proxy, keeps loopback addresses direct as Chromium does; the environment mode does not", async () => {
    const env = { HTTPS_PROXY: 'http://proxy.contoso.com:8080' };
    for (const url of ['https://localhost:8443/', 'https://127.0.0.1:9/', 'https://[::1]:443/']) {
      await expect(environmentProxyResolver(env).resolve(url)).resolves.toBe('DIRECT');
    }
    expect(href(environmentRoute(new URL('https://localhost:8443'), env))).toBe('http://proxy.contoso.com:8080/');
  });
});
