// The one network configuration every outgoing call uses (MSAL's network client, every Azure SDK client and
// @azure/identity credentials): which route a URL takes (system proxy / PAC, HTTPS_PROXY and NO_PROXY, the proxy
// in Settings, or direct), which certificates are trusted (Node's roots, the OS store where Node exposes it, the
// extra CA file from Settings and the cloud's own CA), and what a failure means in words. No Electron imports.
import { createHash, X509Certificate } from 'node:crypto';
import type { Agent } from 'node:https';
import * as tls from 'node:tls';
import type { NetworkSettings } from '../../preload/contract-network.js';
import { createAgent, peerIssuer } from './agents.js';
import {
  certificateCodes,
  certificateUntrusted,
  errorCodes,
  networkProblemOf,
  NetworkProblemError,
} from './network-errors.js';
import type { ProxyResolver } from './proxy-resolver.js';
import {
  direct,
  environmentRoute,
  firstUsableRoute,
  isBypassed,
  parseBypassList,
  type ProxyRoute,
} from './proxy-route.js';

export interface NetworkConfigDeps {
  settings: () => NetworkSettings;
  /** The proxy password from the encrypted vault, if one is set. */
  proxyPassword: () => string | undefined;
  /** The system's proxy configuration (Electron's session.resolveProxy; the environment in the preview). */
  systemProxy: ProxyResolver;
  env: Readonly<Record<string, string | undefined>>;
  /** How long a proxy may take to open a tunnel before it counts as unreachable; default 30 s. */
  proxyConnectTimeoutMs?: number;
}

export class NetworkConfig {
  private readonly agents = new Map<string, Agent>();
  private readonly contexts = new Map<string, tls.SecureContext>();
  private lastContext:
    | {
        extraCaPem: string;
        cloudCaPem: string | undefined;
        context: { key: string; value: tls.SecureContext | undefined };
      }
    | undefined;

  constructor(private readonly deps: NetworkConfigDeps) {}

  /** Where a request to `url` goes, with the Settings credentials on a proxy that has none of its own. */
  async route(url: URL): Promise<ProxyRoute> {
    const settings = this.deps.settings();
    let route: ProxyRoute;
    switch (settings.proxyMode) {
      case 'none':
        return direct;
      case 'manual':
        route =
          settings.proxyUrl === '' || isBypassed(url, parseBypassList(settings.proxyBypass))
            ? direct
            : { kind: 'proxy', url: new URL(settings.proxyUrl) };
        break;
      case 'environment':
        route = environmentRoute(url, this.deps.env);
        break;
      case 'system':
        route = await this.systemRoute(url);
        break;
    }
    return route.kind === 'proxy' ? { kind: 'proxy', url: this.withCredentials(route.url, settings) } : route;
  }

  /** The agent for a request to `url`: its route and the trusted certificates (plus the cloud's own CA). */
  async agentFor(url: string, cloudCaPem?: string): Promise<Agent> {
    const route = await this.route(new URL(url));
    const context = this.secureContext(cloudCaPem);
    const key = `${route.kind === 'proxy' ? route.url.href : 'direct'}|${context.key}`;
    let agent = this.agents.get(key);
    if (!agent) {
      agent = createAgent(route, context.value, this.deps.proxyConnectTimeoutMs ?? 30_000);
      this.agents.set(key, agent);
    }
    return agent;
  }

  /** Forgets agents and their pooled connections, so the next request follows changed settings. */
  changed(): void {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
    this.contexts.clear();
    this.lastContext = undefined;
  }

  /**
   * Turns a failed call to `url` into a network problem in words (a certificate failure gets its issuer).
   * Undefined when the failure is not about the network (e.g. an HTTP error answer).
   */
  async explain(error: unknown, url: string): Promise<NetworkProblemError | undefined> {
    const target = new URL(url);
    let problem = networkProblemOf(error, target.host);
    // Only the target's certificate: a proxy whose own certificate fails is "proxy unreachable", said as such.
    const code =
      problem?.kind === 'certificate_untrusted'
        ? errorCodes(error).find((candidate) => certificateCodes.has(candidate))
        : undefined;
    if (code) {
      const route = await this.route(target).catch(() => direct);
      const issuer = await peerIssuer(target, route);
      problem = certificateUntrusted(target.host, code, issuer, error);
    }
    return problem;
  }

