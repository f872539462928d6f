// Where one request goes: straight to the host, or through an HTTP(S) proxy. Parses what the system's proxy
// resolution answers (PAC style: "PROXY h:p; DIRECT"), HTTPS_PROXY / NO_PROXY and the Settings bypass list.
// Pure functions: no network, no Electron imports.
export type ProxyRoute = { kind: 'direct' } | { kind: 'proxy'; url: URL };

export const direct: ProxyRoute = { kind: 'direct' };

/**
 * The routes of a PAC-style answer, in order ("PROXY a:1; HTTPS b:2; DIRECT"). SOCKS entries are skipped:
 * Cloud Desk's proxy agent speaks HTTP CONNECT only.
 */
export function parsePacAnswer(answer: string): ProxyRoute[] {
  const routes: ProxyRoute[] = [];
  for (const entry of answer.split(';')) {
    const [kind = '', hostPort] = entry.trim().split(/\s+/);
    const upper = kind.toUpperCase();
    if (upper === 'DIRECT') routes.push(direct);
    else if ((upper === 'PROXY' || upper === 'HTTPS') && hostPort) {
      const url = toUrl(`${upper === 'HTTPS' ? 'https' : 'http'}://${hostPort}`);
      if (url) routes.push({ kind: 'proxy', url });
    }
  }
  return routes;
}

/** The first route Cloud Desk can use; an answer with only SOCKS proxies says so instead of going direct. */
export function firstUsableRoute(answer: string): ProxyRoute | undefined {
  const routes = parsePacAnswer(answer);
  if (routes.length > 0) return routes[0];
  return answer.trim() === '' ? direct : undefined;
}

/** Splits a bypass list ("localhost, *.contoso.com .corp 10.0.0.1;intranet:8443") into entries. */
export function parseBypassList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '');
}

/**
 * NO_PROXY semantics as curl and most tools read them: `*` matches everything, `contoso.com` and `.contoso.com`
 * and `*.contoso.com` match the domain and its subdomains, an entry with a port matches that port only.
 */
export function isBypassed(target: URL, entries: readonly string[]): boolean {
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  return entries.some((raw) => {
    if (raw === '*') return true;
    const [entryHost = '', entryPort] = splitHostPort(raw);
    if (entryPort && entryPort !== port) return false;
    const domain = entryHost.replace(/^\*?\./, '');
    return host === domain || host.endsWith(`.${domain}`);
  });
}

/** localhost, 127.0.0.0/8 and ::1: what Chromium never sends to a proxy. */
export function isLoopback(target: URL): boolean {
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1';
}

/** HTTPS_PROXY (or HTTP_PROXY, ALL_PROXY) for an https target, unless NO_PROXY names the host. */
export function environmentRoute(target: URL, env: Readonly<Record<string, string | undefined>>): ProxyRoute {
  const proxy = environmentProxyUrl(env);
  if (!proxy) return direct;
  const noProxy = parseBypassList(read(env, 'NO_PROXY') ?? '');
  return isBypassed(target, noProxy) ? direct : { kind: 'proxy', url: proxy };
}

export function environmentProxyUrl(env: Readonly<Record<string, string | undefined>>): URL | undefined {
  const value = read(env, 'HTTPS_PROXY') ?? read(env, 'HTTP_PROXY') ?? read(env, 'ALL_PROXY');
  if (!value) return undefined;
  return toUrl(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
}

/** A proxy URL safe to show or log: scheme, host and port only. */
export function displayProxy(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

function read(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const value = env[name] ?? env[name.toLowerCase()];
  return value && value.trim() !== '' ? value.trim() : undefined;
}

function splitHostPort(entry: string): [string, string | undefined] {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return [bracketed[1] ?? '', bracketed[2]];
  const parts = entry.split(':');
  if (parts.length === 2 && /^\d+$/.test(parts[1] ?? '')) return [parts[0] ?? '', parts[1]];
  return [entry, undefined];
}

function toUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
