// The port through which the system's proxy configuration is asked about one URL. Electron answers through
// `session.resolveProxy` (PAC and OS settings included, main/platform/electron-proxy-resolver.ts); the browser
// preview has no system proxy and answers from HTTPS_PROXY / NO_PROXY. No Electron imports.
import { displayProxy, environmentRoute, isLoopback } from './proxy-route.js';

export interface ProxyResolver {
  /** A PAC-style answer for `url`, e.g. "PROXY proxy.contoso.com:8080; DIRECT" or "DIRECT". */
  resolve(url: string): Promise<string>;
}

/**
 * Answers from the process environment, for runtimes without a system proxy service (the preview, tests). Like
 * Chromium's system resolution it never sends loopback addresses to a proxy, so a local emulator keeps working on
 * a machine whose HTTPS_PROXY points at a corporate proxy. (The `environment` mode reads the variables literally.)
 */
export function environmentProxyResolver(env: Readonly<Record<string, string | undefined>>): ProxyResolver {
  return {
    resolve: (url) => {
      const target = new URL(url);
      if (isLoopback(target)) return Promise.resolve('DIRECT');
      const route = environmentRoute(target, env);
      if (route.kind === 'direct') return Promise.resolve('DIRECT');
      const hostPort = displayProxy(route.url).replace(/^[a-z]+:\/\//, '');
      return Promise.resolve(`${route.url.protocol === 'https:' ? 'HTTPS' : 'PROXY'} ${hostPort}`);
    },
  };
}