  private async systemRoute(url: URL): Promise<ProxyRoute> {
    let answer: string;
    try {
      answer = await this.deps.systemProxy.resolve(url.href);
    } catch (error) {
      throw new NetworkProblemError(
        'proxy_unreachable',
        'Proxy unreachable: the system proxy settings could not be read (a PAC script may be failing). ' +
          'Choose another proxy mode in Settings > Network, or ask your network administrator.',
        { cause: error },
      );
    }
    const route = firstUsableRoute(answer);
    if (route) return route;
    throw new NetworkProblemError(
      'proxy_unreachable',
      `Proxy unreachable: the system proxy settings name only proxies Cloud Desk cannot use ("${answer}": ` +
        'SOCKS is not supported). Enter an HTTP proxy in Settings > Network.',
    );
  }

  private withCredentials(proxy: URL, settings: NetworkSettings): URL {
    const password = this.deps.proxyPassword();
    if (proxy.username !== '' || settings.proxyUsername === '') return proxy;
    const url = new URL(proxy.href);
    url.username = encodeURIComponent(settings.proxyUsername);
    if (password) url.password = encodeURIComponent(password);
    return url;
  }

  /**
   * The TLS context for these certificates. Every request asks (a sweep sends hundreds a second), so the answer
   * for the last (extra CA, cloud CA) texts is kept: scanning the PEM and hashing it per request cost more CPU
   * than the rest of this policy. `changed()` forgets it.
   */
  private secureContext(cloudCaPem: string | undefined): { key: string; value: tls.SecureContext | undefined } {
    const extraCaPem = this.deps.settings().extraCaPem;
    const last = this.lastContext;
    if (last && last.extraCaPem === extraCaPem && last.cloudCaPem === cloudCaPem) return last.context;
    const context = this.buildSecureContext(extraCaPem, cloudCaPem);
    this.lastContext = { extraCaPem, cloudCaPem, context };
    return context;
  }

  private buildSecureContext(
    extraCaPem: string,
    cloudCaPem: string | undefined,
  ): { key: string; value: tls.SecureContext | undefined } {
    const extra = [...pemBlocks(extraCaPem), ...pemBlocks(cloudCaPem ?? '')];
    const system = systemCertificates();
    if (extra.length === 0 && system.length === 0) return { key: 'default', value: undefined };
    const key = createHash('sha256').update(extra.join('\n')).digest('hex');
    let value = this.contexts.get(key);
    if (!value) {
      value = tls.createSecureContext({ ca: [...new Set([...tls.rootCertificates, ...system, ...extra])] });
      this.contexts.set(key, value);
    }
    return { key, value };
  }
}

/** The PEM certificate blocks in a text (a file may hold several, and comments between them). */
export function pemBlocks(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

/** The subject of each certificate in `pem`; throws naming the block that is not a certificate. */
export function certificateSubjects(pem: string): string[] {
  return pemBlocks(pem).map((block, index) => {
    try {
      return new X509Certificate(block).subject.replace(/\n/g, ', ');
    } catch {
      throw new Error(`Certificate ${index + 1} in the file is not a valid PEM certificate.`);
    }
  });
}

let systemStore: string[] | undefined;

/** The OS certificate store, where this Node exposes it (tls.getCACertificates, Node 22.15+ / Electron 36+). */
function systemCertificates(): string[] {
  if (systemStore === undefined) {
    try {
      systemStore = typeof tls.getCACertificates === 'function' ? tls.getCACertificates('system') : [];
    } catch {
      systemStore = [];
    }
  }
  return systemStore;
}
