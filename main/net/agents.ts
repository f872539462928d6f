// The two kinds of https agent a request can get: direct, or through an HTTP(S) proxy with CONNECT
// (https-proxy-agent). Both trust the same certificates, passed as one TLS context in the request's own TLS
// options: https-proxy-agent does not use constructor TLS options inside the tunnel. A proxy that cannot be
// reached or answers 407 fails the request with words, not a raw socket error. Pooled connections are let go
// before the server's announced keep-alive timeout ends (see idleConnectionMs). No Electron imports.
import type { ClientRequest } from 'node:http';
import { Agent, request } from 'node:https';
import type { Socket } from 'node:net';
import type { PeerCertificate, SecureContext, TLSSocket } from 'node:tls';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { proxyAuthRequired, proxyRefused, proxyUnreachable } from './network-errors.js';
import { displayProxy, type ProxyRoute } from './proxy-route.js';

/**
 * How long an idle pooled connection is kept at most. Node's agent keeps one only until shortly before the
 * server's `Keep-Alive: timeout=N` says it will close it, but only when the agent has a timeout of its own:
 * without one it keeps it for ever, and a call written to it as the server closes it fails with ECONNRESET.
 */
export const idleConnectionMs = 60_000;

type ConnectOptions = Parameters<HttpsProxyAgent<string>['connect']>[1];

export class TunnelAgent extends HttpsProxyAgent<string> {
  constructor(
    proxy: URL,
    private readonly secureContext: SecureContext | undefined,
    private readonly connectTimeoutMs: number,
  ) {
    // The context also serves the TLS connection to an https:// proxy (constructor options), not only the tunnel.
    super(proxy, { keepAlive: true, timeout: idleConnectionMs, ...(secureContext ? { secureContext } : {}) });
  }

  override async connect(req: ClientRequest, options: ConnectOptions): Promise<Socket> {
    let status = 0;
    req.once('proxyConnect', (answer: { statusCode?: number }) => {
      status = answer.statusCode ?? 0;
    });
    const proxy = displayProxy(this.proxy);
    let socket: Socket;
    try {
      socket = await this.withTimeout(
        super.connect(
          req,
          this.secureContext && options.secureEndpoint ? { ...options, secureContext: this.secureContext } : options,
        ),
      );
    } catch (error) {
      throw proxyUnreachable(proxy, error);
    }
    if (status === 200) return socket;
    socket.destroy();
    if (status === 407) throw proxyAuthRequired(proxy, this.proxy.username !== '');
    throw proxyRefused(proxy, `${options.host ?? ''}:${options.port}`, status);
  }

  /** A proxy that accepts the connection but never answers CONNECT would otherwise hold the request forever. */
  private withTimeout(attempt: Promise<Socket>): Promise<Socket> {
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        reject(Object.assign(new Error('The proxy did not answer in time.'), { code: 'ETIMEDOUT' }));
      }, this.connectTimeoutMs);
    });
    // A tunnel that opens after we gave up is closed at once.
    attempt.then(
      (late) => {
        if (timedOut) late.destroy();
      },
      () => undefined,
    );
    return Promise.race([attempt, timeout]).finally(() => clearTimeout(timer));
  }
}

export function createAgent(
  route: ProxyRoute,
  secureContext: SecureContext | undefined,
  proxyConnectTimeoutMs: number,
): Agent {
  return route.kind === 'direct'
    ? new Agent({ keepAlive: true, timeout: idleConnectionMs, ...(secureContext ? { secureContext } : {}) })
    : new TunnelAgent(route.url, secureContext, proxyConnectTimeoutMs);
}

/**
 * The issuer of the certificate `url` presents on `route`, read by a handshake that does not verify it. Used only
 * to explain a certificate failure: the request sends no credentials and its answer is thrown away.
 */
export function peerIssuer(url: URL, route: ProxyRoute, timeoutMs = 5000): Promise<string | undefined> {
  const agent = route.kind === 'direct' ? new Agent({ keepAlive: false }) : new HttpsProxyAgent(route.url);
  return new Promise((resolve) => {
    const probe = request(
      url.origin,
      { method: 'HEAD', agent, rejectUnauthorized: false, timeout: timeoutMs },
      (response) => {
        resolve(formatIssuer((response.socket as TLSSocket).getPeerCertificate()));
        response.resume();
        probe.destroy();
        agent.destroy();
      },
    );
    probe.on('timeout', () => probe.destroy());
    probe.on('error', () => {
      resolve(undefined);
      agent.destroy();
    });
    probe.end();
  });
}

function formatIssuer(certificate: PeerCertificate | undefined): string | undefined {
  const issuer = certificate?.issuer;
  if (!issuer) return undefined;
  const parts: string[] = [];
  for (const key of ['CN', 'O', 'OU', 'C'] as const) {
    const value = issuer[key];
    if (typeof value === 'string' && value !== '') parts.push(`${key}=${value}`);
  }
  return parts.length > 0 ? parts.join(', ') : undefined;
}
