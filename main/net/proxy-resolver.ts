// The port through which the system's proxy configuration is asked about one URL. Electron answers through
// `session.resolveProxy` (PAC and OS settings included, main/platform/electron-proxy-resolver.ts); the browser
// preview has no system proxy and answers from HTTPS_PROXY / NO_PROXY. No Electron imports.
import { displayProxy, environmentRoute } from './proxy-route.js';

export interface ProxyResolver {
  /** A PAC-style answer for `url`, e.g. "PROXY proxy.contoso.com:8080; DIRECT" or "DIRECT". */
  resolve(url: string): Promise<string>;
}

/** Answers from the process environment, for runtimes without a system proxy service (the preview, tests). */
export function environmentProxyResolver(env: Readonly<Record<string, string | undefined>>): ProxyResolver {
  return {
    resolve: (url) => {
      const route = environmentRoute(new URL(url), env);
      if (route.kind === 'direct') return Promise.resolve('DIRECT');
      const hostPort = displayProxy(route.url).replace(/^[a-z]+:\/\//, '');
      return Promise.resolve(`${route.url.protocol === 'https:' ? 'HTTPS' : 'PROXY'} ${hostPort}`);
    },
  };
}
