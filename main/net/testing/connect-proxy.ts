// Test-only: a real HTTP CONNECT proxy on 127.0.0.1, optionally asking for basic authentication, that counts the
// tunnels it opens (and the 407s it answers) so tests can prove a call went through it. Used by vitest tests and
// the preview e2e; never by product code.
import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface CountingProxy {
  url: string;
  port: number;
  /** host:port of every tunnel opened, in order. */
  tunnels: string[];
  /** CONNECT requests refused with 407 for missing or wrong credentials. */
  refused: number;
  close(): Promise<void>;
}

export interface CountingProxyOptions {
  username?: string;
  password?: string;
  /** Makes it an https:// proxy with this certificate (e.g. emulator/core/tls.ts createTlsMaterial()). */
  tls?: { certPem: string; keyPem: string };
}

export async function startCountingProxy(options: CountingProxyOptions = {}): Promise<CountingProxy> {
  const expected =
    options.username === undefined
      ? undefined
      : `Basic ${Buffer.from(`${options.username}:${options.password ?? ''}`).toString('base64')}`;
  const sockets = new Set<Socket>();
  const refuse = (_request: unknown, response: { writeHead(status: number): { end(): void } }): void =>
    response.writeHead(405).end();
  const server: Server = options.tls
    ? createTlsServer({ cert: options.tls.certPem, key: options.tls.keyPem }, refuse)
    : createServer(refuse);
  const proxy: CountingProxy = { url: '', port: 0, tunnels: [], refused: 0, close: () => close(server, sockets) };
  server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('connect', (request, client: Socket, head: Buffer) => {
    if (expected && request.headers['proxy-authorization'] !== expected) {
      proxy.refused += 1;
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n');
      return;
    }
    const target = request.url ?? '';
    const [host = '', port = '443'] = target.split(':');
    const upstream = connect(Number(port), host, () => {
      proxy.tunnels.push(target);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.once('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as AddressInfo).port;
  proxy.url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${proxy.port}`;
  return proxy;
}

function close(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}
